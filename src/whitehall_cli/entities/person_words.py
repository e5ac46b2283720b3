"""Word lists for recognising people in British political news: the grammar, as data.

Each list is a rule of English news writing, not a list of the people in any article:
honorifics, role modifiers, party names, family words and the capitalised words that never
start or make up a personal name. The longer lists (given names, the head words of job
titles, the verbs that follow a name) are data files in `lexicon/`, read once here.
"""

from __future__ import annotations

from whitehall_cli import lexicon

# Honorifics and titles that may precede a name; dropped from the canonical name.
HONORIFICS = (
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Dr",
    "Professor",
    "Prof",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Mx",
    "Rev",
    "Reverend",
    "Cllr",
    "Councillor",
    "Judge",
    "Justice",
    "Rt",
    "Hon",
    "Right",
    "Honourable",
    "Viscount",
    "Earl",
    "Countess",
    "Duke",
    "Duchess",
    "Prince",
    "Princess",
    "King",
    "Queen",
    "General",
    "Colonel",
    "Captain",
    "Major",
)
# Titles that make a name by themselves with one more word ("Lord Frost", "Baroness Casey").
PEER_TITLES = ("Lord", "Lady", "Baroness", "Baron", "Viscount", "Earl", "Countess")
# Honorifics used with a bare surname for someone already named ("Mr Rycroft").
SURNAME_HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Professor", "Prof")
# Lower-case particles inside surnames ("Ursula von der Leyen", "Iain Duncan Smith" has none).
NAME_PARTICLES = (
    *("de", "da", "di", "del", "della", "van", "von", "der", "den", "ter", "la", "le", "du"),
    *("dos", "das", "bin", "al", "ap", "ab"),  # "Bethan ap Rhys"
)

# Common given names in British public life, across its communities; a first word found here
# is strong evidence that a capitalised pair is a person.
GIVEN_NAMES = frozenset(
    name for name, _sex, source, *_ in lexicon.rows("given_names.tsv") if source == "uk"
)

