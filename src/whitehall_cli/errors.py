"""The exceptions library code raises. The CLI turns each into a one-line message.

`WhError` and its subclasses are usage-level failures (exit 2); `NotFound` means the query
ran and found nothing (exit 1).
"""

from __future__ import annotations


class WhError(Exception):
    """A failure the user can fix: bad input, unreadable corpus. Exit status 2."""

    exit_code = 2


class CorpusNotFound(WhError):
    """The corpus folder does not exist or holds no readable article."""


class BadQuery(WhError):
    """A search query or filter value that cannot be understood."""


class AmbiguousDoc(WhError):
    """A DOC argument that matches more than one article."""

    def __init__(self, prefix: str, candidates: list[str]) -> None:
        shown = ", ".join(candidates[:10]) + (" ..." if len(candidates) > 10 else "")
        super().__init__(f"{prefix!r} matches {len(candidates)} articles: {shown}")
        self.candidates = candidates


class ConflictingOptions(WhError):
    """Options that cannot be given together, such as two output forms (`--json --csv`)."""


class StoreError(WhError):
    """The on-disk index cannot be opened or written."""


class FetchError(WhError):
    """A page that cannot be fetched, read or saved by `wh add`; the message is one line
    that starts with the address or file."""


class CannotWrite(WhError):
    """A file the user named (`--svg FILE`, `export -o FILE`) cannot be written; the message
    is one line that names the file."""


class ReadOnlyCorpus(WhError):
    """An article cannot be added to this corpus (the bundled articles, inside the package)."""


class NotFound(Exception):
    """The query found nothing. Exit status 1; `suggestions` (close names) go to stderr, or,
    when nothing is close, the `hint` (where to look instead)."""

    exit_code = 1

    def __init__(
        self, message: str, suggestions: list[str] | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.suggestions = suggestions or []
        self.hint = hint
