"""Tell an article's own lines from page furniture.

Saved web pages carry menus, breadcrumbs, teaser headlines of other articles, share and
sign-up prompts, photo credits, tag lists, numbered link lists, footers with addresses and
company numbers, and inlined CSS and JavaScript. The rules here are structural: position,
length, punctuation, labels and list shapes, never a list of any site's lines.

Each rule is a named pattern so that a new one is a one-line change.
"""

from __future__ import annotations

import re

# Closing marks that may follow a sentence's final punctuation.
CLOSERS = "\"'\u201d\u2019)]\u00bb"
# Marks that open a quotation: a short "Gove said:" line above one is article text.
OPEN_QUOTES = ("\u201c", '"', "\u2018", "'", "\u00ab")
# A line that ends like a sentence: . ! ? or … then optional closing quotes or brackets,
# or a closing quote followed by a full stop (British style: ... in government”.).
SENTENCE_END = re.compile(
    r"(?:[.!?\u2026][" + re.escape(CLOSERS) + r"]*|[" + re.escape(CLOSERS) + r"]\.)\s*$"
)

# Lines of CSS or JavaScript pasted in with the text.
CODE_PATTERNS = (
    re.compile(
        r"^[#.@]?[\w\-#.:\s,>\[\]=\"'()]+\{[^}]*:[^}]*;"
    ),  # CSS rule: selector { prop: value;
    re.compile(r"\b(?:function\s*\(|var\s+\w+\s*=|const\s+\w+\s*=|let\s+\w+\s*=|=>)"),  # JS
    re.compile(r"\b(?:jQuery|document\.|window\.|\$\()"),  # DOM scripting
    re.compile(r"^\s*(?:<\/?[a-z][^>]*>\s*)+$", re.I),  # a line of bare HTML tags
)
# Characters without which a line cannot be code.
CODE_CHARS = frozenset("{};=$()<>")
# Share of code punctuation above which a line is code rather than prose.
CODE_PUNCT = re.compile(r"[{};=<>()\[\]$]")
CODE_PUNCT_RATIO = 0.08

