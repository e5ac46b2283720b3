"""The phrases of an article that may speak, outside its quotation marks: names, pronouns and
role phrases ("the Florida senator", "a spokesman"); the people and bodies the names stand
for; and whom each "he" or "she" most likely means.
"""

from __future__ import annotations

from whitehall_cli.quotes.ranking import words as W
from whitehall_cli.quotes.ranking.tokens import QUOTE_CHARS, Text

NAME, PRONOUN, DEFINITE, INDEFINITE = "name", "pron", "defnp", "indefnp"
# How a mention stands in its sentence, for those that make it the sentence's subject.
SUBJECT_LEADS = frozenset(("0", "conj", "intro", "premod", "intro_premod"))


class Mention:
    """A phrase that may speak: a name, a pronoun, or a role phrase, in one text.

    `a`, `b`: its first word and the word after it; `entity`: the index of the entity a name
    (or a resolved pronoun) stands for, -1 when none. `cues` and `lead` describe the words
    around it and are filled in once by `features.describe`.
    """

    __slots__ = (
        "para", "a", "b", "kind", "text", "title", "gender", "poss", "entity", "head",
        "cues", "lead", "first",
    )  # fmt: skip

    def __init__(
        self,
        para: int,
        a: int,
        b: int,
        kind: str,
        text: str,
        title: str = "",
        gender: str = "",
        poss: bool = False,
        head: str = "",
    ) -> None:
        self.para = para
        self.a = a
        self.b = b
        self.kind = kind
        self.text = text  # the name without its title; the pronoun; a role phrase's words
        self.title = title  # a title before a name ("sen.")
        self.gender = gender  # "m", "f", "p" (they), "n" (it) or ""
        self.poss = poss  # a possessive ("Trump's")
        self.entity = -1
        self.head = head  # the noun of a role phrase
        self.cues: tuple[str, ...] = ()
        self.lead = ""
        self.first = False  # the first phrase of its sentence


class Entity:
    """A person or body of the article: every name mention that stands for it."""

    __slots__ = ("name", "last", "first", "gender", "person", "org", "count", "roles", "work")

    def __init__(self, name: str, last: str, first: str, gender: str = "") -> None:
        self.name = name  # the fullest form the article gives
        self.last = last  # the last word, lower case
        self.first = first  # the first word, lower case
        self.gender = gender
        self.person = 0  # evidence it is a person (titles, a given name)
        self.org = 0  # evidence it is a body
        self.count = 0
        self.roles: set[str] = set()  # role nouns and phrases the article gives them
        self.work = False  # a work the cast names (a code, a report)


def _name_word(text: Text, i: int) -> bool:
    w = text.words[i]
    return not text.inq[i] and w[0].isupper() and w[0].isalpha()


def _possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word[-2:] in ("'s", "\u2019s"):
        return word[:-2], True
    return word, False


# Lower-case words that start a phrase that may speak.
_KEY_WORDS = frozenset(W.SUBJECT_PRONOUNS) | frozenset(W.SPEAKER_NOUNS)


