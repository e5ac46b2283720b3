"""How well saved web pages are read: scores on a folder of pages, each NAME.html with a
NAME.expect.json beside it (title, date, authors, url, outlet, and lists of sentences the
body must `keep` and `boilerplate` it must not), like tests/pages.

    python benchmarks/pages.py                 # the test pages (the big one built first)
    python benchmarks/pages.py DIR -v          # your own pages, with what was lost or leaked
    OLD/.venv/bin/python benchmarks/pages.py   # the same figures for another install of wh

Prints, for `wh` as the index reads a page (the file's bytes, then parse_text) and for
trafilatura alone (its text split into lines, its own metadata): the share of must-keep
sentences the body keeps, the share of boilerplate checks it leaks, the share of body
paragraphs of four words or fewer, dates right and found, authors right (1 a page for the
exact list, else the overlap of the two sets), titles, urls and outlets right, and the
median milliseconds per page (after one warm-up read, so imports are not counted).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent / "tests"
SHORT_WORDS = 4
REPEATS = 5


@dataclass
class Read:
    title: str | None
    date: str | None
    authors: tuple[str, ...]
    url: str | None
    outlet: str | None
    paragraphs: tuple[str, ...]


@dataclass
class Score:
    keep: list[bool] = field(default_factory=list)
    leak: list[bool] = field(default_factory=list)
    short: list[bool] = field(default_factory=list)
    date_right: int = 0
    date_found: int = 0
    authors: float = 0.0
    title: int = 0
    url: int = 0
    outlet: int = 0
    pages: int = 0
    ms: list[float] = field(default_factory=list)


def norm(text: str) -> str:
    return " ".join(text.split())


def wh_reader(path: Path) -> Read:
    from whitehall_cli.load import decoding
    from whitehall_cli.parse.article import parse_text

    text = decoding.decode(decoding.read_bytes(path))
    d = parse_text(text, path.stem, str(path))
    return Read(d.title, d.date, d.authors, d.url, d.outlet, d.paragraphs)


def trafilatura_reader(path: Path) -> Read:
    import trafilatura

    d = trafilatura.bare_extraction(
        path.read_text(encoding="utf-8"), with_metadata=True, include_comments=False
    )
    if d is None or isinstance(d, dict):
        return Read(None, None, (), None, None, ())
    authors = tuple(a.strip() for a in (d.author or "").split(";") if a.strip())
    lines = tuple(ln for ln in (d.text or "").split("\n") if ln.strip())
    return Read(d.title, d.date, authors, d.url, d.sitename, lines)


def score_page(read: Read, expect: dict[str, list[str] | str | None], s: Score) -> list[str]:
    """Add one page's figures to `s`; what it lost and leaked, for -v."""
    body = norm("\n".join(read.paragraphs))
    keep = [norm(x) in body for x in expect["keep"] or ()]
    leak = [norm(x) in body for x in expect["boilerplate"] or ()]
    s.keep += keep
    s.leak += leak
    s.short += [len(p.split()) <= SHORT_WORDS for p in read.paragraphs]
    s.date_found += read.date is not None
    s.date_right += read.date == expect["date"]
    got, want = set(read.authors), set(expect["authors"] or ())
    s.authors += 1.0 if got == want else len(got & want) / len(got | want)
    s.title += read.title == expect["title"]
    s.url += read.url == expect["url"]
    s.outlet += read.outlet == expect["outlet"]
    s.pages += 1
    notes = [
        f"lost: {x[:80]}" for x, hit in zip(expect["keep"] or (), keep, strict=True) if not hit
    ]
    notes += [
        f"leaked: {x}" for x, hit in zip(expect["boilerplate"] or (), leak, strict=True) if hit
    ]
    if got != want:
        notes.append(f"authors {sorted(got)} (want {sorted(want)})")
    if read.date != expect["date"]:
        notes.append(f"date {read.date} (want {expect['date']})")
    return notes


def report(label: str, s: Score) -> dict[str, object]:
    def share(xs: list[bool]) -> float:
        return round(100 * sum(xs) / len(xs), 1) if xs else 0.0

    row: dict[str, object] = {
        "reader": label, "pages": s.pages, "kept_%": share(s.keep), "leaked_%": share(s.leak),
        "short_paragraphs_%": share(s.short), "dates_right": s.date_right,
        "dates_found": s.date_found, "authors_right": round(s.authors, 2),
        "titles_right": s.title, "urls_right": s.url, "outlets_right": s.outlet,
        "ms_per_page": round(statistics.median(s.ms), 1) if s.ms else None,
    }  # fmt: skip
    print(
        f"{label:>12}: kept {row['kept_%']}% | leaked {row['leaked_%']}% | short paragraphs "
        f"{row['short_paragraphs_%']}% | dates {s.date_right} right, {s.date_found} found of "
        f"{s.pages} | authors {row['authors_right']} | titles {s.title} | urls {s.url} | "
        f"outlets {s.outlet} | {row['ms_per_page']} ms/page (median)"
    )
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("pages", nargs="?", help="folder of NAME.html + NAME.expect.json")
    ap.add_argument("--json", action="store_true", help="print the rows as JSON too")
    ap.add_argument("-v", "--verbose", action="store_true", help="what each page lost")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        if args.pages:
            folder = Path(args.pages)
        else:
            sys.path.insert(0, str(TESTS))
            import local_web

            folder = local_web.build_pages(Path(tmp))
        readers: list[tuple[str, Callable[[Path], Read]]] = [("wh", wh_reader)]
        try:
            import trafilatura  # noqa: F401 - only to know whether it is there
        except ImportError:
            pass
        else:
            readers.append(("trafilatura", trafilatura_reader))
        rows = []
        for label, reader in readers:
            s = Score()
            for exp in sorted(folder.glob("*.expect.json")):
                page = exp.with_name(exp.name.replace(".expect.json", ".html"))
                expect = json.loads(exp.read_text(encoding="utf-8"))
                read = reader(page)  # warm-up: imports and caches
                for _ in range(REPEATS):
                    t = time.perf_counter()
                    read = reader(page)
                    s.ms.append((time.perf_counter() - t) * 1000)
                notes = score_page(read, expect, s)
                if args.verbose:
                    print(f"  {label} {page.stem}: " + ("; ".join(notes) or "all right"))
            rows.append(report(label, s))
    if args.json:
        print(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
