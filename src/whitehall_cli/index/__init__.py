"""The index stage: article files in, an up-to-date SQLite store of them out, and typed
records from it.

In: a `Corpus` (from `load`); each of its files is parsed (`parse`) and analysed
(`pipeline.analyse`) when it is new or changed. Out: an open `store.Index` (`Index.open`)
whose accessors return frozen records (`Document`, `Person`, `Body`, `Quote`, `IndexStats`),
over one SQLite file per corpus with an FTS5 full-text index (`schema`).

Where to look: `store` (the `Index` and its answers); `refresh` (opening, building and
refreshing, top-down: `changes` scans and plans, `parsing` parses in worker processes,
`writing` writes rows, `counts` recounts); `identity` (one person or body across articles);
`location` (where the file lives, locking, the fingerprint of the code that fills it).

Never: writes to the corpus folder, decides what an article says (the extraction stages do),
ranks or filters for a user's question (`query`), formats output, or knows the command line.
"""
