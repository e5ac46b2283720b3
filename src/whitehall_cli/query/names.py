"""Names as users type them (`who`, `--person`, `--body`, `--source`), resolved the same way
everywhere: an exact form or alias first, then an acronym, a surname, and finally the closest
spelling (rapidfuzz) above `FUZZY_THRESHOLD`; several equally good answers are a `Choice`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whitehall_cli.errors import BadQuery, NotFound
from whitehall_cli.index.store import Index
from whitehall_cli.models import Body, Person

# Honorifics dropped before names are compared.
HONORIFICS = re.compile(
    r"^(?:sir|dame|lord|lady|baroness|baron|dr|mr|mrs|ms|miss|professor|prof|the rt hon|rt hon)\.?\s+",
    re.I,
)
# Lowest rapidfuzz score (0-100) at which a misspelt name still resolves.
FUZZY_THRESHOLD = 80
# Candidates this close to the best score are offered together as a choice.
AMBIGUITY_MARGIN = 3
# Lowest score at which a name is offered as a suggestion after a miss.
SUGGEST_THRESHOLD = 55
# Where every name of the asked kinds is listed: the hint when no name is close enough to
# suggest (a far-off name would only mislead).
LISTED_IN = {
    ("person",): "wh people lists everyone",
    ("body",): "wh bodies lists every body",
    ("person", "body"): "wh people and wh bodies list every name",
    ("body", "person"): "wh people and wh bodies list every name",
}
# Small words left out of acronyms ("Institute for Government" -> IFG).
ACRONYM_SKIP = frozenset({"of", "for", "the", "and", "on", "in", "&", "to"})


@dataclass(frozen=True, slots=True)
class Choice:
    """Several people or bodies answer to one name: the user picks."""

    query: str
    candidates: tuple[tuple[str, str], ...]  # (name, "person" | "body")


def name_key(name: str) -> str:
    """A name as compared: case-folded, no honorific, no "the", no possessive."""
    s = re.sub(r"[\u2019']s$", "", name.strip())
    s = HONORIFICS.sub("", s)
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    return " ".join(s.replace("(", "").replace(")", "").split()).casefold()


def acronym(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in ACRONYM_SKIP]
    return "".join(w[0] for w in words).casefold() if len(words) >= 2 else ""


class NameBook:
    """Every person and body of the corpus under every form a user may type."""

    def __init__(self, people: Sequence[Person], bodies: Sequence[Body]) -> None:
        self.people = {p.name: p for p in people}
        self.bodies = {b.name: b for b in bodies}
        self.forms: dict[str, set[tuple[str, str]]] = {}
        self.surnames: dict[str, set[tuple[str, str]]] = {}
        for p in people:
            for form in (p.name, *p.aliases):
                self._add(self.forms, name_key(form), (p.name, "person"))
            self._add(self.surnames, name_key(p.name).split(" ")[-1], (p.name, "person"))
        for b in bodies:
            for form in (b.name, *b.aliases):
                self._add(self.forms, name_key(form), (b.name, "body"))
            self._add(self.forms, acronym(b.name), (b.name, "body"))

    @staticmethod
    def _add(table: dict[str, set[tuple[str, str]]], key: str, value: tuple[str, str]) -> None:
        if key:
            table.setdefault(key, set()).add(value)

    def record(self, name: str, kind: str) -> Person | Body:
        return self.people[name] if kind == "person" else self.bodies[name]

    def lookup(
        self, query: str, kinds: Iterable[str] = ("person", "body")
    ) -> Person | Body | Choice:
        """The one person or body `query` names, a Choice, or NotFound with suggestions."""
        kinds = tuple(kinds)
        key = name_key(query)
        if not key:
            raise BadQuery("a name is needed")
        for table in (self.forms, self.surnames):
            found = sorted(k for k in table.get(key, ()) if k[1] in kinds)
            if len(found) == 1:
                return self.record(*found[0])
            if found:
                return Choice(query, tuple(found))
        return self._fuzzy(query, key, kinds)

    def _fuzzy(self, query: str, key: str, kinds: tuple[str, ...]) -> Person | Body | Choice:
        from rapidfuzz import fuzz, process

        choices = {
            form: owners
            for table in (self.forms, self.surnames)
            for form, owners in table.items()
            if any(k in kinds for _, k in owners)
        }
        scored = process.extract(key, list(choices), scorer=fuzz.ratio, limit=20)
        best: dict[tuple[str, str], float] = {}
        for form, score, _ in scored:
            for owner in choices[form]:
                if owner[1] in kinds:
                    best[owner] = max(best.get(owner, 0.0), score)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked or ranked[0][1] < FUZZY_THRESHOLD:
            suggestions = [name for (name, _), s in ranked[:5] if s >= SUGGEST_THRESHOLD]
            raise NotFound(f"no one called {query!r}", suggestions, LISTED_IN[kinds])
        top = [owner for owner, s in ranked if s >= ranked[0][1] - AMBIGUITY_MARGIN]
        if len(top) == 1:
            return self.record(*top[0])
        return Choice(query, tuple(top))


def name_book(index: Index) -> NameBook:
    return NameBook(index.people(), index.bodies())


def resolve_one(
    book: NameBook, query: str, kinds: Iterable[str] = ("person", "body")
) -> Person | Body:
    """For filters: one entity, or a usage error that lists the choices."""
    found = book.lookup(query, kinds)
    if isinstance(found, Choice):
        names = ", ".join(n for n, _ in found.candidates)
        raise BadQuery(f"{query!r} matches several: {names}; give more of the name")
    return found
