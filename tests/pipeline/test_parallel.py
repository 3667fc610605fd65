"""The speed seam: `TwoCores` gives the same PDF as `InProcess`, draws the first chart in a
worker that never makes this process import matplotlib, and leaves no process behind."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from handout.chart.art import ChartArt, ChartRequest
from handout.chart.cache import CACHE_ENV
from handout.pipeline import forks
from handout.pipeline.build import Options, build
from handout.pipeline.forks import ChartWorker
from handout.pipeline.parallel import InProcess
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(forks.context() is None, reason="the helpers fork")

# Builds content.yaml in a fresh interpreter with the helpers named on the command line.
BUILD = """
import sys
from pathlib import Path
from handout.pipeline.parallel import InProcess, TwoCores
helpers = TwoCores.start(chart_needed=True) if sys.argv[2] == "two" else InProcess()
with helpers:
    from handout.pipeline.build import build
    build(Path("content.yaml"), Path(sys.argv[1]), helpers=helpers)
import multiprocessing
print("matplotlib" in sys.modules, "textstat" in sys.modules,
      len(multiprocessing.active_children()))
"""


def fresh_build(out: Path, helpers: str, cache: Path, script: str = BUILD) -> list[str]:
    """A build in a fresh interpreter whose chart cache is `cache` (an empty one: drawn)."""
    env = {**os.environ, CACHE_ENV: str(cache)}
    done = subprocess.run([sys.executable, "-c", script, str(out), helpers], cwd=ROOT, env=env,
                          text=True, capture_output=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_two_cores_give_the_same_pdf_as_one(tmp_path: Path) -> None:
    two = fresh_build(tmp_path / "two" / "handout.pdf", "two", tmp_path / "cache-two")
    one = fresh_build(tmp_path / "one" / "handout.pdf", "one", tmp_path / "cache-one")
    # With two cores the chart was drawn and the content checked in child processes, which
    # were all waited for by the end of the build.
    assert two == ["False", "False", "0"]
    assert one == ["True", "True", "0"]
    assert (tmp_path / "two" / "handout.pdf").read_bytes() == \
        (tmp_path / "one" / "handout.pdf").read_bytes()
    # The worker's chart went into the cache like any other.
    assert len(list((tmp_path / "cache-two").glob("chart-*.json"))) == 1
    assert sorted(p.name for p in (tmp_path / "two").iterdir()) == ["handout.pdf"]


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_worker_that_is_not_needed_is_stopped() -> None:
    if "matplotlib" in sys.modules:  # this test process has drawn charts: start one afresh
        script = ("import os; from handout.pipeline.forks import ChartWorker; "
                  "w = ChartWorker.start(); pid = w.pid; w.shutdown(); print(pid)")
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, text=True,
                              capture_output=True, timeout=60, check=True)
        assert gone(int(done.stdout))
        return
    worker = ChartWorker.start()
    assert worker is not None and worker.pid is not None
    pid = worker.pid
    worker.shutdown()
    assert gone(pid)


def test_a_worker_that_died_is_replaced_by_drawing_here(tmp_path: Path) -> None:
    script = BUILD.replace(
        'helpers = TwoCores.start(chart_needed=True) if sys.argv[2] == "two" else InProcess()',
        "import os, signal\nhelpers = TwoCores.start(chart_needed=True)\n"
        "os.kill(helpers.worker.pid, signal.SIGKILL)")
    drawn = fresh_build(tmp_path / "k.pdf", "two", tmp_path / "cache-k", script)
    assert drawn[0] == "True"  # drawn here after all
    fresh_build(tmp_path / "one.pdf", "one", tmp_path / "cache-one")
    assert (tmp_path / "k.pdf").read_bytes() == (tmp_path / "one.pdf").read_bytes()


class Recording(InProcess):
    """InProcess, noting what the build asked of it."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def no_charts(self) -> None:
        self.asked.append("no charts")

    def draw_chart(self, request: ChartRequest) -> Callable[[], ChartArt]:
        self.asked.append("chart")
        return super().draw_chart(request)


@pytest.mark.parametrize(("fmt", "asked"), [("trifold", ["no charts"]), ("sheet", ["no charts"]),
                                            ("document", ["chart"])])
def test_a_build_without_a_figure_lets_the_chart_worker_go(
        tmp_path: Path, fmt: str, asked: list[str]) -> None:
    helpers = Recording()
    build(ROOT / "content.yaml", tmp_path / "h.pdf", Options(format=fmt, cache=False),
          helpers=helpers)
    assert helpers.asked == asked


def test_no_charts_stops_the_worker_at_once() -> None:
    script = ("from handout.pipeline.parallel import TwoCores\n"
              "helpers = TwoCores.start(chart_needed=True)\n"
              "pid = helpers.worker.pid\nhelpers.no_charts()\nprint(pid)")
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, text=True,
                          capture_output=True, timeout=60, check=True)
    assert gone(int(done.stdout))
