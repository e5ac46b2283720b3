"""The `wh` benchmark: build, refresh and search a synthetic corpus of 10k and 100k articles,
and chart it over time (`timeline`) and in context (`context`).

    python benchmarks/run.py                      # both sizes, into ./bench-out
    python benchmarks/run.py --sizes 10000 --out /tmp/whbench

Not a test and not run in CI: it takes minutes (the 100k corpus is ~400 MB and its build
runs every pipeline stage on every article). Standard library plus the installed project.
Every search, `wh timeline leaks` and `wh context leaks --limit 50` is timed as a whole `wh`
process (what a user waits for), median of `--runs`,
and compared with the import baseline run just before it each time (median of the ratios;
`grep -ril` is compared with the search the same way).
Results print as a table and are saved as JSON beside the corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_gen  # noqa: E402

# Searches timed, by label: a word in most articles, a rare one, a phrase.
SEARCHES = (
    ("common word", "government"),
    ("rare word", None),  # picked from the vocabulary's long tail for the corpus size
    ("phrase", '"civil service"'),
)
# The commands that look across the corpus, timed as whole processes like the searches and
# printing what a user sees (the chart, the concordance) to a pipe.
PATTERNS = (
    ("timeline", ["timeline", "leaks"]),
    ("context", ["context", "leaks", "--limit", "50"]),
)
# Targets from the issue, shown beside the figures.
TARGETS = {
    "search_ms": 250,
    "help_ms": 150,
    "refresh_s": 2.0,
    "peak_mb": 150,
    "build_rate": 1000,
    "vs_import": 1.9,
    "vs_grep": 3.5,
    "patterns_vs_import": 2.0,
}
# Articles sampled to cost each pipeline stage.
STAGE_SAMPLE = 300
# What `wh index` does after a change: open with a stat of every file (whole process timed).
REFRESH = (
    "import sys\n"
    "from whitehall_cli.index.store import Index\n"
    "from whitehall_cli.load.corpus import resolve_corpus\n"
    "ix = Index.open(resolve_corpus(sys.argv[1]), scan=True)\n"
    "assert ix.parsed == 1, ix.parsed\n"
)
# The baseline each search is compared with: importing what a CLI of this kind must import.
IMPORTS = [sys.executable, "-c", "import click, rich.console, rich.table"]
# Runs a peak-memory wrapper: it runs argv[1:] and prints the child's max RSS in KB.
PEAK_WRAPPER = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def wh_command() -> list[str]:
    """The installed `wh` beside this Python, else `python -m whitehall_cli`."""
    exe = Path(sys.executable).with_name("wh")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "whitehall_cli"]


def once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in ms of one run, and its exit status."""
    t = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000, done.returncode


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, int]:
    """Median wall time in ms of `runs` runs (after one warm-up), and the exit status."""
    once(argv, env)
    results = [once(argv, env) for _ in range(runs)]
    return statistics.median(ms for ms, _ in results), results[-1][1]


def paired(
    argv: list[str], baseline: list[str], env: dict[str, str], runs: int
) -> tuple[float, float, int]:
    """Median wall time in ms of `argv`, and the median of its ratios to `baseline` timed
    right before it each time: on a shared machine whose speed drifts from minute to minute,
    each pair sees the same load, so the ratio holds when the absolute times do not."""
    once(argv, env)
    once(baseline, env)
    times, ratios = [], []
    code = 0
    for _ in range(runs):
        base_ms, _ = once(baseline, env)
        ms, code = once(argv, env)
        times.append(ms)
        ratios.append(ms / base_ms)
    return statistics.median(times), statistics.median(ratios), code


def peak_mb(argv: list[str], env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PEAK_WRAPPER, *argv], env=env, capture_output=True, text=True
    )
    return int(out.stdout.strip() or 0) / 1024


def stage_costs(root: Path) -> dict[str, float]:
    """CPU milliseconds per article of each pipeline stage, on a sample, in this process."""
    import stages

    return stages.costs(sorted(root.glob("batch0000/*.txt"))[:STAGE_SAMPLE], repeat=2)


def rare_word(size: int) -> str:
    """A tail word expected in a handful of articles at this corpus size."""
    words = corpus_gen.vocabulary()
    return words[min(len(words) - 1, 25_000)]


