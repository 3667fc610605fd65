"""The "Word play" page: riddles with write-in boxes, a word search, a boxed answer key.

Everything is one page (in large print, the word search and key take a second one). The
word search follows the riddles, what to find beside the grid; a filler takes the spare
height under it, so the answer key sits in its box at the foot of the page, well apart
from the grid, not readable at a glance beside it. The grid shrinks to leave the key its
room, never below 12 pt letters; a page that still overflows is a LayoutFitError, not a
silent second page.

Modules: boxes (write-in squares), grid (the word search), key (the answers' box),
placement (the one-page proof and the foot filler), draw (canvas helpers); here, the
assembly.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, PageBreak

from handout.input.model import Puzzle, Riddle, WordSearch
from handout.input.riddles import grid_word, hint, parts
from handout.input.wordsearch import WordSearchGrid, make_word_search
from handout.layout.markup import markup, plain
from handout.layout.measure import stack_height
from handout.layout.puzzle.boxes import LetterBoxes
from handout.layout.puzzle.draw import puzzle_face
from handout.layout.puzzle.grid import WordSearchRow
from handout.layout.puzzle.key import KEY_TEXT, AnswerKey
from handout.layout.puzzle.placement import FootFill, PageEnd, PageMark, PuzzlePage
from handout.layout.runs import Paragraph
from handout.layout.theme import BOLD, INK, MUTED, SEMIBOLD, Theme
from handout.pdf import artifact, group, tag

__all__ = ["AnswerKey", "FootFill", "LetterBoxes", "PageMark", "WordSearchRow",
           "puzzle_flowables"]


def _para(text: str, style: ParagraphStyle, prefix: str = "", suffix: str = "") -> Paragraph:
    """A Paragraph of content `text` (escaped) between our own markup `prefix` and `suffix`."""
    para = Paragraph(prefix + markup(text) + suffix, style)
    para.alt_text = plain(text)
    return para


def _derive(theme: Theme, name: str, parent: str = "body", **kw: object) -> ParagraphStyle:
    return ParagraphStyle(f"puzzle_{name}", parent=theme.style(parent), **kw)


def _riddle(number: int, riddle: Riddle, theme: Theme, language: str) -> list[Flowable]:
    """Question, computed clue and write-in boxes of one riddle."""
    labels, b = theme.text, theme.body_size
    indent = b * 1.7
    question = _derive(
        theme,
        "question",
        leftIndent=indent,
        bulletIndent=0,
        bulletFontName=BOLD,
        spaceBefore=0,
        spaceAfter=b * 0.1,
        keepWithNext=1,
    )
    size = max(12.0, b * 0.86)
    clue = _derive(
        theme,
        "clue",
        fontSize=size,
        leading=size * 1.35,
        textColor=MUTED,
        leftIndent=indent,
        spaceAfter=b * 0.3,
        keepWithNext=1,
    )
    letters = len(grid_word(riddle.answer))
    boxes = LetterBoxes(parts(riddle.answer), indent, labels("boxes_alt", n=letters),
                        _scale(theme))
    boxes.spaceAfter = b * 0.9
    asked = Paragraph(markup(riddle.question), question, bulletText=f"{number}.")
    asked.alt_text = f"{number}. {plain(riddle.question)}"
    told = _para(hint(riddle.answer, language), clue, f"<b>{labels('clue')}</b> ")
    return [tag(asked, "P"), tag(told, "P"), tag(boxes, "Figure", boxes.alt_text)]


def _find_words(search: WordSearch, answers: set[str], theme: Theme, language: str) -> Paragraph:
    """What to look for: the extra words by name, the riddle answers unsaid."""
    labels = theme.text
    extra = [w for w in dict.fromkeys(map(grid_word, search.words)) if w not in answers]
    style = _derive(theme, "find", spaceAfter=theme.body_size * 0.2)
    if not extra:
        return _para(labels("only_riddles"), style)
    face = puzzle_face("".join(extra), SEMIBOLD)
    words = f'<font name="{face}">{markup(labels.listed(extra))}</font>'
    para = Paragraph(
        f"<b>{markup(labels('find'))}</b> {words}{markup(labels('and_riddles'))}", style
    )
    para.alt_text = f"{labels('find')} {labels.listed(extra)}{labels('and_riddles')}"
    return para


def _answer_key(puzzle: Puzzle, theme: Theme, page: PuzzlePage) -> AnswerKey:
    """The boxed key: "Answers" (an H3) and the numbered answers (a P), in a Div."""
    size = max(KEY_TEXT, theme.body_size * 0.8)  # smaller than the puzzle, never tiny
    text = ParagraphStyle("puzzle_key", fontName=theme.regular, fontSize=size,
                          leading=size * 1.35, textColor=INK, fontChain=theme.chain)
    title = text.clone("puzzle_key_title", fontName=theme.bold)
    heading = tag(_para(theme.text("answer_key"), title), "H3")
    # Each answer kept with its number; the lines may break only between answers.
    items = [f"{i}.&nbsp;{markup(r.answer).replace(' ', '&nbsp;')}"
             for i, r in enumerate(puzzle.riddles, 1)]
    answers = Paragraph("&nbsp;&nbsp;&nbsp; ".join(items), text)
    answers.alt_text = " ".join(f"{i}. {r.answer}" for i, r in enumerate(puzzle.riddles, 1))
    key = AnswerKey(heading, tag(answers, "P"), page, pad=size * 0.6)
    return artifact(key, group("Div", [heading, answers]))


def _word_search(search: WordSearch, grid: WordSearchGrid, theme: Theme, *, answers: set[str],
                 language: str, key: AnswerKey, page: PuzzlePage, grow: bool = False
                 ) -> list[Flowable]:
    """Heading, then what to find beside the grid (above it on a narrow page)."""
    labels = theme.text
    alt = labels("grid_alt", n=grid.size, k=len(grid.placements))
    directions = _para(labels("directions"), _derive(theme, "directions", parent="caption"))
    directions.spaceAfter = theme.body_size * 0.6
    side = [tag(_find_words(search, answers, theme, language), "P"), tag(directions, "P")]
    row = WordSearchRow(grid, side, key, page, alt, scale=_scale(theme), em=theme.body_size,
                        grow=grow)
    row.spaceBefore = theme.body_size * 0.6  # frames keep the larger of it and the heading's space
    # Not kept with the row: ReportLab would measure the row at an unlimited height, its
    # grid at full size, and break the page before a heading that does fit with the grid.
    title = _para(search.title, theme.style("h2").clone("puzzle_h2", keepWithNext=0))
    return [tag(title, "H3"), row]


def _make_grid(puzzle: Puzzle, language: str) -> WordSearchGrid | None:
    if not puzzle.word_search:
        return None
    words = [r.answer for r in puzzle.riddles] + puzzle.word_search.words
    # The riddle answers are hidden too, so the grid grows to hold the longest one.
    size = max(puzzle.word_search.size, *(len(grid_word(w)) for w in words))
    return make_word_search(words, size, seed=puzzle.title, language=language)


def puzzle_flowables(puzzle: Puzzle, theme: Theme) -> list[Flowable]:
    """The puzzle page: riddles, the word search, and the boxed answer key at the foot.

    The caller puts a PageBreak before these flowables. Large print and a booklet's small
    page give the word search and key a page of their own. Drawing raises LayoutFitError
    when a page overflows.
    Tagged, a Sect: headings and paragraphs, the boxes and grid as Figures, the key a Div.
    """
    page, language = PuzzlePage(), theme.language
    out: list[Flowable] = [PageMark(page), tag(_para(puzzle.title, theme.style("h1")), "H2")]
    if puzzle.intro:
        out.append(tag(_para(puzzle.intro, theme.style("body")), "P"))
    for number, riddle in enumerate(puzzle.riddles, 1):
        out += _riddle(number, riddle, theme, language)
    grid = _make_grid(puzzle, language)
    key = _answer_key(puzzle, theme, page)
    if puzzle.word_search and grid:
        # Large print, and a booklet's small page, give the word search a page of its own,
        # where the grid grows into the room the page has; so does a page that cannot
        # hold the riddles, the grid at its smallest beside its words, and the key (longer
        # riddles, a language set with more space between lines).
        answers = {grid_word(r.answer) for r in puzzle.riddles}
        search = _word_search(puzzle.word_search, grid, theme, answers=answers,
                              language=language, key=key, page=page)
        own_page = _scale(theme) > 1 or theme.frame_width < 5 * 72 or \
            not _one_page([*out, *search], theme, page)
        if own_page:  # the riddles on one page; the key then belongs to the second
            out += [PageEnd(page), PageBreak(), PageMark(page)]
            search = _word_search(puzzle.word_search, grid, theme, answers=answers,
                                  language=language, key=key, page=page, grow=True)
        out += search
    flowables = [*out, FootFill(key, page), key]
    side = [p for f in out if isinstance(f, WordSearchRow) for p in f.side]
    group("Sect", [*flowables, *side])  # the word search's text is drawn by its row
    return flowables


def _one_page(flowables: list[Flowable], theme: Theme, page: PuzzlePage) -> bool:
    """Whether the puzzle's flowables, the word-search row last, fit the page the puzzle
    starts (a new page) with its key under them: measured as the frame will lay them out."""
    *above, row = flowables
    room = theme.page_size[1] - theme.top_margin - theme.bottom_margin
    gap = max(above[-1].getSpaceAfter(), row.getSpaceBefore())
    row.wrap(theme.frame_width, room - stack_height(above, theme.frame_width) - gap)
    fits, page.shortfall = page.shortfall <= 0, 0.0
    return fits


def _scale(theme: Theme) -> float:
    """Boxes and grid grow with the body text (large print), never shrink below normal."""
    return max(1.0, theme.body_size / 14.0)
