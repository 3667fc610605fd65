"""The Makefile: `make clean` stays in the project."""

from __future__ import annotations

import shlex
import shutil
import subprocess

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="no make here")


def make(*args: str) -> str:
    done = subprocess.run(["make", "--no-print-directory", "-C", str(ROOT), *args],
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stderr == ""
    return done.stdout


def test_clean_removes_nothing_outside_the_project() -> None:
    commands = [shlex.split(line) for line in make("-n", "clean").splitlines()]
    assert commands and all(c[0] == "rm" for c in commands)
    paths = [arg for c in commands for arg in c[1:] if not arg.startswith("-")]
    assert "build" in paths
    for path in paths:
        assert not path.startswith(("/", "~", "$")) and ".." not in path, path
