"""The chart worker: on a first build the chart is drawn in a second process, with the
same PDF as a build that draws it in-process, and no process is left behind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the worker is forked")

BUILD = """
import sys
from pathlib import Path
if sys.argv[2] == "here":
    import matplotlib  # already imported: no worker, the chart is drawn in this process
from handout.build import Options, build
build(Path("content.yaml"), Path(sys.argv[1]), Options(check=False))
print("matplotlib" in sys.modules)
"""


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, text=True,
                          capture_output=True, timeout=120, check=False)


def test_first_build_draws_the_chart_in_a_worker_with_the_same_result(tmp_path: Path) -> None:
    worker = run(BUILD, str(tmp_path / "w" / "handout.pdf"), "worker")
    here = run(BUILD, str(tmp_path / "h" / "handout.pdf"), "here")
    assert worker.returncode == here.returncode == 0, worker.stderr + here.stderr
    assert worker.stdout.strip() == "False"  # this process never imported matplotlib
    assert here.stdout.strip() == "True"
    assert (tmp_path / "w" / "handout.pdf").read_bytes() == \
        (tmp_path / "h" / "handout.pdf").read_bytes()
    # The worker's chart went into the cache like any other: the rebuild reads it.
    assert len(list((tmp_path / "w" / ".cache").glob("chart-*.json"))) == 1


def test_a_worker_that_is_not_needed_is_stopped() -> None:
    script = """
import os
from handout.chart_worker import ChartWorker
worker = ChartWorker.start()
pid = worker.pid
worker.shutdown()
try:
    os.kill(pid, 0)
except ProcessLookupError:
    print("gone")
"""
    done = run(script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "gone"


def test_a_refused_first_build_ends_promptly_and_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content.yaml"
    content.write_text((ROOT / "content.yaml").read_text(encoding="utf-8").replace(
        "title:", "titel:", 1).replace("assets/", str(ROOT / "assets") + "/"),
        encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "handout", "build", str(content), "-o",
         str(tmp_path / "out" / "handout.pdf")], cwd=ROOT, text=True, capture_output=True,
        timeout=60, check=False)
    assert done.returncode == 2
    assert "titel" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out" / "handout.pdf").exists()


def test_a_chart_laid_out_at_the_wrong_size_is_laid_out_again(tmp_path: Path) -> None:
    """The layout may use a predicted chart height; when the drawn chart differs, the
    pages are laid out again with it, and the PDF is the one a known size would give."""
    from handout.build import prepare, render
    from handout.chart.art import ChartArt, ChartRequest, PendingChart, draw_chart
    from handout.layout.figure import ChartSource

    doc, _ = prepare(ROOT / "content.yaml")
    calls: list[str] = []

    def guessing(request: ChartRequest) -> ChartSource:
        art = draw_chart(request)
        if not calls:  # first layout: a prediction 40 pt too short
            calls.append("guessed")
            return PendingChart(art.width, art.height - 40, lambda: art)
        calls.append("known")
        return art

    def known(request: ChartRequest) -> ChartArt:
        return draw_chart(request)

    guessed_pdf, guessed_pages = render(doc, ROOT, charts=guessing)
    assert calls == ["guessed", "known"]  # laid out twice
    assert (guessed_pdf, guessed_pages) == render(doc, ROOT, charts=known)

    calls.clear()

    def predicted_right(request: ChartRequest) -> ChartSource:  # used as it is: one layout
        art = draw_chart(request)
        calls.append("predicted")
        return PendingChart(art.width, art.height, lambda: art)

    assert render(doc, ROOT, charts=predicted_right)[0] == guessed_pdf
    assert calls == ["predicted"]


DRAW_WITHOUT_PYDANTIC = """
import pickle, sys
from handout.chart_worker import load_matplotlib
load_matplotlib()
import handout.chart.art, handout.chart.render
request = pickle.loads(sys.stdin.buffer.read())
art = handout.chart.art.draw_chart(request)
heavy = [name for name in ("pydantic", "handout.model", "handout.theme") if name in sys.modules]
assert not heavy, heavy
sys.stdout.buffer.write(pickle.dumps(art))
"""


def test_the_worker_draws_without_pydantic() -> None:
    """The worker is sent the figure as plain data (handout/chart/data.py): unpickling and
    drawing it import neither pydantic nor handout.model (~0.1 s off a cold build's critical
    path), and the chart is the one the validated figure gives."""
    import pickle

    from handout.chart.art import ChartRequest, draw_chart
    from handout.chart.data import ChartFigure
    from handout.chart_worker import _plain
    from handout.model import Figure
    from tests.conftest import content_data

    request = ChartRequest(Figure.model_validate(content_data()["figure"]), width_in=6.5,
                           primary="#1F4E79", accent="#2E8B57", font_scale=18 / 14)
    sent = _plain(request)
    assert isinstance(sent.figure, ChartFigure)
    done = subprocess.run([sys.executable, "-c", DRAW_WITHOUT_PYDANTIC],
                          input=pickle.dumps(sent), cwd=ROOT, capture_output=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    assert pickle.loads(done.stdout) == draw_chart(request)
