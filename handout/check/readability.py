"""Readability of plain text: text preparation, then textstat's formulas and counts.

The formulas only see word and sentence length, so the text is prepared first, as
../shared/handout-standards.md asks: bold marks and pronunciation guides go, list-item
fragments are left out, and periods that do not end a sentence ("Dr.", "1.", "a.m.", "0.27",
"988lifeline.org") are removed so they are not counted as sentence ends.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

_BOLD = re.compile(r"\*\*")
# "(seer-uh-TOE-nin)": a reading aid, which the formulas would score as one very long word.
_PRONUNCIATION = re.compile(r"\s*\((?=[^)]*\b[A-Z]{2,}\b)[A-Za-z]+(?:-[A-Za-z]+)+\)")
# Titles and short forms that are never the end of a sentence ("etc." often is, so not it).
_ABBREVIATION = re.compile(r"\b(Dr|Mr|Mrs|Ms|St|Prof|Jr|Sr|vs|approx|Fig|Figs|Vol|No(?=\.\s*\d))\.")
_LETTER_DOTS = re.compile(r"\b([A-Za-z])\.([A-Za-z])\.")  # e.g. i.e. a.m. p.m. U.S.
_INNER_DOT = re.compile(r"(?<=\w)\.(?=\w)")  # decimals and web addresses
_LIST_NUMBER = re.compile(r"^\s*(?:\d+|[a-zA-Z])[.)]\s+")
_TERMINAL = re.compile(r"[.!?][\"')\]]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

LONGEST = 3  # sentences listed for an editor to shorten
HARDEST = 5  # words listed for an editor to replace or explain


@cache
def _textstat() -> Any:
    """A private textstat instance with rounding off, so grades are not coarsened.

    textstat 0.7.4 counts syllables with pyphen only (0.7.5+ downloads NLTK data at run time).
    pyphen parses its en_US dictionary (~0.05 s) once per process: textstat's module-level
    instance and this one share it through pyphen's cache, and no other language is loaded
    (Spanish syllables are counted here, by rule: `spanish_syllables`).
    """
    with warnings.catch_warnings():
        # textstat 0.7.4 imports pkg_resources, which setuptools 80-81 warn about on import.
        warnings.simplefilter("ignore")
        from textstat.textstat import textstatistics
    stats = textstatistics()
    stats.set_rounding(False)
    return stats


def warm_up() -> None:
    """Import textstat and load pyphen's dictionary now (a long-lived process, e.g. watch,
    then checks every rebuild in-process in milliseconds)."""
    syllables("warm")


def prepare(text: str, *, list_item: bool = False) -> str:
    """`text` ready to score; "" for a list-item fragment (no sentence end)."""
    text = _BOLD.sub("", text)
    text = _PRONUNCIATION.sub("", text)
    text = _LIST_NUMBER.sub("", text)
    text = _ABBREVIATION.sub(r"\1", text)
    text = _LETTER_DOTS.sub(r"\1\2", text)
    text = _INNER_DOT.sub("", text).strip()
    if not _TERMINAL.search(text):
        if list_item:
            return ""
        text += "."  # a paragraph without a final period must not run into the next one
    return text


def sentences(text: str) -> list[str]:
    """Prepared text split into sentences."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def syllables(word: str, formula: str = "flesch_kincaid") -> int:
    if formula == "szigriszt_pazos":
        return spanish_syllables(word)
    return int(_textstat().syllable_count(word))


_STRONG = frozenset("aeoáéó")
_STRESSED_WEAK = frozenset("íú")
_VOWELS = frozenset("aeiouáéíóúü")
_SILENT_U = re.compile(r"(?<=[qg])u(?=[eiéí])")  # que, qui, gue, gui (not güe, güi)
_FINAL_Y = re.compile(r"(?<=[aeiouáéíóú])y\b")  # hoy, muy, rey: a vowel


def spanish_syllables(word: str) -> int:
    """Syllables of a Spanish word by its vowel nuclei: two strong vowels (a, e, o) or a
    stressed í or ú beside another vowel are two syllables (dí-a, le-er); a weak vowel (i,
    u) beside another is one (bue-no, cie-lo). textstat's pyphen counts hyphenation points
    instead, which leave a lone letter at a word's edge unsplit and so undercount Spanish
    (adul-tos, día): a Szigriszt-Pazos score from them reads several points too easy."""
    w = _FINAL_Y.sub("i", _SILENT_U.sub("", word.lower()))
    if w == "y":
        return 1
    count, previous = 0, ""
    for char in w:
        if char not in _VOWELS:
            previous = ""
            continue
        if not previous or (char in _STRONG and previous in _STRONG) \
                or char in _STRESSED_WEAK or previous in _STRESSED_WEAK:
            count += 1
        previous = char
    return count or (1 if any(c.isalpha() for c in w) else 0)


def szigriszt_pazos(text: str) -> float:
    """Szigriszt-Pazos perspicuity (1993) of prepared Spanish text: 206.835 - 62.3 x
    syllables per word - words per sentence, with syllables counted by Spanish rules."""
    stats = _textstat()
    words = _WORD.findall(text)
    sentence_count = int(stats.sentence_count(text))
    if not words or not sentence_count:
        return 0.0
    per_word = sum(spanish_syllables(w) for w in words) / len(words)
    return 206.835 - 62.3 * per_word - len(words) / sentence_count


