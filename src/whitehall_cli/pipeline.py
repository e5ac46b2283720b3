"""The extraction stages run on one parsed article: its people, bodies and works
(`entities`), then its quotations and their speakers (`quotes`).

`analyse(doc)` is the one place they run together: the index calls it for every article it
parses, and a library user can call it on any `Document` (`parse.article.parse_text` makes one):

    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.pipeline import analyse

    analysis = analyse(parse_text(text, "my-article"))
    for q in analysis.quotes:
        print(q.speaker, q.text)
"""

from __future__ import annotations

from whitehall_cli.entities.cast import find_cast
from whitehall_cli.models import Analysis, Document
from whitehall_cli.quotes.quotations import find_quotes


def analyse(doc: Document) -> Analysis:
    """The people, bodies, works and quotations of one parsed article."""
    cast = find_cast(doc)
    return Analysis(doc, cast, tuple(find_quotes(doc, cast)))
