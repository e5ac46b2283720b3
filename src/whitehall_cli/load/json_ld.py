"""A page's JSON-LD (schema.org data in <script type="application/ld+json">): the node of
the page's own article (NewsArticle, BlogPosting ...; in a list or an @graph, nodes given by
@id reference followed) and its headline, description, date, authors and publisher.

Authors that are organisations (a department, a union, a newspaper) are not people, so not
authors; names are read as `declared.person_names` reads any author string.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from whitehall_cli.load.declared import clean, person_names, web_address

# schema.org types whose headline, date and author are the page's own.
ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle "
    "backgroundnewsarticle reviewnewsarticle blogposting liveblogposting report "
    "scholarlyarticle socialmediaposting".split()
)
# Author types that are not people (a department, a union, a newspaper): never authors.
NOT_PEOPLE = frozenset(
    "organization newsmediaorganization corporation governmentorganization ngo "
    "educationalorganization website webpage brand".split()
)
# Repairs tried in turn on JSON-LD that does not parse: comment or CDATA wrappers, then
# trailing commas.
_LDJSON_FIXES = (
    (re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$"), ""),
    (re.compile(r",\s*([}\]])"), r"\1"),
)


@dataclass(frozen=True, slots=True)
class LdArticle:
    """What a page's JSON-LD says of its article; empty when it says nothing."""

    headline: str | None = None
    description: str | None = None
    dates: tuple[str, ...] = ()  # datePublished, then dateCreated, as given
    authors: tuple[str, ...] = ()  # people only
    publisher: str | None = None
    url: str | None = None


def read_ld_article(blocks: list[str], canonical: str | None) -> LdArticle:
    """The article of a page from the texts of its JSON-LD blocks; `canonical` (the page's
    canonical address) picks the page's own article when the blocks describe several."""
    data = [d for d in (parse_ldjson(b) for b in blocks if b.strip()) if d is not None]
    node, index = article_node(data, canonical)
    if not node:
        return LdArticle()
    publisher = ref(node.get("publisher"), index)
    dates = (node.get("datePublished"), node.get("dateCreated"))
    return LdArticle(
        headline=text_of(node.get("headline")),
        description=text_of(node.get("description")),
        dates=tuple(d for d in dates if isinstance(d, str)),
        authors=tuple(authors_of(node.get("author"), index)),
        publisher=text_of(publisher.get("name")) if isinstance(publisher, dict) else None,
        url=url_of(node.get("url"), index) or url_of(node.get("mainEntityOfPage"), index),
    )


def parse_ldjson(text: str) -> Any:
    """One JSON-LD block, or None when it is not JSON even after the usual repairs."""
    for attempt in range(len(_LDJSON_FIXES) + 1):
        try:
            return json.loads(text, strict=False)
        except ValueError:
            if attempt < len(_LDJSON_FIXES):
                pattern, repl = _LDJSON_FIXES[attempt]
                text = pattern.sub(repl, text.strip())
    return None


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type", ())
    return {str(x).lower().rsplit("/", 1)[-1] for x in ([t] if isinstance(t, str) else t)}


def _walk(data: Any) -> list[dict[str, Any]]:
    """The top-level nodes of a JSON-LD block: lists and @graph flattened."""
    if isinstance(data, list):
        return [n for item in data for n in _walk(item)]
    if isinstance(data, dict):
        return _walk(data["@graph"]) if "@graph" in data else [data]
    return []


def _index(data: Any, out: dict[str, dict[str, Any]]) -> None:
    """Every node that has an @id and says more than its @id, by @id."""
    if isinstance(data, list):
        for item in data:
            _index(item, out)
    elif isinstance(data, dict):
        if isinstance(data.get("@id"), str) and len(data) > 1:
            out.setdefault(data["@id"], data)
        for value in data.values():
            _index(value, out)


def article_node(
    blocks: list[Any], canonical: str | None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The page's own article node (the one whose address is the canonical one, else the
    first), and every node by @id."""
    index: dict[str, dict[str, Any]] = {}
    nodes: list[dict[str, Any]] = []
    for block in blocks:
        _index(block, index)
        for node in _walk(block):
            main = node.get("mainEntity")
            nodes.extend([node, *([main] if isinstance(main, dict) else [])])
    articles = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    key = (canonical or "").rstrip("/")
    for node in articles:
        addresses = {url_of(node.get(k), index) for k in ("url", "@id", "mainEntityOfPage")}
        if key and key in {(a or "").rstrip("/") for a in addresses}:
            return node, index
    return (articles[0] if articles else {}), index


def ref(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    """The node an {"@id": ...} reference stands for, when the page gives it."""
    if isinstance(value, dict) and isinstance(value.get("@id"), str) and len(value) <= 2:
        return index.get(value["@id"], value)
    return value


def url_of(value: Any, index: dict[str, dict[str, Any]]) -> str | None:
    value = ref(value, index)
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    return web_address(value) if isinstance(value, str) else None


def authors_of(value: Any, index: dict[str, dict[str, Any]]) -> list[str]:
    """People's names from an "author" value: a name, a Person, or a list of either."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        item = ref(item, index)
        if isinstance(item, str):
            names += person_names(item)
        elif isinstance(item, dict) and not _types(item) & NOT_PEOPLE:
            name = item.get("name") or " ".join(
                str(item.get(k, "")) for k in ("givenName", "familyName")
            )
            names += person_names(name if isinstance(name, str) else " and ".join(map(str, name)))
    return names


def text_of(value: Any) -> str | None:
    """A text value (the first, of a list), cleaned."""
    if isinstance(value, list):
        value = value[0] if value else None
    return (clean(value) or None) if isinstance(value, str) else None