# Words that are never part of a personal name: capitalised function words, job titles,
# organisation words, days, months and other capitalised common nouns. A capitalised run
# that starts with one of these is trimmed; a candidate that contains one is not a person.
NON_NAME_WORDS = frozenset(
    """
    The A An This That These Those It Its He She They We You I His Her Their Our My Your Who
    What When Where Why How Which While Whilst If But And Or Nor So Yet For Of On In At By
    To From With Without As After Before Since Until Despite During Under Over Among Amid
    Into Onto About Against Between Through Dear Yours Thanks Thank Regards Please
    Share Follow Sign Subscribe Click Related Comments Comment Tags Categories Credit Photo
    Image Picture Source Home News Opinion Features Analysis Contact Privacy Policy Terms
    Prime Minister Ministers Secretary Secretaries President Vice Deputy Chief
    Executive Director General Permanent Cabinet Office Department Ministry Committee Select
    Commission Commissioner Council Councillor Chair Chairman Chairwoman Chairs Leader
    Shadow Spokesperson Spokesman Spokeswoman MP MPs Peer Peers Minister Ambassador Mayor
    Governor Clerk Officer Adviser Advisor Advisers Special Senior Junior
    Former Then New Old Acting Interim Civil Service Servant Servants Government Parliament
    Commons Lords House Party Union Institute Foundation Trust Society Centre Center Agency
    Authority Board Court Tribunal Federation Confederation College University School
    Association Group Network Alliance Forum Partnership Unit Bureau Inquiry Review Report
    Code Act Bill Statement Principles Strategy Paper Plan Budget Labour Conservative
    Conservatives Tory Tories Liberal Democrat Democrats Democratic Republican Republicans
    Greens Unionist Socialist Nationalist Reform Independent Monday Tuesday Wednesday
    Thursday Friday Saturday Sunday January February March April June July August
    September October November December Spring Summer Autumn Winter Christmas Easter
    Brexit Covid Coronavirus Partygate Whitehall Westminster Downing Street Treasury
    London England Scotland Wales Ireland Northern Britain British English Scottish Welsh
    Irish European Europe UK US USA America American Brussels Washington Rwanda Ukraine
    Russia China French German Chinese Russian Ukrainian Indian Twitter Facebook WhatsApp
    Gmail Google Instagram LinkedIn YouTube TikTok Zoom Teams Microsoft Apple Amazon X
    National Royal Public Private Federal State Local Regional Central International Global
    Human Rights Justice Health Education Defence Foreign Business Trade Transport Energy
    Culture Media Sport Work Pensions Environment Digital Data Science Technology Security
    Integrity Ethics Standards Audit Accounts Affairs Social Care Housing Communities
    Levelling Mail Times Guardian Telegraph Observer Independent Mirror
    Express Standard Economist Spectator Politico BBC Sky ITV Channel Radio Daily
    Weekly Magazine Journal Online Website Blog Podcast Newsletter Subscribe Login Register
    Events Webinars Partner Directory About Cookies Accept Reject Settings Menu Search Skip
    Main Content Back Top Next Previous More Latest Most Popular Trending Watch Listen
    Sir Dame Lord Lady Baroness Dr Professor Mr Mrs Ms Miss Rt Hon
    Officials Staff Members Member Sources Source Insiders Critics Campaigners Allies
    Ministerial Parliamentary Governmental Departmental Political Constitutional Legal
    Chief Policy Press Communications Strategic Operations Finance Legislation Statute
    Appendix Annex Chapter Section Part Figure Table Note Notes Update Updated Editor
    Editorial Correspondent Reporter Writer Author Columnist Contributor Staff Desk
    One Two Three Four Five Six Seven Eight Nine Ten Some Many Several Each Every Another
    Other Both All Most Few Opposition France Germany Italy Spain Japan Canada Australia
    Israel Iran Gaza United States Kingdom Republic
    Yes No Not Now Today Yesterday Tomorrow Tonight Last Next Early Late Mid
    """.split()
)
# Capitalised words that cannot start a name but may end one ("Theresa May", "Sue Gray").
NON_FIRST_NAME_WORDS = (
    frozenset(
        """
    May Case Gray Brown Green White Black Hope Rose Church Hall Field Wood Little Young Long
    Short Bell King Cook Baker Day Law Marsh Hill Stone Bird Fox Lamb Grant Price Rich Wise
    Dean Frost Hunt Head Law Post Page Speaker Chancellor Sun Green Read Major Mercer
    """.split()
    )
    | NON_NAME_WORDS
)

