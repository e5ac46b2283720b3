"""The speaker ranker: for each quotation of an article's body, every phrase that may have
spoken it, scored by weights learnt from real news, and the best one taken.

In: the body paragraphs with their quotation marks (`quotations.Reading`), the rule-based
reader's answer for each quotation, and the cast. Out: `attribute.attribute(...)`, an
`Attribution` per quotation: the fullest name the article gives the speaker, with the role
and bodies the cast knows, or nobody.

Where to look: `tokens` reads a text into words and sentences; `phrases` finds the names,
pronouns and role phrases that may speak and the people and bodies they stand for; `features`
makes each quotation's candidates and their features; `model` scores them with the weights in
`weights.json` (made by `training/train_speakers.py`, which says from what) and reads the
article in order; `attribute` turns the winners into attributions; `words` holds the word
lists (from `lexicon/`).

Never: formats output, stores anything, knows the index or the command line, or loads its
weights before an article with a quotation is read.
"""
