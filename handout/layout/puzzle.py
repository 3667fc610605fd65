"""The "Word play" page: riddles with write-in boxes, a word search, an upside-down key.

Everything is one page. A filler takes the spare height above the word search, so the grid
and the answer key beside it (or under it, on a narrow page) sit at the foot of the page.
The grid shrinks to make room, never below 12 pt letters; a page that still overflows is a
LayoutFitError, not a silent second page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph

from handout.errors import LayoutFitError
from handout.model import Puzzle, Riddle, WordSearch
from handout.puzzle import WordSearchGrid, grid_word, hint, make_word_search
from handout.strings import Strings
from handout.tagging import group, tag
from handout.text import markup, plain
from handout.theme import BOLD, INK, MUTED, REGULAR, SEMIBOLD, Theme

BOX = 0.33 * inch  # write-in square: room for a capital written by an unsteady hand
BOX_GAP = 4.0
CELL = 0.3 * inch  # word-search cell, largest
MIN_CELL = 0.24 * inch  # smallest word-search cell, still holding a 12 pt letter
MIN_LETTER = 12.0
KEY_CELL = 11.0  # answer-key cell: holds a 10 pt letter
KEY_LETTER = 10.0
KEY_TEXT = 11.0
SHADE = HexColor("#C8C8C8")  # answer-key highlight; ink on it stays above 10:1, also in grey
# Answer-key filler letters: lighter, so the words stand out, yet 4.5:1 on white.
FADED = HexColor("#767676")
GAP = 20.0  # between the grid and the answer key
RULE_GAP = 10.0  # between the dashed rule and the key it sets apart


def _para(text: str, style: ParagraphStyle, prefix: str = "", suffix: str = "") -> Paragraph:
    """A Paragraph of content `text` (escaped) between our own markup `prefix` and `suffix`."""
    para = Paragraph(prefix + markup(text) + suffix, style)
    para.alt_text = plain(text)
    return para


def _derive(theme: Theme, name: str, parent: str = "body", **kw: object) -> ParagraphStyle:
    return ParagraphStyle(f"puzzle_{name}", parent=theme.style(parent), **kw)


def _letter(
    canv: Canvas, ch: str, x: float, y: float, *, cell: float, font: str, size: float
) -> None:
    """Draw `ch` centred in the cell whose lower-left corner is (x, y)."""
    cap_height = pdfmetrics.getFont(font).face.capHeight / 1000 * size
    canv.setFont(font, size)
    canv.drawCentredString(x + cell / 2, y + (cell - cap_height) / 2, ch)


def _grid_lines(canv: Canvas, x: float, y: float, *, n: int, cell: float, colour: Color) -> None:
    """Cell outlines of an n x n grid with its lower-left corner at (x, y)."""
    canv.setStrokeColor(colour)
    canv.setLineWidth(0.6)
    for i in range(1, n):
        canv.line(x + i * cell, y, x + i * cell, y + n * cell)
        canv.line(x, y + i * cell, x + n * cell, y + i * cell)
    canv.setLineWidth(1.25)
    canv.rect(x, y, n * cell, n * cell)


def _dashed(canv: Canvas, x1: float, y1: float, x2: float, y2: float) -> None:
    canv.saveState()
    canv.setStrokeColor(MUTED)
    canv.setLineWidth(0.75)
    canv.setDash(4, 3)
    canv.line(x1, y1, x2, y2)
    canv.restoreState()


def _stack_height(paras: Sequence[Flowable], width: float) -> float:
    """Height of `paras` drawn one under another at `width`, with their spacing."""
    total = 0.0
    for i, para in enumerate(paras):
        total += para.wrap(width, 1e6)[1] + (para.getSpaceBefore() if i else 0.0)
        total += para.getSpaceAfter() if i < len(paras) - 1 else 0.0
    return total


def _draw_stack(canv: Canvas, paras: Sequence[Flowable], x: float, top: float) -> None:
    """Draw `paras` (already wrapped) one under another from `top` down."""
    y = top
    for i, para in enumerate(paras):
        y -= (para.getSpaceBefore() if i else 0.0) + para.height
        para.drawOn(canv, x, y)
        y -= para.getSpaceAfter()


@dataclass
class _Page:
    """What the puzzle's flowables share to prove that they all landed on one page."""

    number: int = 0
    shortfall: float = 0.0  # points missing at the foot, when the filler found too little


