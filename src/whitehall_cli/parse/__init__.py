"""The parse stage: an article's text in, a `Document` out.

In: the text of one file (from `load`), as plain lines with page furniture marked. Out: a
frozen `Document` with its headline, standfirst, date (ISO), outlet, authors, address and the
body as clean paragraphs (`article.parse_text`, `article.parse_file`), and what went wrong in
reading it (a web page read by the fallback reader, no article text at all) as warnings.
`article` finds where the body starts and keeps its prose; `header` reads what stands above
it and the labelled lines anywhere ("Published on", "By ..."); `bylines` reads writers'
names as pages print them; `masthead` names the publication; `dates` reads dates as news
pages write them.

Never: recognises people, bodies or quotations (that is `entities` and `quotes`), writes
anything, or knows the index or the command line.
"""
