"""The web the HTML tests read: five saved pages in the shapes real sites use, and a local
HTTP server (127.0.0.1 only, a thread of the test process) that serves them and the ways a
fetch goes wrong.

tests/pages/ holds a WordPress post, a Drupal news page, a GOV.UK-style press release and a
newspaper page with JSON-LD and related-story cards, each with NAME.expect.json (its
metadata, sentences the body must keep, boilerplate it must not). The fifth page, whose
text comes after a megabyte of inline script and JSON state, is built from
bigscript.template.html by `build_bigscript` (deterministic), not committed at 1.9 MB.
"""

from __future__ import annotations

import gzip
import json
import random
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
NAMES = ("bigscript", "drupal", "govuk", "newspaper", "wordpress")
# Words the big page's generated teasers are made of.
WORDS = (
    "civil service pay review union ballot minister code adviser leak inquiry department "
    "budget office reform jobs pension audit committee report whitehall strike hybrid "
    "working transparency data spending"
).split()


def _teasers(rng: random.Random, n: int) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for i in range(n):
        words = [rng.choice(WORDS) for _ in range(9)]
        out.append(
            {
                "id": f"art-{100000 + i}",
                "slug": "-".join(words[:6]),
                "headline": " ".join(words).capitalize(),
                "author": {"name": f"Staff writer {i % 40}", "slug": f"staff-{i % 40}"},
                "publishedAt": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00Z",
                "image": {"src": f"/img/{i}.jpg", "width": 1200, "height": 675, "alt": ""},
                "tags": words[3:7],
            }
        )
    return out


def _dump(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":")).replace("</", "<\\/")


def bigscript_html() -> str:
    """The big-script page: a Next.js-style __NEXT_DATA__ blob and a preloaded store
    (about 1.8 MB together) above the article's text."""
    rng = random.Random(14)
    state = {
        "feeds": {"latest": _teasers(rng, 2600)},
        "user": None,
        "ads": {"slots": [f"slot-{i}" for i in range(200)]},
    }
    next_data = {
        "props": {
            "pageProps": {
                "article": {
                    "id": "art-999001",
                    "title": "Special advisers' pay bill passes £20m for first time",
                },
                "related": _teasers(rng, 2600),
            }
        },
        "page": "/news/[slug]",
        "query": {"slug": "spad-pay-bill-passes-20m"},
        "buildId": "k2Xf0Zq",
        "isFallback": False,
    }
    html = (PAGES / "bigscript.template.html").read_text(encoding="utf-8")
    return html.replace("@@PRELOADED_STATE@@", _dump(state)).replace(
        "@@NEXT_DATA@@", _dump(next_data)
    )


def build_pages(folder: Path) -> Path:
    """The five pages and their expectations, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in NAMES:
        source = PAGES / f"{name}.html"
        html = bigscript_html() if name == "bigscript" else source.read_text(encoding="utf-8")
        (folder / f"{name}.html").write_text(html, encoding="utf-8")
        expect = (PAGES / f"{name}.expect.json").read_text(encoding="utf-8")
        (folder / f"{name}.expect.json").write_text(expect, encoding="utf-8")
    return folder


def expectation(name: str) -> dict[str, object]:
    result: dict[str, object] = json.loads(
        (PAGES / f"{name}.expect.json").read_text(encoding="utf-8")
    )
    return result


# --- the local server ---------------------------------------------------------------------

# Bytes the tests cap a fetch at: over the fixture pages (1.9 MB at most), under /big.
TEST_CAP = 3_000_000


# Headlines of the latest-news page (/latest): an index of links, not an article.
HEADLINES = (
    "Treasury leak inquiry widens to three departments",
    "Civil servants to get new protections for whistleblowing",
    "What the new ethics adviser can and cannot do",
    "Union ballots members over pay offer",
    "Fast Stream places move out of London",
    "Permanent secretary quits after row with minister",
    "Spending watchdog warns on consultancy bill",
    "Ministers told to keep every message",
)


def latest_news_html() -> str:
    """A newspaper's "Latest news" page: a menu and a list of headline links, nothing else."""
    items = "".join(f'<li><a href="/news/{i}">{h}</a></li>' for i, h in enumerate(HEADLINES))
    return (
        "<!DOCTYPE html><html><head><title>Latest news | The Daily Ledger</title></head><body>"
        '<header><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav></header>'
        f"<main><h1>Latest news</h1><ul>{items}</ul></main></body></html>"
    )


class _Handler(SimpleHTTPRequestHandler):  # for its folder listing (/files/); GET is ours
    pages: Path = PAGES  # set to a built folder by `serve`

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's name
        pass

    def _send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str, status: int = 302) -> None:
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path
        html = "text/html; charset=utf-8"
        page = self.pages / path.removeprefix("/pages/")
        if path.startswith("/pages/") and page.suffix == ".html" and page.is_file():
            self._send(200, page.read_bytes(), html)
        elif path == "/files/":  # what `python -m http.server` serves for a folder
            listing = self.list_directory(str(self.pages))  # sends the headers itself
            if listing is not None:
                self.copyfile(listing, self.wfile)
        elif path == "/latest":
            self._send(200, latest_news_html().encode(), html)
        elif path == "/redirect":
            self._redirect("/pages/newspaper.html", 301)
        elif path.startswith("/hop/"):  # /hop/N redirects N times, by relative addresses
            n = int(path[5:])
            self._redirect(f"/hop/{n - 1}" if n > 1 else "/pages/drupal.html")
        elif path == "/loop":
            self._redirect("/loop")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file.html")
        elif path == "/pdf":
            self._send(200, b"%PDF-1.7 ...", "application/pdf")
        elif path == "/big":
            self._send(200, b"<html>" + b"x" * (TEST_CAP + 10) + b"</html>", html)
        elif path == "/big-undeclared":  # no Content-Length: the cap is met while reading
            self.send_response(200)
            self.send_header("Content-Type", html)
            self.end_headers()
            for _ in range(TEST_CAP // 65_536 + 2):
                self.wfile.write(b"y" * 65_536)
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, b"<html><body><p>late</p></body></html>", html)
        elif path == "/cp1252":
            body = "<html><body><p>Caf\u00e9 \u2013 \u00a3140 \u201cquoted\u201d</p></body></html>"
            self._send(200, body.encode("cp1252"), "text/html; charset=windows-1252")
        elif path == "/meta-charset":
            body = (
                '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\u00e9</p></body></html>'
            )
            self._send(200, body.encode("latin-1"), "text/html")
        elif path == "/gzip":
            packed = gzip.compress((self.pages / "govuk.html").read_bytes())
            self._send(200, packed, html, Content_Encoding="gzip")
        elif path == "/ua":
            ua = self.headers.get("User-Agent", "")
            self._send(200, f"<html><body><p>{ua}</p></body></html>".encode(), html)
        elif path == "/empty":
            self._send(
                200, b"<html><head><title>Nothing here</title></head><body></body></html>", html
            )
        else:
            self._send(404, b"<html><body>Not found</body></html>", html)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (size cap, timeout) leaves a broken pipe here


@contextmanager
def serve(pages: Path) -> Iterator[str]:
    """Serve `pages` (a folder made by `build_pages`) on 127.0.0.1; yields the base URL."""
    handler = type("Handler", (_Handler,), {"pages": pages})
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
