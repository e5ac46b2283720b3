"""Pages that are a list of links, not an article, which `wh add` refuses: a web server's
listing of a folder (Apache's and nginx's "Index of /files/", Python's `http.server`
"Directory listing for /"), a site's index of headlines, a page of downloads.

Told by the title a server gives a folder's listing, or, whatever the title, by a body that
holds almost no sentences: its words are file names, link texts and headings. A sentence
here is two words or more ending in a full stop, question or exclamation mark (closing
quotes and brackets may follow), then a space or the paragraph's end, so "notes.txt" and
"report.pdf" end none. Real articles keep most of their words in sentences (at least 57% in
each of the 693 PolNeAR articles, 67% in each of tests/corpus); a listing keeps none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from whitehall_cli.load.furniture import CLOSERS

# Titles web servers give a folder's listing: "Index of /path" (Apache, nginx, lighttpd),
# "Directory listing for /path" (Python's http.server).
LISTING_TITLE = re.compile(r"^\s*(?:index of|directory listing for)\s+/", re.I)
# Where a sentence ends: . ! ? or … then any closing quotes or brackets, then a space or the
# end of the paragraph (a full stop inside "notes.txt" ends nothing).
SENTENCE_END = re.compile(r"[.!?\u2026][" + re.escape(CLOSERS) + r"]*(?=\s|$)")
# A word: a run of letters and digits with at least one letter ("2024" is not one).
WORD = re.compile(r"\w*[^\W\d_]\w*")
# Words a sentence has at least ("Mr." or "Contents." alone is not one).
SENTENCE_WORDS = 2
# Share of the body's words that must stand in sentences for it to read as an article.
MIN_SENTENCE_SHARE = 0.2


def listing_reason(title: str | None, paragraphs: Sequence[str]) -> str | None:
    """Why a page with this title and body reads as a list of links rather than an article
    (a few words, for a message), or None when it reads as an article."""
    if title and LISTING_TITLE.match(title):
        return f"titled {title.strip()!r}"
    words = in_sentences = 0
    for paragraph in paragraphs:
        start = 0
        for end in SENTENCE_END.finditer(paragraph):
            n = len(WORD.findall(paragraph, start, end.end()))
            in_sentences += n if n >= SENTENCE_WORDS else 0
            start = end.end()
        words += len(WORD.findall(paragraph))
    if words and in_sentences < MIN_SENTENCE_SHARE * words:
        return f"{in_sentences} of its {words} words are in sentences"
    return None
