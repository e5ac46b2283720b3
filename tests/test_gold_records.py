"""Every hand-made record agrees with its article (quotes verbatim between marks, mentions
on word boundaries, speakers and bodies cross-referred), so the tests built on them can
be trusted."""

from __future__ import annotations

from pathlib import Path

import check_gold
import pytest
from conftest import DATA, GOLD

TESTS = Path(__file__).resolve().parent
SETS = {
    "bundled": (DATA, GOLD),
    "corpus": (TESTS / "corpus", TESTS / "corpus"),
    "fresh": (TESTS / "fresh", TESTS / "fresh"),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_gold_records_agree_with_their_articles(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    articles, records = SETS[name]
    status = check_gold.main(["check_gold.py", str(articles), str(records)])
    assert status == 0, capsys.readouterr().out


def test_bundled_gold_is_a_copy_of_every_article_in_data() -> None:
    files = {p.name for p in DATA.iterdir()}
    for record in GOLD.glob("*.json"):
        assert record.with_suffix(".txt").name in files
