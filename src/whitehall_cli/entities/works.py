"""Works (codes, reports, reviews) that an article names: by a capitalised name ending in a
work's head word ("Autumn Statement", "Code of Conduct for Special Advisers"), by a phrase
rather than a title ("the Partygate report", "a Demos report": the body is its author), and
by a title given after a word for a document ('its report, "Keeping the books", said')."""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter

from whitehall_cli.entities.bodies import cap_phrases
from whitehall_cli.entities.body_words import (
    DOCUMENT_NOUNS,
    TITLE_ONLY_NOUNS,
    UNPUBLISHED,
    WORK_HEADS,
    WORK_NOUNS,
)
from whitehall_cli.entities.person_words import VERBS_AFTER_NAMES
from whitehall_cli.entities.records import Seg, Span, ThingAcc, add_once
from whitehall_cli.entities.tokens import CONNECTORS, Tok, joined

# Head words of works' names, of which a text must hold one for `work_spans` to look.
WORK_HEAD_WORDS = frozenset(WORK_HEADS)

# Nouns for documents that may be followed by their title.
TITLE_NOUNS = frozenset(
    "report study review paper guidance pamphlet document strategy book analysis briefing "
    "handbook manual".split()
)
# Document nouns whose possessive body is the author ("the IfG's report, ...").
AUTHORED_NOUNS = frozenset("report study review paper pamphlet analysis book".split())
# "a report published today, Digital capability in central government, that ..." and
# "its report, “Keeping the books”, said": the title after a document noun.
TITLED_WORK = re.compile(
    r"\b(?:" + "|".join(sorted(TITLE_NOUNS)) + r")(?:,?\s+[a-z]+){0,3},?\s+"
    r"(?:[\u201c\"\u2018*](?P<quoted>[A-Z][^\u201d\"\u2019*\n]{2,120})[\u201d\"\u2019*]"
    r"|(?P<plain>[A-Z][\w'\u2019-]*(?:\s+[\w'\u2019-]+){1,7})[,.:;])"
)
# Offset of a word, for bisection over a text's words.
_start_of = attrgetter("start")


def work_spans(
    text: str,
    toks: list[Tok],
    taken: set[int],
    words: frozenset[str] | None = None,
    caps: list[int] | None = None,
) -> list[Span]:
    """Capitalised names of works ending in a work head word ("Autumn Statement")."""
    found: list[Span] = []
    if words is not None and words.isdisjoint(WORK_HEAD_WORDS):
        return found
    for i, j in cap_phrases(toks, taken, caps):
        a = i
        while a < j and toks[a].base in ("The", "A", "An", "This", "That", "Its", "His", "Her"):
            a += 1
        head_first = (
            j - a >= 3 and toks[a].base in WORK_HEADS and toks[a + 1].text in CONNECTORS
        )  # "Declaration on Government Reform", "Code of Practice"
        if j - a >= 2 and (toks[j - 1].base in WORK_HEADS or head_first):
            form = text[toks[a].start : toks[j - 1].end]
            found.append(Span(a, j, toks[a].start, toks[j - 1].end, form, form, "work", 1))
    return found


def noun_works(segs: list[Seg], works: dict[str, ThingAcc]) -> None:
    """Works named by a capitalised phrase and a lower-case noun ("Partygate report"); a body
    or person in the phrase is the work's author ("Demos report")."""
    for seg in segs:
        if seg.words.isdisjoint(WORK_NOUNS) and seg.words.isdisjoint(TITLE_ONLY_NOUNS):
            continue
        for k, t in enumerate(seg.toks):
            title_only = t.text in TITLE_ONLY_NOUNS
            if t.cap or not (title_only or t.text in WORK_NOUNS) or not joined(seg.toks, k):
                continue
            prev = seg.toks[k - 1]
            if not prev.cap or prev.base.isupper() and len(prev.base) <= 2:
                continue
            a = k - 1
            while a > 0 and joined(seg.toks, a) and seg.toks[a - 1].cap:
                a -= 1
            while a < k - 1 and seg.toks[a].base in ("The", "A", "An", "This", "That", "Its"):
                a += 1
            owner = next((s for s in seg.spans if s.i <= k - 1 < s.j and s.kind != "work"), None)
            person = next((h for h in seg.names if h.i <= k - 1 < h.j), None)
            if owner is None and person is None and seg.toks[a].initial and k - a == 1:
                continue  # "Report" words at a sentence start say nothing
            if title_only and (k - a < 2 or person is not None or (owner and owner.i == a)):
                continue  # "Labour policy", "Treasury guidance": a body's, not a title
            start = owner.start if owner else person.start if person else seg.toks[a].start
            name = seg.text[start : t.start + len(t.text)]
            if any(s.kind == "work" and s.start <= start < s.end for s in seg.spans):
                continue
            w = works.setdefault(name, ThingAcc(name, "work"))
            add_once(w.forms, name)
            if w.author is None:
                w.author = owner.name if owner else person.name if person else None
            if owner is None:  # "the Government Security Classifications policy"
                seg.spans = [s for s in seg.spans if not (start <= s.start and s.end <= t.end)]
            seg.spans.append(Span(a, k + 1, start, t.start + len(t.text), name, name, "work", 2))
            seg.taken |= set(range(a, k + 1)) - {m for h in seg.names for m in range(h.i, h.j)}
        seg.spans.sort(key=lambda s: s.start)


