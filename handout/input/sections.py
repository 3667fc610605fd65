"""A section of the article: a heading and an ordered list of blocks.

`blocks:` lists them, each one kind: a paragraph, a list (bullets, numbered steps, a
checklist), a table, a box, an image or the place of the next figure. The older fields
(`paragraphs`, `bullets`, `figure: true`, `box`) are a shorthand for those blocks, in that
order; a section uses one way or the other.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from handout.input.fields import IconRef, Item, Line, OptionalText, Point, Strict, Text
from handout.input.fits import LIST_ADVICE, LIST_ITEMS, overflow
from handout.input.loader import Loc
from handout.input.placed import Placed

MAX_COLUMNS = 4  # wider tables do not fit a tri-fold panel or a large-print column
MAX_ROWS = 30
Cell = Annotated[str, Field(max_length=200)]
Note = Annotated[str, Field(max_length=300)]


def fits_in_a_box(items: list[Any], info: ValidationInfo) -> list[Any]:
    """A boxed list (with a help tier's heading, printed in the same block) fits one page."""
    texts = [item.text if isinstance(item, Point) else item for item in items]
    heading = info.data.get("heading", "")
    problem = overflow(texts, f"{info.data.get('level', '')} - {heading}" if heading else "")
    if problem:
        raise ValueError(problem)
    return items


class Box(Placed):
    """A shaded box inside a section (e.g. 'What we know, and what we don't know yet')."""

    title: Line
    paragraphs: list[Text] = Field(default_factory=list)
    bullets: list[Item] = Field(default_factory=list, max_length=LIST_ITEMS,
                                description=LIST_ADVICE)

    _fit = field_validator("bullets")(fits_in_a_box)


class Table(Strict):
    """A small table: a header row and rows of the same length."""

    header: list[Cell] = Field(
        min_length=1, json_schema_extra={"maxItems": MAX_COLUMNS},
        description=f"The column headings: at most {MAX_COLUMNS}.")
    rows: list[list[Cell]] = Field(
        min_length=1, max_length=MAX_ROWS,
        description="Each row has one cell per column (\"\" for an empty cell).")
    caption: OptionalText = Field(default="", description="What the table shows.")
    source: Note = Field(default="", description="Where the numbers come from, e.g. "
                         "'Watson 2015; Paruthi 2016'; printed small under the table, as "
                         "a figure's source is (\"Source: ...\").")

    @field_validator("header")
    @classmethod
    def _narrow(cls, header: list[str]) -> list[str]:
        if len(header) > MAX_COLUMNS:
            raise ValueError(f"a table has at most {MAX_COLUMNS} columns, this one has "
                             f"{len(header)}: split it into two tables, or make it a list")
        return header

    @field_validator("rows")
    @classmethod
    def _rectangular(cls, rows: list[list[str]], info: ValidationInfo) -> list[list[str]]:
        header = info.data.get("header")
        if header is None:
            return rows  # the header's own error says what is wrong
        for r, row in enumerate(rows):
            if len(row) != len(header):
                # "at": validate.py reports the error at this row, not at `rows`.
                cells = f"{len(row)} cell{'s' * (len(row) != 1)}"
                raise PydanticCustomError(
                    "row_length", f"this row has {cells} and the header {len(header)}: give "
                    "every row one cell per column (\"\" for an empty cell)", {"at": r})
        return rows


class Image(Strict):
    """A picture from a file beside the content file."""

    file: Annotated[str, Field(min_length=1, max_length=300)] = Field(
        description="A PNG, JPEG or SVG file in the content file's folder (or a folder in "
        "it), e.g. pictures/bedroom.svg.")
    alt: Annotated[str, Field(max_length=600)] = Field(
        default="", description="What the picture shows, for readers who cannot see it.")
    caption: OptionalText = Field(default="", description="Printed under the picture.")
    credit: Note = Field(default="", description="Who made it, and its licence; printed "
                         "small under the caption.")
    decorative: bool = Field(default=False, description="True when the picture adds "
                             "nothing to the words: screen readers then skip it.")
    width: Literal["full", "half", "third"] = Field(
        default="full", description="How much of the text's width the picture may take: "
        "full (the default), half or third. Beside a half or third picture the paragraphs "
        "that follow it flow, then continue under it.")

    @property
    def share(self) -> float:
        """The part of the text width the picture may take."""
        return {"full": 1.0, "half": 0.5, "third": 1 / 3}[self.width]

    @model_validator(mode="after")
    def _described(self) -> Image:
        if self.decorative and self.alt:
            raise ValueError("a decorative image is skipped by screen readers, so its `alt` "
                             "text is never read: remove `alt` or `decorative: true`")
        if not self.decorative and not self.alt:
            raise ValueError("an image needs `alt` text (what it shows, in a sentence, for "
                             "readers who cannot see it), or `decorative: true` when it adds "
                             "nothing to the words")
        return self


KINDS = ("paragraph", "bullets", "steps", "checklist", "table", "box", "image", "figure")
ListOf = Annotated[list[Item], Field(min_length=1, max_length=LIST_ITEMS,
                                     description=LIST_ADVICE)]


class Block(Strict):
    """One block of a section: exactly one of its keys."""

    model_config = ConfigDict(json_schema_extra={"minProperties": 1, "maxProperties": 1})

    paragraph: Text | None = None
    bullets: ListOf | None = None
    steps: ListOf | None = Field(default=None, description="A numbered list.")
    checklist: ListOf | None = Field(default=None, description="Items with tick boxes.")
    table: Table | None = None
    box: Box | None = None
    image: Image | None = None
    figure: Literal[True] | None = Field(default=None, description="`figure: true` places "
                                         "the next figure (of `figures`) here.")

    @model_validator(mode="before")
    @classmethod
    def _one_kind(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value  # pydantic says what it expected
        kinds = [key for key in value if key in KINDS and value[key] is not None]
        if len(kinds) > 1:
            raise ValueError(f"a block is one thing, this one has {' and '.join(kinds)}: "
                             "start each with its own '- '")
        if not kinds and all(key in KINDS for key in value):
            raise ValueError(f"an empty block: write one of {', '.join(KINDS)}")
        return value  # an unknown key alone: its did-you-mean error says what was meant

    @property
    def kind(self) -> str:
        return next(k for k in KINDS if getattr(self, k) is not None)


SHORTHAND = {"paragraphs": "`- paragraph: ...`", "bullets": "`- bullets: [...]`",
             "figure": "`- figure: true`", "box": "`- box: ...`"}


class Section(Placed):
    heading: Line = Field(description="Short, informative heading.")
    icon: IconRef | None = Field(default=None, description="An icon beside the heading.")
    paragraphs: list[Text] = Field(default_factory=list,
                                   description="Shorthand for paragraph blocks.")
    bullets: list[Item] = Field(default_factory=list, max_length=LIST_ITEMS,
                                description=LIST_ADVICE)
    box: Box | None = None
    figure: bool = Field(default=False, description="Place the next figure at the end of "
                         "this section (before its box).")
    blocks: list[Block] = Field(
        default_factory=list, max_length=40,
        description="The section's content in order: each item one of paragraph, bullets, "
        "steps, checklist, table, box, image, figure. Instead of paragraphs/bullets/box.")

    @field_validator("blocks")
    @classmethod
    def _one_way(cls, blocks: list[Block], info: ValidationInfo) -> list[Block]:
        old = [key for key in SHORTHAND if blocks and info.data.get(key)]
        if old:
            names = " and ".join(f"`{key}`" for key in old)
            hints = ", ".join(SHORTHAND[key] for key in old)
            raise ValueError(f"this section has both `blocks` and {names}: use `blocks` "
                             f"only, with {hints} in it, or leave `blocks` out")
        return blocks


def section_blocks(section: Section) -> list[tuple[Loc, Block]]:
    """The section's blocks in printed order, each with where its value is written
    (inside the section): ("blocks", 2, "table"), or ("paragraphs", 0) for the shorthand."""
    if section.blocks:
        return [(("blocks", j, block.kind), block) for j, block in enumerate(section.blocks)]
    out: list[tuple[Loc, Block]] = [(("paragraphs", k), Block.model_construct(paragraph=text))
                                    for k, text in enumerate(section.paragraphs)]
    if section.bullets:
        out.append((("bullets",), Block.model_construct(bullets=section.bullets)))
    if section.figure:
        out.append((("figure",), Block.model_construct(figure=True)))
    if section.box is not None:
        out.append((("box",), Block.model_construct(box=section.box)))
    return out


def figure_marks(sections: list[Section]) -> list[tuple[int, Loc]]:
    """Each place a figure goes, in document order: (section index, the mark's place in
    it). The n-th mark places the n-th figure."""
    return [(i, loc) for i, section in enumerate(sections)
            for loc, block in section_blocks(section) if block.kind == "figure"]


def images(sections: list[Section]) -> list[tuple[Loc, Image]]:
    """Every image block, with its place in the document."""
    return [(("sections", i, *loc), block.image) for i, section in enumerate(sections)
            for loc, block in section_blocks(section) if block.image is not None]
