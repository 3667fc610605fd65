"""Speed in one place: the work a build may hand to the machine's second core.

`build()` is given `Helpers`: how to draw a chart and how to run the content check. The
default, `InProcess`, does both here when they are needed. `TwoCores`, which `handout build`
starts before it imports anything heavy, draws a first chart in a forked worker that imports
matplotlib while this process imports ReportLab and lays out the pages, and runs the check in
a forked child beside the layout (multiprocessing, "fork" start method: handout/pipeline/forks.py).
Both give the same PDF: the work of a child that fails is done here instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING, TypeVar

from handout.chart.art import ChartArt, ChartRequest, draw_later

T = TypeVar("T")

if TYPE_CHECKING:
    from handout.check.runner import Report
    from handout.input.loader import Located
    from handout.input.model import Document
    from handout.pipeline.forks import ChartWorker


def run_check(doc: Document, located: Located) -> Report:
    from handout.check import run_checks  # deferred: textstat is slow to import

    return run_checks(doc, located, dt.date.today())


class InProcess:
    """Everything in this process, when it is needed."""

    def draw_chart(self, request: ChartRequest) -> Callable[[], ChartArt]:
        return draw_later(request)

    def check(self, doc: Document, located: Located) -> Callable[[], Report]:
        report = run_check(doc, located)
        return lambda: report

    def no_charts(self) -> None:
        """This build draws no chart: stop whatever was started to draw one."""

    def close(self) -> None:
        """Stop whatever was started and not used."""

    def __enter__(self) -> InProcess:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


IN_PROCESS = InProcess()  # holds no state: one is enough


class TwoCores(InProcess):
    """A chart worker forked up front, and the check in a forked child (where forking is
    safe, `forks.context()`; elsewhere everything runs in this process)."""

    def __init__(self, worker: ChartWorker | None) -> None:
        self.worker = worker

    @classmethod
    def start(cls, *, chart_needed: bool) -> TwoCores:
        """Fork the chart worker now if a chart will have to be drawn (none is cached)."""
        from handout.pipeline.forks import ChartWorker

        return cls(ChartWorker.start() if chart_needed else None)

    def draw_chart(self, request: ChartRequest) -> Callable[[], ChartArt]:
        if self.worker is not None and self.worker.idle:
            return self.worker.submit(request)
        return super().draw_chart(request)

    def check(self, doc: Document, located: Located) -> Callable[[], Report]:
        from handout.pipeline.forks import fork_call

        # Its report is wanted only when the PDF is ready to be written: on a two-core
        # machine it gives way to the layout and the chart worker (cold build 5-8 % faster).
        return fork_call(run_check, doc, located, nice=10)

    def no_charts(self) -> None:
        # The worker would import matplotlib for nothing, on the core the layout and the
        # check share (a tri-fold or a sheet prints no figure by default).
        self.close()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.shutdown()


def meanwhile(fn: Callable[..., T], *args: object) -> Callable[[], T]:
    """`fn(*args)` in a forked child while this process goes on (here and now, where
    forking is not safe: forks.context()); call the result for its value."""
    from handout.pipeline.forks import fork_call

    return fork_call(fn, *args)
