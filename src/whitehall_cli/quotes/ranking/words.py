"""The word lists the ranker reads phrases with, loaded once from `lexicon/`, and the closed
word classes of English it needs beside them (pronouns, determiners, auxiliaries)."""

from __future__ import annotations

from whitehall_cli import lexicon
from whitehall_cli.quotes.cue_words import DOC_NOUNS

# Verbs that report speech, every form ("said", "tells", "warning").
SPEECH_VERBS = frozenset(w for line in lexicon.lines("speech_verbs.txt") for w in line.split())
# The commonest of them, which attribute by themselves.
SAY_VERBS = frozenset("say says said saying tell tells told telling add adds added adding".split())
# Irregular past forms of speech verbs (a finite verb that does not end in -s or -ed).
PAST_FORMS = frozenset("said told wrote spoke thought read said".split())
# Verbs whose object is the one spoken to, not the speaker ("told the BBC").
TELL_VERBS = frozenset("told tell tells telling informed reminded assured".split())

# Given names and the sex each usually gives ("m", "f" or "").
GIVEN_NAMES: dict[str, str] = {
    name.lower(): (sex if sex in ("m", "f") else "")
    for name, sex, *_ in lexicon.rows("given_names.tsv")
}
# Given names that are also common words: not evidence of a person on their own.
AMBIGUOUS_GIVEN = frozenset(
    "will may june april august grant chase hope faith joy page young major long king rose "
    "lane gay guy rich price say white black brown green gray grey little love".split()
)

_TITLES = lexicon.rows("titles.tsv")
# Title word -> the sex it gives ("" when it gives none).
TITLES: dict[str, str] = {t: (sex if sex != "-" else "") for t, sex, *_ in _TITLES}
# Title word -> the role noun a later phrase may call the same person by.
TITLE_ROLES: dict[str, str] = {t: role for t, _, role, *_ in _TITLES if role != "-"}
# Titles that are only titles when a given name follows ("Secretary", "Democrat").
WEAK_TITLES = frozenset(t for t, _, _, strength in _TITLES if strength == "weak")
# Titles that are also common surnames: alone, they name someone ("said Baron").
SURNAME_TITLES = frozenset(t for t, _, _, strength in _TITLES if strength == "surname")

# Nouns that may speak unnamed or stand for someone named before, with their class; the
# documents that speak are the quotes stage's own list.
SPEAKER_NOUNS: dict[str, str] = {
    **{noun: "document" for noun in DOC_NOUNS if " " not in noun},
    **{noun: cls for noun, cls, *_ in lexicon.rows("speaker_nouns.tsv")},
}
# Plural ones: with no determiner they are an unnamed group ("officials said").
PLURAL_NOUNS = frozenset(
    n
    for n in SPEAKER_NOUNS
    if (n.endswith("s") and n[:-1] in SPEAKER_NOUNS)
    or n in ("people", "men", "women", "spokespeople", "spokesmen", "spokeswomen")
)
# Head words of job titles ("secretary", "executive", "MP"), lower case: a capitalised run
# that ends in one after "the" is a role, not a name ("the Permanent Secretary said").
ROLE_HEADS = frozenset(head.lower() for head, *_ in lexicon.rows("role_heads.tsv"))
# Capitalised words that never start a personal name.
NOT_NAMES = frozenset(lexicon.lines("not_names.txt"))
# Head words of organisation names ("Party", "Times"), lower case.
ORG_HEADS = frozenset(head.lower() for head, *_ in lexicon.rows("org_heads.tsv"))

# Closed classes.
SUBJECT_PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n"}
DEFINITE = frozenset("the this that his her their its our whose".split())
INDEFINITE = frozenset("a an one another some two three several many few most other".split())
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTHS_DAYS = DAYS | frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
PARTICLES = frozenset(
    "de da di del della van von der den ter la le bin al du dos das ap ab st.".split()
)
NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Letters after a name that are not part of it ("Hilary Stanwick MP", "Jane Doe QC").
POST_NOMINALS = frozenset("mp msp mla qc kc cbe obe mbe kbe dbe frs phd".split())
PREPOSITIONS = frozenset(
    "to of for by from at on in with about against between into over under among amongst "
    "than like via including towards toward during within without through across per behind "
    "beyond upon onto amid despite unlike besides throughout regarding concerning".split()
)
# Prepositions whose object may be the speaker ("a statement by officials", "word from
# aides", "according to sources").
AGENT_PREPOSITIONS = frozenset("by from to".split())
# Prepositions named in features; the rest are "other".
NAMED_PREPOSITIONS = frozenset("by of to with for from in on at about against".split())
# Words that may stand between a subject and its speech verb ("Smith has said").
AUX_WORDS = frozenset(
    "has had have will would also then later again previously once recently earlier "
    "repeatedly was is did does often still never".split()
)
# Words that may open a sentence before its subject ("And Obama ...", "But he ...").
CONJUNCTIONS = frozenset(
    "and but so yet or then now still also meanwhile however later earlier , \u2014".split()
)
# Words after which "of" or "for" stays inside a capitalised name ("Secretary of State").
OF_HEADS = frozenset(
    "secretary department ministry minister university bank house office chamber council "
    "court board bureau institute school college museum church state states republic kingdom "
    "city county governor attorney chief director head president chairman leader speaker "
    "league association federation union society commission committee center centre "
    "foundation agency administration corps order party friends daughters sons".split()
)
# Words that are neither nouns nor adjectives in a description before a name.
NOT_DESCRIPTIVE = frozenset("is are was were be been who which that as not".split())
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    (
        "Mr Mrs Ms Dr Sen Sens Rep Reps Gov Govs Lt Gen Col Sgt St Jr Sr Prof Rev Hon Capt "
        "Maj Adm Cmdr Sec Atty Supt Insp Det Mt No Vol Inc Corp Co Ltd Bros vs Jan Feb Mar Apr "
        "Aug Sept Sep Oct Nov Dec Ft Del Pres Gens Messrs Mass Calif Fla Ill Pa Va Wis Mich "
        "Minn Ariz Colo Conn Ga Ky La Md Mo Nev Okla Ore Tenn Tex Wash Ala Ark Kan Neb Miss"
    ).split()
)
