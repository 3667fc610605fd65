"""Child processes for work on the machine's second core (see parallel.py), made with the
standard library's multiprocessing and its "fork" start method, chosen explicitly.

Why fork, and not multiprocessing's default elsewhere ("spawn"; "forkserver" from Python
3.14 on Linux): a forked child starts as a copy of this process, with what it has imported
and the document it has loaded. A spawned one is a fresh interpreter that imports handout
again and is sent the document as a pickle: that costs more than the work it would take
off this core. So there is no other start method to fall back to: where fork is missing
(Windows) or unsafe (macOS, whose system libraries are not fork-safe; any process running
threads), `context()` is None and everything runs in this process.

`fork_call` runs one function in a child forked when it is asked for; `ChartWorker` is forked
before the slow imports, imports matplotlib at once, and then draws the one chart it is sent.
A `Process` and a `Pipe` each, not a `ProcessPoolExecutor`: a pool pickles the function's
arguments (the whole document) instead of letting the fork copy them, and starts a thread
here, after which a second fork is no longer safe. Whatever goes wrong in a child, the same
work is done here when its result is asked for, so the answer is always the one a single
process gives (its exceptions included). The children are daemons: one whose result is
never asked for (the build failed first) is stopped when this process exits.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any, TypeVar

from handout.chart.art import ChartArt, ChartRequest, draw_chart
from handout.chart.data import chart_figure

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext  # not defined on Windows

T = TypeVar("T")

_FORK: ForkContext | None = (
    multiprocessing.get_context("fork")
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()
    else None)
_MISSING: Any = object()  # what a child that failed sent: nothing


def context() -> ForkContext | None:
    """The fork context, or None where forking is not safe now (see the module's doc)."""
    return _FORK if threading.active_count() == 1 else None


def fork_call(fn: Callable[..., T], *args: Any, nice: int = 0) -> Callable[[], T]:
    """Start `fn(*args)` in a child; call the result to wait for its value. Where forking is
    not safe it runs at once, here. `nice` lowers the child's priority: work whose answer is
    wanted last gives way to work on the critical path."""
    ctx = context()
    if ctx is None:
        value = fn(*args)
        return lambda: value
    here, there = ctx.Pipe()
    process = _start(ctx, _call, there, fn, args, nice)

    def result() -> T:
        value = _receive(here, process)
        return fn(*args) if value is _MISSING else value

    return result


def _call(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...],
          nice: int) -> None:  # pragma: no cover  # the child; coverage does not follow forks
    try:
        os.nice(nice)
        conn.send(fn(*args))
    except BaseException:  # the parent runs fn itself and meets the same error, if any
        sys.exit(1)  # without multiprocessing's traceback on stderr


def _start(ctx: ForkContext, target: Callable[..., None], there: Connection,
           *args: Any) -> BaseProcess:
    """Fork a daemon running `target(there, *args)`, and close `there` here, so a child that
    dies reads as end of file. Before the fork, every object made so far is taken out of the
    garbage collector's sight (`gc.freeze`), as the gc module's documentation advises before
    a fork without exec: the child's collections then leave the parent's objects, and the
    memory pages it shares with the parent, alone. The parent keeps them frozen too: a build
    forks its check once its imports and the document are loaded, which are never garbage,
    so its own later collections, the ones at exit included, no longer walk them."""
    gc.freeze()
    process = ctx.Process(target=target, args=(there, *args), daemon=True)
    process.start()
    there.close()
    return process


def _receive(here: Connection, process: BaseProcess) -> Any:
    """The one value the child sends, or _MISSING if it died first; the child is reaped."""
    try:
        return here.recv()
    except (OSError, EOFError, pickle.UnpicklingError):
        return _MISSING
    finally:
        here.close()
        process.join()


class ChartWorker:
    """One forked process that imports matplotlib at once and then draws one chart."""

    def __init__(self, process: BaseProcess, conn: Connection) -> None:
        self.process: BaseProcess | None = process
        self._conn = conn
        self._sent = False

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    @classmethod
    def start(cls) -> ChartWorker | None:
        """Fork a worker, or None where that is not safe or not worth it (matplotlib is
        already imported here)."""
        ctx = context()
        if ctx is None or "matplotlib" in sys.modules:
            return None
        here, there = ctx.Pipe()
        return cls(_start(ctx, _draw_in_child, there), here)

    @property
    def idle(self) -> bool:
        """True until a request is sent: the worker can still take one."""
        return not self._sent and self.process is not None

    def submit(self, request: ChartRequest) -> Callable[[], ChartArt]:
        """Send `request`; call the result to wait for the drawn chart."""
        if not self.idle:
            return lambda: draw_chart(request)
        self._sent = True
        try:
            # The figure as plain data: unpickling it needs neither pydantic nor the model.
            self._conn.send(replace(request, figure=chart_figure(request.figure)))
        except OSError:  # the worker is gone: draw here when asked
            self.shutdown()
            return lambda: draw_chart(request)
        return lambda: self._result(request)

    def _result(self, request: ChartRequest) -> ChartArt:
        process, self.process = self.process, None
        art = _receive(self._conn, process) if process is not None else _MISSING
        # A worker that failed says nothing: drawing here raises the real error, if any.
        return art if isinstance(art, ChartArt) else draw_chart(request)

    def shutdown(self) -> None:
        """Stop the worker and wait for it. One whose chart was not collected (none was
        needed, or the build failed first) is killed: nothing it holds is worth waiting for."""
        process, self.process = self.process, None
        self._conn.close()
        if process is not None:
            process.kill()
            process.join()


def _draw_in_child(conn: Connection) -> None:  # pragma: no cover  # the child
    gc.disable()  # it draws one chart and exits: collecting garbage would only cost time
    try:
        from handout.chart.render import load_matplotlib

        load_matplotlib()  # the slow part, done while the parent is still importing
        conn.send(draw_chart(conn.recv()))
    except BaseException:  # the parent draws it again and reports whatever went wrong
        sys.exit(1)
