"""The "When to get help" panel: one box per tier, most urgent first.

The tiers differ in more than colour, so a black-and-white office print keeps them apart:
each has its own icon and a label naming the level, and urgency sets the weight. The
emergency tier opens with a solid dark band (white text) inside a heavy border, the crisis
tier with a light band inside a medium border, the care team tier with no band inside a
thin one. In grayscale the emergency tier is therefore the darkest part of the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, KeepTogether, Spacer

from handout.input.fields import Icon
from handout.input.model import HelpPanel, HelpTier
from handout.layout.blocks import SpaceAbove, bullet_list, grid, heading
from handout.layout.continued import LEAST, BoxMaker, Opening, item_rows
from handout.layout.icons import IconBeside, icon_size
from handout.layout.markup import markup, runt_free, widest_word
from handout.layout.measure import stack_height
from handout.layout.runs import Paragraph
from handout.layout.theme import REGULAR, Theme
from handout.pdf import artifact, group, tag


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


def help_flowables(panel: HelpPanel | None, theme: Theme, *, whole: bool = True,
                   split_last: bool = False,
                   before_tier: Callable[[Flowable], Flowable] | None = None
                   ) -> list[Flowable]:
    """The panel's heading and its tiers, kept on one page (split only if taller); with
    `whole` false (a narrow column), the tiers may go on in the next column or panel,
    each tier's box whole and the heading with the first. `split_last`: a panel taller
    than a page may split its care team tier (the least urgent, last) between its items,
    its band repeated as continued (layout/continued.py). `before_tier`: what takes the
    room a tier leaves where it moves on to the next page (the question area), put before
    each tier but the first."""
    if panel is None:  # a topic without one
        return []
    content: list[Flowable] = [heading(panel.title, theme)]
    whole_boxes: list[Flowable] = []  # the tiers after the first that never split
    for i, tier in enumerate(panel.tiers):
        split = split_last and tier.level == "care_team" and i == len(panel.tiers) - 1
        box = split_tier(tier, theme) if split else tier_box(tier, theme)
        if i:
            # Apart by more than the thickest border (4 pt): boxes never touch.
            content.append(Spacer(1, theme.gap(0.4) + 4))
            if not split:
                whole_boxes.append(box)
        content.append(box)
    group("Sect", content)
    if before_tier is not None and split_last:
        content = [g for f in content
                   for g in ([before_tier(f), f] if f in whole_boxes else [f])]
    if not whole:  # each tier a block of its own that stays whole
        return [SpaceAbove(1, theme.gap(0.8)), KeepTogether(content[:2]),
                *(f if isinstance(f, Spacer) else KeepTogether([f]) for f in content[2:])]
    # One KeepTogether, at the story's top level: inside another it would report a height
    # of 0xFFFFFF (ReportLab forces its split that way) and always start a new page. A panel
    # taller than a page (large print) starts where its heading and first tier fit.
    if split_last:
        least = stack_height(content[:2], theme.frame_width)
        return [SpaceAbove(1, theme.gap(0.8)), Opening(content, least, taller_only=True)]
    return [SpaceAbove(1, theme.gap(0.8)), KeepTogether(content)]


def _colour(hex_colour: str | None, theme: Theme) -> Color:
    return theme.colour(hex_colour) if hex_colour else theme.primary


def tier_box(tier: HelpTier, theme: Theme) -> Flowable:
    """The band (icon, label and heading), then the list, in a box whose border weight
    shows urgency. Never split: a tier's list stays with its heading."""
    look = LOOKS[tier.level]
    ink = _colour(look.ink, theme)
    band, above = _band(tier, theme)
    items = bullet_list(tier.items, theme, style="tight")
    pad = theme.body_size * 0.7
    commands: list[tuple[object, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, 0), above),
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


def _band(tier: HelpTier, theme: Theme, *, continued: bool = False) -> tuple[Flowable, float]:
    """The tier's band: icon, label and heading (continued: an artifact, "... (continued)");
    and the padding above it, room for the icon, which reaches above its line. The label
    leads the heading, in capitals: "EMERGENCY – Call 911 ... if:". Where a word of it
    (a phone number with an extension, kept whole) is too wide for the line beside the
    icon, the icon stands over the heading, which takes the box's whole width (not in
    Chinese, Japanese or Korean set between letters: any line holds a word of theirs)."""
    look = LOOKS[tier.level]
    on_band = _colour(look.on_band or look.ink, theme)
    size = theme.body_size
    # Line spacing 1.3, the standards' least (a hair over: the PDF rounds positions).
    style = theme.style("body").clone(
        "tier", fontName=theme.bold, textColor=on_band, leading=size * 1.3 + 0.1,
        spaceAfter=0)
    label = theme.text(f"tier_{tier.level}").upper()
    icon, gap = icon_size(theme, style.leading), size * 0.5
    width = theme.frame_width - 2 * size * 0.7  # inside the box's padding
    heading = theme.text("box_continued", title=tier.heading) if continued else tier.heading
    above = not theme.chain.cjk and \
        widest_word(f"{label}\u00a0\u2013 {heading}", style) > width - icon - gap
    title = runt_free(heading, style, theme.frame_width)
    head = Paragraph(f"{markup(label)}\u00a0\u2013 {title}", style)
    head = artifact(head) if continued else tag(head, "H3")
    band = IconBeside(tier.icon or Icon(name=look.icon), head, on_band, icon, gap, above=above)
    return band, 2 + (size * 0.2 if above else (icon - style.leading) / 2)


def split_tier(tier: HelpTier, theme: Theme) -> Flowable:
    """The tier as tier_box draws it, one row per item, that may split between them (a
    tier of fewer than 2 * LEAST items: tier_box's)."""
    if len(tier.items) < 2 * LEAST:
        return tier_box(tier, theme)
    look = LOOKS[tier.level]
    ink = _colour(look.ink, theme)
    band, above = _band(tier, theme)
    listing = bullet_list(tier.items, theme, style="tight")
    pad = theme.body_size * 0.7

    def style(_lead: int, items: int) -> list[tuple[object, ...]]:
        commands: list[tuple[object, ...]] = [
            ("FONT", (0, 0), (-1, -1), REGULAR),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), above),
            ("BOTTOMPADDING", (0, 0), (-1, 0), pad * 0.15),
            ("TOPPADDING", (0, 1), (-1, 1), pad * 0.3),
            ("BOTTOMPADDING", (0, items), (-1, items), pad * 0.25),
            ("BOX", (0, 0), (-1, -1), look.border, ink)]
        if look.band:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), _colour(look.band, theme)))
        return commands

    maker = BoxMaker([[band]], item_rows(listing), style=style,
                     again=lambda: [_band(tier, theme, continued=True)[0]],
                     structure=group("Div", [band, listing]))
    return maker.whole(theme.frame_width)