def titled_works(segs: list[Seg], works: dict[str, ThingAcc]) -> None:
    """A work's title given after a word for a document, in quotation marks or set off by
    commas: 'its report, "Keeping the books", said'; 'the guidance, Managing Public Money.'"""
    for seg in segs:
        if seg.words.isdisjoint(TITLE_NOUNS):
            continue
        for m in TITLED_WORK.finditer(seg.text):
            group = "quoted" if m.group("quoted") else "plain"
            title = m.group(group).strip()
            start = m.start(group)
            if group == "plain":
                words = title.lower().split()
                if any(w.strip(",.") in VERBS_AFTER_NAMES for w in words):
                    continue
                if any(s.start <= start < s.end for s in seg.spans) or any(
                    h.start <= start < h.end for h in seg.names
                ):
                    continue  # "in its report, Labour said": a body, not a title
            w = works.setdefault(title, ThingAcc(title, "work"))
            add_once(w.forms, title)
            # "the IfG's report, Keeping the books": the body wrote (and speaks by) its report;
            # guidance and codes speak for themselves
            noun = bisect_left(seg.toks, m.start(), key=_start_of)
            if (
                w.author is None
                and 0 < noun < len(seg.toks)
                and seg.toks[noun].text in AUTHORED_NOUNS
                and seg.toks[noun - 1].possessive
            ):
                w.author = next(
                    (s.name for s in seg.spans if s.j == noun and s.kind != "work"), None
                )
            k = bisect_left(seg.toks, start, key=_start_of)
            k = k if k < len(seg.toks) else 0
            j = next(
                (
                    k2 + 1
                    for k2 in range(len(seg.toks) - 1, -1, -1)
                    if seg.toks[k2].end <= start + len(title)
                ),
                k + 1,
            )
            seg.spans.append(Span(k, j, start, start + len(title), title, title, "work", 2))
        seg.spans.sort(key=lambda s: s.start)


def unpublished_works(segs: list[Seg], works: dict[str, ThingAcc]) -> None:
    """ "according to an internal note seen by this paper": an unpublished document of the
    body named before it in the paragraph, named "<body> internal note"."""
    for seg in segs:
        if seg.words.isdisjoint(UNPUBLISHED) or seg.words.isdisjoint(DOCUMENT_NOUNS):
            continue
        toks = seg.toks
        for k in range(1, len(toks) - 1):
            if toks[k].text not in UNPUBLISHED or toks[k - 1].text.lower() not in ("a", "an"):
                continue
            if toks[k + 1].text not in DOCUMENT_NOUNS or not joined(toks, k + 1):
                continue
            author = next(
                (s for s in reversed(seg.spans) if s.end <= toks[k].start and s.kind != "work"),
                None,
            )
            if author is None:
                continue
            phrase = seg.text[toks[k].start : toks[k + 1].end]
            name = f"{author.name} {phrase}"
            w = works.setdefault(name, ThingAcc(name, "work", author=author.name, phrase=phrase))
            add_once(w.forms, phrase)
            span = Span(k, k + 2, toks[k].start, toks[k + 1].end, phrase, name, "work", 2)
            seg.spans = sorted([*seg.spans, span], key=lambda s: s.start)
            seg.taken |= {k, k + 1}
