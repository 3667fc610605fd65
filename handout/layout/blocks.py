"""Small flowable builders shared by the page layouts: headings, paragraphs, lists, boxes."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from handout.layout.markup import HEADING_SHARE, markup, runt_free
from handout.layout.runs import Paragraph
from handout.layout.theme import INK, REGULAR, Theme
from handout.pdf import Element, TaggedList, artifact, group, tag


class Heading(Paragraph):
    """A heading paragraph that also becomes a PDF bookmark (see the doc template)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, column: float) -> None:
        super().__init__(runt_free(text, style, column, HEADING_SHARE), style)
        self.outline_title = text
        self.outline_level = level


class SpaceAbove(Spacer):  # type: ignore[misc]
    """Space above a block that is not there at the top of a page, column or panel (as
    ReportLab drops a paragraph's space before): a page never opens with blank room."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):
            return avail_width, 0.0
        return super().wrap(avail_width, avail_height)  # type: ignore[no-any-return]


def heading(text: str, theme: Theme, level: int = 0) -> Heading:
    """A bookmarked heading; tagged H2 for level 0, as the title is the document's H1."""
    style = theme.style("h1" if level == 0 else "h2")
    return tag(Heading(text, style, level, theme.frame_width), f"H{level + 2}")


def paragraphs(texts: Sequence[str], theme: Theme, style: str = "body") -> list[Flowable]:
    st = theme.style(style)
    return [tag(Paragraph(runt_free(t, st, theme.frame_width), st), "P") for t in texts]


def bullet_list(items: Sequence[str], theme: Theme, *, numbered: bool = False,
                style: str = "bullet") -> TaggedList:
    """A bulleted (or numbered) list with a hanging indent the reader's eye can follow."""
    st = theme.style(style)
    # Numbers ("12.") need more room than a bullet; bold, as in "My plan".
    indent = 1.7 if numbered and len(items) > 9 else 1.3 if numbered else 1.1
    return TaggedList(
        [Paragraph(runt_free(t, st, theme.frame_width), st) for t in items],
        bulletType="1" if numbered else "bullet",
        start=None if numbered else "\u2022",
        bulletFormat="%s." if numbered else None,
        bulletFontName=theme.bold if numbered else st.fontName,
        bulletFontSize=st.fontSize,
        bulletColor=INK,
        leftIndent=theme.body_size * indent,
        bulletDedent=theme.body_size * (indent - 0.2),
        spaceAfter=theme.gap(0.4),
    )


def boxed(content: list[Flowable], theme: Theme, *, background: Color | None = None,
          border: Color | None = None, border_width: float = 0, rule: Color | None = None,
          keep_together: bool = True, titled: bool = False) -> Flowable:
    """Content in a padded box; a thick left rule marks it without relying on colour alone.

    One table row per flowable, so a box taller than the page splits between rows
    instead of raising ReportLab's LayoutError. `titled`: the first row is the box's
    title, which never ends a page alone and heads the box again where it goes on (a
    HeaderCell, so a screen reader reads it once).
    """
    commands = box_commands(theme, background=background, border=border,
                            border_width=border_width, rule=rule)
    table = grid([[item] for item in content], [theme.frame_width], commands,
                 structure=group("Div", content))
    if titled and len(content) > 1:
        table.repeatRows = 1  # ReportLab then never splits a table after its first row
    return KeepTogether([table]) if keep_together else table


def box_commands(theme: Theme, *, background: Color | None = None,
                 border: Color | None = None, border_width: float = 0,
                 rule: Color | None = None) -> list[tuple[object, ...]]:
    """A box's table style: padding, background, border and the rule at its left."""
    pad = theme.gap(0.8)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR),
        ("LEFTPADDING", (0, 0), (-1, -1), pad + (4 if rule else 0)),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, 0), pad * 0.8),
        ("BOTTOMPADDING", (0, -1), (-1, -1), pad * 0.5),
    ]
    if background is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), background))
    if border is not None and border_width:
        commands.append(("BOX", (0, 0), (-1, -1), border_width, border))
    if rule is not None:
        commands.append(("LINEBEFORE", (0, 0), (0, -1), 5, rule))
    return commands


def grid(rows: list[list[object]], widths: list[float], commands: list[tuple[object, ...]],
         structure: Element | None = None) -> Table:
    """A layout table. Its cells name our font: ReportLab's default cell font is Helvetica,
    which would then be listed, unembedded, in the PDF.

    Tagged, its rules and backgrounds are a layout artifact and its cells keep their own
    roles, under `structure` (the element the table's content belongs to).
    """
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR), *commands]))
    return artifact(table, structure)


def callout(text: str, theme: Theme) -> Flowable:
    """A key fact pulled out of the text, set large in a box with a rule: a designer's way
    to fill the room a page has left. It repeats what the handout says elsewhere, so it is
    an artifact: a screen reader reads that text once, where it stands."""
    # Bold body text, not a heading's size: at a page's foot it must not read as a heading.
    style = theme.style("body").clone("callout", fontName=theme.bold)
    pad = theme.gap(0.8)
    return artifact(grid([[Paragraph(markup(text), style)]], [theme.frame_width], [
        ("LEFTPADDING", (0, 0), (-1, -1), pad + 4), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), pad * 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.8),
        ("BACKGROUND", (0, 0), (-1, -1), theme.tint),
        ("LINEBEFORE", (0, 0), (0, -1), 5, theme.accent)]))
