"""Word lists for recognising bodies and works in British political news: the grammar, as data.

Generic modifiers, job titles tied to a body, kind nouns ("think tank", "union") and the
heads of the names of codes and reports. The head words of organisation names are a data
file, `lexicon/org_heads.tsv`, read once here.
"""

from __future__ import annotations

from whitehall_cli import lexicon


def _kinds(spec: str) -> dict[str, str]:
    """ "Word=kind Word=kind ..." (underscores for spaces) as a dict."""
    pairs = (item.split("=") for item in spec.split())
    return {word.replace("_", " "): kind.replace("_", " ") for word, kind in pairs}


# Head words of organisation names, with the kind of body each usually names.
ORG_HEADS = {
    head: kind for head, kind, *scope in lexicon.rows("org_heads.tsv") if scope in ([], ["all"])
}
# Head words that name a body only before "of" ("House of Lords", not "Lancaster House").
OF_HEADS = frozenset(("House",))
# Modifiers that make no name by themselves: a head word with only these is generic
# ("Select Committee", "Management Board", "the Press Office").
GENERIC_ORG_MODIFIERS = frozenset(
    "Select Joint Standing Special Management Executive Advisory Sub Steering Working Press "
    "Private Departmental Scrutiny Main New Local Regional The This Its Their His Her Our "
    "Former Old Public Independent National Royal".split()
)
# Whole names that are generic offices or meetings, never a named body.
GENERIC_BODY_NAMES = frozenset(
    (
        "Cabinet Committee",
        "Cabinet Committees",
        "Cabinet Sub-Committee",
        "Civil Service Board",
        "Civil Service",
        "Public Service",
        "Public Services",
        "Government Department",
        "Government Office",
        "Government Service",
    )
)
# Institutions named generically ("the civil service", "the government"): inside a title
# ("head of the civil service") they describe a person rather than act themselves.
GENERIC_INSTITUTIONS = frozenset(
    ("Civil Service", "UK Government", "Whitehall", "Cabinet", "Parliament", "Government")
)
# Capitalised job-title words stripped from the front of an organisation phrase
# ("Minister for the Cabinet Office" names the Cabinet Office).
TITLE_WORDS = frozenset(
    "Minister Secretary Chancellor President Chair Chairman Chief Director General Permanent "
    "Deputy Head Shadow Former Prime Dear Secretary-General Director-General Leader Officer "
    "Adviser Advisor Commissioner".split()
)
# Verbs that open a call to action at the start of a line ("Follow the Committee on X",
# "Sign up to the Society's newsletter"): never the first word of a body's name.
ACTION_VERBS = frozenset(
    "Follow Share Sign Subscribe Click Read Watch Listen Join Contact Visit Email Call "
    "Download Register Donate Support See Find Get Like Tweet Message Write".split()
)
# Social platforms: "on X" after a body's name says where to follow it, not part of the name.
PLATFORMS = frozenset(
    "X Twitter Facebook Instagram LinkedIn YouTube TikTok Bluesky Threads Mastodon".split()
)
# Plural and group nouns for people that end an organisation phrase before a body
# ("Conservative MPs on the Public Accounts Committee"); "Labour MP" still names Labour.
PEOPLE_NOUNS = frozenset(
    "MP MPs MSP MSPs MLA MLAs Ministers Peers Members Member Officials Staff".split()
)
# Nouns that say the capitalised words next to them name a body of a kind:
# "the FDA union", "think tank Onward", "pressure group Unlock Democracy".
KIND_NOUNS = _kinds(
    "union=union trade_union=union think_tank=think_tank think-tank=think_tank "
    "thinktank=think_tank charity=other campaign_group=other pressure_group=other "
    "lobby_group=other watchdog=regulator regulator=regulator consultancy=company "
    "firm=company company=company newspaper=outlet broadcaster=outlet magazine=outlet "
    "party=party department=department "
)
# Job titles that, after capitalised words, show those words name the person's body
# ("Prospect general secretary", "Labour MP"), with the kind of body they imply.
ORG_ROLE_NOUNS = _kinds(
    "general_secretary=union assistant_general_secretary=union MP=party MPs=party peer=party "
    "MSP=party MSPs=party MLA=party MLAs=party MS=party "
    "councillor=party spokesperson=party spokesman=party spokeswoman=party leader=other "
    "chair=other chairman=other chairwoman=other chief_executive=other director=other "
    "boss=other president=other "
    "national_secretary=union negotiations_officer=union officer=other organiser=union "
    "official=other members=other "
)
# Function words that cannot sit between a body's name and a job title ("Speaking to members").
GLUE_WORDS = frozenset(
    "to of the a an and or in on at for with by from as that this who which".split()
)
# Days and months: never the end of an organisation's name ("the IfG on Tuesday").
TIME_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)
# Words after "Name," that say the name is a union ("Prospect, which represents ...").
UNION_APPOSITIONS = ("which represents", "representing", "which speaks for")
# Capitalised heads of the names of works ("Autumn Statement", "Civil Service Code").
WORK_HEADS = frozenset(
    "Code Principles Statement Report Review Act Bill Strategy Paper Charter Guidance "
    "Framework Plan Budget Manifesto Agreement Treaty Declaration Protocol Regulations "
    "Rules Memorandum Directive Convention".split()
)
# Lower-case nouns after a capitalised name that make a work of it ("Partygate report").
WORK_NOUNS = frozenset("report review principles code inquiry memo dossier manifesto".split())
# Lower-case nouns that make a work only of a title of two or more capitalised words
# ("the Government Security Classifications policy", not "Labour policy").
TITLE_ONLY_NOUNS = frozenset("policy guidance handbook framework protocol".split())
# Adjectives that mark an unpublished document ("an internal note", "a leaked memo").
UNPUBLISHED = frozenset("internal leaked confidential private draft secret unpublished".split())
# Nouns for the documents such adjectives describe.
DOCUMENT_NOUNS = frozenset("note memo memorandum email letter briefing document paper".split())
# Prefixes of the Crown's public bodies ("HM Revenue and Customs", "HM Land Registry").
CROWN_PREFIXES = frozenset(("HM", "HMG"))
