"""WCAG colour arithmetic on #RRGGBB strings: luminance, contrast, and the equal gray."""

from __future__ import annotations

import re

_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")

# The grays every module prints with; theme, chart and check all use these.
WHITE = "#FFFFFF"
INK = "#1A1A1A"  # near-black body text: 17.4:1 on white
MUTED = "#4A4A4A"  # secondary text: 8.9:1 on white


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of a #RRGGBB colour (0 = black, 1 = white)."""
    if not _HEX.match(hex_colour):
        raise ValueError(f"not a #RRGGBB colour: {hex_colour!r}")
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(hex_a: str, hex_b: str) -> float:
    """WCAG contrast ratio between two #RRGGBB colours, from 1.0 to 21.0."""
    la, lb = relative_luminance(hex_a), relative_luminance(hex_b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def to_gray(hex_colour: str) -> str:
    """The gray with the same relative luminance, so every contrast ratio is unchanged."""
    lum = relative_luminance(hex_colour)
    srgb = 12.92 * lum if lum <= 0.0031308 else 1.055 * lum ** (1 / 2.4) - 0.055
    level = round(min(max(srgb, 0.0), 1.0) * 255)
    return f"#{level:02X}{level:02X}{level:02X}"
