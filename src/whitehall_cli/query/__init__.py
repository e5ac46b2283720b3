"""The query stage: a user's question in, typed records out.

In: an open `Index` (from `index`) and what the user typed: search words, names (`who`,
`--person`, `--body`, `--source`), filters (`--doc`, `--outlet`, `--since`, `--until`,
`--limit`). Out: lists of frozen records (`DocRow`, `Person`, `Body`, `Quote`), one
profile or a `Choice` between several, a `SearchResult` of ranked `Hit`s, a `Timeline` of
`Series` (counts per period) or a `Concordance` of `KwicLine`s.

Where to look: `answers` (one function per command: `list_docs`, `profile`, `run_search`,
`stream` ...); `names` (names as users type them: forms, acronyms, surnames, misspellings);
`filters` (which articles the filters allow, dates as users write them); `search` (ranking
articles, then their paragraphs, with snippets); `syntax` (the query language, escaped so
that no input is an SQL error, and "did you mean"); `timeline` (matches counted per period,
in SQL) over `periods` (months, quarters, years); `context` (every occurrence in context).

Never: writes to the index or the corpus, formats output (that is `render`), or knows the
command line: errors are `BadQuery` and `NotFound`, which the CLI turns into messages.
"""
