"""The entities stage: a `Document` in, its `Cast` out: the people, bodies (organisations) and
works (codes, reports) the article names, with every mention of each.

In: one parsed article (`parse`). Out: `cast.find_cast(doc)`, a frozen `Cast` of `PersonRef`,
`BodyRef`, `WorkRef` and `Mention` records, and every word form of the article (later stages
reuse them); and, across articles, `merge.merge_people` and `merge_bodies`, which say which
per-article names are one person or body in the whole corpus (`merge`).

Where to look: `cast` runs the steps in order; `people` (names), `job_titles` (the titles
written around a name), `bodies`, `body_context` and `body_lexicon` (organisations and
works), `roles`, `back_references`, `kin`, `works` and `mentions` find one kind of thing each; `person_words` and `body_words`
hold the grammar's small tables, and `lexicon/` its word lists.

Never: attributes quotations (that is `quotes`), formats output, stores anything, or reads
files: recognition works on the text it is given, and the word lists are read once.
"""
