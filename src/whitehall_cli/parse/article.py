"""Article text -> Document (title, standfirst, date, outlet, authors, url, body).

The body starts at the first line that reads as prose (a sentence of some length); what
stands above it is the header (`header.read_header`). Below, prose lines are kept, letters
keep their salutation and signature, and teaser lists, headlines and furniture are dropped.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

from whitehall_cli import lexicon
from whitehall_cli.load import furniture as fu
from whitehall_cli.load.corpus import SourceFile
from whitehall_cli.load.decoding import read_text
from whitehall_cli.load.formats import to_plain_lines
from whitehall_cli.models import Document
from whitehall_cli.parse.bylines import take_name_role_bylines
from whitehall_cli.parse.dates import DATE_LABEL, date_line
from whitehall_cli.parse.header import META_MARK, Meta, read_header, take_labelled

# Words long enough for a line to open the body (shorter sentences may be headline questions).
BODY_MIN_WORDS = 8
# A question reads as the body's first line only when it is this long.
QUESTION_BODY_WORDS = 20
# A shorter sentence that quotes someone with a speech verb is prose too, from this many words.
QUOTED_BODY_WORDS = 5
# Speech verbs, as the quotes stage lists them ("said", "told", "added").
SPEECH_VERBS = frozenset(w for line in lexicon.lines("speech_verbs.txt") for w in line.split())
# A quotation: an opening mark, words, a closing mark.
QUOTED = re.compile('["\u201c\u2018\'][^"\u201c\u201d]+["\u201d\u2019\']')
# A word, lower case.
LOWER_WORD = re.compile(r"[a-z]+")
# A sentence below the headline of at least this many words is the article's text, when the
# header does not take it.
HEADER_PROSE_WORDS = 4
# A signatory's name on its own line: honorific, two to four names, letters after them.
SIGNATORY = re.compile(
    r"^(?:(?:Sir|Dame|Lord|Lady|Baroness|Baron|Dr|Prof|Professor|Mr|Mrs|Ms|Miss|(?:The )?Rt Hon)\.?\s+)?"
    r"[A-Z][\w'\u2019.\-]+(?:\s+(?:of\s+)?[A-Z][\w'\u2019.\-]+){1,3}(?:\s+[A-Z]{2,5})*$"
)
# A run of short lines with at least this many names is a list of signatories.
SIGNATORIES_MIN = 3
# How many lines below where the body seems to start a byline may still stand.
BYLINE_BODY_LINES = 6
# A bare date line among the first few paragraphs still dates the article.
DATE_NEAR_TOP = 2
# Said of an article in which nothing reads as its text.
NO_BODY = "no article text found in it"

log = logging.getLogger("whitehall_cli")


def parse_file(source: SourceFile) -> Document:
    """Read and parse one corpus file (raises load.Unreadable)."""
    text = read_text(source.path)
    return parse_text(text, source.id, str(source.path))


def parse_text(
    text: str, doc_id: str, path: str = "", warnings: list[str] | None = None
) -> Document:
    """Parse the text of one article into a Document. What went wrong on the way (a web
    page read by the fallback reader, no article text at all) is added to `warnings`, one
    line each, or logged as a warning naming `path` when no list is given."""
    found: list[str] = []
    doc = _parse(text, doc_id, path, found)
    if not doc.paragraphs:
        found.append(NO_BODY)
    if warnings is not None:
        warnings.extend(found)
    else:
        for message in found:
            log.warning("%s: %s", path or doc_id, message)
    return doc


def _parse(text: str, doc_id: str, path: str, warnings: list[str]) -> Document:
    lines = to_plain_lines(text, _suffix(path).lower(), warnings)
    meta = Meta()
    content: list[str] = []
    for line in lines:  # metadata lines leave a marker: the headline stands above the byline
        content.append(META_MARK if take_labelled(line, meta) else line)
    furniture = fu.FurnitureMemo()  # each line of the article judged once for all passes
    start = _body_start(content, furniture)
    # a byline of a name over the writer's job, in the header or under a standfirst that
    # reads as the body's first paragraph
    early = start + BYLINE_BODY_LINES
    content[:early] = take_name_role_bylines(content[:early], meta.authors, META_MARK)
    read_header(content[:start], meta, furniture)
    paragraphs = _header_prose(content[:start], meta, furniture)
    paragraphs += _body(content[start:], meta, furniture)
    meta.outlet = meta.outlet or meta.fallback_outlet
    if meta.url is None and len(set(meta.bare_urls)) == 1:
        meta.url = meta.bare_urls[0]  # one address standing alone: the page's own
    if not paragraphs and meta.standfirst:
        # a lone paragraph under the headline is the article's text, not its standfirst
        paragraphs, meta.standfirst = [meta.standfirst], None
    return Document(
        id=doc_id,
        path=path,
        title=meta.title,
        standfirst=meta.standfirst,
        date=meta.date,
        outlet=meta.outlet,
        authors=tuple(dict.fromkeys(meta.authors)),
        url=meta.url,
        paragraphs=tuple(paragraphs),
    )


def _header_prose(lines: list[str], meta: Meta, furniture: fu.FurnitureMemo) -> list[str]:
    """Short sentences below the headline (or the date, with no headline) that the header
    did not take as standfirst, byline or date: the article's first lines, too short to
    start its body by length alone ("The minister resigned on Tuesday.")."""
    if meta.title is not None and meta.title in lines:
        top = lines.index(meta.title)  # below the headline
    else:  # no headline among them: below the date, if a line gives it
        top = next((i for i, line in enumerate(lines) if date_line(line)), -1)
        if top < 0:
            return []
    out = []
    for line in lines[top + 1 :]:
        if (
            line != META_MARK
            and line not in (meta.title, meta.standfirst)
            and fu.ends_sentence(line)
            and fu.word_count(line) >= HEADER_PROSE_WORDS
            and not furniture[line]
            and date_line(line) is None
            and LOWER_WORD.search(line) is not None
        ):
            out.append(line)
    return out


def _suffix(path: str) -> str:
    """Path(path).suffix without building a Path (a few microseconds an article): on POSIX
    a last part that is not empty or "." is the Path's name."""
    name = path.rpartition("/")[2]
    if os.sep != "/" or name in ("", "."):
        return Path(path).suffix
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def _is_body_line(line: str) -> bool:
    """A line that reads as article prose, so the body has begun: a sentence of some length,
    or a short one that reports someone's words ('"We will strike," officials said.')."""
    words = fu.word_count(line)
    if fu.ends_sentence(line) and words >= BODY_MIN_WORDS:
        # a short question or exclamation is a headline ("What are the new rules?")
        return not line.rstrip(fu.CLOSERS).endswith(("?", "!")) or words >= QUESTION_BODY_WORDS
    if words >= QUOTED_BODY_WORDS and fu.ends_sentence(line) and _reports_words(line):
        return True

    return bool(fu.SALUTATION.match(line)) or (line.endswith(":") and words >= 6)


