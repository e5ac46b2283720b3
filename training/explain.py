"""Why the speaker ranker chose what it chose: every body quotation of one article with its
best candidates, their scores and their weightiest features.

    python training/explain.py ARTICLE [--para N] [--top 5] [--body]

With --body, every blank-line-separated block of the file is a body paragraph (no headline
is looked for): handy for a few sentences written to try a construction.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def main() -> int:
    from whitehall_cli.entities.cast import find_cast
    from whitehall_cli.load.decoding import decode, read_bytes
    from whitehall_cli.models import Document
    from whitehall_cli.parse.article import parse_text
    from whitehall_cli.quotes.quotations import read_quotes
    from whitehall_cli.quotes.ranking.attribute import read_article, rule_answers
    from whitehall_cli.quotes.ranking.features import NONE, RULE
    from whitehall_cli.quotes.ranking.model import decode as rank
    from whitehall_cli.quotes.ranking.model import score, weights
    from whitehall_cli.quotes.ranking.scoring import Cand

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", type=Path)
    ap.add_argument("--para", type=int, help="only this body paragraph (0 = the first)")
    ap.add_argument("--top", type=int, default=5, help="candidates shown per quotation")
    ap.add_argument("--body", action="store_true", help="every block is a body paragraph")
    args = ap.parse_args()
    text = decode(read_bytes(args.article))
    if args.body:
        blocks = tuple(b.strip() for b in text.split("\n\n") if b.strip())
        doc = Document(
            args.article.stem, str(args.article), None, None, None, None, (), None, blocks
        )
    else:
        doc = parse_text(text, args.article.stem, str(args.article))
    cast = find_cast(doc)
    reading = read_quotes(doc, cast)
    if reading is None:
        print("no quotations")
        return 1
    art = read_article(reading.paragraphs(), reading.span_facts(), doc.title or "", cast)
    rules = reading.body_rules()
    texts = reading.body_texts()
    w = weights()
    print("entities:", "; ".join(f"{i}={e.name}" for i, e in enumerate(art.entities)))

    def name(c: Cand, k: int, qi: int) -> str:
        if c.entity == RULE:
            return f"rules: {rules[k][qi].speaker}"
        return "nobody" if c.entity == NONE else art.entities[c.entity].name

    def seen(k: int, qi: int, cands: list[Cand], best: int, labels: list[bool] | None) -> None:
        if args.para is not None and k - 2 != args.para:
            return
        rule = rules[k][qi]
        print(f"\n¶{k - 2} {texts[k][qi][:70]!r}  (rules: {rule.speaker})")
        for c in sorted(cands, key=lambda c: -score(c, w))[: args.top]:
            feats = sorted(c.feats, key=lambda f: -abs(w.get(f, 0.0)))[:6]
            shown = ", ".join(f"{f} {w.get(f, 0.0):+.2f}" for f in feats)
            print(f"  {score(c, w):+6.2f} {c.how:8} {name(c, k, qi):28} {shown}")

    rank(art, rule_answers(art, rules, reading.body_sources()), w, seen=seen, explicit=True)
    print("\nquotations running over paragraphs:", art.runs() or "none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
