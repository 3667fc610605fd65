"""Drawn charts kept on disk, so a rebuild whose chart did not change never imports matplotlib.

One file per distinct chart, named by a hash of everything that shapes it: the figure, the
colours, width, grayscale and font scale, the library versions and handout's own drawing
code. Deleting the folder forces a full render. Entries are written atomically, and only once
the PDF is; they are checked on read, and a corrupt or unreadable one is drawn again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import handout
from handout.chart.art import ChartArt, ChartDrawer, ChartRequest, draw_later
from handout.chart.data import ChartFigure
from handout.common.errors import HandoutError
from handout.common.files import write_atomic
from handout.common.fonts import FONT_DIR, FONT_FILES

if TYPE_CHECKING:
    from handout.input.figures import Figure

MAGIC = b"handout-chart-v1"
# Printed by the layout around the chart, never drawn in it: editing them is a text-only edit.
NOT_DRAWN = frozenset({"title", "caption", "source", "alt_text"})


class ChartCache:
    """A `ChartDrawer` that draws each distinct chart once and then reads it from `folder`.

    New drawings are held until `save()`, which the build calls only once the PDF is written:
    a build that fails leaves nothing behind, not even a cache entry.
    """

    def __init__(self, folder: Path, draw: ChartDrawer = draw_later) -> None:
        self.folder = folder
        self.draw = draw  # for the charts not found in the folder
        self.pending: dict[Path, ChartArt] = {}

    def __call__(self, request: ChartRequest) -> Callable[[], ChartArt]:
        path = self.folder / f"chart-{chart_key(request)}.json"
        stored = self.pending.get(path) or read_entry(path)
        if stored is not None:
            return lambda: stored
        drawn = self.draw(request)

        def wait() -> ChartArt:
            art = self.pending[path] = drawn()
            return art

        return wait

    def save(self) -> None:
        """Store the charts drawn since the last save."""
        for path, art in self.pending.items():
            write_entry(path, art)
        self.pending.clear()


# Moves the default cache folder (tests point it at a temporary one).
CACHE_ENV = "HANDOUT_CACHE_DIR"


def cache_folder(configured: Path | None = None) -> Path:
    """Where drawn charts are kept: the configured folder, else $HANDOUT_CACHE_DIR, else
    `charts` in the user's cache folder (platformdirs: ~/.cache/handout on Linux,
    ~/Library/Caches/handout on macOS, %LOCALAPPDATA%\\handout\\Cache on Windows); never
    beside the PDF, where it would clutter a clinic's shared folder."""
    if configured is not None:
        return configured
    if folder := os.environ.get(CACHE_ENV):
        return Path(folder)
    from platformdirs import user_cache_path

    return user_cache_path("handout", appauthor=False) / "charts"


def nothing_cached(folder: Path) -> bool:
    """No chart stored yet (a first build, or the folder was deleted)."""
    try:
        return not any(folder.glob("chart-*.json"))
    except OSError:
        return True


def chart_key(request: ChartRequest) -> str:
    """A hex digest of the request and of everything else the drawn chart depends on."""
    parts = [
        _figure(request).model_dump_json(exclude=set(NOT_DRAWN)), request.primary, request.accent,
        repr(request.width_in), str(request.grayscale), repr(request.font_scale),
        request.language,
        *_environment(),
    ]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _figure(request: ChartRequest) -> Figure:
    """The validated figure: keys are made in the main process, which has the model."""
    if isinstance(request.figure, ChartFigure):
        raise TypeError("chart_key needs the validated model.Figure, not plain chart data")
    return request.figure


@cache
def _environment() -> tuple[str, ...]:
    """Library versions, fonts and the drawing code itself: an editable install keeps its
    version number while the code is edited, so the source is hashed. About 5 ms, once."""
    from importlib.metadata import version

    import reportlab

    package = Path(handout.__file__).parent
    code = hashlib.sha256()
    for path in drawing_code():
        label = path.relative_to(package).as_posix()
        code.update(label.encode() + b"\0" + path.read_bytes())
    fonts = [f"{name}:{(FONT_DIR / name).stat().st_size}" for name in FONT_FILES.values()]
    return (MAGIC.decode(), handout.__version__, version("matplotlib"),
            reportlab.Version, code.hexdigest(), *fonts)


def drawing_code() -> list[Path]:
    """Every module of the chart package and of the common package it draws with (sorted),
    layout/figure.py, which makes the request, and the locale files the chart's own words
    ("No difference", "40 people") come from. The model is left out: the figure's JSON in the
    key stands for it."""
    package = Path(handout.__file__).parent
    return [*sorted((package / "chart").glob("*.py")), *sorted((package / "common").glob("*.py")),
            package / "layout" / "figure.py",
            *sorted((package / "resources" / "locales").glob("*.yaml"))]


def read_entry(path: Path) -> ChartArt | None:
    """The stored chart, or None when it is missing, unreadable or fails its checksum."""
    try:
        header, _, body = path.read_bytes().partition(b"\n")
        magic, _, digest = header.partition(b" ")
        if magic != MAGIC or digest.decode() != hashlib.sha256(body).hexdigest():
            return None
        data = json.loads(body)
        return ChartArt(float(data["width"]), float(data["height"]), str(data["ops"]))
    except (OSError, ValueError, KeyError, TypeError):  # UnicodeError is a ValueError
        return None


def write_entry(path: Path, art: ChartArt) -> None:
    """Store `art` atomically: readers never see half an entry.

    Failing to write is not an error: the cache only saves time, so the build goes on.
    """
    body = json.dumps({"width": art.width, "height": art.height, "ops": art.ops}).encode()
    data = MAGIC + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    with contextlib.suppress(HandoutError):
        write_atomic(path, data)
