"""The quotes stage: a `Document` and its `Cast` in, its quotations out, each with a speaker.

In: one parsed article (`parse`) and the people, bodies and works it names (`entities`).
Out: `quotations.find_quotes(doc, cast)`, a tuple of frozen `Quote` records in reading
order: the words inside the marks, the speaker (a person, a body, a document, or None when
the text gives the words to nobody it names), the speaker's role and bodies, where it
stands, and whether it is a fragment.

Where to look: `quotations` runs the stage; `marks` finds the quotations; `speakers` reads an
article in order and gives each quotation its speaker, from the cue after it, "according to",
the clause grammar (`clauses`: which speech verb governs it, who its subject is, `subjects`)
or the quotation before; `referents` says who a phrase stands for ("he", "the cabinet
secretary", "the report"), from the `candidates` of each text; `cue_words` and `lexicon/`
hold the grammar (speech verbs, nouns that can speak, prepositions).

Never: finds people or bodies of its own (the cast is given), formats output, stores
anything, or knows the index or the command line.
"""
