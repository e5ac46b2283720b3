"""Files the user asks for by name (`timeline --svg FILE`, `export -o FILE`).

Each is written whole beside its destination and then moved into place, so an interrupted
write never leaves half a file where a good one was. It gets the permissions any new file of
the user's gets (read and write for all, less the umask), not the owner-only ones of a
temporary file. A folder that is missing or cannot be written, or a disk that fills up, is a
one-line `CannotWrite` that names the file; the half-written file is removed.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import IO

from whitehall_cli.errors import CannotWrite

# Permissions asked for a new file; the umask takes away what the user's settings withhold.
NEW_FILE_MODE = 0o666


@contextmanager
def replacing(path: str, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file to write that becomes `path` when the block ends without an error."""
    target = os.path.abspath(path)
    folder, name = os.path.split(target)
    tmp = os.path.join(folder, f".{name}.wh-{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, NEW_FILE_MODE)
    except OSError as e:
        raise _cannot_write(path, folder, e) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as out:
            yield out
        os.replace(tmp, target)
    except OSError as e:
        _remove(tmp)
        raise _cannot_write(path, folder, e) from None
    except BaseException:
        _remove(tmp)
        raise


def _cannot_write(path: str, folder: str, e: OSError) -> CannotWrite:
    if not os.path.isdir(folder):
        return CannotWrite(f"cannot write {path}: there is no folder {folder}")
    return CannotWrite(f"cannot write {path}: {e.strerror or e}")


def _remove(tmp: str) -> None:
    with suppress(OSError):
        os.unlink(tmp)
