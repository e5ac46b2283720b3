"""The extraction stages run on one parsed article: its people, bodies and works
(`entities`), then its quotations and their speakers (`quotes`).

`analyse(doc)` is the one place they run together: the index calls it for every article it
parses, and a library user can call it on any `Document` (`parse.article.parse_text` makes one):

    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.pipeline import analyse

    analysis = analyse(parse_text(text, "my-article"))
    for q in analysis.quotes:
        print(q.speaker, q.text)

A stage that fails on an article (a bug, or text no rule foresaw) loses only its own part:
the analysis keeps what the other stages found and says which stage failed and why
(`Analysis.failures`), so the article is still indexed with its text and metadata.
"""

from __future__ import annotations

import traceback

from whitehall_cli.entities.cast import find_cast
from whitehall_cli.models import Analysis, Cast, Document, PersonRef, Quote, StageFailure
from whitehall_cli.quotes.quotations import find_quotes


def analyse(doc: Document) -> Analysis:
    """The people, bodies, works and quotations of one parsed article."""
    failures: list[StageFailure] = []
    try:
        cast = find_cast(doc)
    except Exception as e:  # the quotations are still looked for, with no one to give them to
        failures.append(stage_failure("entities", e))
        cast = Cast(words=_words(doc))
    quotes: tuple[Quote, ...] = ()
    try:
        quotes = tuple(find_quotes(doc, cast))
    except Exception as e:
        failures.append(stage_failure("quotes", e))
    if not failures:  # (an article indexed without its people gains none from its quotes)
        cast = with_speakers(cast, quotes)
    return Analysis(doc, cast, quotes, tuple(failures))


def with_speakers(cast: Cast, quotes: tuple[Quote, ...]) -> Cast:
    """The cast with the people who speak in the article and whom the entity stage did not
    name (the quotes stage reads names from the text itself: "Corey Lewandowski"), so that
    every speaker is one of the article's people. Only full names join: a lone surname or a
    word that may not be a name does not."""
    known = {p.name for p in cast.people}
    known.update(a for p in cast.people for a in p.aliases)
    added: dict[str, PersonRef] = {}
    for q in quotes:
        name = q.speaker
        if q.speaker_kind != "person" or name is None or name in known or " " not in name:
            continue
        if name not in added:
            added[name] = PersonRef(name, (), (q.role,) if q.role else (), q.bodies)
    if not added:
        return cast
    return cast._replace(people=(*cast.people, *added.values()))


def stage_failure(stage: str, e: Exception) -> StageFailure:
    """What the record of a failed stage says: the error on one line, and its traceback."""
    error = " ".join(f"{type(e).__name__}: {e}".split())
    return StageFailure(stage, error, "".join(traceback.format_exception(e)))


def _words(doc: Document) -> frozenset[str]:
    """The article's words, split on white space, when the entity stage could not give them
    (the index takes its "did you mean" vocabulary from them)."""
    texts = (doc.title or "", doc.standfirst or "", *doc.paragraphs)
    return frozenset(w for text in texts for w in text.split())
