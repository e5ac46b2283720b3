"""The render stage: typed records in, what the user sees out.

In: the frozen records the query stage answers with (`DocRow`, `Document`, `Person`, `Body`,
`Quote`, `Hit`, `Series`, `KwicLine`). Out: JSON (`records.to_json`, the one place a record
becomes JSON), JSON lines and CSV (`records.export`, `records.write_csv`), and rich tables,
panels and highlighted snippets for a terminal (`views`), bar charts, sparklines and SVG
pictures of them (`charts`), and concordance lines (`concordance`), printed once, paged
when long. A file the user names (`--svg`, `export -o`) is written whole by `files`.

Never: asks the index anything, filters or sorts what it is given, or parses options; data
goes to stdout, and only the CLI decides what is printed where.
"""
