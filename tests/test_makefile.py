"""The Makefile: plain `make` lists what it can do, and `make clean` stays in the project."""

from __future__ import annotations

import re
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


def declared_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return {t for line in re.findall(r"^\.PHONY:(.*)$", text, re.MULTILINE)
            for t in line.split()}


def test_plain_make_lists_every_target_with_one_line() -> None:
    would_run = [line.split()[0] for line in make("-n").splitlines()]
    assert set(would_run) == {"echo", "awk"}, "plain make must do nothing but print"
    out = make()
    lines = out.splitlines()
    assert lines[0] == "Type make and one of these:"
    matches = [re.fullmatch(r"  make (\S+) +(\S.*)", line) for line in lines[1:]]
    assert all(matches), lines
    listed = {m[1]: m[2] for m in matches if m}
    assert set(listed) == declared_targets() >= {"handout", "test", "watch", "all", "clean"}
    assert listed["handout"] == "build build/handout.pdf from content.yaml (CONTENT=, OUT=)"


def test_clean_removes_nothing_outside_the_project() -> None:
    commands = [shlex.split(line) for line in make("-n", "clean").splitlines()]
    assert commands and all(c[0] == "rm" for c in commands)
    paths = [arg for c in commands for arg in c[1:] if not arg.startswith("-")]
    assert "build" in paths
    for path in paths:
        assert not path.startswith(("/", "~", "$")) and ".." not in path, path
