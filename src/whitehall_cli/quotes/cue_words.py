"""The grammar `speakers` reads attributions with: speech verbs, the nouns for documents and
bodies that can speak, prepositions, clause boundaries, and the words about people that make
a pronoun agree with its person or take an office away ("shadow minister"). Rules of British
news writing as data, one named table each, so that a new rule is a one-line change; the
longer lists (speech verbs, the head words of job titles, given names) are data files in
`lexicon/`, read once here.
"""

from __future__ import annotations

import re

from whitehall_cli import lexicon

# Verbs that report speech or writing, every form ("Heywood wrote", "says the report"): one
# entry per verb, its forms separated by spaces.
SPEECH_VERBS = lexicon.lines("speech_verbs.txt")
# Phrases that report someone's words as a whole ("using the phrase", "made clear").
SPEECH_PHRASES = (
    r"us(?:e|es|ed|ing)\s+the\s+(?:phrase|words?|term|expression|slogan|line)",
    r"ma(?:de|kes?|king)\s+clear",
    r"sp(?:oke|eaks?|eaking)\s+of",
    r"(?:went|goes|go|going)\s+on",
    r"put\s+it",
)
# Past participles among them, so that "accused of", "suggested in the memo" read passive.
IRREGULAR_PARTICIPLES = frozenset({"said", "told", "written", "found"})
# Forms of "to be" that make a following participle passive ("was described as").
BE_FORMS = re.compile(
    r"\b(?:is|are|was|were|be|been|being|am|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE
)
# A name or pronoun right before a bare -ed form makes it active ("Smith added in a letter").
NAMED_BEFORE = re.compile(r"(?:\b(?:he|she|it|they|we|I)|\b[A-Z][\w\u2019']*\)?)$")
# Words right after a bare participle that show it is passive ("accused of", "told by").
PASSIVE_AFTER = re.compile(r"\s+(?:by|of|as|in\s+(?:the|a|an|its|his|her|their))\b", re.I)