class PageMark(Flowable):  # type: ignore[misc]
    """Zero-size flowable that notes the page the puzzle starts on."""

    alt_text = ""  # nothing to read

    def __init__(self, page: _Page) -> None:
        super().__init__()
        self.page = page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        self.page.number = self.canv.getPageNumber()


class LetterBoxes(Flowable):  # type: ignore[misc]
    """A row of empty squares, one per letter of an answer, to write the answer in."""

    def __init__(self, count: int, indent: float, alt_text: str, scale: float = 1.0) -> None:
        super().__init__()
        self.count, self.indent, self.alt_text = count, indent, alt_text
        self.largest = BOX * scale
        self.box = self.largest

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # Long answers on a narrow page get slightly smaller boxes, never a second row.
        room = avail_width - self.indent - (self.count - 1) * BOX_GAP
        self.box = min(self.largest, room / self.count)
        self.width = avail_width
        return avail_width, self.box + 2

    def draw(self) -> None:
        canv = self.canv
        canv.setStrokeColor(INK)
        canv.setLineWidth(1.25)
        for i in range(self.count):
            canv.rect(self.indent + i * (self.box + BOX_GAP), 1, self.box, self.box)


class AnswerKey(Flowable):  # type: ignore[misc]
    """Riddle answers and the solved grid, drawn upside down so they do not give it away.

    With room, the solved grid sits beside the answers; in a narrow column, under them.
    `rule` draws a dashed line above the key, for when it spans the page.
    """

    def __init__(
        self, text: list[Paragraph], grid: WordSearchGrid | None, page: _Page, alt_text: str
    ) -> None:
        super().__init__()
        self.text, self.grid, self.page, self.alt_text = text, grid, page, alt_text
        self.rule = True
        self.side = grid.size * KEY_CELL if grid else 0.0

    def _text_min(self) -> float:
        return max(float(para.minWidth()) for para in self.text)

    def min_width(self) -> float:
        """The narrowest the key can be: its solved grid with the answers under it."""
        return max(self.side, self._text_min())

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.beside = self.grid is None or avail_width >= self._text_min() + GAP + self.side
        text_width = avail_width - self.side - GAP if self.grid and self.beside else avail_width
        self.text_height = _stack_height(self.text, text_width)
        stacked = self.text_height + RULE_GAP + self.side
        body = max(self.text_height, self.side) if self.beside else stacked
        self.width, self.height = avail_width, body + (RULE_GAP if self.rule else 0.0)
        return self.width, self.height

    def draw(self) -> None:
        canv, width, height = self.canv, self.width, self.height
        if canv.getPageNumber() != self.page.number:
            short = f" (about {self.page.shortfall:.0f} pt too tall)" if self.page.shortfall else ""
            raise LayoutFitError(
                ("puzzle",),
                f"the puzzle does not fit on one page{short}: shorten the intro or the "
                "riddles, use fewer riddles, or make the word search smaller or leave it out",
            )
        if self.rule:
            _dashed(canv, 0, height, width, height)
        # Upside down: turning the page round puts the key the right way up.
        canv.translate(width, height)
        canv.rotate(180)
        _draw_stack(canv, self.text, 0, height)
        if self.grid:
            x = width - self.side if self.beside else 0.0
            top = height if self.beside else height - self.text_height - RULE_GAP
            self._draw_solution(self.grid, x, top)

    def _draw_solution(self, grid: WordSearchGrid, x: float, top: float) -> None:
        canv, n, cell = self.canv, grid.size, KEY_CELL
        hidden = {rc for placement in grid.placements for rc in placement.cells()}
        canv.setFillColor(SHADE)
        for r, c in hidden:
            canv.rect(x + c * cell, top - (r + 1) * cell, cell, cell, stroke=0, fill=1)
        for r, row in enumerate(grid.rows):
            for c, ch in enumerate(row):
                font, colour = (BOLD, INK) if (r, c) in hidden else (REGULAR, FADED)
                canv.setFillColor(colour)
                y = top - (r + 1) * cell
                _letter(canv, ch, x + c * cell, y, cell=cell, font=font, size=KEY_LETTER)
        _grid_lines(canv, x, top - n * cell, n=n, cell=cell, colour=MUTED)


