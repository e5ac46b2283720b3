"""The search query language: what a user types -> a safe FTS5 expression.

Every word the user types ends up inside FTS5 double quotes, made only of letters and
digits, so no input can be FTS5 or SQL syntax by accident (sqlite-utils' quote_fts idea);
only the operators below are read as operators.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace

from whitehall_cli.errors import BadQuery

# Characters that make up a word, as FTS5's unicode61 tokenizer sees them.
TOKEN = re.compile(r"[^\W_]+")
# Marks that open or close a phrase: straight and curly double quotes.
QUOTE_MARKS = '"\u201c\u201d'
QUOTE_RE = re.compile(f"[{QUOTE_MARKS}]")
# Upper-case words read as operators; in lower case they are plain words.
OR_WORDS = ("OR", "|")
AND_WORDS = ("AND", "&")
NOT_WORDS = ("NOT",)
# Typed words shorter than this are never corrected (too many near neighbours).
MIN_CORRECTABLE = 4
# Most edits (insert, delete, substitute, swap two letters) for a correction, by length:
# words up to 5 letters get one, longer words two.
MAX_EDITS = ((5, 1), (10**9, 2))
# Candidates compared with rapidfuzz for one unknown word, best first.
CORRECTION_CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Part:
    """One word, phrase or prefix the user typed."""

    tokens: tuple[str, ...]  # lower-case words, in order
    prefix: bool = False  # `word*`: the last token is a prefix

    def expr(self) -> str:
        return '"' + " ".join(self.tokens) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class Query:
    """All of `groups` (each group: any of its parts), none of `excluded`."""

    groups: tuple[tuple[Part, ...], ...]
    excluded: tuple[Part, ...] = ()

    def article_expr(self) -> str:
        """The FTS5 expression articles must match."""
        ands = " AND ".join(
            "(" + " OR ".join(p.expr() for p in group) + ")" for group in self.groups
        )
        if self.excluded:
            return f"({ands}) NOT (" + " OR ".join(p.expr() for p in self.excluded) + ")"
        return ands

    def paragraph_expr(self) -> str:
        """Paragraphs worth showing: any wanted part (the article as a whole matched)."""
        return " OR ".join(p.expr() for group in self.groups for p in group)

    def terms(self) -> tuple[str, ...]:
        seen = dict.fromkeys(t for g in self.groups for p in g for t in p.tokens)
        return tuple(seen)


def _lexemes(text: str) -> list[tuple[str, str, bool]]:
    """(kind, text, negated) pieces: ("phrase", ...) for double-quoted text (a missing
    closing quote ends it at the end of the input), ("word", ...) for everything between
    spaces; `negated` for a phrase written -"like this"."""
    out: list[tuple[str, str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        neg = False
        if c == "-" and i + 1 < n and text[i + 1] in QUOTE_MARKS:
            neg, i = True, i + 1
            c = text[i]
        if c in QUOTE_MARKS:
            close = QUOTE_RE.search(text, i + 1)
            end = close.start() if close else n
            star = close is not None and close.end() < n and text[close.end()] == "*"
            out.append(("phrase", text[i + 1 : end] + ("*" if star else ""), neg))
            i = (close.end() + star) if close else n
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in QUOTE_MARKS:
            j += 1
        word = text[i:j]
        negated = word.startswith("-") and len(word) > 1
        out.append(("word", word[1:] if negated else word, negated))
        i = j
    return out


def parse_query(text: str) -> Query:
    """User input -> Query. Raises BadQuery when nothing searchable is left."""
    if not text or not text.strip():
        raise BadQuery("empty search: give a word to look for")
    groups: list[list[Part]] = []
    excluded: list[Part] = []
    join_next = False  # the previous word was OR
    negate_next = False  # the previous word was NOT
    for kind, body, negated in _lexemes(text):
        operator = kind == "word" and not negated
        if operator and body in OR_WORDS:
            join_next = bool(groups)
            continue
        if operator and body in AND_WORDS:
            continue
        if operator and body in NOT_WORDS:
            negate_next = True
            continue
        negate = negate_next or negated
        negate_next = False
        prefix = body.endswith("*")
        tokens = tuple(t.lower() for t in TOKEN.findall(body))
        if not tokens:
            continue
        part = Part(tokens, prefix=prefix)
        if negate:
            excluded.append(part)
        elif join_next:
            groups[-1].append(part)
        else:
            groups.append([part])
        join_next = False
    if not groups:
        if excluded:
            raise BadQuery("a search needs a word to look for, not only words to leave out")
        raise BadQuery(f"nothing to search for in {text!r}: give a word")
    return Query(tuple(tuple(g) for g in groups), tuple(excluded))


def argument_query(arg: str) -> str:
    """One command-line argument as a query: several plain words (no quote marks, operators
    or exclusions) are the phrase the user quoted at the shell (`wh timeline "civil
    service"`); anything else is read as the query language."""
    parts = arg.split()
    operators = (*OR_WORDS, *AND_WORDS, *NOT_WORDS)
    plain = not QUOTE_RE.search(arg) and not any(p in operators or p.startswith("-") for p in parts)
    return f'"{arg.strip()}"' if len(parts) > 1 and plain else arg


def raw_terms(text: str) -> tuple[str, ...]:
    """Words to highlight in a raw FTS5 query (its operators left out)."""
    words = [w for w in TOKEN.findall(text) if w not in ("AND", "OR", "NOT", "NEAR")]
    return tuple(dict.fromkeys(w.lower() for w in words))


# --- typos ------------------------------------------------------------------------------


def max_edits(word: str) -> int:
    return next(edits for length, edits in MAX_EDITS if len(word) <= length)


def _in_corpus(conn: sqlite3.Connection, token: str) -> bool:
    """In the vocabulary, or matching some article once stemmed (`leaking` finds leaked)."""
    if conn.execute("SELECT 1 FROM vocabulary WHERE word = ?", (token,)).fetchone():
        return True
    row = conn.execute(
        "SELECT 1 FROM docs_fts WHERE docs_fts MATCH ? LIMIT 1", ('"' + token + '"',)
    ).fetchone()
    return row is not None


def closest_word(conn: sqlite3.Connection, token: str) -> str | None:
    """The corpus word nearest `token` within `max_edits`, the commonest on a tie."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    edits = max_edits(token)
    rows = conn.execute(
        "SELECT word, docs FROM vocabulary WHERE length(word) BETWEEN ? AND ?",
        (len(token) - edits, len(token) + edits),
    ).fetchall()
    if not rows:
        return None
    words = [w for w, _ in rows]
    found = process.extract(
        token, words, scorer=OSA.distance, score_cutoff=edits, limit=CORRECTION_CANDIDATES
    )
    if not found:
        return None
    docs = dict(rows)
    best = min(found, key=lambda f: (f[1], -docs[f[0]], f[0]))
    return str(best[0])


