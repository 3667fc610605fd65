"""Forked child processes for work on the machine's second core (see parallel.py).

`fork_call` runs one function in a child forked when it is asked for; `ChartWorker` is forked
before the slow imports, imports matplotlib at once, and then draws the one chart it is sent.
Plain forks and pipes, not a process pool: a pool starts threads and queues in both
processes. Whatever goes wrong in a child, the same work is done here when its result is
asked for, so the answer is always the one a single process gives (its exceptions included).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from handout.chart.art import ChartArt, ChartRequest, draw_chart
from handout.chart.data import chart_figure

T = TypeVar("T")


def fork_call(fn: Callable[..., T], *args: Any, nice: int = 0) -> Callable[[], T]:
    """Start `fn(*args)` in a child; call the result to wait for its value. Where forking is
    not safe (other systems, threads running) it runs at once, here. `nice` lowers the
    child's priority: work whose answer is wanted last gives way to work on the critical
    path."""
    if not _can_fork():
        value = fn(*args)
        return lambda: value
    read, write = os.pipe()
    pid = _fork()
    if pid == 0:  # pragma: no cover  # the child; coverage does not follow forks
        os.close(read)
        _child(write, fn, args, nice)
    os.close(write)

    def result() -> T:
        value: Any = _MISSING
        try:
            with os.fdopen(read, "rb") as pipe:
                value = pickle.load(pipe)
        except (OSError, EOFError, pickle.UnpicklingError):
            pass
        finally:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        return fn(*args) if value is _MISSING else value

    return result


_MISSING: Any = object()  # what a child that failed sent: nothing


def _child(write: int, fn: Callable[..., Any], args: tuple[Any, ...],
           nice: int) -> None:  # pragma: no cover
    code = 0
    try:
        os.nice(nice)
        value = fn(*args)
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(value, pipe)
    except BaseException:  # the parent runs fn itself and meets the same error, if any
        code = 1
    finally:
        os._exit(code)


def _fork() -> int:
    """`os.fork()`, after taking every object made so far out of the garbage collector's
    sight (`gc.freeze`), as the gc module's documentation advises before a fork without exec:
    the child's collections then leave the parent's objects, and the memory pages it shares
    with the parent, alone. The parent keeps them frozen too. A build forks once its imports
    and the document are loaded, which are never garbage, so its own later collections, the
    ones at exit included, no longer walk them (about 0.1 s of a cold build)."""
    gc.freeze()
    return os.fork()


def _can_fork() -> bool:
    """Forking is safe on Linux while this process runs no other thread."""
    return sys.platform == "linux" and threading.active_count() == 1


class ChartWorker:
    """One forked process that imports matplotlib at once and then draws one chart."""

    def __init__(self, pid: int, requests: int, results: int) -> None:
        self.pid: int | None = pid
        self._requests: int | None = requests  # write end: the request, pickled
        self._results: int | None = results  # read end: the ChartArt, pickled

    @classmethod
    def start(cls) -> ChartWorker | None:
        """Fork a worker, or None where that is not safe or not worth it (matplotlib is
        already imported here)."""
        if not _can_fork() or "matplotlib" in sys.modules:
            return None
        request_r, request_w = os.pipe()
        result_r, result_w = os.pipe()
        pid = _fork()
        if pid == 0:  # pragma: no cover  # the child; coverage does not follow forks
            os.close(request_w)
            os.close(result_r)
            _draw_in_child(request_r, result_w)
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
                # The figure as plain data: unpickling it needs neither pydantic nor the model.
                pickle.dump(replace(request, figure=chart_figure(request.figure)), pipe)
        except OSError:  # the worker is gone: draw here when asked
            return lambda: draw_chart(request)
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
        # A worker that failed says nothing: drawing here raises the real error, if any.
        return art if isinstance(art, ChartArt) else draw_chart(request)

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


def _draw_in_child(requests: int, results: int) -> None:  # pragma: no cover  # the child
    code = 0
    gc.disable()  # it draws one chart and exits: collecting garbage would only cost time
    try:
        from handout.chart.render import load_matplotlib

        load_matplotlib()  # the slow part, done while the parent is still importing
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
