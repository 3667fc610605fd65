"""Colour contrast: brand and text colours must reach 4.5:1 on white and on the box tint.

WCAG 2.x asks 4.5:1 for body text. The brand colours print as headings and rules on white and
beside the tinted boxes, and the body text prints inside those boxes, so each is checked on
both backgrounds. A failing colour comes with the nearest darker shade of the same hue that
passes, so the brand stays recognisable.
"""

from __future__ import annotations

from handout.check.findings import Finding, Where
from handout.common.colours import INK, MUTED, WHITE, contrast_ratio
from handout.input.model import Document

MIN_TEXT_CONTRAST = 4.5
_STEPS = 100  # darken in 1 % steps: fine enough that the shade found is the nearest


def shade(colour: str, step: int) -> str:
    """`colour` darkened by `step` % toward black, keeping its hue."""
    keep = 1 - step / _STEPS
    r, g, b = (round(int(colour[i: i + 2], 16) * keep) for i in (1, 3, 5))
    return f"#{r:02X}{g:02X}{b:02X}"


def darker_shade(colour: str, backgrounds: tuple[str, ...],
                 minimum: float = MIN_TEXT_CONTRAST) -> str | None:
    """The lightest darker shade of `colour` that passes on every background, or None."""
    for step in range(1, _STEPS + 1):
        candidate = shade(colour, step)
        if all(contrast_ratio(candidate, bg) >= minimum for bg in backgrounds):
            return candidate
    return None  # even black fails: the background is too dark


def _colours(doc: Document) -> list[tuple[tuple[str | int, ...], str, str]]:
    """(where it is set, what it is, colour) for each colour printed as text or rule."""
    c = doc.clinic.colours
    loc = ("clinic", "colours")
    return [((*loc, "primary"), "the primary colour", c.primary),
            ((*loc, "accent"), "the accent colour", c.accent),
            ((*loc, "tint"), "the body text on the tint", INK),
            ((*loc, "tint"), "the secondary text on the tint", MUTED)]


def contrast_findings(doc: Document, where: Where) -> list[Finding]:
    """An error for each colour under 4.5:1 on white or on the tint."""
    backgrounds = (WHITE, doc.clinic.colours.tint)
    out: list[Finding] = []
    for loc, what, colour in _colours(doc):
        ratios = {bg: contrast_ratio(colour, bg) for bg in backgrounds}
        failing = [bg for bg, ratio in ratios.items() if ratio < MIN_TEXT_CONTRAST]
        if not failing:
            continue
        worst = min(ratios.values())
        on = " and ".join("white" if bg == WHITE else f"the tint {bg}" for bg in failing)
        message = (f"{what} {colour} has {worst:.2f}:1 contrast on {on}; "
                   f"text needs {MIN_TEXT_CONTRAST}:1")
        better = darker_shade(colour, backgrounds) if loc[-1] != "tint" else None
        if better is not None:
            fix = f"Use {better}, the nearest darker shade that passes."
        else:
            fix = "Use a lighter tint (e.g. #F2F2F2) so dark text stands out on it."
        out.append(where.error(loc, message, fix))
    return out
