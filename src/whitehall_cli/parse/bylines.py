"""Bylines: the writers' names as pages print them, with or without "By", with their jobs
("Ann Lee, Whitehall Editor", "Ann Lee" over "Political reporter"), several at once ("Ann Lee
and Bob Ray in London", "Ann Lee, Editor | Bob Ray, Correspondent"). `header` asks this
module for names; a Title Case organisation's name is never one.
"""

from __future__ import annotations

import re

from whitehall_cli.load import furniture as fu
from whitehall_cli.parse.masthead import title_cased

# A capital letter, accented ones too ("\u00d3 S\u00failleabh\u00e1in", "\u00c9lodie").
_CAP = "[A-Z\u00c0-\u00d6\u00d8-\u00de]"
# A word of a name: a capital, then letters; or an Irish "\u00d3" before a surname.
_NAME_WORD = rf"(?:{_CAP}[\w'\u2019.\-]+|\u00d3)"
# A line of names only, the byline of pages that print no "By".
BARE_BYLINE = re.compile(
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}){{0,3}}$"
)

# A byline line, or a writer's job under it, has at most this many characters.
BYLINE_MAX_CHARS = 80
# A writer's job printed under or after their name has at most this many words.
BYLINE_ROLE_MAX_WORDS = 5

# Where the writers filed from, after their names: "Ann Lee and Bob Ray in London".
DATELINE_PLACE = re.compile(r"\s+in\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?$")

# Separators between names in a byline.
NAME_SEPARATORS = re.compile(r"\s*(?:,|&|\band\b)\s*")

# Job titles that may follow a name in a byline: "Jane Doe, political editor".
BYLINE_ROLE_WORDS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|journalist|columnist|staff|contributor|"
    r"analyst|researcher|fellow|director|head|chief|deputy|senior|associate|@)\b",
    re.I,
)

# A name in a byline: capitalised words (with particles), or a desk such as "Civil Service World".
BYLINE_NAME = re.compile(
    rf"^(?:{_CAP}[\w'\u2019.\-]*|de|van|von|der|da|di|la|le|of|the|and)"
    rf"(?:\s+(?:{_CAP}[\w'\u2019.\-]*|de|van|von|der|da|di|la|le|of|the))*$"
)
# Last words of an organisation's name (a committee's, a department's), not a headline's.
ORG_HEAD_WORDS = frozenset(
    {
        "committee",
        "office",
        "department",
        "parliament",
        "union",
        "commission",
        "council",
        "authority",
        "agency",
        "service",
        "ministry",
        "institute",
        "foundation",
        "trust",
        "society",
        "association",
        "party",
        "treasury",
        "executive",
        "board",
        "tribunal",
    }
)


def byline_names(text: str) -> list[str]:
    """Names from a byline's name part; [] when it does not read as names."""
    text = re.split(r"\s+(?:\||\u2013|-)\s+", text.strip())[0]  # "Jane Doe | The Outlet"
    parts = [p.strip(" .") for p in NAME_SEPARATORS.split(text) if p.strip(" .")]
    names = [p for p in parts if not BYLINE_ROLE_WORDS.search(p)]
    if not names or any(not BYLINE_NAME.match(n) or len(n.split()) > 5 for n in names):
        return []
    return names


def bare_byline(line: str) -> list[str]:
    """Names alone on a line, as some pages print their byline: "Ann Lee and Bob Ray",
    "Ann Lee, Whitehall Editor", "Ann Lee, Editor | Bob Ray, Correspondent", "Ann Lee and
    Bob Ray in London"."""
    if " | " in line:
        entries = [bare_byline(e) for e in line.split(" | ")]
        return [n for e in entries for n in e] if all(entries) else []
    line = DATELINE_PLACE.sub("", line)
    name, _, role = line.partition(",")
    if role and BYLINE_ROLE_WORDS.search(role) and fu.word_count(role) <= 4:
        line = name  # the writer's job after the name
    if not BARE_BYLINE.match(line) or org_name(line):
        return []
    names = byline_names(line)
    return names if all(2 <= len(n.split()) <= 4 for n in names) else []


def take_name_role_bylines(lines: list[str], authors: list[str], mark: str) -> list[str]:
    """Bylines of a name and the writer's job, on the next line ("Ann Lee" over "PA Political
    Correspondent") or after it ("Ann Lee Whitehall editor"): the authors (unless a byline
    gave them); the lines are replaced by `mark` (metadata), so a job is never read as the
    headline."""
    out = list(lines)
    names: list[str] = []
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if len(line) > BYLINE_MAX_CHARS or out[i] == mark:
            continue  # most lines: prose, too long for a byline
        nxt = lines[i + 1] if i < last else ""
        if len(nxt) <= BYLINE_MAX_CHARS and _byline_role(nxt) and (above := bare_byline(line)):
            names += above
            out[i] = out[i + 1] = mark
        elif line[-1:].islower() and (one := _name_before_role(line)):
            names.append(one)
            out[i] = mark
    if not authors:
        authors.extend(names)
    return out


def _byline_role(line: str) -> bool:
    """A writer's job on a line of its own: "Political reporter", "Senior Researcher"."""
    if not line or not BYLINE_ROLE_WORDS.search(line):
        return False
    words = [w for w in line.split() if not w.startswith("@")]  # "... @AnnLeeNews"
    short = 0 < len(words) <= BYLINE_ROLE_MAX_WORDS and all(w[:1].isalpha() for w in words)
    return short and words[-1][-1:].isalpha()


def _name_before_role(line: str) -> str | None:
    """ "Rowena Castellano Whitehall editor": a two-word name, then a job in lower case."""
    words = line.split()
    if not 3 <= len(words) <= 2 + BYLINE_ROLE_MAX_WORDS or not words[-1].islower():
        return None
    name, role = " ".join(words[:2]), " ".join(words[2:])
    job = BYLINE_ROLE_WORDS.search(words[-1]) and _byline_role(role)
    return name if job and bare_byline(name) == [name] else None


def org_name(line: str) -> bool:
    """A Title Case organisation name ("Public Administration Committee")."""
    words = line.split()
    return title_cased(words) and words[-1].lower() in ORG_HEAD_WORDS
