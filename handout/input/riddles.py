"""Riddle answers as a reader counts them: letters, the computed hint, the grid spelling.

Hints are computed from the answers because hand-typed ones go wrong (the source article
printed "9 letters" for the 10-letter "microbiome").
"""

from __future__ import annotations

import unicodedata

from handout.common.translations import strings


def letters(word: str) -> list[str]:
    """The letters of `word` as a reader counts them: an accented letter is one letter, and
    the spaces between a word's written parts (Vietnamese "loạn khuẩn") are none."""
    clusters: list[str] = []
    for char in unicodedata.normalize("NFC", word):
        if char.isspace():
            continue
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _upper(letter: str) -> str:
    # "ß".upper() is "SS": a letter that would become two is kept as it is.
    upper = letter.upper()
    return upper if len(upper) == len(letter) else letter


def hint(answer: str, language: str = "en") -> str:
    """A clue for `answer`: letter count, first letter and ending (accents kept)."""
    try:
        wording = strings(language)
    except KeyError:
        raise ValueError(f"no hint wording for language {language!r}") from None
    chars = letters(answer.strip())
    if len(chars) < 2:
        raise ValueError(f"a riddle answer needs at least 2 letters, got {answer!r}")
    # Up to 3 ending letters, fewer for short answers so the clue does not spell them out.
    end = min(3, max(1, len(chars) - 3))
    return wording("hint", n=len(chars), first=_upper(chars[0]),
                   end="".join(chars[-end:]).lower())


def parts(word: str) -> list[int]:
    """How many letters each written part of `word` has: [9] for "dysbiosis", [4, 5] for
    Vietnamese "loạn khuẩn" (each syllable written apart)."""
    return [len(letters(part)) for part in word.split()]


def grid_word(word: str) -> str:
    """`word` as it is written in a grid: NFC, upper case, accents kept, its parts run
    together ("LOẠNKHUẨN")."""
    return "".join(_upper(letter) for letter in letters(word.strip()))
