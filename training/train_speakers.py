"""Train the speaker ranker's weights on PolNeAR and write them into the package.

    pip install -e '.[train]'                     # numpy and scipy, for training only
    python training/train_speakers.py             # train on the train part, write the weights
    python training/train_speakers.py --cv        # three-fold check inside the train part
    python training/train_speakers.py --report    # ...and the held-back part's figure

The model is a log-linear ranker: for each quotation, a softmax over its candidates (see
`whitehall_cli/quotes/ranking/features.py`), the score of a candidate being the sum of its
features' weights. It is fitted by L-BFGS to the log-likelihood of the right candidates
with an L2 penalty (`--l2`). Each article is read in order, and the speaker carried from one
quotation to the next is the gold one (teacher forcing); the ranker itself carries its own
choice.

Data: `../shared/polnear` (PolNeAR v1.0.0, train compartment, converted to the project's gold
schema; see its README). Only the articles of the "train" part (`split.py`) are learnt
from; the "dev" part is held back. No text of PolNeAR is written anywhere: the output is
feature names and weights.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "benchmarks"))

import gold as G  # noqa: E402
from split import polnear_part  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "polnear"
OUT = ROOT / "src" / "whitehall_cli" / "quotes" / "ranking" / "weights.json"
# The project's own annotated UK articles, under tests/ (tests/fresh is never trained on).
UK_FOLDERS = ("corpus",)
# One quotation's candidates (their features), which are right, and its weight.
Example = tuple[list[list[str]], list[bool], float]


def polnear_golds(part: str) -> list[tuple[G.Gold, Path]]:
    """The gold records of one part of PolNeAR, with their articles' paths."""
    return [
        (g, POLNEAR / "docs" / g["file"])
        for g in G.load(POLNEAR / "gold")
        if polnear_part(g["file"]) == part
    ]


def uk_golds() -> list[tuple[G.Gold, Path]]:
    """The project's own annotated UK articles (written for wh, in the conventions of its gold
    schema: a spokesperson speaks for their body, a report for its author)."""
    out = []
    for folder in UK_FOLDERS:
        path = ROOT / "tests" / folder
        if path.is_dir():
            out += [(g, path / g["file"]) for g in G.load(path) if (path / g["file"]).exists()]
    return out


def articles(golds: list[tuple[G.Gold, Path]]) -> list[Any]:
    """(gold, article reading, rule answers, body quotation texts, the reader's attributions)
    of every article given."""
    from whitehall_cli.entities.cast import find_cast
    from whitehall_cli.load.decoding import decode, read_bytes
    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.quotes.quotations import read_quotes
    from whitehall_cli.quotes.ranking.attribute import Namer, read_article, rule_answers

    out = []
    for gold, path in golds:
        doc = parse_text(decode(read_bytes(path)), path.stem, str(path))
        try:
            cast = find_cast(doc)
            reading = read_quotes(doc, cast)
        except Exception as e:  # noqa: BLE001 - one article the pipeline fails on is skipped
            print(f"skipped {gold['file']}: {type(e).__name__}: {e}", file=sys.stderr)
            continue
        if reading is None:
            continue
        art = read_article(reading.paragraphs(), reading.span_facts(), doc.title or "", cast)
        atts = reading.body_rules()
        rules = rule_answers(art, atts, reading.body_sources())
        namer = Namer(art, cast, reading.reader.person, reading.reader.body)

        def speaker(
            k: int, qi: int, c: Any, atts: Any = atts, rules: Any = rules, namer: Any = namer
        ) -> str | None:
            return namer.attribution(c, atts[k][qi], rules[k][qi]).speaker  # type: ignore[no-any-return]

        out.append((gold, art, rules, reading.body_texts(), speaker))
    return out


def labeler_for(gold: G.Gold, texts: list[list[str]], speaker: Any) -> Any:
    """Which candidates of each quotation are right, from the gold record: those whose
    speaker, as `wh` would name it (`speaker`), is the gold one."""

    flat = [(k, qi, t) for k, row in enumerate(texts) for qi, t in enumerate(row)]
    by_site: dict[tuple[int, int], dict[str, Any]] = {}
    used: set[int] = set()
    for q, hits in G.pair(gold, [t for _, _, t in flat]):
        free = [j for j in hits if j not in used] or hits
        if free:
            used.add(free[0])
            by_site.setdefault(flat[free[0]][:2], q)

    def label(k: int, qi: int, cands: list[Any]) -> list[bool] | None:
        q = by_site.get((k, qi))
        if q is None or q.get("speaker_unscored"):
            return None
        return [G.right_speaker(speaker(k, qi, c), q, gold) for c in cands]

    return label


def examples(arts: list[Any], weight: float = 1.0) -> list[Example]:
    from whitehall_cli.quotes.ranking.model import decode

    out: list[Example] = []
    for gold, art, rules, texts, speaker in arts:

        def seen(k: int, qi: int, cands: list[Any], best: int, labels: list[bool] | None) -> None:
            if labels and any(labels):
                out.append(([c.feats for c in cands], labels, weight))

        decode(art, rules, {}, labeler_for(gold, texts, speaker), seen, teacher=True, explicit=True)
    return out


