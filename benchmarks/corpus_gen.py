"""A deterministic synthetic corpus of news articles about the UK civil service.

Each article is about 500 words drawn from a vocabulary of tens of thousands of words with
Zipf-like frequencies (real English function words and Whitehall words at the head, made-up
but pronounceable words in the tail), laid out like the real seeds: headline, standfirst,
byline, a date in one of several formats, body paragraphs with people, roles and quotations,
and some page furniture (related-article links, newsletter prompts).

Same seed and size, same bytes: the benchmark can be rerun and compared.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

# The head of the frequency list: words every article is full of, most common first.
COMMON_WORDS = (
    "the of and to a in that is for was on it with as by he said be at from his an "
    "are have has but not this which they were had their been would will its who or "
    "one more also after all there when we about than other into new can only over "
    "some last year could them then two first time made what before officials people "
    "government civil service minister ministers department officials whitehall public "
    "policy report staff work secretary permanent senior union leaks code conduct inquiry "
    "parliament committee cabinet office treasury home advisers special members review "
    "standards change plans reform pay jobs number told statement week told mps"
).split()
# People for bylines and quotations: (name, role, body).
PEOPLE = (
    ("Jeremy Heywood", "cabinet secretary", "Cabinet Office"),
    ("Dave Penman", "general secretary", "FDA"),
    ("Mark Serwotka", "general secretary", "PCS"),
    ("Bronwen Maddox", "director", "Institute for Government"),
    ("Simon Case", "cabinet secretary", "Cabinet Office"),
    ("Alex Chisholm", "permanent secretary", "Cabinet Office"),
    ("Tom Scholar", "permanent secretary", "Treasury"),
    ("Philip Rutnam", "permanent secretary", "Home Office"),
    ("Helen MacNamara", "deputy cabinet secretary", "Cabinet Office"),
    ("Jill Rutter", "senior fellow", "Institute for Government"),
)
# Words that open a body sentence, to vary the rhythm.
OPENERS = ("It comes as", "Meanwhile,", "However,", "Last month,", "In a statement,", "Separately,")
# Verbs of speech for attributions.
SPEECH_VERBS = ("said", "told", "added", "warned", "wrote", "argued")
# Outlets for the outlet line and the byline.
OUTLETS = ("Civil Service World", "The Guardian", "BBC News", "Financial Times", "The Times")
# Date layouts used by different house styles.
DATE_FORMATS = (
    "{d:02d} {mon} {y}",
    "{d} {month} {y}",
    "{y}-{m:02d}-{d:02d}",
    "{wd} {d} {month} {y}",
)
MONTHS = (
    "January February March April May June July August September October November December"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
# Page furniture lines between paragraphs.
FURNITURE = (
    "Related: {title}",
    "Sign up to our daily newsletter",
    "Share this article",
    "Read more: {title}",
)
# Syllables that make the made-up tail words.
ONSETS = (
    "b",
    "br",
    "c",
    "ch",
    "d",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pl",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "w",
)
NUCLEI = ("a", "e", "i", "o", "u", "ai", "ea", "ou")
CODAS = ("", "n", "r", "s", "t", "l", "nd", "st", "ck", "m")


def vocabulary(size: int = 40_000, seed: int = 7) -> list[str]:
    """COMMON_WORDS first, then pronounceable made-up words up to `size` distinct words."""
    rng = random.Random(seed)
    words: list[str] = list(dict.fromkeys(COMMON_WORDS))
    seen = set(words)
    syllables = [o + n + c for o, n, c in itertools.product(ONSETS, NUCLEI, CODAS)]
    while len(words) < size:
        word = "".join(rng.choice(syllables) for _ in range(rng.choice((2, 2, 2, 3))))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Generator:
    """Makes article texts one by one, deterministically from a seed."""

    def __init__(self, seed: int = 2024, vocab_size: int = 40_000) -> None:
        self.rng = random.Random(seed)
        self.words = vocabulary(vocab_size)
        weights = [1.0 / (rank + 2.7) ** 1.07 for rank in range(len(self.words))]
        self.cum = list(itertools.accumulate(weights))

    def _sentence(self, n: int) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def _date(self) -> str:
        rng = self.rng
        y, m, d = rng.randint(2010, 2024), rng.randint(1, 12), rng.randint(1, 28)
        fmt = rng.choice(DATE_FORMATS)
        return fmt.format(
            d=d, m=m, y=y, mon=MONTHS[m - 1][:3], month=MONTHS[m - 1], wd=rng.choice(WEEKDAYS)
        )

    def article(self, n: int) -> str:
        """The text of article number `n` (about 500 words)."""
        rng = self.rng
        person, role, body = rng.choice(PEOPLE)
        first, last = person.split()[0], person.split()[-1]
        outlet = rng.choice(OUTLETS)
        title = f"{person} {self._sentence(rng.randint(6, 11))[:-1].lower()}"
        standfirst = self._sentence(rng.randint(14, 24))[:-1]  # standfirsts carry no stop
        author = rng.choice(PEOPLE)[0] if rng.random() < 0.3 else f"{first} Reporter"
        lines = [outlet, "", title, "", standfirst, "", f"By {author}", "", self._date(), ""]
        words = 0
        para = 0
        while words < 460:
            para += 1
            kind = rng.random()
            if para == 1:
                text = f"{person}, the {role} at the {body}, {self._sentence(30)[0].lower()}"
                text += self._sentence(30)[1:]
            elif kind < 0.25:
                quote = self._sentence(rng.randint(12, 28))
                verb = rng.choice(SPEECH_VERBS)
                text = f"\u201c{quote[:-1]},\u201d {last} {verb}. {self._sentence(15)}"
            elif kind < 0.35:
                other, orole, obody = rng.choice(PEOPLE)
                quote = self._sentence(rng.randint(10, 20))
                text = f'{other}, {orole} of the {obody}, said: "{quote}"'
            elif kind < 0.42:
                text = f"{rng.choice(OPENERS)} {self._sentence(rng.randint(20, 40)).lower()}"
            else:
                text = " ".join(self._sentence(rng.randint(12, 26)) for _ in range(2))
            lines.append(text)
            lines.append("")
            words += text.count(" ") + 1
            if rng.random() < 0.08:
                lines.append(rng.choice(FURNITURE).format(title=self._sentence(8)[:-1]))
                lines.append("")
        return "\n".join(lines)


def write_corpus(root: Path, count: int, seed: int = 2024) -> Path:
    """Write `count` articles under `root` (100 per sub-folder); skip if already complete."""
    marker = root / f".complete-{count}-{seed}"
    if marker.exists():
        return root
    root.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed)
    for n in range(count):
        folder = root / f"batch{n // 1000:04d}"
        if n % 1000 == 0:
            folder.mkdir(exist_ok=True)
        (folder / f"article{n:06d}.txt").write_text(gen.article(n), encoding="utf-8")
    marker.write_text("ok\n")
    return root
