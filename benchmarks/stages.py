"""What each pipeline stage costs per article, and whether a change altered any output.

    python benchmarks/stages.py                         # CPU ms per article of each stage
    python benchmarks/stages.py --save before.jsonl     # ...and keep every article's records
    python benchmarks/stages.py --compare before.jsonl  # exit 1 if any article's records differ

Articles: the bundled corpus, the record sets under tests/ (real articles in many house
styles) and `--synthetic N` articles from the benchmark's generator. Times are CPU time of
this process (`time.process_time`), the best of `--repeat` passes, so other jobs on a shared
machine disturb them less than wall time. `--save`/`--compare` hold what the index would
store for each article (`whitehall_cli.index.parsing.parse_one`), so a speed-up can be shown
to change no record on any of them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus_gen  # noqa: E402

REAL_FOLDERS = ("data", "tests/corpus", "tests/corpus_encodings")
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")


def articles(synthetic: int, tmp: Path) -> list[Path]:
    root = HERE.parent
    paths = [
        p
        for folder in REAL_FOLDERS
        for p in sorted((root / folder).rglob("*"))
        if p.suffix in ARTICLE_SUFFIXES
    ]
    if synthetic:
        corpus_gen.write_corpus(tmp, synthetic)
        paths += sorted(tmp.rglob("*.txt"))
    return paths


def costs(paths: list[Path], repeat: int) -> dict[str, float]:
    """Best-of-`repeat` CPU milliseconds per article for each stage."""
    from whitehall_cli.entities.cast import find_cast
    from whitehall_cli.index import parsing, schema
    from whitehall_cli.load.decoding import decode, read_bytes
    from whitehall_cli.models import Analysis
    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.quotes.quotations import find_quotes

    best: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys(("read", "parse", "entities", "quotes", "rows"), 0.0)
        for p in paths:
            t0 = time.process_time()
            text = decode(read_bytes(str(p)))
            t1 = time.process_time()
            doc = parse_text(text, p.stem, str(p))
            t2 = time.process_time()
            cast = find_cast(doc)
            t3 = time.process_time()
            quotes = find_quotes(doc, cast)
            t4 = time.process_time()
            analysis = Analysis(doc, cast, tuple(quotes))
            schema.analysis_rows(analysis)
            schema.document_row(doc, len(cast.people), len(quotes))
            parsing.vocabulary_words(cast.words)
            t5 = time.process_time()
            for key, dt in zip(spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                spent[key] += dt
        for key, total in spent.items():
            ms = total / len(paths) * 1e3
            best[key] = min(best.get(key, ms), ms)
    best["total"] = sum(best.values())
    return best


def records(paths: list[Path], tmp: Path) -> dict[str, str]:
    """Each article's stored records as one JSON line, keyed by its path in the project or,
    for generated ones, in the synthetic corpus (whose folder differs on every run)."""
    from whitehall_cli.index import parsing

    out = {}
    for p in paths:
        result = saved_form(parsing.parse_one(p.stem, str(p), None))
        if p.is_relative_to(tmp):
            key = "synthetic/" + str(p.relative_to(tmp))
        else:
            key = str(p.relative_to(HERE.parent))
        # the path is in the records: store it as the key so runs from anywhere compare
        out[key] = json.dumps(result, ensure_ascii=False, default=list).replace(str(p), key)
    return out


def saved_form(result: object) -> tuple[object, ...]:
    """A parse result as files saved by `--save` hold it: the tagged tuple the workers
    returned before they returned records ("ok", id, hash, document row, full-text values,
    table rows, words), so a file saved by any version compares with any other."""
    from whitehall_cli.index.parsing import Parsed, Problem, Unchanged

    if isinstance(result, Parsed):
        return ("ok", result.doc_id, result.digest, result.document, result.fts, result.tables,
                result.words)  # fmt: skip
    if isinstance(result, Problem):
        return ("problem", result.doc_id, result.digest, result.message)
    if isinstance(result, Unchanged):
        return ("same", result.doc_id, result.digest)
    raise TypeError(f"not a parse result: {result!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", type=int, default=1000, help="generated articles to add")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes (the best is shown)")
    ap.add_argument("--save", help="write every article's records to this JSON-lines file")
    ap.add_argument("--compare", help="compare every article's records with this file")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = articles(args.synthetic, Path(tmp))
        print(f"{len(paths)} articles", flush=True)
        got = records(paths, Path(tmp))
        for stage, ms in costs(paths, args.repeat).items():
            print(f"  {stage:9s} {ms:6.3f} ms per article")
    if args.save:
        with open(args.save, "w", encoding="utf-8") as f:
            for key in sorted(got):
                f.write(json.dumps([key, got[key]], ensure_ascii=False) + "\n")
    if args.compare:
        with open(args.compare, encoding="utf-8") as f:
            before = dict(json.loads(line) for line in f)
        changed = sorted(k for k in before.keys() | got.keys() if before.get(k) != got.get(k))
        for key in changed[:20]:
            print(f"  changed: {key}")
        print(f"{len(changed)} of {len(got)} articles' records differ from {args.compare}")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
