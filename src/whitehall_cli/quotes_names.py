"""What a person's name says about the pronoun that stands for them: common given names by
sex and the honorifics that imply one. Data for `referents`, so that "he" or "she" after a
quotation agrees with the person it stands for. A name or title not listed is simply unknown:
the reader then learns from the pronouns the article uses.
"""

from __future__ import annotations

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
# Common given names by sex (British news: the people it quotes), so that "he" and "she"
# agree with a person named without an honorific; a name missing here is simply unknown.
GIVEN_NAMES_HE = frozenset(
    "adam alan alex alexander alistair andrew andy anthony ben benjamin bill bob boris callum "
    "charles charlie chris christopher colin craig dan daniel darren dave david dominic douglas "
    "ed edward gareth gary gavin george gordon graham greg harry henry iain ian jack jacob jake "
    "james jamie jason jeremy jim joe john jon jonathan keir kevin liam lee luke mark martin "
    "matt matthew michael mike neil nick nigel oliver owen patrick paul peter philip phil "
    "richard rishi rob robert robin roger ryan sam samuel sean simon stephen steve steven "
    "stuart thomas tim tom tony william".split()
)
GIVEN_NAMES_SHE = frozenset(
    "abigail alison amanda amy andrea angela anna anne bridget caroline catherine charlotte "
    "chloe claire clare deborah diane elizabeth ellie emily emma fiona frances hannah harriet "
    "helen jane janet jennifer jenny jess jessica jo joanna julia julie karen kate katherine "
    "kathryn kemi laura lisa liz louise lucy margaret maria mary melanie michelle nadine "
    "natalie nicola olivia penny priti rachel rebecca ruth sally sarah sophie stella susan "
    "suzanne theresa tracey victoria yvette zoe".split()
)
