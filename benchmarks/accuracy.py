"""How well `wh` finds quotations and names their speakers, on every annotated set present.

    python benchmarks/accuracy.py            # every set: the figures, one line each
    python benchmarks/accuracy.py --problems # ... and every miss of the sets named with --only
    python benchmarks/accuracy.py --only polnear-dev --problems

Sets: the bundled articles against `tests/gold/`; the project's own annotated articles
(`tests/corpus`: written here, tuned on, and trained on; `tests/fresh`: written by a session
that never saw the rules, measured once unseen, then tuned on but never trained on, see its
README); and, when
`../shared/polnear` exists, the real PolNeAR articles in two parts: `polnear-train`, which the
speaker ranker was trained on, and `polnear-dev`, held back from its training (see
`training/README.md`). Each article runs through the same pipeline as `wh index`
(`pipeline.analyse`), in this process; the figures are those of `../shared/eval/score.py`:

- quotes P/R/F1: gold quotations found, and found quotations that are in the gold;
- speaker: of the gold quotations found whose speaker the gold can say, the share given
  the right speaker;
- end to end: of all gold quotations whose speaker the gold can say, the share found and
  given the right speaker.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "training"))

import gold as G  # noqa: E402
from split import polnear_part  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "polnear"


@dataclass
class Tally:
    found: int = 0  # gold quotations matched by a prediction
    gold: int = 0
    extra: int = 0  # predictions matching no gold quotation (optional ones aside)
    predicted: int = 0
    right: int = 0  # right speakers
    unscored_found: int = 0
    unscored: int = 0
    articles: int = 0
    problems: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.found / (self.found + self.extra) if self.found + self.extra else 1.0
        r = self.found / self.gold if self.gold else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        spk = (
            self.right / (self.found - self.unscored_found)
            if self.found > self.unscored_found
            else 0.0
        )
        e2e = self.right / (self.gold - self.unscored) if self.gold > self.unscored else 0.0
        return (
            f"{name:16} {self.articles:4d} articles {self.gold:5d} quotations  "
            f"quotes P {p:.3f} R {r:.3f} F1 {f1:.3f}  speaker {spk:.3f}  end to end {e2e:.3f}"
        )


def score_article(tally: Tally, gold: G.Gold, quotes: list[tuple[str, str | None]]) -> None:
    """Add one article's quotations (text, speaker) to a tally, as score.py pairs them."""
    texts = [t for t, _ in quotes]
    matched: set[int] = set()
    assigned: set[int] = set()
    name = gold["file"]
    for q, hits in G.pair(gold, texts):
        tally.gold += 1
        unscored = bool(q.get("speaker_unscored"))
        tally.unscored += unscored
        if not hits:
            tally.problems.append(f"{name} missed quote: {q['text'][:60]!r} ({q['speaker']})")
            continue
        tally.found += 1
        matched.update(hits)
        if unscored:
            tally.unscored_found += 1
            continue
        free = [j for j in hits if j not in assigned] or hits
        primary = {**q, "alt_speakers": []}
        pick = next(
            (j for j in free if G.right_speaker(quotes[j][1], primary, gold)),
            next((j for j in free if G.right_speaker(quotes[j][1], q, gold)), free[0]),
        )
        assigned.add(pick)
        ok = G.right_speaker(quotes[pick][1], q, gold)
        tally.right += ok
        if not ok:
            tally.problems.append(
                f"{name} wrong speaker: {q['text'][:50]!r} want {q['speaker']!r} got {quotes[pick][1]!r}"
            )
    optional = gold.get("optional_quotes", [])
    for j, (t, s) in enumerate(quotes):
        if j in matched or any(G.quote_match(o, t) for o in optional):
            continue
        tally.extra += 1
        tally.problems.append(f"{name} extra quote: {t[:60]!r} ({s})")
    tally.predicted += len(quotes)


def run_set(corpus: Path, golds: list[G.Gold]) -> Tally:
    from whitehall_cli.load.decoding import decode, read_bytes
    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.pipeline import analyse

    tally = Tally()
    for gold in golds:
        path = corpus / gold["file"]
        if not path.exists():
            continue
        doc = parse_text(decode(read_bytes(path)), path.stem, str(path))
        try:
            quotes = [(q.text, q.speaker) for q in analyse(doc).quotes]
        except Exception as e:  # noqa: BLE001 - as the index does: the article gives nothing
            tally.problems.append(f"{gold['file']} failed: {type(e).__name__}: {e}")
            quotes = []
        score_article(tally, gold, quotes)
        tally.articles += 1
    return tally


def sets() -> list[tuple[str, Path, list[G.Gold]]]:
    """(name, corpus folder, gold records) of every annotated set present."""
    out = [("seeds", ROOT / "data", list(G.load(ROOT / "tests" / "gold")))]
    for folder in ("corpus", "fresh"):
        path = ROOT / "tests" / folder
        if path.is_dir():
            out.append((f"tests/{folder}", path, list(G.load(path))))
    if (POLNEAR / "gold").is_dir():
        golds = list(G.load(POLNEAR / "gold"))
        for part in ("train", "dev"):
            chosen = [g for g in golds if polnear_part(g["file"]) == part]
            out.append((f"polnear-{part}", POLNEAR / "docs", chosen))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", help="a set's name (repeatable)")
    ap.add_argument("--problems", action="store_true", help="list every miss")
    args = ap.parse_args()
    for name, corpus, golds in sets():
        if args.only and name not in args.only:
            continue
        t0 = time.perf_counter()
        tally = run_set(corpus, golds)
        print(f"{tally.line(name)}  ({time.perf_counter() - t0:.1f} s)")
        if args.problems:
            for p in tally.problems:
                print("  -", p)
    if not (POLNEAR / "gold").is_dir():
        print("(../shared/polnear is not here: the PolNeAR sets were skipped)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
