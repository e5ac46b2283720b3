"""How a candidate is weighed: its features, a prefix and an item each ("name|r=post"), their
weights looked up in the prefix's own table so that the strings need not be built (unless a
caller wants them written out), and the parts of an article that recur kept once."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import chain, repeat
from typing import NamedTuple

# A group of features, and its summed weight under the scorer's weights.
Group = tuple[str, ...]
Part = tuple[Group, float]


class Cand(NamedTuple):
    """One candidate speaker of one quotation, with its score under the scorer's weights
    (and, when the scorer writes them out, its features, in groups)."""

    entity: int  # index into Article.entities, NONE, or RULE
    groups: tuple[Group, ...]
    how: str  # name, pron, defnp, defnone, indefnp, prev, rule, none
    score: float

    @property
    def feats(self) -> list[str]:
        return list(chain.from_iterable(self.groups))


# Weights split at their first "|": prefix -> rest -> weight, for each weights table seen
# (kept with the table itself, so that its id stays its own).
_SPLIT: dict[int, tuple[dict[str, float], dict[str, dict[str, float]]]] = {}


def _split(w: dict[str, float]) -> dict[str, dict[str, float]]:
    hit = _SPLIT.get(id(w))
    if hit is None or hit[0] is not w:
        parts: dict[str, dict[str, float]] = {}
        for key, value in w.items():
            prefix, _, rest = key.partition("|")
            parts.setdefault(prefix, {})[rest] = value
        hit = _SPLIT[id(w)] = (w, parts)
    return hit[1]


class Scorer:
    """Weighs a candidate's features as they are made. Most features are a prefix and an
    item ("name|r=post", "q:name|end=comma"): their weights are looked up by item in the
    prefix's own table, so the strings need not be built unless `explicit` (for training and
    for explaining a choice). Parts that recur in an article are kept under keys."""

    def __init__(self, w: dict[str, float], explicit: bool = False) -> None:
        self.w = w
        self.explicit = explicit
        self.tables = _split(w)
        self.kept: dict[Hashable, Part] = {}
        # each phrase's antecedents, found once an article
        self.found: dict[Hashable, list[tuple[int, list[str]]]] = {}

    def plain(self, feats: Sequence[str]) -> Part:
        """Features as they are."""
        return tuple(feats), sum(map(self.w.get, feats, repeat(0.0)))

    def part(self, prefix: str, items: Sequence[str]) -> Part:
        """The features "prefix|item" for each item."""
        table = self.tables.get(prefix)
        score = sum(map(table.get, items, repeat(0.0))) if table else 0.0
        if self.explicit:
            return tuple(f"{prefix}|{x}" for x in items), score
        return (), score

    def keep(self, key: Hashable, make: Callable[[], Part]) -> Part:
        hit = self.kept.get(key)
        if hit is None:
            hit = self.kept[key] = make()
        return hit

    def cand(self, entity: int, how: str, *parts: Part) -> Cand:
        groups = tuple(g for g, _ in parts if g) if self.explicit else ()
        return Cand(entity, groups, how, sum(x for _, x in parts))
