"""fork_call: the value (or the error) is always what running the function here gives."""

from __future__ import annotations

import os
import sys

import pytest

from handout.pipeline.forks import fork_call

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="fork")


def whose_pid(offset: int) -> tuple[int, int]:
    return os.getpid(), offset


def test_the_function_runs_in_a_child_and_its_value_comes_back() -> None:
    pid, offset = fork_call(whose_pid, 7)()
    assert offset == 7
    assert pid != os.getpid()  # it ran elsewhere


def fails(message: str) -> None:
    raise ValueError(message)


def test_a_failing_function_raises_here_as_it_would_without_the_fork() -> None:
    pending = fork_call(fails, "no good")
    with pytest.raises(ValueError, match="no good"):
        pending()


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