class WordSearchRow(Flowable):  # type: ignore[misc]
    """The grid of letters with the answer key beside it, or under it when the page is narrow."""

    def __init__(self, grid: WordSearchGrid, key: AnswerKey, alt_text: str,
                 scale: float = 1.0) -> None:
        super().__init__()
        self.grid, self.key, self.alt_text = grid, key, alt_text
        self.largest, self.smallest = CELL * scale, MIN_CELL * scale
        self.cell = self.largest

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        n, key = self.grid.size, self.key
        room = avail_width - GAP - key.min_width()
        self.beside = room / n >= self.smallest
        key.rule = not self.beside
        if self.beside:
            fit = min(room / n, avail_height / n)
            self.cell = max(self.smallest, min(self.largest, fit))
            key.wrap(avail_width - GAP - n * self.cell, avail_height)
            self.height = max(n * self.cell, key.height)
        else:
            key.wrap(avail_width, avail_height)
            fit = min(avail_width / n, (avail_height - key.height - GAP) / n)
            self.cell = max(self.smallest, min(self.largest, fit))
            self.height = n * self.cell + GAP + key.height
        self.width = avail_width
        return self.width, self.height

    def draw(self) -> None:
        canv, n, cell, key = self.canv, self.grid.size, self.cell, self.key
        side, top = n * cell, self.height
        size = max(MIN_LETTER, cell * 0.6)
        canv.setFillColor(INK)
        for r, row in enumerate(self.grid.rows):
            for c, ch in enumerate(row):
                y = top - (r + 1) * cell
                _letter(canv, ch, c * cell, y, cell=cell, font=SEMIBOLD, size=size)
        _grid_lines(canv, 0, top - side, n=n, cell=cell, colour=INK)
        if self.beside:
            _dashed(canv, side + GAP / 2, 0, side + GAP / 2, top)
            key.drawOn(canv, self.width - key.width, 0)
        else:
            key.drawOn(canv, 0, 0)


class FootFill(Flowable):  # type: ignore[misc]
    """Empty space that takes what is left of the page but the height of `tail`.

    The last of `tail` may shrink to fit (the word-search row); it gets all the room left.
    """

    alt_text = ""  # layout only: an artifact, nothing to read

    def __init__(self, tail: list[Flowable], page: _Page) -> None:
        super().__init__()
        self.tail, self.page = tail, page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        *fixed, last = self.tail
        above = sum(
            f.wrap(avail_width, avail_height)[1] + f.getSpaceBefore() + f.getSpaceAfter()
            for f in fixed
        )
        needed = above + last.wrap(avail_width, avail_height - above)[1]
        self.page.shortfall = max(0.0, needed - avail_height)
        # The 1 pt slack absorbs rounding, so the tail never spills onto a new page.
        return avail_width, max(0.0, avail_height - needed - 1)

    def draw(self) -> None:
        pass


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
    boxes = LetterBoxes(letters, indent, labels("boxes_alt", n=letters), _scale(theme))
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
    words = f'<font name="{SEMIBOLD}">{markup(", ".join(extra))}</font>'
    para = Paragraph(
        f"<b>{markup(labels('find'))}</b> {words}{markup(labels('and_riddles'))}", style
    )
    para.alt_text = f"{labels('find')} {', '.join(extra)}{labels('and_riddles')}"
    return para


