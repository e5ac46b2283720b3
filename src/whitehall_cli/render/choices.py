"""The closed choices a user makes of the render stage, as enums: how `export` writes a table
(`ExportFormat`). Kept apart from the writers so that the command line can offer them without
importing the records (`wh --help` stays fast).
"""

from __future__ import annotations

from enum import Enum


class ExportFormat(Enum):
    """How `export` writes a table."""

    JSONL = "jsonl"  # one JSON object per line
    CSV = "csv"  # CSV with a header row
