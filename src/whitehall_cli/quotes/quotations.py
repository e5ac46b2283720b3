"""Every direct quotation of an article with its speaker: the marks of each text (`marks`)
read in order by a `speakers.Reader`, body first, then the headline and standfirst (which may
echo the body's words); then the speaker of each body quotation chosen by the learned ranker
(`ranking`), which weighs the reader's answer with everything else around the quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

from whitehall_cli.models import Cast, Document, Quote
from whitehall_cli.quotes.marks import SINGLE_MARKS, Span, find_spans, is_partial, not_a_quotation
from whitehall_cli.quotes.ranking.attribute import SpanFacts, attribute, read_article
from whitehall_cli.quotes.records import Attribution
from whitehall_cli.quotes.speakers import Reader

# How the reader finds a speaker when it is as sure as the ranker: a name next to the
# quotation's own speech verb, after it ('"...," said Smith') or before it ('Smith said:').
# An article whose every quotation is found so is not ranked (on real news the ranker is
# right on about 98% of these and the reader on 96%, and ranking costs about two thirds of
# an article's reading).
SURE = frozenset(("after:person", "before:person"))
# The texts of an article in reading order: (location, paragraph index, text).
Texts = list[tuple[str, int | None, str]]


@dataclass
class Reading:
    """An article's quotation marks and the rule-based reader's answer for each quotation:
    `texts[0]` is the headline, `texts[1]` the standfirst, then one entry per paragraph;
    `found[k]` the quoted spans of text k (labels and titles too, with `quote` unset);
    `atts[k]` the reader's attribution of each quotation of text k."""

    texts: Texts
    found: list[list[Span]]
    atts: dict[int, list[Attribution]]
    reader: Reader

    def paragraphs(self) -> list[str]:
        """Every text: the headline, the standfirst, then the paragraphs."""
        return [text for _, _, text in self.texts]

    def span_facts(self) -> list[list[SpanFacts]]:
        """What the ranker needs of each text's spans (the headline's and standfirst's only
        mask their words: the reader gives their speakers)."""
        return [
            [
                (sp.open_at, sp.close_at, sp.closed, sp.quote and k >= 2, is_partial(text, sp))
                for sp in spans
            ]
            for k, ((_, _, text), spans) in enumerate(zip(self.texts, self.found, strict=True))
        ]

    def body_rules(self) -> list[list[Attribution]]:
        """The reader's attribution of each body quotation, text by text."""
        return [self.atts[k] if k >= 2 else [] for k in range(len(self.texts))]

    def body_sources(self) -> list[list[str]]:
        """How the reader found each body quotation's speaker, text by text."""
        return [
            self.reader.sources.get(k - 2, []) if k >= 2 else [] for k in range(len(self.texts))
        ]

    def body_texts(self) -> list[list[str]]:
        """The words of each body quotation, text by text."""
        return [
            [text[sp.start : sp.end] for sp in spans if sp.quote] if k >= 2 else []
            for k, ((_, _, text), spans) in enumerate(zip(self.texts, self.found, strict=True))
        ]


def read_quotes(doc: Document, cast: Cast) -> Reading | None:
    """The quotation marks of an article and the rule-based reader's answers; None when the
    article quotes nobody."""
    texts: Texts = [("title", None, doc.title or ""), ("standfirst", None, doc.standfirst or "")]
    texts += [("body", i, p) for i, p in enumerate(doc.paragraphs)]
    found: list[list[Span]] = []
    titles = frozenset(f.lower() for w in cast.works for f in (w.name, *w.aliases))
    for k, (_, _, text) in enumerate(texts):
        nxt = texts[k + 1][2].lstrip() if k + 1 < len(texts) and k >= 2 else ""
        spans = find_spans(text, runs_on_single=nxt[:1] in SINGLE_MARKS)
        found.append(
            [
                sp if not not_a_quotation(text, sp, titles) else sp._replace(quote=False)
                for sp in spans
            ]
        )
    quoted = [k for k, spans in enumerate(found) if any(sp.quote for sp in spans)]
    if not quoted:
        return None
    # what the body says after its last quotation can only matter to a headline quotation
    last = len(texts) - 1 if quoted[0] < 2 else quoted[-1]
    reader = Reader(doc, cast)
    atts: dict[int, list[Attribution]] = {k: [] for k in range(len(texts))}
    for k in range(2, last + 1):
        loc, para, text = texts[k]
        atts[k] = reader.paragraph(loc, para, text, found[k])
    body = [[sp for sp in spans if sp.quote] for spans in found[2:]]
    runs_on = [
        bool(here and nxt and not here[-1].closed and not texts[k + 3][2][: nxt[0].open_at].strip())
        for k, (here, nxt) in enumerate(zip(body, [*body[1:], []][: len(body)], strict=True))
    ]
    reader.follow_run_on([atts[k] for k in range(2, len(texts))], runs_on)
    for k in (0, 1):
        if any(sp.quote for sp in found[k]):
            atts[k] = reader.lead(texts[k][0], texts[k][2], found[k])
    return Reading(texts, found, atts, reader)


def find_quotes(doc: Document, cast: Cast) -> tuple[Quote, ...]:
    """Every direct quotation in the headline, standfirst and body, in reading order, each
    with its speaker (None when the text gives the words to nobody it names)."""
    reading = read_quotes(doc, cast)
    if reading is None:
        return ()
    texts, found, atts = reading.texts, reading.found, dict(reading.atts)
    sources = [src for row in reading.body_sources() for src in row]
    if sources and not all(src in SURE for src in sources):
        art = read_article(reading.paragraphs(), reading.span_facts(), doc.title or "", cast)
        ranked = attribute(
            art,
            reading.body_rules(),
            reading.body_sources(),
            cast,
            reading.reader.person,
            reading.reader.body,
        )
        for k in range(2, len(texts)):
            atts[k] = ranked[k]
    quotes: list[Quote] = []
    for k, (loc, para, text) in enumerate(texts):
        for sp, att in zip([sp for sp in found[k] if sp.quote], atts[k], strict=True):
            quotes.append(
                Quote(
                    id=f"{doc.id}#{len(quotes) + 1}",
                    text=text[sp.start : sp.end],
                    speaker=att.speaker,
                    speaker_kind=att.kind if att.speaker else None,
                    role=att.role if att.speaker else None,
                    bodies=att.bodies if att.speaker else (),
                    document=doc.id,
                    date=doc.date,
                    location=loc,
                    paragraph=para,
                    partial=is_partial(text, sp),
                    start=sp.start,
                    end=sp.end,
                )
            )
    return tuple(quotes)
