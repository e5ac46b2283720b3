"""The learned weights, and the reading of an article's quotations in order with them: each
quotation's candidates scored, the best one taken, and its speaker carried to the next.

The weights are `weights.json` beside this module, made by `training/train_speakers.py`
(which says what they were learnt from). They are read once, the first time an article with
a quotation is ranked: `wh --help` and every query never load them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from functools import cache
from importlib import resources
from itertools import repeat

from whitehall_cli.quotes.ranking.article import Article
from whitehall_cli.quotes.ranking.features import NONE, RULE, Asking, Rule, candidates
from whitehall_cli.quotes.ranking.scoring import Cand, Scorer

# Given the paragraph, the quotation's number in it and its candidates: which candidates are
# right (training), or None when the gold gives no speaker to learn from.
Labeler = Callable[[int, int, list[Cand]], "list[bool] | None"]


@cache
def weights() -> dict[str, float]:
    """The feature weights the ranker was trained to."""
    raw = resources.files(__package__).joinpath("weights.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    return {str(k): float(v) for k, v in data["weights"].items()}


# How the reader finds a speaker through a thing that speaks for them (a document and its
# author, "the report states"; a body noun, "the union said"; a spokesperson; "it"), or
# through a role the article gave someone ("the head of the civil service wrote").
THROUGH_THINGS = frozenset(
    ("doc", "document", "bodynoun", "spokes", "it", "body", "role", "genrole")
)


def keeps_rule(cand: Cand, rule: Rule) -> bool:
    """The ranker names nobody, but the reader found a body or document speaking, a
    document's author, or the person the article gave a role to ("a Home Office
    spokesperson said", "the code states", "the report states" in a report by X, "the head
    of the civil service wrote"): the gold schema gives the words to them, so the reader's
    answer stands. (PolNeAR, which the ranker learnt from, gives the first three to nobody,
    and its articles seldom tie roles to names for the ranker to learn the last.)"""
    return (
        cand.entity == NONE
        and rule.kind != ""
        and (rule.kind in ("body", "document") or rule.src.rpartition(":")[2] in THROUGH_THINGS)
    )


def score(cand: Cand, w: dict[str, float]) -> float:
    """A candidate's score under other weights than those it was scored with."""
    return sum(map(w.get, cand.feats, repeat(0.0)))


def decode(
    art: Article,
    rules: list[list[Rule]],
    w: dict[str, float] | None = None,
    labeler: Labeler | None = None,
    seen: Callable[[int, int, list[Cand], int, list[bool] | None], None] | None = None,
    teacher: bool = False,
    explicit: bool = False,
) -> list[list[tuple[Cand, float]]]:
    """The chosen candidate for every quotation of the body, text by text, with the
    probability the ranker gives it among the quotation's candidates.

    `rules[k][qi]`: the rule-based reader's answer for that quotation. `labeler` and `seen` are
    for training and measuring: `seen` is told every decision with the labels; with
    `teacher`, the speaker carried to the next quotation is the right one where the labels
    say, as it would be with a perfect ranker; with `explicit`, the candidates carry their
    features (`Cand.feats`), else only their scores.
    """
    sc = Scorer(weights() if w is None else w, explicit)
    prev: int | None = None
    prev_para: int | None = None
    chosen: list[list[tuple[Cand, float]]] = []
    for k, sites in enumerate(art.sites):
        row: list[tuple[Cand, float]] = []
        for qi in range(len(sites)):
            cands = candidates(art, Asking(k, qi, prev, prev_para, rules[k][qi], sc))
            scores = [c.score for c in cands]
            top = max(scores)
            best = scores.index(top)
            labels = labeler(k, qi, cands) if labeler is not None else None
            if seen is not None:
                seen(k, qi, cands, best, labels)
            row.append((cands[best], 1.0 / sum(math.exp(x - top) for x in scores)))
            right = labels.index(True) if teacher and labels and any(labels) else best
            rule = rules[k][qi]
            prev = cands[right].entity
            if keeps_rule(cands[right], rule) or prev == RULE:
                prev = rule.entity if rule.entity is not None else NONE
            prev_para = k
        chosen.append(row)
    return chosen


__all__ = ["NONE", "decode", "keeps_rule", "score", "weights"]
