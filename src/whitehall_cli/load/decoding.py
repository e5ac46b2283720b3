"""Bytes to text: one article file read (capped at `MAX_ARTICLE_BYTES`, a web page at
`MAX_PAGE_BYTES`) and decoded.

UTF-8 (with or without a byte-order mark), UTF-16 with a mark, else Windows-1252 or Latin-1;
newlines become "\\n". Empty and binary files raise `Unreadable`, whose message says why.
"""

from __future__ import annotations

import codecs
import logging
import os
from pathlib import Path
from typing import BinaryIO

from whitehall_cli.load.corpus import HTML_SUFFIXES

log = logging.getLogger("whitehall_cli")

# Bytes sniffed to decide that a file is binary.
SNIFF_BYTES = 8192
# Bytes of one file that are read. Real articles are a few kilobytes; anything longer is
# read up to its last line break before this point, with a warning, so that one huge file
# cannot take the memory or the time of the whole run.
MAX_ARTICLE_BYTES = 1_000_000
# Bytes of one web page that are read. Pages carry megabytes of inline scripts and data
# above their text, so the megabyte above applies to the article's text once it is
# extracted (`page_text`), and this cap, the same as `wh add` fetches, to the page.
MAX_PAGE_BYTES = 20_000_000
# Bytes asked for by each read after the first (which the file's size sizes).
_READ_CHUNK = 65_536


class Unreadable(Exception):
    """One file that cannot be read as an article; the message says why."""


def read_bytes(path: Path | str) -> bytes:
    """The bytes of one file, at most MAX_ARTICLE_BYTES of them, or MAX_PAGE_BYTES of a web
    page (cut at a line break, with a warning); raise Unreadable when it cannot be read."""
    limit = MAX_PAGE_BYTES if str(path).lower().endswith(HTML_SUFFIXES) else MAX_ARTICLE_BYTES
    try:
        with open(path, "rb", buffering=0) as fh:  # unbuffered: _read_upto sizes the reads
            raw = _read_upto(fh, limit + 1)
    except FileNotFoundError:
        raise Unreadable("it vanished while being read") from None
    except IsADirectoryError:
        raise Unreadable("it is a folder") from None
    except OSError as e:
        raise Unreadable(e.strerror or str(e)) from None
    if len(raw) > limit:
        cut = raw.rfind(b"\n", 0, limit)
        raw = raw[: cut if cut > 0 else limit]
        megabytes = limit // 1_000_000
        log.warning("%s is over %d MB: only its first %d MB are read", path, megabytes, megabytes)
    return raw


def _read_upto(fh: BinaryIO, limit: int) -> bytes:
    """The file's bytes up to `limit` or its end, as a buffered read(limit) gives them, but
    without first allocating `limit` bytes (a megabyte per article): the file's size sizes
    the first read, and reads go on to the end of the file (a pipe's come in pieces)."""
    want = min(os.fstat(fh.fileno()).st_size + 1, limit)  # one more byte: that read meets EOF
    chunks: list[bytes] = []
    got = 0
    while got < limit:
        chunk = fh.read(min(want, limit - got))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
        want = _READ_CHUNK
    return b"".join(chunks)


def read_text(path: Path | str) -> str:
    """Decode one file; raise Unreadable for empty, binary or unreadable files."""
    return decode(read_bytes(path))


def decode(raw: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1.

    Newlines become "\\n". Raises Unreadable for empty or binary input.
    """
    if not raw.strip():
        raise Unreadable("it is empty")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise Unreadable("it is not valid UTF-16") from None
    else:
        if raw.find(b"\x00", 0, SNIFF_BYTES) != -1:
            raise Unreadable("it looks binary")
        try:  # "utf-8-sig" by hand: that codec's Python-level wrapper costs more than decoding
            text = raw[3:].decode() if raw.startswith(codecs.BOM_UTF8) else raw.decode()
        except UnicodeDecodeError:
            text = _decode_single_byte(raw)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    if _looks_binary(text):
        raise Unreadable("it looks binary")
    return text


def _decode_single_byte(raw: bytes) -> str:
    """Windows-1252 (curly quotes, £, the dash) where it applies, else Latin-1."""
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


# Control characters that mark binary data (all of U+0000-U+001F and U+007F but tab, line
# feed and carriage return), as bytes: in UTF-8 each stands for itself and no other
# character encodes to any of them, so counting them in the encoded text counts them in it.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _looks_binary(text: str) -> bool:
    """Mostly control characters in the first few thousand characters."""
    head = text[:SNIFF_BYTES]
    # counted by deleting them from the UTF-8 bytes: a C loop over the bytes, 3x faster
    # than a regex engine's findall over the characters
    encoded = head.encode("utf-8", "surrogatepass")
    controls = len(encoded) - len(encoded.translate(None, _CONTROL_BYTES))
    return controls > max(8, len(head) // 20)
