"""The chart cache: rebuilds skip matplotlib, stay byte-identical, and survive a bad cache."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import handout.common.files
import handout.pipeline.build
from handout.chart.art import ChartArt, ChartRequest, draw_chart
from handout.chart.cache import (
    CACHE_ENV,
    NOT_DRAWN,
    ChartCache,
    cache_folder,
    chart_key,
    drawing_code,
    read_entry,
)
from handout.chart.data import ChartFigure, ChartGroup, chart_figure
from handout.chart.render import render_svg
from handout.common.errors import HandoutError
from handout.common.fonts import FONT_DIR, FONT_FILES
from handout.layout.figure import chart_request
from handout.layout.theme import make_theme
from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT
from tests.imports import PACKAGE, closure

# Builds in a fresh interpreter and reports whether matplotlib had to be imported.
BUILD_AND_REPORT = """
import json, sys
from pathlib import Path
from handout.pipeline.build import Options, build
build(Path(sys.argv[1]), Path(sys.argv[2]), Options(cache_dir=Path(sys.argv[3])))
print(json.dumps({"matplotlib": "matplotlib" in sys.modules}))
"""


def fresh_build(out: Path, cache: Path) -> bool:
    """Build in a new process; True when that process imported matplotlib."""
    done = subprocess.run([sys.executable, "-c", BUILD_AND_REPORT, str(CONTENT), str(out),
                           str(cache)], cwd=ROOT, capture_output=True, text=True, check=True)
    imported: bool = json.loads(done.stdout.splitlines()[-1])["matplotlib"]
    return imported


def test_rebuild_with_cached_chart_never_imports_matplotlib(tmp_path: Path) -> None:
    cache = tmp_path / "chart-cache"  # a configured location, not the default
    fresh_build(tmp_path / "cold.pdf", cache)  # drawn (by the chart worker, on Linux)
    entries = list(cache.glob("chart-*.json"))
    assert len(entries) == 1
    assert not fresh_build(tmp_path / "warm.pdf", cache)
    assert (tmp_path / "cold.pdf").read_bytes() == (tmp_path / "warm.pdf").read_bytes()
    shutil.rmtree(cache)  # deleting the cache forces a full render
    fresh_build(tmp_path / "again.pdf", cache)
    assert [p.name for p in cache.glob("chart-*.json")] == [entries[0].name]
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "cold.pdf").read_bytes()


def test_default_cache_is_the_user_cache_never_beside_the_pdf(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    users = tmp_path / "home-cache"
    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(users))  # where platformdirs looks on Linux
    if sys.platform.startswith("linux"):
        assert cache_folder() == users / "handout" / "charts"
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "moved"))
    assert cache_folder() == tmp_path / "moved"
    assert cache_folder(tmp_path / "configured") == tmp_path / "configured"

    build(CONTENT, tmp_path / "on" / "handout.pdf")
    assert len(list((tmp_path / "moved").glob("chart-*.json"))) == 1
    assert sorted(p.name for p in (tmp_path / "on").iterdir()) == ["handout.pdf"]


def test_the_cache_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    build(CONTENT, tmp_path / "on" / "handout.pdf")
    build(CONTENT, tmp_path / "off" / "handout.pdf", Options(cache=False))
    assert len(list((tmp_path / "cache").glob("chart-*.json"))) == 1  # the first build's
    assert sorted(p.name for p in (tmp_path / "off").iterdir()) == ["handout.pdf"]
    assert (tmp_path / "on" / "handout.pdf").read_bytes() == \
        (tmp_path / "off" / "handout.pdf").read_bytes()


@pytest.mark.parametrize("damage", [
    lambda data: b"",
    lambda data: data[: len(data) // 2],  # a torn write
    lambda data: b"not a cache entry at all",
    lambda data: data[:-10] + b"0123456789",  # checksum no longer matches
    lambda data: data.replace(b"handout-chart-v1", b"handout-chart-v0"),
])
def test_corrupt_entry_is_ignored_and_rewritten(tmp_path: Path,
                                                damage: Callable[[bytes], bytes]) -> None:
    out, cache = tmp_path / "handout.pdf", tmp_path / "cache"
    build(CONTENT, out, Options(cache_dir=cache))
    first = out.read_bytes()
    [entry] = cache.glob("chart-*.json")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    assert read_entry(entry) is None
    build(CONTENT, out, Options(cache_dir=cache))
    assert out.read_bytes() == first
    assert entry.read_bytes() == good


def test_failed_write_leaves_no_partial_entry(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    # Every rename fails except the PDF's own: a full disk that frees up just in time.
    real = os.replace

    def replace_pdf_only(src: str, dst: str) -> None:
        (real if str(dst).endswith(".pdf") else refuse)(src, dst)

    monkeypatch.setattr(handout.common.files.os, "replace", replace_pdf_only)
    result = build(CONTENT, tmp_path / "out" / "handout.pdf", Options(cache_dir=tmp_path / "c"))
    assert result.pages > 0  # the cache only saves time: failing to write is not an error
    assert list((tmp_path / "c").iterdir()) == []  # no entry, no temporary file


def test_failed_build_writes_no_cache_entry(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def full_disk(out: Path, data: bytes) -> None:
        raise HandoutError("cannot write to the output folder")

    monkeypatch.setattr(handout.pipeline.build, "write_atomic", full_disk)
    with pytest.raises(HandoutError):
        build(CONTENT, tmp_path / "handout.pdf")
    assert list(tmp_path.iterdir()) == []  # the chart was drawn, but a failed build keeps nothing


def test_key_changes_with_every_chart_input() -> None:
    doc = read_document(CONTENT)
    assert doc.figure is not None
    base = chart_request(doc.figure, make_theme(doc.clinic.colours))
    relabelled = doc.figure.model_copy(update={"axis_label": "Another axis label"})
    variants = [
        base,
        replace(base, grayscale=True),
        replace(base, width_in=base.width_in - 0.5),  # A4 is narrower than letter
        replace(base, font_scale=18 / 14),  # large print
        replace(base, accent="#D55E00"),
        replace(base, figure=relabelled),
    ]
    keys = {chart_key(request) for request in variants}
    assert len(keys) == len(variants)
    assert chart_key(replace(base)) == chart_key(base)  # and it is repeatable


def test_text_printed_around_the_chart_is_not_in_the_key() -> None:
    doc = read_document(CONTENT)
    assert doc.figure is not None
    theme = make_theme(doc.clinic.colours)
    edited = doc.figure.model_copy(update=dict.fromkeys(NOT_DRAWN, "Edited words"))
    assert chart_key(chart_request(edited, theme)) == chart_key(chart_request(doc.figure, theme))
    # ...which is only right while the drawing really ignores those fields:
    drawn = {render_svg(f, width_in=5.9, primary="#1F4E79", accent="#0B6E4F")
             for f in (doc.figure, edited)}
    assert len(drawn) == 1


def test_cache_draws_each_chart_once(tmp_path: Path) -> None:
    doc = read_document(CONTENT)
    assert doc.figure is not None
    request = chart_request(doc.figure, make_theme(doc.clinic.colours))
    calls = []

    def counting(req: ChartRequest) -> Callable[[], ChartArt]:
        calls.append(req)
        return lambda: draw_chart(req)

    charts = ChartCache(tmp_path, counting)
    first = charts(request)()
    assert charts(request)() == first  # held in memory before it is saved
    assert list(tmp_path.iterdir()) == []
    charts.save()
    assert ChartCache(tmp_path, counting)(request)() == first  # read back from disk
    assert len(calls) == 1
    assert "/" not in first.ops  # self-contained: no fonts, images or other resources


def test_key_covers_the_drawing_code() -> None:
    """Every module a chart is drawn with, found by following the imports of draw_chart's
    module (deferred ones too), is hashed into the key. The model is not: the figure's JSON
    in the key stands for it."""
    code = drawing_code()
    assert all(path.is_file() for path in code)
    drawn_with = closure([PACKAGE / "chart" / "art.py"], skip=("handout.input",))
    assert {p.relative_to(PACKAGE).as_posix() for p in drawn_with - set(code)} == set()
    assert {"render.py", "pdf_ops.py", "interval.py", "bars.py", "style.py"} <= \
        {p.name for p in drawn_with}  # the imports really were followed
    assert set((PACKAGE / "chart").glob("*.py")) <= set(code)  # every module of the package
    assert PACKAGE / "layout" / "figure.py" in code  # which makes the request
    assert not any(path.is_relative_to(PACKAGE / "input") for path in code)


# Draws charts in a fresh interpreter that records every file it opens from the start.
DRAW_AND_LIST_FILES = """
import pickle, sys
opened = set()
sys.addaudithook(lambda event, args: opened.add(str(args[0]))
                 if event == "open" and isinstance(args[0], str) else None)