def _answer_key(
    puzzle: Puzzle, grid: WordSearchGrid | None, labels: Strings, page: _Page
) -> AnswerKey:
    """The key, tagged as a Figure whose alt text gives the answers the right way up."""
    title = labels("answer_key")
    text = ParagraphStyle(
        "puzzle_key", fontName=REGULAR, fontSize=KEY_TEXT, leading=15, textColor=INK
    )
    head = ParagraphStyle("puzzle_key_title", parent=text, fontName=BOLD, spaceAfter=3)
    paras = [_para(title, head)]
    paras += [_para(r.answer, text, f"{i}. ") for i, r in enumerate(puzzle.riddles, 1)]
    answers = "; ".join(f"{i}. {r.answer}" for i, r in enumerate(puzzle.riddles, 1))
    alt = labels("key_alt", answers=answers)
    return tag(AnswerKey(paras, grid, page, alt), "Figure", alt)


def _word_search(
    search: WordSearch,
    grid: WordSearchGrid,
    theme: Theme,
    *,
    answers: set[str],
    language: str,
    key: AnswerKey,
) -> list[Flowable]:
    """Heading, what to find, and the grid with the key beside it."""
    labels = theme.text
    alt = labels("grid_alt", n=grid.size, k=len(grid.placements))
    row = tag(WordSearchRow(grid, key, alt, _scale(theme)), "Figure", alt)
    directions = _para(labels("directions"), _derive(theme, "directions", parent="caption"))
    directions.spaceAfter = theme.body_size * 0.6
    return [
        tag(_para(search.title, theme.style("h2")), "H3"),
        tag(_find_words(search, answers, theme, language), "P"),
        tag(directions, "P"),
        row,
    ]


def _make_grid(puzzle: Puzzle, language: str) -> WordSearchGrid | None:
    if not puzzle.word_search:
        return None
    words = [r.answer for r in puzzle.riddles] + puzzle.word_search.words
    # The riddle answers are hidden too, so the grid grows to hold the longest one.
    size = max(puzzle.word_search.size, *(len(grid_word(w)) for w in words))
    return make_word_search(words, size, seed=puzzle.title, language=language)


def puzzle_flowables(puzzle: Puzzle, theme: Theme) -> list[Flowable]:
    """The puzzle page: riddles, then the word search and the upside-down answer key.

    The caller puts a PageBreak before these flowables. Large print gives the word search
    and key a page of their own. Drawing raises LayoutFitError when a page overflows.
    Tagged, a Sect: headings and paragraphs, the boxes, grid and key as Figures.
    """
    page, language = _Page(), theme.language
    out: list[Flowable] = [PageMark(page), tag(_para(puzzle.title, theme.style("h1")), "H2")]
    if puzzle.intro:
        out.append(tag(_para(puzzle.intro, theme.style("body")), "P"))
    for number, riddle in enumerate(puzzle.riddles, 1):
        out += _riddle(number, riddle, theme, language)
    grid = _make_grid(puzzle, language)
    key = _answer_key(puzzle, grid, theme.text, page)
    tail: list[Flowable] = [key]
    if puzzle.word_search and grid:
        answers = {grid_word(r.answer) for r in puzzle.riddles}
        tail = _word_search(
            puzzle.word_search, grid, theme, answers=answers, language=language, key=key
        )
    if puzzle.word_search and grid and _scale(theme) > 1:
        out += [PageBreak(), PageMark(page)]  # the key then belongs to the second page
    flowables = [*out, FootFill(tail, page), *tail]
    group("Sect", [*flowables, key])  # the key may be drawn by the word-search row
    return flowables


def _scale(theme: Theme) -> float:
    """Boxes and grid grow with the body text (large print), never shrink below normal."""
    return max(1.0, theme.body_size / 14.0)
