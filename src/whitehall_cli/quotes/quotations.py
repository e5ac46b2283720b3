"""Every direct quotation of an article with its speaker: the marks of each text (`marks`)
read in order by a `speakers.Reader`, body first, then the headline and standfirst (which may
echo the body's words).
"""

from __future__ import annotations

from whitehall_cli.models import Cast, Document, Quote
from whitehall_cli.quotes.marks import SINGLE_MARKS, Span, find_spans, is_partial, not_a_quotation
from whitehall_cli.quotes.records import Attribution
from whitehall_cli.quotes.speakers import Reader


def find_quotes(doc: Document, cast: Cast) -> tuple[Quote, ...]:
    """Every direct quotation in the headline, standfirst and body, in reading order, each
    with its speaker (None when the text gives the words to nobody it names)."""
    texts: list[tuple[str, int | None, str]] = [
        ("title", None, doc.title or ""),
        ("standfirst", None, doc.standfirst or ""),
    ]
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
        return ()
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
