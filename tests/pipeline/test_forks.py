"""fork_call: the value (or the error) is always what running the function here gives, and
no child outlives the process that started it."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from handout.pipeline import forks
from handout.pipeline.forks import fork_call
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(forks.context() is None, reason="no safe fork here")


def whose_pid(offset: int) -> tuple[int, int]:
    return os.getpid(), offset


def test_the_function_runs_in_a_child_and_its_value_comes_back() -> None:
    pid, offset = fork_call(whose_pid, 7)()
    assert offset == 7
    assert pid != os.getpid()  # it ran elsewhere


def test_the_child_is_reaped_when_its_value_is_read() -> None:
    pending = fork_call(whose_pid, 1)
    pid, _ = pending()
    with pytest.raises(ChildProcessError):  # waited for already: no zombie is left
        os.waitpid(pid, os.WNOHANG)


def fails(message: str) -> None:
    raise ValueError(message)


def test_a_failing_function_raises_here_as_it_would_without_the_fork(
        capfd: pytest.CaptureFixture[str]) -> None:
    pending = fork_call(fails, "no good")
    with pytest.raises(ValueError, match="no good"):
        pending()
    assert "Traceback" not in capfd.readouterr().err  # the child said nothing of its own


def only_fails_in_a_child(parent: int) -> str:
    if os.getpid() != parent:
        os._exit(3)  # the child dies without a word (as if killed)
    return "ran here"


def test_a_child_that_dies_is_replaced_by_running_here() -> None:
    assert fork_call(only_fails_in_a_child, os.getpid())() == "ran here"


def test_nice_lowers_only_the_childs_priority() -> None:
    here = os.nice(0)
    assert fork_call(os.nice, 0, nice=10)() == min(here + 10, 19)
    assert os.nice(0) == here


def test_with_a_thread_running_it_runs_here() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert forks.context() is None
        assert fork_call(whose_pid, 2)() == (os.getpid(), 2)
    finally:
        stop.set()
        thread.join()


def test_without_fork_it_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forks, "_FORK", None)  # as on Windows and macOS
    assert fork_call(whose_pid, 3)() == (os.getpid(), 3)
    assert forks.ChartWorker.start() is None


# A child whose value is never asked for (the build failed first) must not keep running
# after the command, nor keep the command waiting for it.
FORGOTTEN = """
import time
from handout.pipeline.forks import fork_call
pending = fork_call(time.sleep, 60)
import multiprocessing
print(multiprocessing.active_children()[0].pid)
"""


def test_a_child_never_asked_for_is_stopped_when_the_process_exits() -> None:
    done = subprocess.run([sys.executable, "-c", FORGOTTEN], cwd=ROOT, text=True,
                          capture_output=True, timeout=30, check=True)
    pid = int(done.stdout)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return
    os.kill(pid, 9)
    pytest.fail("the child outlived its parent")
