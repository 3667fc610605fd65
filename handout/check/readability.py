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
    instance and this one share it through pyphen's cache, and no other language is loaded.
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


def syllables(word: str) -> int:
    return int(_textstat().syllable_count(word))


def word_count(text: str) -> int:
    return int(_textstat().lexicon_count(text))


@dataclass(frozen=True)
class Scores:
    """Readability of one prepared text; grades rounded to one decimal."""

    fk_grade: float
    smog: float | None  # None under 3 sentences, where SMOG means nothing
    words: int
    sentences: int
    words_per_sentence: float
    polysyllable_share: float  # share of words with 3 or more syllables, 0 to 1
    longest: tuple[str, ...]
    hardest: tuple[str, ...]


def score(text: str, keep: frozenset[str] = frozenset()) -> Scores | None:
    """Scores of prepared `text`, or None when it has no words. Words in `keep` (see
    `word_forms`) are never listed among the hardest: the topic's own words stay."""
    stats = _textstat()
    words = word_count(text)
    if words == 0:
        return None
    count = int(stats.sentence_count(text))
    smog = float(stats.smog_index(text)) if count >= 3 else None
    return Scores(
        fk_grade=round(float(stats.flesch_kincaid_grade(text)), 1),
        smog=round(smog, 1) if smog is not None else None,
        words=words,
        sentences=count,
        words_per_sentence=round(words / count, 1),
        polysyllable_share=round(int(stats.polysyllabcount(text)) / words, 3),
        longest=longest_sentences(text),
        hardest=hardest_words(text, keep=keep),
    )


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


def hardest_words(text: str, n: int = HARDEST,
                  keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Up to `n` distinct words of 3 or more syllables, most syllables first, leaving out
    the words in `keep`."""
    seen: dict[str, int] = {}
    for word in _WORD.findall(text):
        key = word.lower()
        if key.replace("’", "'").removesuffix("'s") in keep:
            continue
        if key not in seen:
            seen[key] = syllables(word)
    ranked = sorted((w for w, s in seen.items() if s >= 3), key=lambda w: -seen[w])
    return tuple(ranked[:n])


def combine(parts: Sequence[str]) -> str:
    """Prepared parts joined into one text to score together."""
    return " ".join(p for p in parts if p)
