"""Draw the chart in a second process while this one validates and lays out the pages.

On a cold build, importing matplotlib and drawing Fig. 1 take about 0.4 s, as long as
everything else together; the machines have two cores. The worker is forked before the
build imports ReportLab and pydantic (`handout build` starts it first thing), imports
matplotlib at once, and waits for the chart request that follows validation (its figure
as plain data, handout/chart/data.py, so the worker never imports pydantic). If anything
goes wrong there, the chart is simply drawn here instead, so a worker can make a build
faster but never different. This module imports nothing heavy itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handout.chart.art import ChartArt, ChartRequest

_early: ChartWorker | None = None  # started by the command, taken by its build


def cache_folder(out: Path, configured: Path | None = None) -> Path:
    """Where a build's drawn charts are kept: the configured folder, else `.cache` beside
    the PDF."""
    return configured or out.resolve().parent / ".cache"


def nothing_cached(folder: Path) -> bool:
    """No chart stored yet (a first build, or the folder was deleted)."""
    try:
        return not any(folder.glob("chart-*.json"))
    except OSError:
        return True


def start_early(out: Path) -> None:
    """Start a worker now, before the slow imports, if a build writing `out` with the default
    cache will have to draw its chart; `take_early` hands it to that build."""
    global _early  # noqa: PLW0603  # one hand-over per process, from the command to its build
    if _early is None and nothing_cached(cache_folder(out)):
        _early = ChartWorker.start()


def take_early() -> ChartWorker | None:
    global _early
    worker, _early = _early, None
    return worker


class ChartWorker:
    """One forked process that draws at most one chart."""

    def __init__(self, pid: int, requests: int, results: int) -> None:
        self.pid: int | None = pid
        self._requests: int | None = requests  # write end: the request, pickled
        self._results: int | None = results  # read end: the ChartArt, pickled

    @classmethod
    def start(cls) -> ChartWorker | None:
        """Fork a worker, or None where that is not safe or not worth it: other systems,
        threads running, or matplotlib already imported (watch, the build server)."""
        if sys.platform != "linux" or "matplotlib" in sys.modules:
            return None
        if threading.active_count() > 1:
            return None
        request_r, request_w = os.pipe()
        result_r, result_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover  # the child; coverage does not follow forks
            os.close(request_w)
            os.close(result_r)
            _serve(request_r, result_w)
        os.close(request_r)
        os.close(result_w)
        return cls(pid, request_w, result_r)

    @property
    def idle(self) -> bool:
        """True until a request is sent: the worker can still take one."""
        return self._requests is not None

    def submit(self, request: ChartRequest) -> Callable[[], ChartArt]:
        """Send `request`; call the result to wait for the drawn chart."""
        fd, self._requests = self._requests, None
        try:
            if fd is None:
                raise OSError("the worker has had its request")
            with os.fdopen(fd, "wb") as pipe:
                pickle.dump(_plain(request), pipe)
        except OSError:  # the worker is gone: draw here when asked
            return lambda: _draw_here(request)
        return lambda: self._result(request)

    def _result(self, request: ChartRequest) -> ChartArt:
        fd, self._results = self._results, None
        art = None
        if fd is not None:
            try:
                with os.fdopen(fd, "rb") as pipe:
                    art = pickle.load(pipe)
            except (OSError, EOFError, pickle.UnpicklingError):
                art = None
        self.shutdown()
        from handout.chart.art import ChartArt

        # A worker that failed says nothing: drawing here raises the real error, if any.
        return art if isinstance(art, ChartArt) else _draw_here(request)

    def shutdown(self) -> None:
        """Stop the worker and wait for it. One whose chart was not collected (none was
        needed, or the build failed first) is killed: nothing it holds is worth waiting for."""
        collected = self._results is None and self._requests is None
        for fd in (self._requests, self._results):
            if fd is not None:
                os.close(fd)
        self._requests = self._results = None
        if self.pid is not None:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                if not collected:
                    os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = None


def _plain(request: ChartRequest) -> ChartRequest:
    """`request` as the worker is sent it: the figure as plain data (handout/chart/data.py),
    so unpickling it imports neither pydantic nor handout.model (about 0.1 s)."""
    from handout.chart.data import chart_figure

    return replace(request, figure=chart_figure(request.figure))


def _draw_here(request: ChartRequest) -> ChartArt:
    from handout.chart.art import draw_chart

    return draw_chart(request)


def load_matplotlib() -> None:
    """Import what drawing a chart needs and register the bundled fonts with matplotlib."""
    import matplotlib.backends.backend_agg
    import matplotlib.figure
    import matplotlib.textpath  # noqa: F401

    from handout.chart.render import _setup

    _setup()


def _serve(requests: int, results: int) -> None:  # pragma: no cover  # runs in the child
    code = 0
    try:
        _skip_property_docs()
        load_matplotlib()  # the slow part, done while the parent is still importing
        from handout.chart.art import draw_chart

        with os.fdopen(requests, "rb") as pipe:
            # Exactly one pickle, not "until end of input": a process forked later by the
            # parent (the content check) holds a copy of the write end, so EOF may not come.
            request = pickle.load(pipe)
        art = draw_chart(request)
        with os.fdopen(results, "wb") as out:
            pickle.dump(art, out)
    except BaseException:  # the parent draws it again and reports whatever went wrong
        code = 1
    finally:
        os._exit(code)


def _skip_property_docs() -> None:  # pragma: no cover  # runs in the child
    """matplotlib inspects every Artist class as it is imported, to write a property table
    into its docstring (`artist.kwdoc`) and a keyword signature onto its `set` method
    (about 0.1 s together). This process only draws one chart and exits, so nobody will
    read either: it skips that work. `set` itself works as before (it never needed the
    signature), and the drawn chart is byte-identical (tests/test_chart_worker.py)."""
    import matplotlib.artist

    matplotlib.artist.kwdoc = lambda artist: ""
    # setattr: a private classmethod, absent from matplotlib's type stubs.
    setattr(matplotlib.artist.Artist, "_update_set_signature_and_docstring",  # noqa: B010
            classmethod(lambda cls: None))