def word_count(text: str) -> int:
    return int(_textstat().lexicon_count(text))


# INFLESZ (Barrio-Cantalejo et al., An Sist Sanit Navar 2008;31:135-152): how to read the
# Szigriszt-Pazos score of a Spanish patient text. Lowest score of each band.
INFLESZ = ((80.0, "very easy"), (65.0, "fairly easy"), (55.0, "normal"),
           (40.0, "somewhat hard"), (float("-inf"), "very hard"))


def inflesz_band(value: float) -> str:
    """The INFLESZ band of a Szigriszt-Pazos score: 62 -> 'normal'."""
    return next(name for lowest, name in INFLESZ if value >= lowest)


@dataclass(frozen=True)
class Scores:
    """Readability of one prepared text, by one formula; scores rounded to one decimal.

    English text has a Flesch-Kincaid grade (and SMOG); Spanish text a Szigriszt-Pazos
    score read on the INFLESZ scale, and no English grade: an English formula means
    nothing on Spanish text (../shared/handout-standards.md)."""

    fk_grade: float | None  # Flesch-Kincaid grade, English only
    smog: float | None  # None under 3 sentences, where SMOG means nothing; English only
    words: int
    sentences: int
    words_per_sentence: float
    polysyllable_share: float  # share of words with 3 or more syllables, 0 to 1
    longest: tuple[str, ...]
    hardest: tuple[str, ...]
    inflesz: float | None = None  # Szigriszt-Pazos score, 0-100 (higher is easier); Spanish

    @property
    def value(self) -> float:
        """The formula's number: a grade (lower is easier) or an INFLESZ score (higher)."""
        value = self.fk_grade if self.inflesz is None else self.inflesz
        assert value is not None
        return value


def score(text: str, keep: frozenset[str] = frozenset(),
          formula: str = "flesch_kincaid") -> Scores | None:
    """Scores of prepared `text` by `formula` ("flesch_kincaid" for English,
    "szigriszt_pazos" for Spanish), or None when it has no words. Words in `keep` (see
    `word_forms`) are never listed among the hardest: the topic's own words stay."""
    stats = _textstat()
    words = word_count(text)
    if words == 0:
        return None
    count = int(stats.sentence_count(text))
    english = formula == "flesch_kincaid"
    smog = float(stats.smog_index(text)) if count >= 3 and english else None
    return Scores(
        fk_grade=round(float(stats.flesch_kincaid_grade(text)), 1) if english else None,
        smog=round(smog, 1) if smog is not None else None,
        words=words,
        sentences=count,
        words_per_sentence=round(words / count, 1),
        polysyllable_share=round(_polysyllables(text, formula) / words, 3),
        longest=longest_sentences(text),
        hardest=hardest_words(text, keep=keep, formula=formula),
        inflesz=None if english else round(szigriszt_pazos(text), 1),
    )


def _polysyllables(text: str, formula: str) -> int:
    """How many words of `text` have 3 or more syllables."""
    if formula == "flesch_kincaid":
        return int(_textstat().polysyllabcount(text))
    return sum(syllables(w, formula) >= 3 for w in _WORD.findall(text))


def longest_sentences(text: str, n: int = LONGEST) -> tuple[str, ...]:
    """The `n` longest sentences by word count, longest first (ties in reading order)."""
    ranked = sorted(sentences(text), key=lambda s: -word_count(s))
    return tuple(ranked[:n])


def _forms(word: str) -> set[str]:
    """`word` with its simple plural or singular forms: "therapy", "therapies"."""
    w = word.removesuffix("'s")
    forms = {w, w + "s", w + "es"}
    if w.endswith("y"):
        forms.add(w[:-1] + "ies")
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    if w.endswith("s"):
        forms.add(w[:-1])
    if w.endswith("es"):
        forms.add(w[:-2])
    return forms


def word_forms(texts: Iterable[str]) -> frozenset[str]:
    """The words of `texts`, lowercased, with their simple plural and singular forms; a
    hyphenated word also gives its parts ("gut-brain": "gut", "brain")."""
    forms: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text.lower().replace("’", "'")):
            for part in {word, *word.split("-")}:
                forms |= _forms(part)
    return frozenset(forms)


def hardest_words(text: str, n: int = HARDEST, keep: frozenset[str] = frozenset(),
                  formula: str = "flesch_kincaid") -> tuple[str, ...]:
    """Up to `n` distinct words of 3 or more syllables, most syllables first, leaving out
    the words in `keep`."""
    seen: dict[str, int] = {}
    for word in _WORD.findall(text):
        key = word.lower()
        if key.replace("’", "'").removesuffix("'s") in keep:
            continue
        if key not in seen:
            seen[key] = syllables(word, formula)
    ranked = sorted((w for w, s in seen.items() if s >= 3), key=lambda w: -seen[w])
    return tuple(ranked[:n])


def combine(parts: Sequence[str]) -> str:
    """Prepared parts joined into one text to score together."""
    return " ".join(p for p in parts if p)
