"""Safety checks: the crisis panel (check/crisis.py), and a puzzle that can be solved."""

from __future__ import annotations

import re

from handout.check.crisis import crisis_findings
from handout.check.findings import Finding, Where
from handout.check.passages import printed
from handout.input.model import Document, Puzzle
from handout.input.riddles import grid_word, hint, letters
from handout.input.wordsearch import make_word_search

# A hint typed into the question goes stale when the answer changes (the article's did).
_TYPED_HINT = re.compile(r"\b\d+\s*letters?\b|\bstarts with\b|\bends with\b", re.IGNORECASE)


def _riddle_findings(doc: Document, puzzle: Puzzle, where: Where) -> list[Finding]:
    text = " ".join(p.text for p in printed(doc)).lower()
    out: list[Finding] = []
    for i, riddle in enumerate(puzzle.riddles):
        loc = ("puzzle", "riddles", i)
        answer = riddle.answer
        if not all(len(ch) == 1 and ch.isalpha() for ch in letters(answer)):
            out.append(where.error((*loc, "answer"), f"the answer {answer!r} is not all letters",
                                   "Use one word of letters only (a Vietnamese word's "
                                   "syllables apart, one space between)."))
            continue
        if _TYPED_HINT.search(riddle.question):
            out.append(where.error((*loc, "question"), "the question has a typed hint",
                                   f"Remove it: the tool prints one worked out from the answer "
                                   f"({hint(answer, doc.language)})."))
        if answer.lower() in riddle.question.lower():
            out.append(where.warning((*loc, "question"), "the question gives the answer away",
                                     "Ask without using the answer word."))
        if not re.search(rf"\b{re.escape(answer.lower())}", text):
            out.append(where.warning((*loc, "answer"), f"{answer!r} is not used in the handout",
                                     "Pick an answer the reader has met in the text."))
    return out


def _grid_findings(puzzle: Puzzle, language: str, where: Where) -> list[Finding]:
    search = puzzle.word_search
    if search is None:
        return []
    words = [r.answer for r in puzzle.riddles] + search.words
    longest = max(len(grid_word(w)) for w in words)
    if longest > search.size:
        # Not an error: the layout grows the grid to the longest word (layout/puzzle/).
        too_long = [w for w in words if len(grid_word(w)) > search.size]
        return [where.warning(("puzzle", "word_search", "size"),
                              f"{', '.join(too_long)} will not fit a {search.size} x "
                              f"{search.size} grid, so the grid grows to {longest} x {longest}",
                              f"Set size: {longest} or more, or use shorter words.")]
    try:
        make_word_search(words, search.size, seed=puzzle.title, language=language)
    except ValueError as exc:
        return [where.error(("puzzle", "word_search"), str(exc), "Make the grid bigger or "
                            "use fewer or shorter words.")]
    return []


def puzzle_findings(doc: Document, where: Where) -> list[Finding]:
    """Answers are letters, hints can be worked out, and every word fits the grid."""
    puzzle = doc.puzzle
    if puzzle is None:
        return []
    # The model already refuses a language without a string table (hint wording included).
    return [*_riddle_findings(doc, puzzle, where), *_grid_findings(puzzle, doc.language, where)]


def safety(doc: Document, where: Where) -> list[Finding]:
    return [*crisis_findings(doc, where), *puzzle_findings(doc, where)]