from handout.chart.art import draw_chart
for request in pickle.load(sys.stdin.buffer):
    draw_chart(request)
print("\\n".join(sorted(opened)))
"""


def test_key_covers_every_file_the_drawing_reads() -> None:
    """The files a drawing really opens inside the package (modules, through their bytecode,
    and data such as the chart's words) are all in the key: editing any of them draws anew."""
    interval = read_document(CONTENT).figure
    assert interval is not None and interval.kind == "interval"
    bars = ChartFigure("bars", illustrative=True, axis_label="Hours of sleep",
                       groups=(ChartGroup("Adults", 7.5, 1.0, 40), ChartGroup("Teens", 9, n=1)))
    requests = [ChartRequest(figure, 5.0, "#1F4E79", "#0B6E4F", language=language)
                for figure in (chart_figure(interval), bars) for language in ("en", "es")]
    done = subprocess.run([sys.executable, "-c", DRAW_AND_LIST_FILES], cwd=ROOT, check=True,
                          input=pickle.dumps(requests), capture_output=True)
    read = set()
    for line in done.stdout.decode().splitlines():
        path = Path(line).resolve()
        if path.is_relative_to(PACKAGE):
            if path.parent.name == "__pycache__":  # x.cpython-311.pyc is x.py compiled
                path = path.parent.parent / f"{path.name.split('.')[0]}.py"
            read.add(path)
    fonts = {FONT_DIR / name for name in FONT_FILES.values()}  # keyed by name and size
    covered = {*drawing_code(), *fonts, PACKAGE / "__init__.py"}  # handout.__version__
    assert {p.relative_to(PACKAGE).as_posix() for p in read - covered} == set()
    assert PACKAGE / "chart" / "pdf_ops.py" in read  # the recording saw the drawing code
