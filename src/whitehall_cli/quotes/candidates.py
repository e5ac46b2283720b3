"""The phrases that can speak: every name, pronoun, role phrase ("the cabinet secretary"),
body noun ("the union"), spokesperson ("a Cabinet Office spokesperson") and document noun
("the report") in one text, outside its quotations, for `referents` to resolve; and the role
phrases of the cast that stand for one person (`role_forms`).
"""

from __future__ import annotations

import re

from whitehall_cli.models import Cast, Mention
from whitehall_cli.quotes import cue_words
from whitehall_cli.quotes.records import Cand
from whitehall_cli.quotes.words import prev_word, word_edge

# "a spokesman for the", "a source at": between a spokesperson and the body.
_FOR_THE = re.compile(r"\s+(?:for|at|from|in)\s+(?:the\s+)?")
# An owner at the start of a role ("the department's permanent secretary").
_POSSESSOR = re.compile(r"^(?:the\s+)?[\w ]+?['\u2019]s\s+")


def role_forms(cast: Cast) -> list[tuple[str, str]]:
    """Role phrases that can stand for a person ("the cabinet secretary"), longest first; a
    form shared by several people is dropped (it cannot tell them apart)."""
    owners: dict[str, set[str]] = {}
    body_words = [f.lower() for b in cast.bodies for f in (b.name, *b.aliases)]
    for p in cast.people:
        for role in p.roles:
            r = role.lower().strip()
            forms = {r, r.split(" of ")[0].strip(), r.split(", ")[0].strip()}
            # an owner ends in 's: without an apostrophe there is none to cut
            forms |= {_POSSESSOR.sub("", f) if "'" in f or "\u2019" in f else f for f in forms}
            for bw in (bw for bw in body_words if bw in r):
                for f in list(forms):
                    if f.startswith(bw + " "):
                        forms.add(f[len(bw) + 1 :])
            for f in forms:
                if len(f) >= 4 and not f.startswith("former "):
                    owners.setdefault(f, set()).add(p.name)
    unique = [(f, next(iter(n))) for f, n in owners.items() if len(n) == 1]
    return sorted(unique, key=lambda fn: -len(fn[0]))


def role_points(view: str, i: int, j: int, cands: list[Cand]) -> bool:
    """A role phrase stands for its holder after "the"/"'s" and when no name follows it."""
    after = view[j : j + 3]
    if any(c.what == "mention" and 0 <= c.start - j <= 2 for c in cands) and after[:1] == " ":
        return False
    if cue_words.ROLE_DETERMINERS.search(view[max(0, i - 8) : i]):
        return True
    return any(
        c.what == "mention" and c.mention_kind == "body" and 0 <= i - c.end <= 3 for c in cands
    )


def role_before_name(view: str, b: int, cands: list[Cand]) -> bool:
    """A role phrase followed by a name is a title ("prime minister Theresa May")."""
    return any(c.what == "mention" and 0 <= c.start - b <= 2 for c in cands)


def spoken_for(view: str, i: int, j: int, cands: list[Cand]) -> Cand | None:
    """Who a spokesperson speaks for: "a Cabinet Office spokesperson", "a spokesman for the
    union", "Smith's spokeswoman"."""
    for c in cands:
        if c.what == "mention" and c.mention_kind == "person":
            if view[c.end : i].strip() in ("'s", "\u2019s"):
                return c
        if c.what == "mention" and c.mention_kind == "body":
            if 0 <= i - c.end <= 1:
                return c
            gap = view[j : c.start]
            if 0 < c.start - j <= 12 and _FOR_THE.fullmatch(gap):
                return c
    return None


def role_phrases(view: str, lower: str, words: frozenset[str], loc: str) -> list[re.Match[str]]:
    """Definite role phrases ("the cabinet secretary"), looked for only around the head
    words of job titles that the text holds."""
    heads = cue_words.ROLE_HEAD_WORDS & words
    if not heads:
        return []
    if loc != "body":
        return list(cue_words.HEADLINE_ROLE_RE.finditer(view))
    found: dict[int, re.Match[str]] = {}
    for head in heads:
        i = lower.find(head)
        while i >= 0:
            for hit in cue_words.GENERIC_ROLE_RE.finditer(view, max(0, i - 40), i + len(head) + 40):
                if hit.start("role") <= i < hit.end("role"):
                    found[hit.start("role")] = hit
            i = lower.find(head, i + len(head))
    return [found[k] for k in sorted(found)]


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
        if w in cue_words.PERSON_PRONOUNS:
            out.append(Cand(a, b, "pronoun", w))
        elif w == "they":
            out.append(Cand(a, b, "they", w))
        elif w == "it":
            for nxt in lower[b : b + 40].split()[:4]:
                if nxt in cue_words.SPEECH_WORDS:
                    out.append(Cand(a, b, "it", w))
                if nxt not in cue_words.IT_AUX:
                    break
        elif w in cue_words.DOC_NOUNS and free(a, b):
            out.append(Cand(a, b, "doc", w))
        elif w in cue_words.BODY_NOUNS and free(a, b):
            det = prev_word(lower, a)
            if det in cue_words.BODY_DETERMINERS:
                out.append(Cand(a - len(det) - 1, b, "bodynoun", w))
        elif w in cue_words.SPOKES_NOUNS:
            boss = spoken_for(view, a, b, out)
            if boss:
                out.append(Cand(a, b, "spokes", boss.key, boss.mention_kind))
    for rx, what, first in (
        (cue_words.DOC_MULTI_RE, "doc", cue_words.DOC_MULTI_FIRST),
        (cue_words.BODY_MULTI_RE, "bodynoun", cue_words.BODY_MULTI_FIRST),
        (cue_words.SPOKES_MULTI_RE, "spokes", cue_words.SPOKES_MULTI_FIRST),
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
        cut = next((i for i, w in enumerate(parts) if w.lower() in cue_words.SPEECH_WORDS), None)
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
        inside = [  # ... and "the union leader" holds "the union" (its "the" before the role)
            c
            for c in out
            if c.end <= g.end
            and (
                (g.start <= c.start and c.mention_kind == "body")
                or (g.start < c.end and c.what == "bodynoun")
            )
        ]
        if all(g.end <= c.start or g.start >= c.end or c in inside for c in out):
            out = [c for c in out if c not in inside] + [g]
    out.sort(key=lambda c: (c.start, -c.end))
    return out
