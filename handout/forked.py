"""Run one function in a forked child process and collect its result: work for the second
core that needs nothing but what this process already has in memory.

A plain fork and a pipe, not a process pool: a pool starts threads and queues in both
processes, about 15 ms of a build's critical path. If the child fails in any way, the
function simply runs here when its result is asked for, so the answer is always the one a
single process would give (including its exceptions).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def fork_call(fn: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Start `fn(*args)` in a child; call the result to wait for its value. Where forking is
    not safe (other systems, threads running) it runs at once, here."""
    if sys.platform != "linux" or threading.active_count() > 1:
        value = fn(*args)
        return lambda: value
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover  # the child; coverage does not follow forks
        os.close(read)
        _child(write, fn, args)
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


def _child(write: int, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:  # pragma: no cover
    code = 0
    try:
        value = fn(*args)
        with os.fdopen(write, "wb") as pipe:
            pickle.dump(value, pipe)
    except BaseException:  # the parent runs fn itself and meets the same error, if any
        code = 1
    finally:
        os._exit(code)
