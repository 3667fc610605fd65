"""The bundled font files (package data) and their names: plain constants, no ReportLab, so
the chart code registers them with matplotlib without importing the layout's theme."""

from __future__ import annotations

from handout.common.resources import RESOURCES

FONT_DIR = RESOURCES / "fonts"
FONT_FILES = {
    "Atkinson": "AtkinsonHyperlegibleNext_400Regular.ttf",
    "Atkinson-Italic": "AtkinsonHyperlegibleNext_400Regular_Italic.ttf",
    "Atkinson-SemiBold": "AtkinsonHyperlegibleNext_600SemiBold.ttf",
    "Atkinson-Bold": "AtkinsonHyperlegibleNext_700Bold.ttf",
}
REGULAR, ITALIC, SEMIBOLD, BOLD = FONT_FILES