def correct(conn: sqlite3.Connection, query: Query) -> tuple[Query, tuple[tuple[str, str], ...]]:
    """Replace wanted words that are in no article by their closest corpus word."""
    corrections: dict[str, str] = {}

    def fix(part: Part) -> Part:
        tokens = list(part.tokens)
        for i, token in enumerate(tokens):
            last_prefix = part.prefix and i == len(tokens) - 1
            if last_prefix or len(token) < MIN_CORRECTABLE or not token.isalpha():
                continue
            if token in corrections:
                tokens[i] = corrections[token]
                continue
            if _in_corpus(conn, token):
                continue
            better = closest_word(conn, token)
            if better:
                corrections[token] = better
                tokens[i] = better
        return replace(part, tokens=tuple(tokens))

    groups = tuple(tuple(fix(p) for p in g) for g in query.groups)
    return Query(groups, query.excluded), tuple(corrections.items())


def corrected_text(text: str, corrections: Iterable[tuple[str, str]]) -> str:
    """`text` as searched: each typed word that `correct` replaced, written in its place
    (whole words, any case: "Leeks OR impartialty" -> "leaks OR impartiality")."""
    for typed, instead in corrections:
        pattern = r"(?<![^\W_])" + re.escape(typed) + r"(?![^\W_])"
        text = re.sub(pattern, instead.replace("\\", r"\\"), text, flags=re.IGNORECASE)
    return text
