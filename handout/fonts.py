"""The bundled font files and their names: plain constants, no ReportLab and no pydantic, so
the chart worker (handout/chart_worker.py) can register them with matplotlib without importing
handout.theme. handout.theme re-exports them."""

from __future__ import annotations

from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
FONT_FILES = {
    "Atkinson": "AtkinsonHyperlegibleNext_400Regular.ttf",
    "Atkinson-Italic": "AtkinsonHyperlegibleNext_400Regular_Italic.ttf",
    "Atkinson-SemiBold": "AtkinsonHyperlegibleNext_600SemiBold.ttf",
    "Atkinson-Bold": "AtkinsonHyperlegibleNext_700Bold.ttf",
}
REGULAR, ITALIC, SEMIBOLD, BOLD = FONT_FILES