# Nouns for documents that can speak, and the kind a later "the report" looks back for.
DOC_NOUNS = {
    "report": "report",
    "study": "report",
    "review": "report",
    "paper": "report",
    "analysis": "report",
    "research": "report",
    "assessment": "report",
    "audit": "report",
    "survey": "report",
    "submission": "report",
    "letter": "letter",
    "note": "letter",
    "memo": "letter",
    "memorandum": "letter",
    "email": "letter",
    "e-mail": "letter",
    "missive": "letter",
    "code": "code",
    "guidance": "code",
    "guidelines": "code",
    "rulebook": "code",
    "statement": "statement",
    "tweet": "statement",
    "post": "statement",
    "caption": "statement",
    "video": "statement",
    "press release": "statement",
    "announcement": "statement",
    "blog": "statement",
    "blogpost": "statement",
}
# Document kinds that, naming no author, fall to the organisation named in the sentence.
ORGANISATION_OUTPUT = frozenset({"statement"})
# What stands between a document noun and its author ("the report, authored by the").
AUTHOR_LINK = re.compile(
    r"\s*(?:\[\d+\])?\s*,?\s*(?:(?:which|that)\s+was\s+)?(?:(?:authored|written|produced|"
    r"published|compiled|drawn\s+up|commissioned|prepared|sent|issued|led)\s+)?(?:by|from)\s+"
    r"(?:(?:the|a|an)\s+)?(?:(?:think[- ]?tank|union|department|party|campaign\s+group)\s+)?"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
# What stands between a document noun and the name it goes by ("the guidance, called X",
# "the Treasury's guidance, Managing Public Money").
DOC_NAME_LINK = re.compile(
    r"\s*,?\s*(?:(?:which\s+is\s+)?(?:called|named|entitled|titled|known\s+as)\s+)?"
    r"(?:the\s+)?[\"\u201c\u2018']?"
)
# "his report", "its letter": a document of the person or body last spoken of.
POSSESSIVE_DET_RE = re.compile(r"\b(his|her|its|their)\s+(?:own\s+|new\s+|latest\s+)?$", re.I)

# Nouns that name a body by its kind ("the think tank said"), with the kind they stand for.
BODY_NOUNS = {
    "think tank": "think tank",
    "think-tank": "think tank",
    "thinktank": "think tank",
    "union": "union",
    "department": "department",
    "ministry": "department",
    "party": "party",
    "committee": "parliament",
    "regulator": "regulator",
    "watchdog": "regulator",
    "court": "court",
    "tribunal": "court",
    "company": "company",
    "firm": "company",
    "newspaper": "outlet",
    "charity": "other",
    "commission": "regulator",
    "organisation": "",
    "organization": "",
    "body": "",
    "institute": "think tank",
}
# People who speak for a body ("a Cabinet Office spokesperson", "a spokesman for the union").
SPOKES_NOUNS = (
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "spokespeople",
    "representative",
    "press office",
    "press officer",
)

# Prepositions: a name right after one is an object ("wrote to the minister"), not a subject.
PREPOSITIONS = frozenset(
    "to of for by from at on in with about against between into over under among amongst "
    "than like via including towards toward during within without through across per behind "
    "beyond upon onto amid despite unlike besides throughout regarding concerning".split()
)
# Words that may stand inside a noun phrase before a name ("the former home secretary").
NP_FILLER = frozenset(
    "the a an former new then current its his her their our this that these those "
    "sir dame lord lady baroness dr mr mrs ms professor prof rt hon fellow".split()
)
# Words of job titles, which may stand between a preposition and a name ("by former chief
# adviser Dominic Cummings") without making the name a subject.
ROLE_WORDS = frozenset(
    "minister secretary chancellor adviser advisor chief chair chairman chairwoman head "
    "director general executive permanent commissioner spokesperson spokesman spokeswoman "
    "leader deputy president vice mp mps peer official officer economist analyst researcher "
    "editor correspondent reporter founder partner lawyer barrister judge professor lecturer "
    "senior junior shadow assistant acting interim prime home foreign health justice "
    "education culture business treasury cabinet civil service union party".split()
)
# Head words of job titles: "the cabinet secretary", "the head of the civil service" name
# someone even when the cast gives nobody that role (the heads marked "yes" in the list).
ROLE_HEADS = tuple(head for head, alone, *_ in lexicon.rows("role_heads.tsv") if alone == "yes")
# The same, for a quick test that a text holds any.
ROLE_HEAD_WORDS = frozenset(ROLE_HEADS)
# A definite role phrase: "the cabinet secretary", "the union's general secretary".
GENERIC_ROLE_RE = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[A-Za-z]+['\u2019]s)\s+(?P<role>(?:\w+\s+){0,2}"
    rf"(?:{'|'.join(ROLE_HEADS)})(?:\s+general)?(?:\s+of\s+(?:the\s+)?[A-Za-z]+(?:\s+[a-z]+)?)?)\b"
)
# A role phrase opening a headline, which has no article ("Permanent secretary quits").
HEADLINE_ROLE_RE = re.compile(
    rf"^(?P<role>(?:[A-Za-z]+\s+){{0,2}}(?:{'|'.join(ROLE_HEADS)})(?:\s+general)?)\b",
    re.IGNORECASE,
)
# A clause opening on an unnamed person ("One director who quit the Home Office ..."): the
# name in the relative clause is not the subject, and nobody is named.
UNNAMED_SUBJECT = re.compile(
    r"\s*(?:one|a|an|another|some|two|three|several|many)\s+(?:[a-z][a-z-]*\s+){1,3}?"
    r"(?:who|that|which)\b",
    re.IGNORECASE,
)
# Speech verbs that may come before their subject ("..., says the report").
INVERSION_VERBS = frozenset(
    "say says said add adds added write writes wrote warn warns warned argue argues argued "
    "insist insists insisted explain explains explained state states stated noted continue "
    "continues continued claim claims claimed conclude concludes concluded recommend "
    "recommends recommended suggest suggests suggested comment comments commented observe "
    "observes observed reply replies replied concede concedes conceded admit admits admitted "
    "declare declares declared remark remarks remarked".split()
)
# Nouns for unnamed people that a name may qualify ("Whitehall sources", "Labour MPs", "a
# Treasury official"): they speak, not the name, so nobody is named.
GROUP_NOUNS = frozenset(
    "sources officials insiders figures staff members ministers aides colleagues officers "
    "chiefs bosses leaders people workers employees allies critics backbenchers mps peers "
    "advisers advisors officers representatives activists campaigners supporters "
    "source official insider aide ally figure colleague member minister adviser friend "
    "friends backbencher mp peer councillor critic worker employee".split()
)
# Words that say nothing about who the subject is ("and also", "there will").
FUNCTION_WORDS = frozenset(
    "and but or so yet then also now later today yesterday again further previously earlier "
    "recently once already not never always just still separately publicly privately "
    "repeatedly has have had is are was were will would could should may might must can did "
    "does do been be that which who this it there here however meanwhile instead indeed "
    "moreover though although while when if as to in on at of for with by the a an".split()
)
# Words that open a phrase that can be lifted out of its sentence when a comma closes it:
# subordinators ("while it had been acknowledged by X that ...,"), relative pronouns
# (", which sets standards,"), and the words of a put question ("Asked whether he would go,").
# Words ending -ing ("Speaking to MPs,") and -ly ("Separately,") open one too.
ASIDE_OPENERS = frozenset(
    "while although though whereas when whenever if because since once unless after before "
    "as which who asked pressed questioned challenged quizzed invited approached contacted".split()
)
# Two-word openers of the same kind.
ASIDE_PAIRS = frozenset(
    {("even", "though"), ("even", "if"), ("in", "light"), ("in", "response"), ("in", "reply")}
)
# Where an aside may start: after a comma, or after "that" ("said that, while ...").
# (commas are found by `find`; "that" by this pattern, in a text that holds it).
ASIDE_THAT_RE = re.compile(r"\bthat\b")
# The first two words of a possible aside.
ASIDE_HEAD_RE = re.compile(r"\s*([A-Za-z]+)(?:\s+([A-Za-z]+))?")
# What closes an aside (a comma) or shows it is no aside (a stronger stop first).
ASIDE_END_RE = re.compile(r"[,;:\u2013\u2014]")
# Paired dashes around an aside ("A note by X – obtained by Y – says").
DASH_ASIDE_RE = re.compile(r"\s[\u2013\u2014-]\s[^\u2013\u2014]*?\s[\u2013\u2014-]\s")
# Brackets around an aside ("the National Audit Office (NAO) said").
BRACKET_ASIDE_RE = re.compile(r"\([^()]*\)")
# Boundaries between the clauses of one sentence.
CLAUSE_BREAK = re.compile(
    r";|:(?=\s*\S)|\s[\u2013\u2014-]\s|,\s+(?:but|and|while|whereas|although|though|after|"
    r"before|because|since|when|yet|so)\b|\sbut\b"
)
# Between a quotation and a speech verb after it, a conjunction that opens another clause
# ("'...', but the union says"): the verb's subject answers the quotation, it does not speak it.
NEW_CLAUSE = re.compile(r"\b(?:but|while|whereas|although|though|yet)\b", re.IGNORECASE)
# Characters or words one of which a text must hold to have a clause boundary (a quick test).
CLAUSE_BREAK_HINTS = (";", ":", ",", "\u2013", "\u2014", "-", "but")
# The same as one pattern: one search in C instead of a test per hint.
CLAUSE_BREAK_HINT_RE = re.compile("|".join(re.escape(h) for h in CLAUSE_BREAK_HINTS))
# Hard boundaries: a speech verb before one does not govern a quotation after it.
HARD_BREAK = re.compile(r";|:(?=\s*\S)|\s[\u2013\u2014-]\s")
# Determiners that make a role phrase point at one person ("the cabinet secretary").
ROLE_DETERMINERS = re.compile(
    r"(?:\bthe|\bits|\btheir|\bour|\bhis|\bher|['\u2019]s)\s+$", re.IGNORECASE
)
# Relative pronouns: "a report which warns" gives the report as the subject of "warns".
RELATIVE_RE = re.compile(
    r"(?:,\s*)?\b(?:which|that|who)\s+(?:(?:has|had|have|also|then|made|was|is)\s+)*$",
    re.IGNORECASE,
)
# The relative pronouns themselves, to skip that test in a text with none.
RELATIVES = frozenset({"which", "that", "who"})
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof rev sen gen col lt sgt capt jr sr inc ltd co vs etc no nos cf "
    "approx dept govt hon rt fig op vol ch pp".split()
)