# Nouns that head a job title or role ("general secretary", "chief adviser", "Labour MP").
ROLE_HEADS = frozenset(head for head, *_ in lexicon.rows("role_heads.tsv"))
# Words that may sit inside a role phrase before a name ("former cabinet secretary").
ROLE_MODIFIERS = frozenset(
    """
    former ex then acting interim deputy senior junior general permanent principal chief
    shadow cabinet home foreign health justice education defence business trade transport
    energy culture work pensions environment digital housing levelling communities northern
    ireland scotland wales treasury financial economic political special prime first second
    lead independent executive non-executive national international european local
    communications press policy research security intelligence ethics standards integrity
    information data equalities science technology justice co-founder vice assistant
    associate managing editorial political parliamentary private public civil service
    backbench frontbench crossbench veteran outgoing incoming new current top
    """.split()
)
# Modifiers dropped from the front of a role as the text gives it ("new US president").
ROLE_DROPPED_PREFIXES = ("new", "then", "current", "incumbent", "the", "a", "an")
# Verbs of saying and doing that follow a person's name ("Boo said", "Rycroft told MPs").
VERBS_AFTER_NAMES = frozenset(
    word for line in lexicon.lines("verbs_after_names.txt") for word in line.split()
)
# Words before a month-like surname that show it is a date ("in May", "last March").
DATE_CONTEXT = frozenset("in on of since until from by last next this early late mid".split())
# Last words that make a place of a capitalised pair ("Victoria Station", "Elizabeth Line").
PLACE_SUFFIXES = frozenset(
    "Street Road Avenue Lane Square Station Hospital Palace Gardens Line Airport Tower "
    "Crescent Estate Abbey Cathedral Castle Stadium Arena".split()
)
# Endings of nationality and demonym adjectives ("Israeli president", "Pakistani minister").
NATIONALITY_ENDINGS = ("ian", "ish", "ese", "ean", "ani", "eli", "aqi", "ican", "ch")
# Party names and adjectives: never part of a personal name, but they do name a body
# ("Labour MP", "Liberal Democrat spokesperson").
PARTY_WORDS = frozenset(
    "Labour Conservative Conservatives Tory Tories Liberal Democrat Democrats Democratic "
    "Republican Republicans Greens Unionist Socialist Nationalist Reform Independent".split()
)
# Verbs of saying that may come before the speaker's name ("said Qureshi", "added Mr Park").
INVERTED_SPEECH_VERBS = frozenset(
    "said says added adds wrote writes warned warns argued argues insisted insists explained "
    "explains noted notes continued continues replied replies told".split()
)
# Family words after "his"/"her" that name a relative by given name alone ("his wife
# Janet"), with the relative's sex ("f", "m", or "" when the word does not say).
RELATION_NOUNS = {
    "wife": "f",
    "husband": "m",
    "partner": "",
    "widow": "f",
    "widower": "m",
    "son": "m",
    "daughter": "f",
    "brother": "m",
    "sister": "f",
    "mother": "f",
    "father": "m",
    "fiancee": "f",
    "fiancée": "f",
    "fiance": "m",
    "fiancé": "m",
}
# Possessive pronouns before a family word, with the sex they give the person named before.
KIN_PRONOUNS = {"his": "m", "her": "f", "their": ""}
# Honorifics that give a person's sex ("Mrs Doherty" is the wife, "Mr Doherty" the husband).
GENDERED_HONORIFICS = {
    "Mr": "m",
    "Sir": "m",
    "Lord": "m",
    "Mrs": "f",
    "Ms": "f",
    "Miss": "f",
    "Dame": "f",
    "Lady": "f",
    "Baroness": "f",
}
# The parties of British politics by the words papers use for them, with each party's full
# name ("Labour MP", "the Tories", "Lib Dem spokesperson"); read when the curated lexicon is
# off, so that party ties do not depend on it. Ambiguous words ("Green", "Reform") need their
# second word.
PARTY_NAMES = {
    "Alliance": "Alliance Party",  # "Alliance MLA" in Northern Ireland
    "Labour": "Labour Party",
    "Conservative": "Conservative Party",
    "Conservatives": "Conservative Party",
    "Tory": "Conservative Party",
    "Tories": "Conservative Party",
    "Liberal Democrat": "Liberal Democrats",
    "Liberal Democrats": "Liberal Democrats",
    "Lib Dem": "Liberal Democrats",
    "Lib Dems": "Liberal Democrats",
    "Greens": "Green Party",
    "Green Party": "Green Party",
    "Reform UK": "Reform UK",
    "SNP": "Scottish National Party",
    "Plaid Cymru": "Plaid Cymru",
    "DUP": "Democratic Unionist Party",
    "Labour Party": "Labour Party",
    "Conservative Party": "Conservative Party",
}
# Words that open an apposition or a copula before the role itself ("who is a", "the").
ROLE_OPENERS = (
    "who is",
    "who was",
    "who has been",
    "who had been",
    "who worked as",
    "who served as",
    "who became",
    "who is now",
    "is",
    "was",
    "has been",
    "is now",
    "became",
    "now",  # "Darren Oyelaran, now a junior minister"
    "then",
    # a post left or taken: "Sir Tariq Mahmood, removed as permanent secretary last week,"
    "removed as",
    "sacked as",
    "dismissed as",
    "ousted as",
    "appointed as",
    "named as",
    "who stepped down as",
    "who resigned as",
    "who quit as",
)
