"""A small corpus with known dates for `timeline`, `context` and `who`'s activity: six months
of 2016 with articles in January, March (two), May and June, none in February or April, and
one undated article. What each holds, for the counts the tests expect:

| file      | date       | "leaks" (exact)   | stemmed only  | other words                    |
|-----------|------------|-------------------|---------------|--------------------------------|
| jan       | 2016-01-15 | ¶0 "the leaks from", ¶1 "corrosive leaks damage" | ¶2 leak, leaked | Heywood; Penman quoted (FDA) |
| mar_one   | 2016-03-02 | ¶0 "recent leaks and" |           | impartiality                    |
| mar_two   | 2016-03-20 |                   |               | impartiality x2, "civil service"; Penman quoted |
| may       | 2016-05-05 |                   | ¶0 leaked     |                                |
| jun       | 2016-06-10 | ¶0 "“Leaks were" (in Heywood's quotation) |  | "civil service"; Heywood quoted |
| undated   | none       | ¶0 "of leaks by"  |               |                                |
"""

from __future__ import annotations

from pathlib import Path

STANDFIRST = "What the article is about, in a line that sets the scene for readers"
# file name -> (outlet, date line or None, headline, paragraphs)
ARTICLES: dict[str, tuple[str, str | None, str, list[str]]] = {
    "jan": (
        "Civil Service World",
        "15 Jan 2016",
        "Cabinet secretary orders an inquiry",
        [
            "Sir Jeremy Heywood has ordered an inquiry into the leaks from departments, "
            "officials said on Friday.",
            "He told permanent secretaries that corrosive leaks damage trust between ministers "
            "and officials.",
            "One leak was traced to a private office, and the leaked memo reached a newspaper "
            "within hours.",
            "Dave Penman, general secretary of the FDA union, said: \u201cCivil servants deserve "
            "fairness from ministers.\u201d",
        ],
    ),
    "mar_one": (
        "The Guardian",
        "2 March 2016",
        "Ministers warned over briefings",
        [
            "Ministers were warned after recent leaks and briefings against officials, the "
            "committee heard.",
            "The committee said the impartiality of officials must be protected at all times.",
        ],
    ),
    "mar_two": (
        "The Guardian",
        "20 March 2016",
        "Union defends officials",
        [
            "The FDA union has defended the impartiality of officials after criticism from "
            "ministers this week.",
            "Dave Penman, general secretary of the FDA, said: \u201cImpartiality is the bedrock "
            "of the civil service.\u201d",
        ],
    ),
    "may": (
        "BBC News",
        "5 May 2016",
        "Memo row deepens at the Treasury",
        [
            "A leaked memo about spending plans has deepened the row inside the Treasury, "
            "officials said.",
        ],
    ),
    "jun": (
        "Civil Service World",
        "10 June 2016",
        "Heywood sets out new rules",
        [
            "\u201cLeaks were never acceptable,\u201d Sir Jeremy Heywood said in a note to the "
            "civil service on Monday.",
            "He said the rules would apply to special advisers as well as officials.",
        ],
    ),
    "undated": (
        "Civil Service World",
        None,
        "A letter on standards",
        [
            "The union wrote about the damage done by a series of leaks by ministers and their "
            "advisers.",
        ],
    ),
}


# A slug as long as `wh add` makes (60 characters at most, cut at a hyphen).
LONG_SLUG = "treasury-leak-inquiry-widens-to-three-departments-and-beyond"


def long_id(name: str) -> str:
    """The article `name` under a file name as long as `wh add` gives (~70 characters)."""
    return f"2016-01-01-{name}-{LONG_SLUG}"


def write(root: Path, long_ids: bool = False) -> Path:
    """Write the articles under `root` (named as `wh add` names files, with `long_ids`) and
    return it."""
    root.mkdir(parents=True, exist_ok=True)
    for name, (outlet, date, title, paragraphs) in ARTICLES.items():
        head = [outlet, title, STANDFIRST, "By Jane Smith", *([date] if date else [])]
        text = "\n\n".join([*head, *paragraphs]) + "\n"
        (root / f"{long_id(name) if long_ids else name}.txt").write_text(text, encoding="utf-8")
    return root