# ----- words about people -----------------------------------------------------------
# The pronoun for each sex the list of given names marks.
PRONOUN_OF_SEX = {"m": "he", "f": "she"}
# Honorifics that tell which pronoun stands for a person.
HONORIFIC_PRONOUN = {
    "sir": "he",
    "lord": "he",
    "mr": "he",
    "baron": "he",
    "dame": "she",
    "lady": "she",
    "baroness": "she",
    "mrs": "she",
    "ms": "she",
    "miss": "she",
}
# Given names that tell which pronoun stands for a person (lower case), from the sex the list
# of given names marks, so that "he" and "she" agree with a person named without an
# honorific; a name not marked is simply unknown.
GIVEN_NAME_PRONOUN = {
    name.lower(): PRONOUN_OF_SEX[sex]
    for name, sex, *_ in lexicon.rows("given_names.tsv")
    if sex in PRONOUN_OF_SEX
}
# Words before a job title that take the office away: a shadow minister is not "the minister".
NOT_THE_OFFICE = frozenset("shadow former ex ex- outgoing opposition".split())
# Words between an unnamed group and its preposition ("a source close to", "allies loyal to").
NEAR_WORDS = frozenset("close closest loyal near".split())
# Determiners that make a group noun an unnamed person, not a title ("a source", "one aide").
GROUP_DETERMINERS = frozenset("a an one another some the this that".split())