# Menu and tag rows: entries set apart by runs of spaces, on a short line.
MENU_GAP = re.compile(r"\S {2,}(?=\S)")
MENU_ROW_WORDS = 10
# Words or marks without which a pattern cannot match: cheap gates before the regexes.
PROMPT_KEYS = (
    "comment",
    "account",
    "cookies",
    "newsletter",
    "reserved",
    "javascript",
    "sign up",
    "email us",
    "write to us",
)
FOOTER_KEYS = ("\u00a9", "copyright", "company", "registered", "vat ")
BREADCRUMB_MARKS = (">", "\u00bb", "\u203a", "/", "|")
CONTACT_MARKS = ("@", "0", "+44")
# Menus, breadcrumbs, prompts and contact lines are short; longer lines are not tested.
SHORT_LINE_WORDS = 30
# Cookie banners and legal footers run longer, but not to this many words.
LONG_LINE_WORDS = 60
# Breadcrumb trails: "Home > News > Politics", "News / UK", "Home » Articles".
BREADCRUMB = re.compile(
    r"^(?:home|news|index)\s*(?:>|»|›|/|\|)|^[^.!?]{1,60}\s(?:>|»|›)\s[^.!?]{1,60}$|(?:\s(?:/|\|)\s.*){2,}",
    re.I,
)
# Picture credits and captions' sources.
CREDIT = re.compile(
    r"^(?:\(?\s*)(?:photo(?:graph)?s?|photography|image|picture|pic|illustration|main image|credit|"
    r"source: (?:getty|pa|alamy|shutterstock|reuters)|getty images|pa images)"
    r"(?:\s+(?:credit|by|source|caption))?\s*[:\-\u2013|,]",
    re.I,
)
# Prompts to act on the page rather than article text.
PROMPTS = (
    re.compile(
        r"^(?:please\s+)?(?:sign\s*up|sign\s*in|log\s*in|login|register|subscribe|search|"
        r"follow us|share (?:this|on)|click here|download|accept|manage cookies|"
        r"back to top|skip to|print this|email this|view (?:all|more)|see (?:all|more)|"
        r"add to (?:my\w*|(?:your |my |reading )?list|favourites|calendar)$|"
        r"load more|show more|read (?:the )?(?:more|full|latest|most recent|next|previous))\b",
        re.I,
    ),
    re.compile(
        r"\b(?:to post a comment|free account|we use (?:\w+ ){0,3}cookies|our (?:free )?(?:daily |weekly )?newsletter|"
        r"all rights reserved|javascript (?:is )?(?:disabled|required)|email us|write to us|"
        r"sign up (?:for|to) )",
        re.I,
    ),
)
# A subscription offer: "Try one month for \u00a31", "\u00a39.99 a month ... cancel anytime".
OFFER = re.compile(
    r"\btry (?:\w+ ){0,3}for \u00a3|\u00a3\d[\d.,]*\s*(?:a|per|/)\s*(?:month|week)\b.{0,80}"
    r"(?:cancel any ?time|free trial)|(?:free trial|unlimited access|subscribe (?:now|today))"
    r".{0,80}\u00a3\d",
    re.I,
)
# A story card's headline with its date run on after it, not a sentence.
TEASER_DATED = re.compile(
    r"[^\s.!?:]\s*(?:Published|Updated)\s+(?:\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|"
    r"\d+\s+(?:minutes?|hours?|days?)\s+ago)$"
)
# Footer link words: furniture only on a short line of their own.
FOOTER_LINKS = re.compile(
    r"\b(?:cookies?(?: policy| settings)?|privacy(?: policy| notice)?|terms (?:&|and|of) "
    r"(?:conditions|use|service)|accessibility|sitemap|advertising|sponsorship|subscriptions)\b",
    re.I,
)
# Lines up to this many words may be footer links.
FOOTER_LINK_WORDS = 10
# Footers: legal small print and addresses.
FOOTER = re.compile(
    r"(?:^\u00a9|\bcopyright\b\s*(?:\u00a9|\(c\)|\d{4})|company (?:number|no\.?|registration)|"
    r"registered (?:office|in england|number|address)|\bvat (?:no|number|reg))",
    re.I,
)
# A short line ending in a UK postcode: part of an address block.
POSTCODE_LINE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$")
# Numbered link lists and bare addresses: "[3] https://...", "https://...".
LINK_LINE = re.compile(r"^(?:\[\d+\]|\d+[.)])?\s*(?:https?://|www\.)\S+$", re.I)
# Labels that introduce teasers of other articles; what follows them is skipped until prose.
TEASER_LABELS = re.compile(
    r"^(?:related(?: content| articles?| stories| news| reading| links| posts)?|"
    r"more (?:on this|from|like this|stories|news)\b.*|most (?:read|popular|viewed|shared)|"
    r"(?:you|we think you) (?:may|might) (?:also )?like|recommended(?: for you)?|"
    r"trending(?: now)?|popular(?: now| articles)?|top stories|latest(?: news| stories)?|"
    r"also (?:read|see)|see also|further reading|in (?:other|related) news|"
    r"read next|what to read next)\s*:?$",
    re.I,
)
# Labels of lists that are furniture in themselves (tags, categories, link lists).
LIST_LABELS = re.compile(
    r"^(?:tags?|categories|category|topics?|keywords|filed under|links|quick links|"
    r"share(?: this(?: page| article| story)?)?|services|about(?: us)?|contact(?: us)?|"
    r"navigation|menu|follow us|comments?|advertisement|sponsored(?: content)?|close)\s*:?$",
    re.I,
)
# Bulleted lines (menus, teaser lists): "• Home", "- News", "* Opinion".
BULLET = re.compile(r"^(?:[\u2022\u25cf\u25aa\u2023\u2043*\-\u2013\u00b7]|\d+\.)\s+")
# A bullet this short with no full stop is a menu entry; longer bullets are article text.
MENU_BULLET_WORDS = 5
# Contact details: an email address or a UK phone number.
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b")
# Letter openings and closings, kept with the text.
SALUTATION = re.compile(r"^dear\s+\S.{0,60},?$", re.I)
VALEDICTION = re.compile(
    r"^(?:yours (?:sincerely|faithfully|truly)|(?:with )?(?:best|kind|warm) (?:wishes|regards)|"
    r"regards|sincerely)\s*,?$",
    re.I,
)
# Lines a signature may run to after a valediction (names, roles, organisations).
SIGNATURE_LINES = 12
# A signature line has at most this many words.
SIGNATURE_WORDS = 12


