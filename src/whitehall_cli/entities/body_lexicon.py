"""Bodies named in one text as the curated lexicon (`lexicon/bodies.tsv`) lists them.

The lexicon is read once from its file. It is optional: `WH_NO_LEXICON=1` runs recognition
without it (the general rules still apply), so that scores can be reported with the lexicon
emptied. Its entries are indexed by their first word, so a text costs one look-up per word,
and an entry is taken where its words stand in the text as written (or lower-cased, for the
entries that allow it). `bodies` finds the bodies the lexicon does not know; the longest span
wins between them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from whitehall_cli import lexicon
from whitehall_cli.entities.body_words import ORG_HEADS, TITLE_WORDS
from whitehall_cli.entities.records import Span
from whitehall_cli.entities.tokens import WORD, Tok, joined

# Environment variable that switches the curated lexicon off.
NO_LEXICON_ENV = "WH_NO_LEXICON"
# Values of that variable that mean "off".
FALSE_VALUES = ("", "0", "false", "no", "off")


@dataclass(frozen=True, slots=True)
class LexEntry:
    """One lexicon row: a canonical name, its kind ("work" for codes) and its other forms."""

    name: str
    kind: str
    forms: tuple[str, ...]  # every matching form, the canonical name first


# The nations after a body's name that make it a body of its own ("NHS England").
NATIONS = frozenset(("England", "Scotland", "Wales", "Cymru"))


def lexicon_disabled() -> bool:
    """True when WH_NO_LEXICON asks for recognition without the curated lexicon."""
    return os.environ.get(NO_LEXICON_ENV, "").strip().lower() not in FALSE_VALUES


def parse_rows(text: str) -> tuple[LexEntry, ...]:
    """Rows of a lexicon file: `name<TAB>kind<TAB>form|form`; `#` starts a comment line."""
    entries = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        name, kind = cells[0].strip(), cells[1].strip() if len(cells) > 1 else "other"
        others = [f.strip() for f in cells[2].split("|")] if len(cells) > 2 else []
        forms = tuple(dict.fromkeys([name, *(f for f in others if f)]))
        entries.append(LexEntry(name=name, kind=kind or "other", forms=forms))
    return tuple(entries)


@lru_cache(maxsize=2)
def load_entries(enabled: bool = True) -> tuple[LexEntry, ...]:
    """The lexicon rows, or none when `enabled` is false."""
    if not enabled:
        return ()
    return parse_rows(lexicon.read_text("bodies.tsv"))


@lru_cache(maxsize=2)
def lexicon_index(
    enabled: bool,
) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool, LexEntry]]]:
    """First word of every lexicon form -> (words, gaps, needs "the", entry), longest first."""
    index: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool, LexEntry]]] = {}
    for entry in load_entries(enabled):
        for form in entry.forms:
            need_the = form.startswith("the ")
            body = form[4:] if need_the else form
            ms = list(WORD.finditer(body))
            if not ms:
                continue
            words = tuple(m.group() for m in ms)
            gaps = tuple(
                "" if k == 0 else body[ms[k - 1].end() : ms[k].start()].strip()
                for k in range(len(ms))
            )
            index.setdefault(words[0], []).append((words, gaps, need_the, entry))
    for forms in index.values():
        forms.sort(key=lambda f: -len(f[0]))
    return index


@lru_cache(maxsize=2)
def lower_starts(enabled: bool) -> frozenset[str]:
    """First words of lexicon forms that start in lower case ("civil service code")."""
    return frozenset(w for w in lexicon_index(enabled) if not w[:1].isupper())


@lru_cache(maxsize=2)
def lexicon_pairs(
    enabled: bool,
) -> dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...], bool, LexEntry]]]:
    """The lexicon forms by their first two words ("" for the second of a one-word form),
    longest first, so that a word is checked only against forms its neighbour can continue."""
    pairs: dict[tuple[str, str], list[tuple[tuple[str, ...], tuple[str, ...], bool, LexEntry]]]
    pairs = {}
    for first, forms in lexicon_index(enabled).items():
        for f in forms:
            pairs.setdefault((first, f[0][1] if len(f[0]) > 1 else ""), []).append(f)
    return pairs


def lexicon_spans(
    text: str,
    toks: list[Tok],
    enabled: bool,
    caps: list[int] | None = None,
    vocab: frozenset[str] | None = None,
) -> list[Span]:
    """Every lexicon form in the text (`caps`, `vocab`: its capitalised words' indices and
    its set of words, to look up only where a form can start)."""
    firsts = lexicon_index(enabled)
    pairs = lexicon_pairs(enabled)
    found: list[Span] = []
    n = len(toks)
    where: Iterable[int]
    if caps is None or vocab is None:
        where = range(n)
    elif vocab.isdisjoint(lower_starts(enabled)):
        where = caps
    else:
        low = lower_starts(enabled)
        where = sorted([*caps, *(k for k, t in enumerate(toks) if t.text in low)])
    for i in where:
        t = toks[i]
        if t.text not in firsts and t.base not in firsts:
            continue
        # longer forms (the next word continues them) before the one-word form
        longer = pairs.get((t.text, toks[i + 1].base)) if i + 1 < n else None
        single = pairs.get((t.text, "")) or (pairs.get((t.base, "")) if t.possessive else None)
        if not longer and not single:
            continue
        cands = [*longer, *single] if longer and single else longer or single or []
        for words, gaps, need_the, entry in cands:
            k = len(words)
            if i + k > n:
                continue
            ok = True
            for m in range(k):
                tk = toks[i + m]
                if (tk.base if m == k - 1 else tk.text) != words[m]:
                    ok = False
                    break
                if m and (tk.gap.strip() != gaps[m] or not tk.gap or "\n" in tk.gap):
                    ok = False
                    break
            if not ok:
                continue
            if need_the and not (i and toks[i - 1].text.lower() == "the" and toks[i].gap.isspace()):
                continue
            last = i + k - 1
            # "the government": a common-noun name keeps its article in the form
            a = i - 1 if need_the and words[0][:1].islower() else i
            # a one-word form inside a longer title ("Cabinet Secretary") is not the body
            if k == 1 and last + 1 < n and joined(toks, last + 1) and toks[last + 1].cap:
                if toks[last + 1].base in TITLE_WORDS or toks[last + 1].base in ORG_HEADS:
                    continue
            name = entry.name
            if last + 1 < n and joined(toks, last + 1) and toks[last + 1].base in NATIONS:
                last += 1  # "NHS England", "BBC Scotland": the body's branch for a nation
                name = text[toks[a].start : toks[last].end]
            found.append(
                Span(
                    a,
                    last + 1,
                    toks[a].start,
                    toks[last].end,
                    text[toks[a].start : toks[last].end],
                    name,
                    entry.kind,
                    0,
                )
            )
            break
    return found