def holds_office(role: str, phrase: str) -> bool:
    """A role holds a role phrase unless a word before it takes the office away ("shadow
    minister", "former cabinet secretary" do not hold "the minister"); a role without
    "former" holds "the former ..." of the same office (the article has moved on)."""
    at = role.find(phrase)
    if at < 0:
        words = phrase.split()
        if "former" not in words:
            return False
        core = " ".join(w for w in words if w not in ("the", "former"))
        return bool(core) and role.find(core) >= 0 and holds_office(role, core)
    return not any(w in NOT_THE_OFFICE for w in role[:at].split()) or any(
        w in NOT_THE_OFFICE for w in phrase.split()
    )


def _multi(words: object) -> re.Pattern[str]:
    """A pattern for the entries of a table that are more than one word ("think tank")."""
    multi = sorted((w for w in words if " " in w), key=len, reverse=True)  # type: ignore[attr-defined]
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in multi) or "(?!)"
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


# Every form of every speech verb, looked up word by word.
SPEECH_WORDS = frozenset(w for g in SPEECH_VERBS for w in g.split())
# Any speech phrase.
SPEECH_PHRASE_RE = re.compile(rf"\b(?:{'|'.join(SPEECH_PHRASES)})\b", re.IGNORECASE)
# Words that make a speech word after them a noun ("a tweet", "the statement").
DETERMINERS = frozenset(
    "a an the this these those his her its their our my your every any no whose".split()
)
# Words that may stand between "it" and its speech verb ("it has also said").
IT_AUX = frozenset("has had have also then further now later will would".split())
# Words that may stand between a name and its speech verb ("Heywood has also said").
AUX_WORDS = IT_AUX | frozenset({"was", "is", "were", "are"})
# Person pronouns that can be the subject of a speech verb.
PERSON_PRONOUNS = frozenset({"he", "she"})
# Determiners before a body noun ("the union", "its committee").
BODY_DETERMINERS = frozenset({"the", "its", "this"})
# Multi-word entries of the noun tables, found by pattern; single words by lookup.
DOC_MULTI_RE = _multi(DOC_NOUNS)
BODY_MULTI_RE = _multi(BODY_NOUNS)
SPOKES_MULTI_RE = _multi(SPOKES_NOUNS)
# Their first words, to skip the patterns when a text holds none.
DOC_MULTI_FIRST = frozenset(k.split()[0] for k in DOC_NOUNS if " " in k)
BODY_MULTI_FIRST = frozenset(k.split()[0] for k in BODY_NOUNS if " " in k)
SPOKES_MULTI_FIRST = frozenset(k.split()[0] for k in SPOKES_NOUNS if " " in k)
# "X said in a report": X wrote the report (group 1 must be a speech word).
SAID_IN_RE = re.compile(
    r"\b(\w+)\s+(?:\w+\s+)?in\s+(?:a|an|the|its|his|her|their)\s+(?:new\s+|latest\s+|recent\s+)?$",
    re.IGNORECASE,
)
# "Under the ministerial code, ...": the work that a sentence's rule comes from.
UNDER_RE = re.compile(r"^\W*(?:under|in\s+line\s+with|as\s+set\s+out\s+in)\s+(?:the\s+)?", re.I)
# An appositive after a name, up to eight words between commas (", the union's leader,").
APPOSITIVE_RE = re.compile(r",(?:\s+[^\s,;:.]+){1,8},")
# A sentence after a quotation that names its speaker ("That was the verdict of X.").
VERDICT_RE = re.compile(
    r"\s*(?:That|This|Such|So)\s+(?:was|is|were|are|came|comes)\s+(?:the\s+)?"
    r"(?:verdict|view|message|warning|assessment|response|reaction|claim|argument|conclusion|"
    r"plea|verdict|words|answer|reply)\s+(?:of|from)\s+(?:the\s+)?",
)
# "according to X": X's words, wherever the phrase stands in the sentence.
ACCORDING_RE = re.compile(r"\baccording\s+to\s+", re.IGNORECASE)
# A word of a lower-cased text for the key-word index ("union's" gives "union" and "s").
KEY_WORD_RE = re.compile(r"[a-z][a-z-]*")
# A word.
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# A sentence end: a stop (perhaps inside a closing mark), space, then a capital or a mark
# (the sentence ends just after the stop).
SENTENCE_RE = re.compile(
    r"[.!?\u2026][\"\u201d\u2019']?\s+(?=[\"\u201c\u2018'(\[]?[A-Z0-9\u201c\u2018\"'])"
)
# Every single word the reader looks for; a paragraph holding none of them is read fast.
KEY_WORDS = (
    SPEECH_WORDS
    | PERSON_PRONOUNS
    | frozenset({"it", "they"})
    | frozenset(k for k in DOC_NOUNS if " " not in k)
    | frozenset(k for k in BODY_NOUNS if " " not in k)
    | frozenset(k for k in SPOKES_NOUNS if " " not in k)
)
# Words a text must hold for it to have a speech verb or a document noun (which the reader
# learns from even in a paragraph with no quotation).
SPEECH_OR_DOC_WORDS = SPEECH_WORDS | frozenset(k for k in DOC_NOUNS if " " not in k)
# The words each speech phrase needs, first and second: a text is searched for the phrases
# only when it holds both words of one of them.
SPEECH_PHRASE_WORDS = (
    (
        frozenset("use uses used using".split()),
        frozenset("phrase word words term expression slogan line".split()),
    ),
    (frozenset("made make makes making".split()), frozenset({"clear"})),
    (frozenset("spoke speak speaks speaking".split()), frozenset({"of"})),
    (frozenset("went goes go going".split()), frozenset({"on"})),
    (frozenset({"put"}), frozenset({"it"})),
)
