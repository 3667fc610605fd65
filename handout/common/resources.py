"""Where the package's own files are: handout/resources/ (fonts, locales, the starter
handout that `handout new` copies). They ship inside the wheel as package data, so an
installed `handout` never reads a file from the source checkout."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
