"""What the words around a phrase say, whatever quotation it is weighed for: a speech verb
after it or before it, "according to", a preposition, a possessive; how it stands in its
sentence; and the class of a role phrase's noun."""

from __future__ import annotations

from whitehall_cli.quotes.ranking import words as W
from whitehall_cli.quotes.ranking.phrases import Mention
from whitehall_cli.quotes.ranking.tokens import QUOTE_CHARS, Text


def cues(text: Text, m: Mention) -> tuple[str, ...]:
    """What the words around a mention say, whatever quotation it is weighed for: a speech
    verb after it ("X said", "X has said", "X, the ..., said"), before it ("said X",
    "according to X", "told X"), a preposition before it, a possessive."""
    words, lows, inq = text.words, text.lows, text.inq
    n = len(words)
    a, b = m.a, m.b
    out: list[str] = []
    if b < n and not inq[b]:
        nxt = lows[b]
        after = ""
        if nxt in W.SPEECH_VERBS:
            after = "direct"
        elif (
            (nxt in W.AUX_WORDS or nxt.endswith("ly"))
            and b + 1 < n
            and (
                lows[b + 1] in W.SPEECH_VERBS
                or (lows[b + 1] in W.AUX_WORDS and b + 2 < n and lows[b + 2] in W.SPEECH_VERBS)
            )
        ):
            after = "aux"
        elif nxt in (",", "(", "\u2014", "\u2013"):
            closer = ")" if nxt == "(" else nxt
            for k in range(b + 1, min(n, b + 20)):
                if inq[k]:
                    break
                if words[k] == closer or (closer == "," and words[k] == "\u2014"):
                    if k + 1 < n and lows[k + 1] in W.SPEECH_VERBS:
                        after = "appos"
                    elif (
                        k + 2 < n
                        and lows[k + 1] in ("has", "had", "also", "then")
                        and lows[k + 2] in W.SPEECH_VERBS
                    ):
                        after = "appos"
                    break
        if after:
            out.append("va=" + after)
            if after == "direct" and nxt in W.SAY_VERBS:
                out.append("va_say")
            if any(words[k] == ":" for k in range(b, min(n, b + 4))):
                out.append("va_colon")
        elif nxt == ":" and b + 1 < n and inq[b + 1]:
            out.append("colon_quote")
    if a > 0 and not inq[a - 1]:
        prv = lows[a - 1]
        before = lows[a - 2] if a >= 2 else ""
        if prv in W.TELL_VERBS:
            out.append("told_obj")
        elif prv in W.SPEECH_VERBS:
            out.append("vb=direct")
            if prv in W.SAY_VERBS:
                out.append("vb_say")
        elif prv == "to" and before == "according":
            out.append("vb=according")
        elif prv in ("for", "of", "to") and before in W.SPEAKER_NOUNS:
            out.append("role_of=" + ("spokes" if before.startswith("spokes") else "other"))
        elif prv in W.DEFINITE and before in W.TELL_VERBS:
            out.append("told_obj")
        elif prv in W.PREPOSITIONS:
            out.append("prep=" + (prv if prv in W.NAMED_PREPOSITIONS else "other"))
        elif prv in ("and", "or"):
            out.append("after_and")
        elif prv == ",":
            out.append("after_comma")
    if m.poss:
        out.append("poss")
    if a > 0 and words[a - 1] == "(":
        out.append("in_parens")
    return tuple(out)


def lead_kind(text: Text, a: int) -> str:
    """How a mention stands in its sentence: at its start ("0"), after a conjunction ("And
    Obama"), after an opening phrase closed by a comma ("On Tuesday, Smith"), after a
    description ("Florida developer Mel Sembler"), or inside it."""
    words, lows, inq, sent = text.words, text.lows, text.inq, text.sent
    s = a
    while s > 0 and sent[s - 1] == sent[a] and not (inq[s - 1] and words[s - 1] in QUOTE_CHARS):
        s -= 1
    if s == a:
        return "0"
    if all(lows[i] in W.CONJUNCTIONS for i in range(s, a)):
        return "conj"
    if words[a - 1] == "," and not any(
        words[i][0].isupper() and not inq[i] for i in range(s + 1, a - 1)
    ):
        return "intro"
    c = a - 1
    while c >= s and words[c] != ",":
        c -= 1
    if 0 < a - (c + 1) <= 6 and all(_describes(text, i) for i in range(c + 1, a)):
        return "premod" if c < s else "intro_premod"
    return "mid" if a - s > 2 else "near"


def _describes(text: Text, i: int) -> bool:
    """A word that may stand in a description before a name: a capitalised word, a determiner,
    a possessive, or a lower-case noun or adjective (not a verb form)."""
    w = text.words[i]
    if text.inq[i] or not w[0].isalnum():
        return False
    if w[0].isupper():
        return True
    low = text.lows[i]
    if (
        low in W.PREPOSITIONS
        or low in W.SPEECH_VERBS
        or low in W.AUX_WORDS
        or low in W.CONJUNCTIONS
    ):
        return False
    if low in W.NOT_DESCRIPTIVE:
        return False
    return not low.endswith(("ed", "ing")) or low in W.SPEAKER_NOUNS


def head_class(head: str) -> str:
    """The class of a role phrase's noun, "other" for one not listed."""
    return W.SPEAKER_NOUNS.get(head, "other")