def fit(data: list[Example], l2: float) -> dict[str, float]:
    """Weights that maximise the penalised log-likelihood of the right candidates."""
    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    starts: list[int] = []
    lab: list[bool] = []
    weight = np.array([w for _, _, w in data])
    r = 0
    for cands, labels, _ in data:
        starts.append(r)
        for fs, ok in zip(cands, labels, strict=True):
            for f in set(fs):
                rows.append(r)
                cols.append(index.setdefault(f, len(index)))
            lab.append(ok)
            r += 1
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(index)))
    st = np.array(starts)
    right = np.array(lab, dtype=bool)
    group = np.repeat(np.arange(len(st)), np.diff(np.append(st, r)))

    def loss_and_grad(w: Any) -> tuple[float, Any]:
        s = x @ w
        e = np.exp(s - np.maximum.reduceat(s, st)[group])
        z = np.add.reduceat(e, st)
        zc = np.add.reduceat(np.where(right, e, 0.0), st)
        loss = -float(np.sum(weight * np.log(zc / z))) + 0.5 * l2 * float(w @ w)
        coef = (e / z[group] - np.where(right, e / zc[group], 0.0)) * weight[group]
        return loss, x.T @ coef + l2 * w

    t0 = time.perf_counter()
    res = minimize(
        loss_and_grad, np.zeros(len(index)), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    print(
        f"fitted {len(index)} features on {len(data)} quotations in "
        f"{time.perf_counter() - t0:.1f} s (loss {res.fun:.1f})",
        file=sys.stderr,
    )
    return {f: float(res.x[i]) for f, i in index.items()}


def accuracy(
    arts: list[Any], w: dict[str, float], misses: list[str] | None = None
) -> tuple[int, int]:
    """(right, scored) over the quotations of some articles, the ranker carrying its own
    choices from one quotation to the next; `misses` collects a line for each wrong one."""
    from whitehall_cli.quotes.ranking.model import decode

    tally = [0, 0]
    for gold, art, rules, texts, speaker in arts:

        def seen(
            k: int,
            qi: int,
            cands: list[Any],
            best: int,
            labels: list[bool] | None,
            gold: G.Gold = gold,
            texts: list[list[str]] = texts,
            speaker: Any = speaker,
        ) -> None:
            if labels is not None:
                tally[0] += labels[best]
                tally[1] += 1
                if misses is not None and not labels[best]:
                    got = speaker(k, qi, cands[best])
                    misses.append(
                        f"{gold['file']} ¶{k - 2} {texts[k][qi][:50]!r}: got {got!r} ({cands[best].how})"
                    )

        decode(art, rules, w, labeler_for(gold, texts, speaker), seen)
    return tally[0], tally[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--l2", type=float, default=3.0, help="the L2 penalty (default 3)")
    ap.add_argument("--cv", action="store_true", help="three-fold check inside the train part")
    ap.add_argument("--report", action="store_true", help="also measure the held-back part")
    ap.add_argument("--uk-cv", action="store_true", help="three-fold check over the UK articles")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    ap.add_argument(
        "--uk-weight", type=float, default=3.0, help="weight of each UK quotation (default 3)"
    )
    args = ap.parse_args()
    if not (POLNEAR / "gold").is_dir():
        print(f"train_speakers: {POLNEAR} is not here: nothing to train on", file=sys.stderr)
        return 2
    train = articles(polnear_golds("train"))
    uk = articles(uk_golds())
    uk_examples = examples(uk, args.uk_weight)
    if args.cv:
        ok = n = 0
        for fold in range(3):
            fit_on = [a for i, a in enumerate(train) if i % 3 != fold]
            held = [a for i, a in enumerate(train) if i % 3 == fold]
            a, b = accuracy(held, fit(examples(fit_on) + uk_examples, args.l2))
            print(f"fold {fold}: {a / b:.4f} ({a}/{b})")
            ok, n = ok + a, n + b
        print(f"three-fold inside the train part: {ok / n:.4f} ({ok}/{n})")
    if args.uk_cv:
        train_examples = examples(train)
        ok = n = 0
        for fold in range(3):
            fit_on = [a for i, a in enumerate(uk) if i % 3 != fold]
            held = [a for i, a in enumerate(uk) if i % 3 == fold]
            misses: list[str] = []
            a, b = accuracy(
                held, fit(train_examples + examples(fit_on, args.uk_weight), args.l2), misses
            )
            ok, n = ok + a, n + b
            for line in misses:
                print("  miss:", line)
        print(f"three-fold over the UK articles (weight {args.uk_weight}): {ok / n:.4f} ({ok}/{n})")
    w = fit(examples(train) + uk_examples, args.l2)
    a, b = accuracy(train, w)
    print(f"train part ({len(train)} articles): {a / b:.4f} ({a}/{b}) of the quotations found")
    a, b = accuracy(uk, w)
    print(f"UK articles ({len(uk)}, weight {args.uk_weight}): {a / b:.4f} ({a}/{b})")
    if args.report:
        dev = articles(polnear_golds("dev"))
        a, b = accuracy(dev, w)
        print(
            f"held-back part ({len(dev)} articles): {a / b:.4f} ({a}/{b}) of the quotations found"
        )
    kept = {f: round(v, 3) for f, v in sorted(w.items()) if abs(v) >= 0.005}
    meta = {
        "what": "weights of the speaker ranker (whitehall_cli/quotes/ranking): feature -> weight",
        "trained_on": "PolNeAR v1.0.0 train compartment (../shared/polnear), its 'train' part "
        f"({len(train)} articles; training/split.py), and the project's own annotated UK "
        f"articles (tests/{{{','.join(UK_FOLDERS)}}}: {len(uk)} articles, each quotation "
        f"weighing {args.uk_weight}); L2 {args.l2}",
        "made_by": "training/train_speakers.py",
        "date": dt.date.today().isoformat(),
        "weights": kept,
    }
    args.out.write_text(json.dumps(meta, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} weights to {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
