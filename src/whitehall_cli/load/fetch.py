"""Fetching a web page for `wh add`: http and https only, one deadline for the whole
exchange, a size cap, redirects followed by hand (each hop checked and counted), an honest
User-Agent, and the page's character set from its headers or its own <meta>.

Standard library only (urllib). Every failure is a `FetchError` subclass whose message is one
line starting with the address; nothing here writes anything.
"""

from __future__ import annotations

import codecs
import http.client
import re
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

from whitehall_cli import __version__
from whitehall_cli.errors import FetchError
from whitehall_cli.load.decoding import MAX_PAGE_BYTES

# Who is asking: the program and its version (servers' logs should be able to tell).
USER_AGENT = f"wh/{__version__} (whitehall-cli, a reader of saved news articles)"
# Seconds for the whole exchange: connecting, every redirect and the body.
TIMEOUT = 20.0
# Bytes of one page as sent (scripts and all; the limit on its text comes later), the same
# cap a saved page is read to.
MAX_BYTES = MAX_PAGE_BYTES
# Redirects followed before giving up.
MAX_REDIRECTS = 5
# Content types read as web pages.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 65_536
# "<meta charset=...>" or "<meta http-equiv=... content='...; charset=...'>".
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


class BadURL(FetchError):
    """Not an http or https address."""


class HTTPStatusError(FetchError):
    """The server answered with an error (404, 500 ...)."""


class NotHTML(FetchError):
    """The address serves something other than a web page."""


class TooLarge(FetchError):
    """The page is over the size cap."""


class TooManyRedirects(FetchError):
    """More redirects than the cap, or a loop."""


class FetchTimeout(FetchError):
    """No complete answer in the time allowed."""


class Unreachable(FetchError):
    """Offline, an unknown host, a refused connection, a TLS failure."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as fetched: its address after redirects and its text."""

    url: str
    text: str
    charset: str
    content_type: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hands each 3xx back to `fetch`, which checks and counts every hop itself."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def is_url(source: str) -> bool:
    """`source` names an address ("scheme://..."), not a file."""
    scheme, sep, _ = source.partition("://")
    return bool(sep) and scheme.isascii() and scheme.replace("+", "").replace(".", "").isalnum()


def check_url(url: str) -> str:
    """`url`, stripped, when it is an http or https address with a host; else BadURL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise BadURL(f"{url}: not an http or https address")
    return url.strip()


def fetch(
    url: str,
    *,
    timeout: float = TIMEOUT,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
) -> Fetched:
    """GET a web page and decode it; FetchError (a one-line message) on any failure."""
    current = check_url(url)
    deadline = time.monotonic() + timeout
    seen = {current}
    opener = urllib.request.build_opener(_NoRedirect)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9",
        "Accept-Encoding": "gzip, deflate",
    }
    for _ in range(max_redirects + 1):
        request = urllib.request.Request(current, headers=headers)
        try:
            with opener.open(request, timeout=max(0.1, deadline - time.monotonic())) as resp:
                return _read(current, resp, deadline, max_bytes)
        except urllib.error.HTTPError as e:
            location = e.headers.get("Location") if 300 <= e.code < 400 else None
            e.close()
            if not location:
                raise HTTPStatusError(f"{current}: HTTP {e.code} {e.reason}") from None
            current = check_url(urljoin(current, location))
            if current in seen:
                raise TooManyRedirects(f"{url}: redirects in a loop") from None
            seen.add(current)
        except TimeoutError:
            raise FetchTimeout(f"{current}: no answer within {timeout:g} s") from None
        except urllib.error.URLError as e:
            if isinstance(e.reason, TimeoutError):
                raise FetchTimeout(f"{current}: no answer within {timeout:g} s") from None
            raise Unreachable(f"{current}: cannot connect ({_reason(e.reason)})") from None
        except (http.client.HTTPException, ssl.SSLError, OSError) as e:
            raise Unreachable(f"{current}: connection failed ({_reason(e)})") from None
    raise TooManyRedirects(f"{url}: more than {max_redirects} redirects")


def _reason(e: object) -> str:
    text = str(getattr(e, "strerror", None) or e) or type(e).__name__
    return " ".join(text.split())


def _read(url: str, resp: http.client.HTTPResponse, deadline: float, max_bytes: int) -> Fetched:
    final = resp.geturl() or url
    # no Content-Type at all: taken for a page, and the extractor judges
    ctype = resp.headers.get_content_type() if resp.headers.get("Content-Type") else HTML_TYPES[0]
    if ctype not in HTML_TYPES:
        raise NotHTML(f"{final}: not a web page ({ctype})")
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(f"{final}: page of {int(declared):,} bytes is over the {max_bytes:,} cap")
    chunks: list[bytes] = []
    size = 0
    while chunk := resp.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(f"{final}: page is over the {max_bytes:,} byte cap")
        if time.monotonic() > deadline:
            raise FetchTimeout(f"{final}: page not complete in the time allowed")
        chunks.append(chunk)
    raw = _decompress(b"".join(chunks), resp.headers.get("Content-Encoding", ""), max_bytes, final)
    charset = _charset(resp.headers, raw)
    return Fetched(final, raw.decode(charset, errors="replace"), charset, ctype)


def _decompress(raw: bytes, encoding: str, max_bytes: int, url: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return raw
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise NotHTML(f"{url}: content encoded as {encoding!r}, which wh cannot read")
    inflater = zlib.decompressobj(47 if "gzip" in encoding else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(raw, max_bytes + 1)
    except zlib.error:
        if encoding != "deflate":
            raise Unreachable(f"{url}: damaged compressed page") from None
        out = zlib.decompressobj(-zlib.MAX_WBITS).decompress(raw, max_bytes + 1)  # raw deflate
    if len(out) > max_bytes:
        raise TooLarge(f"{url}: page is over the {max_bytes:,} byte cap once decompressed")
    return out


def _charset(headers: Message, raw: bytes) -> str:
    """The header's charset, else a byte-order mark, else the page's <meta>, else UTF-8 if
    the bytes decode as UTF-8, else Windows-1252 (what browsers assume for unlabelled
    Western pages; Latin-1 and ASCII labels are read as it too, as browsers do)."""
    named = [headers.get_content_charset()]
    if raw.startswith(codecs.BOM_UTF8):
        named.append("utf-8-sig")
    if m := _META_CHARSET.search(raw[:4096]):
        named.append(m[1].decode("ascii", "replace"))
    for name in named:
        try:
            if name:
                codec = codecs.lookup(name).name
                return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec
        except LookupError:
            continue
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"
