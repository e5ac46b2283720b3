"""Words about people, for `referents` and `subjects`: what a name says about the pronoun that
stands for it (common given names by sex, honorifics), so that "he" or "she" after a quotation
agrees with its person (a name or title not listed is simply unknown: the reader then learns
from the pronouns the article uses); words that take an office away ("shadow minister"); and
the words around unnamed groups ("a source close to").
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
# Words before a job title that take the office away: a shadow minister is not "the minister".
NOT_THE_OFFICE = frozenset("shadow former ex ex- outgoing opposition".split())
# Words between an unnamed group and its preposition ("a source close to", "allies loyal to").
NEAR_WORDS = frozenset("close closest loyal near".split())
# Determiners that make a group noun an unnamed person, not a title ("a source", "one aide").
GROUP_DETERMINERS = frozenset("a an one another some the this that".split())


def holds_office(role: str, phrase: str) -> bool:
    """A role holds a role phrase unless a word before it takes the office away ("shadow
    minister", "former cabinet secretary" do not hold "the minister")."""
    at = role.find(phrase)
    if at < 0:
        return False
    return not any(w in NOT_THE_OFFICE for w in role[:at].split()) or any(
        w in NOT_THE_OFFICE for w in phrase.split()
    )
