"""The "When to get help" panel: one box per tier, most urgent first.

The tiers differ in more than colour, so a black-and-white office print keeps them apart:
each has its own icon and a label naming the level, and urgency sets the weight. The
emergency tier opens with a solid dark band (white text) inside a heavy border, the crisis
tier with a light band inside a medium border, the care team tier with no band inside a
thin one. In grayscale the emergency tier is therefore the darkest part of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Spacer

from handout.input.fields import Icon
from handout.input.model import HelpPanel, HelpTier
from handout.layout.blocks import bullet_list, grid, heading
from handout.layout.icons import IconBeside, icon_size
from handout.layout.markup import markup, runt_free
from handout.layout.runs import Paragraph
from handout.layout.theme import Theme
from handout.pdf import group, tag


@dataclass(frozen=True)
class TierLook:
    """How one level is printed. Colours are #RRGGBB (None: the clinic's primary colour)."""

    ink: str | None  # heading, icon and border; text on white at 4.5:1 or more
    band: str | None  # the band behind label and heading (None: white)
    on_band: str | None  # text and icon on the band (None: `ink`)
    border: float  # points
    icon: str  # the level's icon, unless the tier names its own


LOOKS = {
    # White on #A4161A: 7.8:1; in grayscale, white on #525252.
    "emergency": TierLook("#A4161A", "#A4161A", "#FFFFFF", 4.0, "ambulance"),
    # #7A2E00 on #F6ECE6: 8.1:1 (#464646 on #EEEEEE in grayscale).
    "crisis": TierLook("#7A2E00", "#F6ECE6", None, 2.0, "phone"),
    "care_team": TierLook(None, None, None, 1.0, "doctor"),
}


def help_flowables(panel: HelpPanel | None, theme: Theme, *, whole: bool = True
                   ) -> list[Flowable]:
    """The panel's heading and its tiers, kept on one page (split only if taller); with
    `whole` false (a narrow column), the tiers may go on in the next column or panel,
    each tier's box whole and the heading with the first."""
    if panel is None:  # a topic without one
        return []
    content: list[Flowable] = [heading(panel.title, theme)]
    for i, tier in enumerate(panel.tiers):
        if i:
            # Apart by more than the thickest border (4 pt): boxes never touch.
            content.append(Spacer(1, theme.gap(0.4) + 4))
        content.append(tier_box(tier, theme))
    group("Sect", content)
    if not whole:  # each tier a block of its own that stays whole
        return [Spacer(1, theme.gap(0.8)), KeepTogether(content[:2]),
                *(f if isinstance(f, Spacer) else KeepTogether([f]) for f in content[2:])]
    # One KeepTogether, at the story's top level: inside another it would report a height
    # of 0xFFFFFF (ReportLab forces its split that way) and always start a new page.
    return [Spacer(1, theme.gap(0.8)), KeepTogether(content)]


def _colour(hex_colour: str | None, theme: Theme) -> Color:
    return theme.colour(hex_colour) if hex_colour else theme.primary


def tier_box(tier: HelpTier, theme: Theme) -> Flowable:
    """The band (icon, label and heading), then the list, in a box whose border weight
    shows urgency. Never split: a tier's list stays with its heading."""
    look = LOOKS[tier.level]
    ink = _colour(look.ink, theme)
    on_band = _colour(look.on_band or look.ink, theme)
    size = theme.body_size
    # Line spacing 1.3, the standards' least (a hair over: the PDF rounds positions).
    style = theme.style("body").clone(
        "tier", fontName=theme.bold, textColor=on_band, leading=size * 1.3 + 0.1, spaceAfter=0)
    # The label leads the heading, in capitals: "EMERGENCY – Call 911 ... if:".
    label = theme.text(f"tier_{tier.level}").upper()
    title = runt_free(tier.heading, style, theme.frame_width)
    head = tag(Paragraph(f"{markup(label)}\u00a0\u2013 {title}", style), "H3")
    icon = icon_size(theme, style.leading)
    band = IconBeside(tier.icon or Icon(name=look.icon), head, on_band, icon, size * 0.5)
    items = bullet_list(tier.items, theme, style="tight")
    pad = size * 0.7
    commands: list[tuple[object, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        # Above the heading, room for the icon, which reaches above its line.
        ("TOPPADDING", (0, 0), (-1, 0), (icon - style.leading) / 2 + 2),
        ("BOTTOMPADDING", (0, 0), (-1, 0), pad * 0.15),
        ("TOPPADDING", (0, 1), (-1, 1), pad * 0.3),
        ("BOTTOMPADDING", (0, 1), (-1, 1), pad * 0.25),
        ("BOX", (0, 0), (-1, -1), look.border, ink),
        ("NOSPLIT", (0, 0), (-1, -1)),
    ]
    if look.band:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _colour(look.band, theme)))
    return grid([[band], [items]], [theme.frame_width], commands,
                structure=group("Div", [band, items]))
