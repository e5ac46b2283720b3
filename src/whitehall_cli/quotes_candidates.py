"""Stage 4b (the phrases that can speak): every name, pronoun, role phrase ("the cabinet
secretary"), body noun ("the union"), spokesperson ("a Cabinet Office spokesperson") and
document noun ("the report") in one text, outside its quotations, for `referents` to resolve.
"""

from __future__ import annotations

from whitehall_cli import cues
from whitehall_cli.models import Mention
from whitehall_cli.phrases import (
    Cand,
    prev_word,
    role_before_name,
    role_phrases,
    role_points,
    spoken_for,
    word_edge,
)


def find_candidates(
    mentions: list[Mention],
    text: str,
    view: str,
    lower: str,
    words: frozenset[str],
    toks: list[tuple[int, int, str]],
    roles: list[tuple[str, str, str]],
    loc: str,
) -> list[Cand]:
    """Every phrase in one text that could speak, in order (none inside quotations).
    `roles`: the cast's role forms, each with the person it stands for and its first word."""
    if view is text:  # nothing masked: every mention stands
        out = [Cand(m.start, m.end, "mention", m.entity, m.kind) for m in mentions]
    else:
        out = [
            Cand(m.start, m.end, "mention", m.entity, m.kind)
            for m in mentions
            if view[m.start : m.end] == text[m.start : m.end]
        ]
    taken = [(c.start, c.end) for c in out]

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    generic: list[Cand] = []
    for a, b, w in toks:
        if w in cues.PERSON_PRONOUNS:
            out.append(Cand(a, b, "pronoun", w))
        elif w == "they":
            out.append(Cand(a, b, "they", w))
        elif w == "it":
            for nxt in lower[b : b + 40].split()[:4]:
                if nxt in cues.SPEECH_WORDS:
                    out.append(Cand(a, b, "it", w))
                if nxt not in cues.IT_AUX:
                    break
        elif w in cues.DOC_NOUNS and free(a, b):
            out.append(Cand(a, b, "doc", w))
        elif w in cues.BODY_NOUNS and free(a, b):
            det = prev_word(lower, a)
            if det in cues.BODY_DETERMINERS:
                out.append(Cand(a - len(det) - 1, b, "bodynoun", w))
        elif w in cues.SPOKES_NOUNS:
            boss = spoken_for(view, a, b, out)
            if boss:
                out.append(Cand(a, b, "spokes", boss.key, boss.mention_kind))
    for rx, what, first in (
        (cues.DOC_MULTI_RE, "doc", cues.DOC_MULTI_FIRST),
        (cues.BODY_MULTI_RE, "bodynoun", cues.BODY_MULTI_FIRST),
        (cues.SPOKES_MULTI_RE, "spokes", cues.SPOKES_MULTI_FIRST),
    ):
        for hit in rx.finditer(view) if first & words else ():
            key = " ".join(hit.group().lower().split())
            kind = ""
            if what == "spokes":
                boss = spoken_for(view, hit.start(), hit.end(), out)
                key, kind = (boss.key, boss.mention_kind) if boss else ("", "")
            if key and free(hit.start(), hit.end()):
                out.append(Cand(hit.start(), hit.end(), what, key, kind))
    for hit in role_phrases(view, lower, words, loc):
        a, b = hit.start("role"), hit.end("role")
        parts = hit.group("role").split()
        cut = next((i for i, w in enumerate(parts) if w.lower() in cues.SPEECH_WORDS), None)
        if cut is not None:
            b = a + len(" ".join(parts[:cut]))
        if b > a and not role_before_name(view, b, out):
            generic.append(Cand(a, b, "genrole", lower[a:b]))
    for form, name, first_word in roles:
        if first_word not in words:
            continue
        i = lower.find(form)
        while i >= 0:
            j = i + len(form)
            if word_edge(lower, i, j) and free(i, j) and role_points(view, i, j, out):
                out.append(Cand(i, j, "role", name))
                taken.append((i, j))
            i = lower.find(form, j)
    for g in generic:  # "the head of the civil service" holds a body's name: the role wins
        inside = [
            c for c in out if g.start <= c.start and c.end <= g.end and c.mention_kind == "body"
        ]
        if all(g.end <= c.start or g.start >= c.end or c in inside for c in out):
            out = [c for c in out if c not in inside] + [g]
    out.sort(key=lambda c: (c.start, -c.end))
    return out