def bench(size: int, out: Path, runs: int) -> dict[str, object]:
    root = out / f"corpus-{size}"
    print(f"\n== {size:,} articles: corpus in {root}", flush=True)
    t = time.perf_counter()
    corpus_gen.write_corpus(root, size)
    print(f"   corpus ready in {time.perf_counter() - t:.1f} s", flush=True)
    cache = out / f"cache-{size}"
    shutil.rmtree(cache, ignore_errors=True)
    env = dict(os.environ, WH_CACHE_DIR=str(cache), NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure what users run: cached bytecode
    wh = [*wh_command(), "--data", str(root)]
    res: dict[str, object] = {"articles": size}

    t = time.perf_counter()
    subprocess.run([*wh, "index", "--rebuild"], env=env, check=True, stdout=subprocess.DEVNULL)
    build_s = time.perf_counter() - t
    res["build_s"] = round(build_s, 2)
    res["build_rate"] = round(size / build_s)
    res["index_mb"] = round(sum(p.stat().st_size for p in cache.glob("*.sqlite")) / 1e6, 1)
    print(f"   build {build_s:.1f} s = {size / build_s:.0f} articles/s", flush=True)
    res["stages"] = {k: round(v, 3) for k, v in stage_costs(root).items()}

    victim = sorted(root.glob("batch0000/*.txt"))[7]
    original = victim.read_bytes()
    try:
        victim.write_bytes(original + b"\nA sentence added for the benchmark.\n")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", REFRESH, str(root)], env=env, check=True)
        res["refresh_changed_s"] = round(time.perf_counter() - t, 3)
        extra = victim.with_name("zz-added-by-benchmark.txt")
        extra.write_bytes(original)
        t = time.perf_counter()
        subprocess.run([*wh, "search", "--json", "government"], env=env, stdout=subprocess.DEVNULL)
        res["search_after_add_s"] = round(time.perf_counter() - t, 3)
        extra.unlink()
    finally:
        victim.write_bytes(original)
    subprocess.run([*wh, "index"], env=env, check=True, stdout=subprocess.DEVNULL)

    res["help_ms"] = round(timed([*wh_command(), "--help"], env, runs)[0], 1)
    res["import_ms"] = round(timed(IMPORTS, env, runs)[0], 1)
    searches = {}
    for label, word in SEARCHES:
        word = word or rare_word(size)
        search = [*wh, "search", "--json", word]
        ms, ratio, code = paired(search, IMPORTS, env, runs)
        row: dict[str, object] = {"query": word, "ms": round(ms, 1), "exit": code}
        row["peak_mb"] = round(peak_mb(search, env), 1)
        grep_word = word.strip('"')
        # grep's time over the search's, each pair run back to back like the import ratio
        grep_ms, grep_ratio, _ = paired(["grep", "-ril", grep_word, str(root)], search, env, 3)
        row["grep_ms"] = round(grep_ms, 1)
        if shutil.which("rg"):
            row["rg_ms"] = round(timed(["rg", "-il", grep_word, str(root)], env, 3)[0], 1)
        row["x_import"] = round(ratio, 2)
        row["x_faster_than_grep"] = round(grep_ratio, 1)
        searches[label] = row
        print(f"   search {label} {word!r}: {ms:.0f} ms", flush=True)
    res["searches"] = searches
    patterns = {}
    for label, args in PATTERNS:
        command = [*wh, *args]
        ms, ratio, code = paired(command, IMPORTS, env, runs)
        patterns[label] = {
            "command": "wh " + " ".join(args),
            "ms": round(ms, 1),
            "x_import": round(ratio, 2),
            "peak_mb": round(peak_mb(command, env), 1),
            "exit": code,
        }
        print(f"   {label}: {ms:.0f} ms = {ratio:.2f}x import", flush=True)
    res["patterns"] = patterns
    (out / f"results-{size}.json").write_text(json.dumps(res, indent=2))
    return res


def report(results: list[dict]) -> None:
    t = TARGETS
    print("\nwh benchmark (targets in brackets)")
    for r in results:
        print(f"\n{r['articles']:,} articles")
        print(
            f"  build              {r['build_s']} s = {r['build_rate']} articles/s "
            f"[>= {t['build_rate']}]; index {r['index_mb']} MB"
        )
        stages = ", ".join(f"{k} {v} ms" for k, v in r["stages"].items())
        print(f"  per-article CPU    {stages} (one process)")
        print(f"  refresh, 1 changed {r['refresh_changed_s']} s [<= {t['refresh_s']}]")
        print(f"  search after 1 new {r['search_after_add_s']} s (quick folder check)")
        print(f"  wh --help          {r['help_ms']} ms [<= {t['help_ms']}]")
        print(f"  import baseline    {r['import_ms']} ms (python -c 'import click, rich...')")
        for label, s in r["searches"].items():
            extra = f", rg {s['rg_ms']} ms" if "rg_ms" in s else ""
            print(
                f"  search {label:12s} {s['ms']} ms [<= {t['search_ms']}], peak {s['peak_mb']} MB "
                f"[<= {t['peak_mb']}], {s['x_import']}x import [<= {t['vs_import']}], "
                f"grep -ril {s['grep_ms']} ms = {s['x_faster_than_grep']}x faster "
                f"[>= {t['vs_grep']}]{extra}  ({s['query']})"
            )
        for label, p in r.get("patterns", {}).items():
            print(
                f"  {label:18s} {p['ms']} ms, {p['x_import']}x import "
                f"[<= {t['patterns_vs_import']}], peak {p['peak_mb']} MB, exit {p['exit']}  "
                f"({p['command']})"
            )


def snapshot(out: Path) -> None:
    """Re-run this script on a frozen copy of the installed package, so that edits to the
    source while the benchmark runs cannot make `wh` rebuild the index mid-measurement."""
    import whitehall_cli

    copy = out / "snapshot"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(
        Path(whitehall_cli.__file__).parent,
        copy / "whitehall_cli",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    import compileall

    compileall.compile_dir(copy, quiet=1)  # as pip does on install: no compiling per run
    env = dict(os.environ, PYTHONPATH=str(copy), WH_BENCH_SNAPSHOT=str(copy))
    os.execve(sys.executable, [sys.executable, __file__, *sys.argv[1:]], env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--out", default="bench-out", help="folder for corpora, indexes, results")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per search (median)")
    ap.add_argument(
        "--no-snapshot", action="store_true", help="measure the live source, not a frozen copy"
    )
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    if not args.no_snapshot and not os.environ.get("WH_BENCH_SNAPSHOT"):
        snapshot(out)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    report([bench(size, out, args.runs) for size in sizes])


if __name__ == "__main__":
    main()
