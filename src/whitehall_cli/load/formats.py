"""Each file format to plain lines of text.

Plain text is split into lines; hard-wrapped paragraphs are joined again. Markdown loses
its markup (front matter becomes labelled lines the parser knows: "Title: ...", "By ...",
`declared`). HTML is read by `page_text` (trafilatura's main text, the page's structured
metadata as labelled lines); when that fails, by the built-in reader here, which keeps the
visible text less scripts and styles, its <title> and <meta> tags as labelled lines.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from whitehall_cli.load.corpus import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from whitehall_cli.load.declared import front_matter_lines, iso_day, read_front_matter

# A hard-wrapped paragraph has lines of about this width at most.
WRAP_WIDTH = 80
# Lines shorter than this are not taken for wrapped prose.
WRAP_MIN = 45
# A block needs this many lines before line width alone marks it as wrapped.
WRAP_MIN_LINES = 3

# <meta> names and properties and the labelled line each becomes.
META_LABELS = {
    "og:title": "Title: {}",
    "twitter:title": "Title: {}",
    "author": "By {}",
    "article:author": "By {}",
    "article:published_time": "Published {}",
    "date": "Published {}",
    "og:site_name": "Publication: {}",
    "og:url": "Source URL: {}",
}

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s?)+")
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")


def is_html(text: str, suffix: str = "") -> bool:
    """A web page: by its file ending, or, without one, by how its text starts."""
    return suffix in HTML_SUFFIXES or (
        not suffix and text.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    )


def to_plain_lines(text: str, suffix: str = "", warnings: list[str] | None = None) -> list[str]:
    """Non-empty, stripped lines of an article's text, whatever its format. What went wrong
    in reading it (a web page read by the fallback reader, text cut at the size limit) is
    added to `warnings`, one line each."""
    if is_html(text, suffix):
        return html_lines(text, [] if warnings is None else warnings)
    if suffix in MARKDOWN_SUFFIXES:
        text = markdown_to_text(text)
    return join_wrapped(text.split("\n"))


def html_lines(html: str, warnings: list[str]) -> list[str]:
    """A web page's lines: through trafilatura (`page_text`), else the built-in reader, with
    one warning saying why."""
    from whitehall_cli.load import page_text  # trafilatura comes with it: only for HTML

    page = page_text.read_page(html)
    if page.paragraphs:
        warnings.extend(page.warnings)
        return page.lines()
    reasons = "; ".join(page.warnings) or "no article text"
    warnings.append(f"read with the built-in reader ({reasons})")
    return [*page.labelled_lines(), *join_wrapped(html_to_text(html).split("\n"))]


def join_wrapped(raw_lines: list[str]) -> list[str]:
    """Join lines of one paragraph that a hard wrap split; drop blank lines."""
    out: list[str] = []
    block: list[str] = []
    for raw in [*raw_lines, ""]:  # a blank line at the end closes the last block
        line = raw.strip()
        if line:
            block.append(line)
        elif block:
            if len(block) == 1:
                out.append(block[0])  # one line: nothing to join
            else:
                out.extend(_unwrap_block(block))
            block = []
    return out


def _unwrap_block(block: list[str]) -> list[str]:
    """A blank-line-separated block: one paragraph when it reads as wrapped prose."""
    if len(block) == 1:
        return block
    out = [block[0]]
    for line in block[1:]:
        prev = out[-1]
        last_line_of_prev = prev if len(prev) <= WRAP_WIDTH else ""
        wrapped_width = WRAP_MIN <= len(last_line_of_prev) <= WRAP_WIDTH
        continues = (line[0].islower() and len(prev) >= WRAP_MIN) or (
            wrapped_width and len(block) >= WRAP_MIN_LINES and _width_block(block)
        )
        if continues and not prev.endswith((".", "!", "?", ":", "\u201d", '"')):
            out[-1] = prev + " " + line
        else:
            out.append(line)
    return out


def _width_block(block: list[str]) -> bool:
    """Every line but the last is near one width: the mark of a hard wrap."""
    widths = [len(x) for x in block[:-1]]
    return bool(widths) and max(widths) <= WRAP_WIDTH and min(widths) >= WRAP_MIN


def markdown_to_text(text: str) -> str:
    lines = text.split("\n")
    front, start = read_front_matter(lines)  # YAML front matter: labelled lines
    out = front_matter_lines(front)
    for ln in lines[start:]:
        s = ln.strip()
        if _MD_RULE.match(s):
            out.append("")
            continue
        s = _MD_PREFIX.sub("", s)
        s = _MD_LINK.sub(r"\1", s)
        s = _MD_EMPHASIS.sub(r"\2", s)
        out.append(s)
    return "\n".join(out)


class _HTMLText(HTMLParser):
    """Collects the visible text of a page, one block element per line."""

    SKIP = frozenset({"script", "style", "noscript", "svg", "template", "head", "iframe", "form"})
    BLOCKS = frozenset(
        {
            "p",
            "div",
            "br",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "tr",
            "table",
            "section",
            "article",
            "header",
            "footer",
            "nav",
            "aside",
            "blockquote",
            "figure",
            "figcaption",
            "time",
            "hr",
            "main",
            "dd",
            "dt",
        }
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.labels: list[str] = []
        self.skip_depth = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key in META_LABELS and a.get("content"):
                value = a["content"].strip()
                self.labels.append(META_LABELS[key].format(iso_day(value) or value))
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.labels.append(f"Source URL: {a['href']}")
        elif tag == "title":
            self.in_title = True
        if tag in self.SKIP:
            self.skip_depth += 1
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag == "title":
            self.in_title = False
        if tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth == 0 and not self.in_title:
            self.parts.append(data.replace("\n", " "))


def html_to_text(text: str) -> str:
    """The built-in reader: a page's visible text, one block element a paragraph, after the
    labelled lines of its <title> and <meta> tags."""
    from whitehall_cli.load.page_meta import parsed

    parser = parsed(_HTMLText, text)
    body = unescape("".join(parser.parts))
    labels = list(dict.fromkeys(parser.labels))
    return "\n".join(labels) + "\n\n" + body
