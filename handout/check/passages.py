"""The printed words of a handout, in reading order, each with where it stands in the file.

Checks read the document through these lists, so "first use" and "per section" mean the same
order and the same parts as the printed page (layout/document.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from handout.input.figures import Figure
from handout.input.loader import Loc
from handout.input.model import Document, Puzzle
from handout.input.sections import Block as SectionBlock
from handout.input.sections import Box, Image, Section, Table, figure_marks, section_blocks

Role = Literal["heading", "paragraph", "item", "label"]
Kind = Literal["body", "action"]


@dataclass(frozen=True)
class Part:
    """One printed piece of text: a heading, a paragraph, a list item or a chart's label.

    A label (a figure's title and the words on the chart) stands alone on the page and is
    graded as one short sentence."""

    loc: Loc
    text: str
    role: Role


@dataclass(frozen=True)
class Block:
    """Text scored together for reading level: the intro, a section, an action block..."""

    name: str
    loc: Loc
    kind: Kind  # "action" blocks tell the reader what to do, and have a lower target
    parts: tuple[Part, ...]


def _items(loc: Loc, texts: list[str], role: Role) -> Iterator[Part]:
    for i, text in enumerate(texts):
        yield Part((*loc, i), text, role)


def _texts(doc: Document) -> list[str]:
    return [point.text for point in doc.key_points.items]


def _box(loc: Loc, box: Box) -> Iterator[Part]:
    yield Part((*loc, "title"), box.title, "heading")
    yield from _items((*loc, "paragraphs"), box.paragraphs, "paragraph")
    yield from _items((*loc, "bullets"), box.bullets, "item")


def _table(loc: Loc, table: Table) -> Iterator[Part]:
    """A caption reads as a sentence; cells, like list items, as fragments."""
    if table.caption:
        yield Part((*loc, "caption"), table.caption, "paragraph")
    yield from _items((*loc, "header"), [t for t in table.header if t], "item")
    for r, row in enumerate(table.rows):
        yield from (Part((*loc, "rows", r, c), t, "item") for c, t in enumerate(row) if t)


def _image(loc: Loc, image: Image) -> Iterator[Part]:
    if image.caption:
        yield Part((*loc, "caption"), image.caption, "paragraph")
    if image.credit:
        yield Part((*loc, "credit"), image.credit, "item")


def block_parts(loc: Loc, block: SectionBlock) -> Iterator[Part]:
    """The printed words of one block of a section (a figure's are its own block)."""
    if block.paragraph is not None:
        yield Part(loc, block.paragraph, "paragraph")
    for items in (block.bullets, block.steps, block.checklist):
        yield from _items(loc, items or [], "item")
    if block.table is not None:
        yield from _table(loc, block.table)
    if block.box is not None:
        yield from _box(loc, block.box)
    if block.image is not None:
        yield from _image(loc, block.image)


def section_parts(i: int, section: Section) -> Iterator[Part]:
    loc: Loc = ("sections", i)
    yield Part((*loc, "heading"), section.heading, "heading")
    for where, block in section_blocks(section):
        yield from block_parts((*loc, *where), block)


def _plan(doc: Document) -> Iterator[Part]:
    plan = doc.plan
    if plan is None:
        return
    if plan.intro:
        yield Part(("plan", "intro"), plan.intro, "paragraph")
    yield from _items(("plan", "steps"), [step.text for step in plan.steps], "item")
    if plan.extra_title:
        yield Part(("plan", "extra_title"), plan.extra_title, "heading")
    if plan.extra:
        yield Part(("plan", "extra"), plan.extra, "paragraph")


def _help(doc: Document) -> Iterator[Part]:
    for t, tier in enumerate(doc.help.tiers if doc.help is not None else []):
        yield Part(("help", "tiers", t, "heading"), tier.heading, "heading")
        yield from _items(("help", "tiers", t, "items"), tier.items, "item")


def chart_labels(figure: Figure, loc: Loc = ("figure",)) -> Iterator[Part]:
    """A figure's own words in the order they print: the title, then what the chart draws
    (row labels, the axis label and what each side of zero means; or the axis label and
    the group labels). Not the source line: it names the study and its measures for staff."""
    yield Part((*loc, "title"), figure.title, "label")
    if figure.kind == "bars":
        if figure.axis_label:
            yield Part((*loc, "axis_label"), figure.axis_label, "label")
        for i, group in enumerate(figure.groups):
            yield Part((*loc, "groups", i, "label"), group.label, "label")
        return
    for i, row in enumerate(figure.rows):
        yield Part((*loc, "rows", i, "label"), row.label, "label")
    for key in ("axis_label", "left_label", "right_label"):
        if text := getattr(figure, key):
            yield Part((*loc, key), text, "label")


def _figure(loc: Loc, figure: Figure) -> Iterator[Part]:
    yield from chart_labels(figure, loc)
    yield Part((*loc, "caption"), figure.caption, "paragraph")


def figure_places(doc: Document) -> dict[tuple[int, Loc], int]:
    """(section, place in it) -> which figure each `figure: true` places."""
    figures = len(doc.all_figures())
    return {mark: n for n, mark in enumerate(figure_marks(doc.sections)) if n < figures}


def _puzzle(puzzle: Puzzle) -> Iterator[Part]:
    if puzzle.intro:
        yield Part(("puzzle", "intro"), puzzle.intro, "paragraph")
    yield from _items(("puzzle", "riddles"), [r.question for r in puzzle.riddles], "item")


def blocks(doc: Document) -> list[Block]:
    """The blocks scored for reading level, in reading order: every printed text but the
    headings (and the subtitle, a heading's tagline). A figure's words are a block of their
    own, its title with them: a reader takes them in at a glance, apart from the caption."""
    out: list[Block] = []
    key = tuple(_items(("key_points", "items"), _texts(doc), "item"))
    out.append(Block("Key points", ("key_points",), "action", key))
    if doc.intro:
        out.append(Block("Intro", ("intro",), "body",
                         tuple(_items(("intro",), doc.intro, "paragraph"))))
    for i, section in enumerate(doc.sections):
        out.append(Block(f"{i + 1}. {section.heading}", ("sections", i), "body",
                         tuple(section_parts(i, section))))
    for n, (loc, figure) in enumerate(doc.all_figures(), start=1):
        out.append(Block(f"Fig. {n} labels", loc, "body", tuple(chart_labels(figure, loc))))
        out.append(Block(f"Fig. {n} caption", (*loc, "caption"), "body",
                         (Part((*loc, "caption"), figure.caption, "paragraph"),)))
    if doc.plan is not None:
        out.append(Block(doc.plan.title, ("plan",), "action", tuple(_plan(doc))))
    if doc.help is not None:
        out.append(Block(doc.help.title, ("help",), "action", tuple(_help(doc))))
    if doc.puzzle is not None:
        out.append(Block(doc.puzzle.title, ("puzzle",), "body", tuple(_puzzle(doc.puzzle))))
    out.append(Block("Disclaimer", ("disclaimer",), "body",
                     (Part(("disclaimer",), doc.disclaimer, "paragraph"),)))
    return out


def printed(doc: Document) -> list[Part]:
    """Every piece of reading text up to the help panel, in the order it is printed."""
    out = [Part(("title",), doc.title, "heading")]
    if doc.subtitle:
        out.append(Part(("subtitle",), doc.subtitle, "paragraph"))
    out.append(Part(("key_points", "title"), doc.key_points.title, "heading"))
    out.extend(_items(("key_points", "items"), _texts(doc), "item"))
    out.extend(_items(("intro",), doc.intro, "paragraph"))
    figures, places = doc.all_figures(), figure_places(doc)
    for i, section in enumerate(doc.sections):
        out.append(Part(("sections", i, "heading"), section.heading, "heading"))
        for where, block in section_blocks(section):
            out.extend(block_parts(("sections", i, *where), block))
            if (i, where) in places:
                out.extend(_figure(*figures[places[i, where]]))
    for n, (loc, figure) in enumerate(figures):
        if n not in places.values():  # printed after the last section (layout/formats/parts.py)
            out.extend(_figure(loc, figure))
    if doc.plan is not None:
        out.append(Part(("plan", "title"), doc.plan.title, "heading"))
        out.extend(_plan(doc))
    if doc.help is not None:
        out.append(Part(("help", "title"), doc.help.title, "heading"))
        out.extend(_help(doc))
    return out
