"""Gold records (`../shared/gold/SCHEMA.md`) and how an extracted quotation is matched to them,
as the project's scorer does it: shared by `accuracy.py` and `training/train_speakers.py`.

A predicted quotation matches a gold one when their words are the same, allowing small
differences; its speaker is right when it names the gold speaker (any full-name form the
gold gives), or, for records marked `"speaker_match": "surname"`, when the surnames agree.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

Gold = dict[str, Any]

_HONORIFIC = re.compile(
    r"^(sir|dame|lord|lady|baroness|baron|dr|mr|mrs|ms|miss|the rt hon|rt hon|professor|prof)\.? "
)


def norm(s: str | None) -> str:
    """Text as the scorer compares it: NFKC, straight marks, one space, lower case."""
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower().strip(" .,;:'\"")


def name_key(s: str) -> str:
    return _HONORIFIC.sub("", norm(s))


def same_name(a: str, b: str) -> bool:
    a, b = name_key(a), name_key(b)
    return bool(a and b) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9)


def quote_match(gold: str, pred: str) -> bool:
    """The same quotation: equal words, one inside the other with most of its length, or
    nearly the same."""
    a, b = norm(gold), norm(pred)
    if not a or not b:
        return False
    if a == b or (a in b and len(a) >= 0.3 * len(b)) or (b in a and len(b) >= 0.8 * len(a)):
        return True
    sm = difflib.SequenceMatcher(None, a, b)
    return sm.real_quick_ratio() >= 0.9 and sm.quick_ratio() >= 0.9 and sm.ratio() >= 0.9


def _forms(gold: Gold, name: str) -> list[str]:
    """Every acceptable way to name a gold speaker."""
    for p in gold.get("people", []):
        if p["name"] == name:
            return [p["name"], *[m for m in p.get("mentions", []) if len(m.split()) >= 2]]
    for b in gold.get("bodies", []):
        if b["name"] == name:
            return [b["name"], *b.get("mentions", [])]
    return [name]


def right_speaker(got: str | None, q: dict[str, Any], gold: Gold) -> bool:
    """Whether `got` (None for nobody) is a right speaker for gold quotation `q`."""
    wants = [q["speaker"], *q.get("alt_speakers", [])]
    if not got:
        return None in wants
    forms = [f for w in wants if w for f in _forms(gold, w)]
    if any(
        same_name(f, got) or norm(f).removeprefix("the ") == norm(got).removeprefix("the ")
        for f in forms
    ):
        return True
    g = norm(got)
    m = _HONORIFIC.match(g)
    for w in wants:
        if not w:
            continue
        parts = name_key(w).split()
        if m and parts and g[m.end() :] == parts[-1]:
            return True  # "Lord Sainsbury" names David Sainsbury
        if gold.get("speaker_match") == "surname" and parts[-1:] == name_key(got).split()[-1:]:
            return True
    return False


def load(folder: Path) -> Iterator[Gold]:
    """Every gold record of a folder, in file order."""
    for path in sorted(folder.glob("*.json")):
        yield json.loads(path.read_text(encoding="utf-8"))


def pair(gold: Gold, texts: list[str]) -> list[tuple[dict[str, Any], list[int]]]:
    """Each gold quotation with the predicted quotations (by index into `texts`) it matches."""
    return [
        (q, [j for j, t in enumerate(texts) if quote_match(q["text"], t)])
        for q in gold.get("quotes", [])
    ]
