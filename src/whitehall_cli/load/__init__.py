"""The load stage: files in, article text out.

In: a corpus folder (`--data`, `$WH_DATA`, else the five bundled articles) and the bytes of
its files. Out: the `Corpus` and its article files with their ids (`corpus`: `resolve_corpus`,
`scan`, `list_files`), each file's text (`decoding`: `read_text`, `decode`: UTF-8, UTF-16 or
Windows-1252, newlines made "\\n"), and, for `parse`, that text as plain lines whatever its
format (`formats`: Markdown and HTML lose their markup) with page furniture told from the
article's own lines (`furniture`). What a file declares about itself (front matter, a web
page's structured data: `declared`, `page_meta`, `json_ld`) arrives as labelled lines. A web
page's main text comes from trafilatura (`page_text`), imported only when a page is read.
For `wh add`: a page fetched from the web (`fetch`), refused when it is a list of links
rather than an article (`listing`), and an article added to the corpus folder as Markdown
(`save`).

Never: writes to the corpus folder, except `save` adding a new file (it never overwrites
one, and never writes into the bundled articles); decides what a line of an article means
(headline, date, byline: that is `parse`, whose reader `save` is handed); or knows the index
or the command line. A file that cannot be read
is a `decoding.Unreadable` (its message says why), never a crash; a page read less well than
it should be (the fallback reader, text cut at the limit) is a warning for the caller.
"""