def find_mentions(
    text: Text,
    para: int,
    lower_words: frozenset[str],
    known: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Every name, pronoun and role phrase outside quotation marks in one text, in order.
    `lower_words`: words the article writes in lower case somewhere (capitalised at a
    sentence's start, they are ordinary words); `known`: names of several words that the
    cast knows, lower case and each comma a word of its own ("hm revenue and customs",
    "department for environment , food and rural affairs")."""
    out: list[Mention] = []
    words, lows, inq = text.words, text.lows, text.inq
    keys, speech = _KEY_WORDS, W.SPEECH_VERBS
    # the words worth a look: capitalised ones, pronouns and nouns that may speak, and the
    # words a speech verb may have for its subject ("the narrator says", "said the narrator")
    looks = [
        i for i, low in enumerate(lows) if not inq[i] and (low in keys or words[i][0].isupper())
    ]
    verbs = [i for i, low in enumerate(lows) if low in speech and not inq[i]]
    if verbs:
        near = {v - 1 for v in verbs if v > 0}
        near.update(x for v in verbs if lows[v] in W.SAY_VERBS for x in range(v + 2, v + 6))
        looks = sorted(set(looks) | {i for i in near if i < len(words) and not inq[i]})
    done = 0  # the words before this are read
    for i in looks:
        if i < done:
            continue
        low = lows[i]
        if low in W.SUBJECT_PRONOUNS:
            out.append(Mention(para, i, i + 1, PRONOUN, low, gender=W.SUBJECT_PRONOUNS[low]))
            continue
        if _name_word(text, i):
            j = _run_end(text, i, known)
            cut = i
            for c in range(i, j + 1):
                # a day ends a name ("CNN Tuesday"), unless it is part of one ("Mail on Sunday")
                if c == j or (lows[c] in W.DAYS and lows[c - 1] not in ("on", "of")):
                    if c > cut:
                        m = _name_run(text, cut, c, para, lower_words)
                        if m is not None:
                            out.append(m)
                    cut = c + 1
            done = max(j, i + 1)
            continue
        w = words[i]
        if low in W.SPEAKER_NOUNS or (w.isalpha() and w.islower() and _next_to_verb(text, i)):
            np = _role_phrase(text, i, para)
            if np is not None:
                if out and out[-1].a == np.a and out[-1].kind == np.kind:
                    out[-1] = np  # "the head" grown into "the head of the civil service"
                else:
                    out.append(np)
    return out


def _run_end(text: Text, i: int, known: frozenset[str]) -> int:
    """The end of a run of capitalised words from i: particles ("de", "van"), "of" after an
    office or institution ("Secretary of State"), and suffixes ("Jr.") stay inside."""
    lows = text.lows
    n = len(lows)
    j = i
    while j < n:
        low = lows[j]
        if _name_word(text, j):
            pass
        elif (
            j > i
            and j + 1 < n
            and (_name_word(text, j + 1) or (low in W.PARTICLES and lows[j + 1] in W.PARTICLES))
            and (
                low in W.PARTICLES
                or (low in ("of", "for") and lows[j - 1].rstrip(".") in W.OF_HEADS)
            )
        ):
            pass  # "van der Merwe": particles run on to the name
        elif j > i and low in W.NAME_SUFFIXES:
            pass
        elif j > i and low in ("and", "&") and _org_continues(text, i, j, known):
            pass  # "Central Digital and Data Office", "HM Revenue and Customs"
        elif j > i and low in KNOWN_JOINS and j + 1 < n and _known_goes_on(text, i, j, known):
            pass  # "Department for Environment, Food and Rural Affairs", "Code of Conduct for
            # Special Advisers": inside a name the cast knows
        elif j > i and low == "," and j + 1 < n and lows[j + 1] in ("jr.", "jr", "sr.", "iii"):
            pass
        else:
            break
        if _possessive(text.words[j])[1]:
            return j + 1
        j += 1
    return j


def _org_continues(text: Text, i: int, j: int, known: frozenset[str]) -> bool:
    """The "and" at j joins one body's name, not two names: the capitalised words after it
    end in an organisation's head word, or the run from i through them ends with a name the
    cast knows."""
    k = j + 1
    while k < len(text.words) and _name_word(text, k):
        k += 1
    if k == j + 1:
        return False
    if text.lows[k - 1].rstrip(".") in W.ORG_HEADS:
        return True
    phrase = " ".join(text.lows[i:k])
    return any(phrase.endswith(name) for name in known)


# Words and marks that may stand inside a name the cast knows.
KNOWN_JOINS = frozenset((",", "of", "for"))


def _known_goes_on(text: Text, i: int, j: int, known: frozenset[str]) -> bool:
    """The word or comma at j is inside a name the cast knows: the run from i through it and
    the word after it opens that name, or goes on inside it."""
    words = text.lows[i : j + 2]
    phrase = " ".join(words[1:] if words[0] == "the" else words)
    return any(name.startswith(phrase) or f" {phrase}" in name for name in known)


def _sentence_start(text: Text, a: int) -> bool:
    return a == 0 or text.sent[a - 1] != text.sent[a] or text.words[a - 1] in QUOTE_CHARS


def _name_run(text: Text, i: int, j: int, para: int, lower_words: frozenset[str]) -> Mention | None:
    """The name in a run of capitalised words: without a leading title or sentence word, and
    cut after a title inside it ("California Gov. Jerry Brown", "Democrat Hillary Clinton")."""
    words, lows = text.words, text.lows
    a = i
    title = ""
    while a < j:
        low = lows[a]
        word = low.rstrip(".")
        if low in W.TITLES and a + 1 < j:
            title = low if not title or W.TITLES[low] else title
            a += 1
            continue
        if word in W.NOT_NAMES or (
            _sentence_start(text, a)
            and (word in lower_words or word.endswith("ly"))
            and word not in W.GIVEN_NAMES
        ):
            a += 1
            continue
        break
    b = j
    while b > a and (
        lows[b - 1] in ("of", "for", ",") or (b - a > 1 and lows[b - 1] in W.POST_NOMINALS)
    ):
        b -= 1
    if a >= b or (b - a == 1 and lows[a] in W.TITLES and lows[a] not in W.SURNAME_TITLES):
        return None
    if (
        sum(
            1
            for k in range(a, b)
            if len(words[k]) > 3 and words[k].isupper() and words[k].isalpha()
        )
        >= 2
    ):
        return None  # a line in capitals (a heading), not a name
    for c in range(b - 1, a, -1):
        prev = lows[c - 1]
        if lows[c] in W.TITLES:
            continue
        strong = prev in W.TITLES and prev not in W.WEAK_TITLES
        given = lows[c] in W.GIVEN_NAMES and lows[c] not in W.AMBIGUOUS_GIVEN
        # a body's name before a person's ("Cabinet Office Alistair Penhaligon") cuts too
        weak = prev in W.WEAK_TITLES or prev.rstrip(".") in W.ORG_HEADS
        # ... and so does a title's remit ("MP for Sunderland Central Julie McArdle")
        weak = weak or (
            b - c >= 2 and any(lows[k] in ("for", "of") for k in range(max(i - 1, 0), c))
        )
        if b - c <= 3 and (strong or (weak and given)):
            title, a = prev, c
            break
    if b - a == 1 and lows[a] in W.PLURAL_NOUNS:
        return Mention(para, a, b, INDEFINITE, lows[a], head=lows[a])  # "MPs said"
    if b - a == 1 and lows[a] in W.ROLE_HEADS and words[a].isupper():
        return None  # "one Labour MP told me": a title in capitals, nobody's name
    if (
        a > 0
        and lows[a - 1] in W.DEFINITE
        and lows[b - 1] in W.ROLE_HEADS
        and not any(lows[k] in W.GIVEN_NAMES for k in range(a, b))
    ):
        # "the Permanent Secretary said": a role written with capitals, not a name
        role = " ".join(lows[a:b])
        return Mention(para, a - 1, b, DEFINITE, role, head=lows[b - 1])
    parts = [words[k] for k in range(a, b)]
    last, poss = _possessive(parts[-1])
    parts[-1] = last
    if all(p.lower().rstrip(".") in W.MONTHS_DAYS for p in parts):
        return None
    name = " ".join(p for p in parts if p != ",")
    return Mention(para, a, b, NAME, name, title=title, gender=W.TITLES.get(title, ""), poss=poss)


def _next_to_verb(text: Text, i: int) -> bool:
    """A noun right before its speech verb ("the narrator says") or right after one with a
    determiner ("said the narrator")."""
    lows, inq = text.lows, text.inq
    if i + 1 < len(lows) and not inq[i + 1] and lows[i + 1] in W.SPEECH_VERBS:
        low, verb = lows[i], lows[i + 1]
        # a finite verb only: "the narrator says", not "a separate tweet"
        finite = verb.endswith(("s", "ed")) or verb in W.PAST_FORMS
        return (
            finite
            and not low.endswith("ly")
            and low not in W.SPEECH_VERBS
            and low not in W.AUX_WORDS
        )
    k = i - 1
    while k >= 0 and k >= i - 4 and not inq[k] and lows[k] not in W.SPEECH_VERBS:
        if not text.words[k].isalpha():
            return False
        k -= 1
    return (
        0 <= k < i - 1
        and not inq[k]
        and lows[k] in W.SAY_VERBS
        and (lows[k + 1] in W.DEFINITE or lows[k + 1] in W.INDEFINITE)
        and (i + 1 == len(lows) or text.words[i + 1] in (",", ".", ";", ":", "!", "?"))
    )


def _role_phrase(text: Text, i: int, para: int) -> Mention | None:
    """A noun with its determiner: "the Florida senator" (definite), "a spokesman", "21
    percent" (indefinite), or a bare plural ("officials": indefinite)."""
    lows, words, inq = text.lows, text.words, text.inq
    head = lows[i]
    k = i - 1
    steps = 0
    while k >= 0 and steps < 5 and not inq[k]:
        low = lows[k]
        if low in W.DEFINITE or low in W.INDEFINITE or low[:1].isdigit():
            kind = DEFINITE if low in W.DEFINITE else INDEFINITE
            # "the head of the civil service": the noun before "of" heads the phrase
            if (
                k >= 3
                and lows[k - 1] == "of"
                and lows[k - 3] in W.DEFINITE
                and lows[k - 2] in W.SPEAKER_NOUNS
            ):
                return Mention(
                    para, k - 3, i + 1, DEFINITE, " ".join(lows[k - 2 : i + 1]), head=lows[k - 2]
                )
            return Mention(para, k, i + 1, kind, " ".join(lows[k + 1 : i + 1]), head=head)
        if words[k][0].isupper() and _possessive(words[k])[1]:
            return Mention(para, k, i + 1, DEFINITE, " ".join(lows[k + 1 : i + 1]), head=head)
        if not (low.isalpha() or "-" in low) or low in W.PREPOSITIONS or low in W.SPEECH_VERBS:
            break
        k -= 1
        steps += 1
    if head in W.PLURAL_NOUNS and not (i and lows[i - 1] in W.PREPOSITIONS - W.AGENT_PREPOSITIONS):
        # "officials said", not "working with officials": after a preposition a bare plural
        # is its object (unless the preposition names the speaker: "by", "from")
        return Mention(para, i, i + 1, INDEFINITE, head, head=head)
    return None