def _reports_words(line: str) -> bool:
    """The line quotes someone and has a speech verb outside the quotation."""
    m = QUOTED.search(line)
    if m is None:
        return False
    rest = line[: m.start()] + " " + line[m.end() :]
    return not SPEECH_VERBS.isdisjoint(LOWER_WORD.findall(rest.lower()))


def _body_start(lines: list[str], furniture: fu.FurnitureMemo) -> int:
    for i, line in enumerate(lines):
        if line != META_MARK and not furniture[line] and _is_body_line(line):
            return i
    return len(lines)


def _signatory_lines(lines: list[str], furniture: fu.FurnitureMemo) -> set[int]:
    """Lines of a signatories' list (names, each with a role line or not), kept with the
    text even with no "Yours faithfully" above them: a run of short lines in which at least
    two are names."""
    keep: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if (  # cheapest test first: most body lines end a sentence
            line
            and not fu.ends_sentence(line)
            and fu.word_count(line) <= fu.SIGNATURE_WORDS
            and not furniture[line]
        ):
            run.append(i)
            continue
        if (  # most runs are empty or short: no names to count
            len(run) >= SIGNATORIES_MIN
            and sum(bool(SIGNATORY.match(lines[j])) for j in run) >= SIGNATORIES_MIN
        ):
            keep.update(run)
        run = []
    return keep


def _opens_quote(lines: list[str], i: int) -> bool:
    """Line `i` exists and opens with a quotation mark."""
    return i < len(lines) and lines[i].startswith(fu.OPEN_QUOTES)


def _body(lines: list[str], meta: Meta, furniture: fu.FurnitureMemo) -> list[str]:
    """The article's paragraphs: prose lines, letters' openings and signatures kept."""
    out: list[str] = []
    in_teasers = after_teaser_date = False
    signature_left = 0
    signatories = _signatory_lines(lines, furniture)
    for i, line in enumerate(lines):
        if line == META_MARK:
            continue
        if i in signatories:
            out.append(line)
            continue
        if furniture[line]:
            if fu.is_teaser_label(line):
                in_teasers, after_teaser_date = True, False
            continue
        if iso := date_line(line):
            # a dated line below the headline dates the article only when labelled
            # ("Published 12 May 2022"); bare dates there belong to teaser lists
            near_top = len(out) < DATE_NEAR_TOP
            if meta.date is None and not in_teasers and (near_top or DATE_LABEL.match(line)):
                meta.date = iso
            after_teaser_date = in_teasers
            continue
        if (
            signature_left
            and fu.word_count(line) <= fu.SIGNATURE_WORDS
            and not fu.ends_sentence(line)
        ):
            out.append(line)
            signature_left -= 1
            continue
        signature_left = 0
        letter = fu.LETTER_FORMULA.match(line) is not None  # "Dear ..." or "Yours ..."?
        if letter and fu.VALEDICTION.match(line):
            out.append(line)
            signature_left = fu.SIGNATURE_LINES
        elif (letter and fu.SALUTATION.match(line)) or (
            line.endswith(":") and (fu.word_count(line) >= 4 or _opens_quote(lines, i + 1))
        ):
            out.append(line)  # "The minister said:", or "Gove said:" above a quotation
        elif (bullet := fu.BULLET.match(line)) and not in_teasers:
            out.append(line[bullet.end() :])  # a list item of the article's own
        elif fu.ends_sentence(line):
            if in_teasers and (after_teaser_date or fu.word_count(line) < BODY_MIN_WORDS):
                continue  # a teaser's summary line
            in_teasers = False
            if line not in (meta.title, meta.standfirst):
                out.append(line)
        # anything else reads as a headline: a teaser, a label or a subheading
    return out
