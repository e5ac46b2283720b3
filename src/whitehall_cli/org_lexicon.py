"""Bodies named in one text as the curated lexicon (`lexicon/bodies.tsv`) lists them.

The lexicon is optional (`WH_NO_LEXICON=1` turns it off): its entries are indexed by their
first word, so a text costs one look-up per word, and an entry is taken where its words stand
in the text as written (or lower-cased, for the entries that allow it). `organisations` finds
the bodies the lexicon does not know; the longest span wins between them.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from whitehall_cli.entity_tokens import WORD, Tok, joined
from whitehall_cli.lexicon import LexEntry, load_entries
from whitehall_cli.org_words import ORG_HEADS, TITLE_WORDS
from whitehall_cli.organisations import Span


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
            found.append(
                Span(
                    a,
                    last + 1,
                    toks[a].start,
                    toks[last].end,
                    text[toks[a].start : toks[last].end],
                    entry.name,
                    entry.kind,
                    0,
                )
            )
            break
    return found