def _either(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches where any of `patterns` does (each keeps its own flags), so
    that several rules cost one regex call instead of one each."""
    return re.compile("|".join(f"(?{'i' if p.flags & re.I else ''}:{p.pattern})" for p in patterns))


def _any_in(text: str, keys: tuple[str, ...]) -> bool:
    """A cheap gate: the slower pattern can only match when one of these is present.
    (A loop of `in` tests: faster than any() over a generator or a regex alternation.)"""
    for key in keys:
        if key in text:
            return True
    return False


# Cheap gates, each a necessary condition of the rules it guards, so that the ordinary prose
# line (most of the lines judged) is settled by a handful of fast tests.
_CODE_CHARS = tuple(sorted(CODE_CHARS))
_PROMPT_AND_FOOTER_KEYS = PROMPT_KEYS + FOOTER_KEYS
# The rules that judge how a line starts (or the whole of a short line), in one call.
_LINK_CREDIT_LABEL = _either(LINK_LINE, CREDIT, TEASER_LABELS, LIST_LABELS)
# A letter's opening or closing line, either of them: one test for most lines, which are not.
LETTER_FORMULA = _either(SALUTATION, VALEDICTION)
# What closes a sentence once closing quotes and brackets are stripped from its end.
_SENTENCE_STOPS = (".", "!", "?", "\u2026")


def is_code(line: str) -> bool:
    """CSS or JavaScript, or a line that is mostly code punctuation."""
    if not _any_in(line, _CODE_CHARS):
        return False  # no brace, semicolon, equals sign or bracket: prose
    if any(p.search(line) for p in CODE_PATTERNS):
        return True
    return len(line) > 20 and len(CODE_PUNCT.findall(line)) / len(line) > CODE_PUNCT_RATIO


def ends_sentence(line: str) -> bool:
    """SENTENCE_END.search(line), without trying the pattern at every position: after the
    trailing white space (\\s and str.isspace agree) and closing marks, a stop must end it.
    (The pattern's second branch, a closer then a full stop, already ends in a stop.)"""
    return line.rstrip().rstrip(CLOSERS).endswith(_SENTENCE_STOPS)


def word_count(line: str) -> int:
    return len(line.split())


def is_furniture(line: str) -> bool:
    """A line that is never article text, wherever it stands."""
    words = len(line.split())
    if (bullet := BULLET.match(line)) is not None:
        if not ends_sentence(line) and words <= MENU_BULLET_WORDS:
            return True  # a menu entry
        line = line[bullet.end() :]  # a list item: judge what it says
    if is_code(line) or _LINK_CREDIT_LABEL.match(line):
        return True  # code, a link line, a picture credit, a teaser or list label
    if words > LONG_LINE_WORDS:
        return False  # prose: furniture lines are shorter
    low = line.lower()
    if _any_in(low, _PROMPT_AND_FOOTER_KEYS) and (  # one loop for the usual line with neither
        (_any_in(low, PROMPT_KEYS) and PROMPTS[1].search(line))
        or (_any_in(low, FOOTER_KEYS) and FOOTER.search(line))
    ):
        return True
    if "\u00a3" in line and OFFER.search(line):
        return True  # "Try one month for \u00a31, then \u00a39.99 a month."
    if words > SHORT_LINE_WORDS:
        return False
    if "ublished" in line or "pdated" in line:
        if TEASER_DATED.search(line):
            return True  # a story card: "HMRC to close 11 offices ...Published 12 June"
    if is_breadcrumb(line):
        return True
    if words <= MENU_ROW_WORDS and len(MENU_GAP.findall(line)) >= 2:
        return True  # "NEWS  POLITICS  OPINION": a menu or tag row set out with gaps
    if PROMPTS[0].match(line) or (_any_in(line, CONTACT_MARKS) and CONTACT.search(line)):
        return True
    if words <= FOOTER_LINK_WORDS and FOOTER_LINKS.search(line):
        return True
    if words <= 8 and POSTCODE_LINE.search(line):
        return True
    if line[:1].isalpha():
        return False  # the common case of the test below, without its loop
    return not any(ch.isalpha() for ch in line)  # "6472", "***", "|"


class FurnitureMemo(dict[str, bool]):
    """`is_furniture` for one article's lines, each distinct line judged once: the header,
    signatory and body passes ask about the same lines again. Make one per article (it
    holds the lines asked about, so it lives no longer than the article)."""

    def __missing__(self, line: str) -> bool:
        self[line] = verdict = is_furniture(line)
        return verdict


def is_breadcrumb(line: str) -> bool:
    """BREADCRUMB.search(line), tried only when one of its marks is in the line (the
    pattern otherwise tries three branches at every position)."""
    return _any_in(line, BREADCRUMB_MARKS) and BREADCRUMB.search(line) is not None


def is_teaser_label(line: str) -> bool:
    return TEASER_LABELS.match(line) is not None
