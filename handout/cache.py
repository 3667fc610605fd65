"""Drawn charts kept on disk, so a rebuild whose chart did not change never imports matplotlib.

One file per distinct chart, named by a hash of everything that shapes it: the figure, the
colours, width, grayscale and font scale, the library versions and handout's own drawing
code. Deleting the folder forces a full render. Entries are written atomically, and only once
the PDF is; they are checked on read, and a corrupt or unreadable one is drawn again.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import handout
from handout.chart.art import ChartArt, ChartRequest, PendingChart, draw_chart
from handout.chart.data import ChartFigure
from handout.layout.figure import ChartRenderer, ChartSource
from handout.theme import FONT_DIR, FONT_FILES

if TYPE_CHECKING:
    from handout.chart_worker import ChartWorker
    from handout.model import Figure

MAGIC = b"handout-chart-v1"
# Printed by the layout around the chart, never drawn in it: editing them is a text-only edit.
NOT_DRAWN = frozenset({"title", "caption", "source", "alt_text"})


class ChartCache:
    """A `ChartRenderer` that draws each distinct chart once and then reads it from `folder`.

    New drawings are held until `save()`, which build.py calls only once the PDF is written:
    a build that fails leaves nothing behind, not even a cache entry.
    """

    def __init__(self, folder: Path, render: ChartRenderer = draw_chart,
                 worker: ChartWorker | None = None,
                 predict: Callable[[ChartRequest], float] | None = None) -> None:
        self.folder = folder
        self.render = render
        self.worker = worker  # draws the first chart not found here, in another process
        # The height the worker's chart will have, so the layout need not wait for it.
        self.predict = predict
        self.pending: dict[Path, ChartArt] = {}

    def __call__(self, request: ChartRequest) -> ChartSource:
        path = self.folder / f"chart-{chart_key(request)}.json"
        art = self.pending.get(path) or read_entry(path)
        if art is not None:
            return art
        if self.worker is not None and self.worker.idle:
            drawn = self.worker.submit(request)

            def wait() -> ChartArt:
                art = self.pending[path] = drawn()
                return art

            predicted = self.predict(request) if self.predict is not None else None
            return PendingChart(request.width_in * 72, predicted, wait)
        source = self.render(request)
        art = self.pending[path] = source.wait() if isinstance(source, PendingChart) else source
        return art

    def save(self) -> None:
        """Store the charts drawn since the last save."""
        for path, art in self.pending.items():
            write_entry(path, art)
        self.pending.clear()


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
        # The path, not the bare name: chart/text.py and text.py must not look alike.
        label = path.relative_to(package).as_posix()
        code.update(label.encode() + b"\0" + path.read_bytes())
    fonts = [f"{name}:{(FONT_DIR / name).stat().st_size}" for name in FONT_FILES.values()]
    return (MAGIC.decode(), handout.__version__, version("matplotlib"),
            reportlab.Version, code.hexdigest(), *fonts)


def drawing_code() -> list[Path]:
    """This module, layout/figure.py, every module of the chart package (sorted) and every
    handout module they import, directly or not. model.py is left out: the figure's JSON in
    the key stands for it."""
    package = Path(handout.__file__).parent
    chart = sorted((package / "chart").glob("*.py"))
    found: set[str] = set()
    todo = list(chart)
    while todo:
        source = todo.pop().read_text(encoding="utf-8")
        # `handout.chart.x` matches as "chart", which has no chart.py: the package is listed.
        for name in re.findall(r"^\s*(?:from|import) handout\.(\w+)", source, re.MULTILINE):
            path = package / f"{name}.py"
            if name not in found and name != "model" and path.exists():
                found.add(name)
                todo.append(path)
    return [Path(__file__), package / "layout" / "figure.py", *chart,
            *(package / f"{name}.py" for name in sorted(found))]


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
    """Store `art` atomically (temporary file, then rename): readers never see half an entry.

    Failing to write is not an error: the cache only saves time, so the build goes on.
    """
    body = json.dumps({"width": art.width, "height": art.height, "ops": art.ops}).encode()
    data = MAGIC + b" " + hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if not isinstance(exc, OSError):
            raise
