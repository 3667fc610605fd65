"""The take-home page: "My plan", numbered steps with tick boxes (the help panel that
follows it is help_panel.py)."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer

from handout.input.model import Plan
from handout.layout.blocks import boxed, grid, heading
from handout.layout.icons import GAP, IconBeside, icon_size
from handout.layout.markup import runt_free
from handout.layout.runs import Paragraph
from handout.layout.theme import INK, Theme
from handout.pdf import Element, group, tag


class TickBox(Flowable):  # type: ignore[misc]
    """An empty square for the reader to tick with a pen."""

    def __init__(self, size: float, colour: Color) -> None:
        super().__init__()
        self.size = size
        self.colour = colour
        self.alt_text = "Tick box"

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(1.5)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def ticked(bodies: list[Flowable], theme: Theme, items: Element, *,
           icons: bool = False) -> Flowable:
    """Each body beside a tick box, tops aligned: the plan's steps and a section's
    checklist. With `icons` the icon brings its own gap: the box's column is narrower and
    the text keeps its width."""
    box = theme.body_size * 1.25
    first = box + theme.body_size * (0.5 if icons else 1)
    return grid([[TickBox(box, INK), body] for body in bodies],
                [first, theme.frame_width - first], [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        *([("RIGHTPADDING", (1, 0), (1, -1), 0)] if icons else []),
        ("TOPPADDING", (0, 0), (0, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), theme.body_size * 0.15),
    ], structure=items)


def plan_flowables(plan: Plan | None, theme: Theme) -> list[Flowable]:
    """Numbered steps, each with a tick box, then the extra tip.

    Tagged, the steps are a list (L > LI > LBody, the number in the text); the tick boxes,
    there for a pen, are drawn with the table's layout artifact.
    """
    if plan is None:  # a topic without one
        return []
    out: list[Flowable] = [heading(plan.title, theme)]
    if plan.intro:
        out.append(tag(Paragraph(runt_free(plan.intro, theme.style("body"), theme.frame_width),
                                 theme.style("body")), "P"))
    style = theme.style("body")
    steps = Element("L")
    # With icons, each step's icon stands between its box and its text; a step without
    # one keeps the room, so the texts line up.
    icons = any(step.icon for step in plan.steps)
    size = icon_size(theme, style.leading)
    bodies = []
    for i, step in enumerate(plan.steps, start=1):
        text = runt_free(step.text, style, theme.frame_width)
        body: Flowable = tag(Paragraph(f"<b>{i}.</b> {text}", style), "LBody",
                             parent=Element("LI", parent=steps))
        if icons:
            body = IconBeside(step.icon, body, theme.primary, size, theme.body_size * GAP)
        bodies.append(body)
    table = ticked(bodies, theme, steps, icons=icons)
    out.append(table)
    if plan.extra:
        tip = []
        if plan.extra_title:
            head = theme.style("h2")
            tip.append(tag(Paragraph(runt_free(plan.extra_title, head, theme.frame_width), head),
                           "H3"))
        box_body = theme.style("box_body")
        tip.append(tag(Paragraph(runt_free(plan.extra, box_body, theme.frame_width), box_body),
                       "P"))
        out.extend([Spacer(1, theme.gap(0.4)),
                    boxed(tip, theme, background=theme.tint, rule=theme.accent)])
    group("Sect", out)
    return out
