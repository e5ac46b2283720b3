"""The speaker ranker: for each quotation of an article's body, every phrase that may have
spoken it, scored by weights learnt from real news, and the best one taken.

In: the body paragraphs with their quotation marks (`quotations.Reading`), the rule-based
reader's answer for each quotation, and the cast. Out: `attribute.attribute(...)`, an
`Attribution` per quotation: the fullest name the article gives the speaker, with the role
and bodies the cast knows, or nobody.

Where to look, in the order the work is done: `tokens` reads a text into words and
sentences; `phrases` finds the names, pronouns and role phrases that may speak, `context`
what the words around each say, `linking` which names are one person and whom "he" means;
`article` holds all that for one article, with each quotation's clause; `anaphora` says whom
a pronoun or role phrase may stand for; `features` makes each quotation's candidates and
their features, which `scoring` weighs; `model` reads the article in order with the weights
in `weights.json` (made by `training/train_speakers.py`, which says from what); `attribute`
turns the winners into attributions. `words` holds the word lists (from `lexicon/`).

Never: formats output, stores anything, knows the index or the command line, or loads its
weights before an article with a quotation is read.
"""
