"""How the gold records are matched, as the project's scorer does it: shared by the
gold-driven tests of the entity and quotation stages."""

from __future__ import annotations

import difflib
import re
import unicodedata


def norm(s: str | None) -> str:
    """Text as the scorer compares it: NFKC, straight marks, one space, lower case."""
    s = unicodedata.normalize("NFKC", s or "")
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        s = s.replace(a, b)
    return re.sub(r"\s+", " ", s).strip().lower().strip(" .,;:'\"")


def name_key(s: str) -> str:
    return re.sub(
        r"^(sir|dame|lord|lady|baroness|baron|dr|mr|mrs|ms|the rt hon|rt hon|professor|prof)\.? ",
        "",
        norm(s),
    )


def same_name(a: str, b: str) -> bool:
    a, b = name_key(a), name_key(b)
    return bool(a and b) and (a == b or difflib.SequenceMatcher(None, a, b).ratio() >= 0.9)


def body_hit(gold_forms: list[str], pred_forms: list[str]) -> bool:
    return any(
        same_name(x, y) or norm(x).removeprefix("the ") == norm(y).removeprefix("the ")
        for x in pred_forms
        for y in gold_forms
    )


def person_forms(p: dict) -> list[str]:
    return [p["name"], *[m for m in p.get("mentions", []) if len(m.split()) >= 2]]
