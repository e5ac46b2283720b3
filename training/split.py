"""Which part of PolNeAR an article belongs to: "dev" (held back from training, a third of the
articles) or "train", by a hash of its file name, so the split never depends on the order or
number of files present."""

from __future__ import annotations

import hashlib


def polnear_part(file_name: str) -> str:
    digest = hashlib.sha1(file_name.encode("utf-8")).hexdigest()
    return "dev" if int(digest, 16) % 3 == 0 else "train"
