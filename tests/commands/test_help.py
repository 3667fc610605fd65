"""`handout --help` and the README's command-line section say the same (issue 19, item 6):
the same commands, each with the same options and choices. Read from the real --help."""

from __future__ import annotations

import re

import pytest

from handout.commands.cli import main
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## The command line", 1)[1].split("\n### ", 1)[0]
SYNOPSIS = SECTION.split("```sh\n", 1)[1].split("```", 1)[0]
FLAG = re.compile(r"(?<![\w-])(--?[a-z][\w-]*)")


def help_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    out, err = capsys.readouterr()
    assert err == ""  # help is a result: stdout
    return out


def usage(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    text = help_text(capsys, *argv)
    return " ".join(text.split("\n\n", 1)[0].split())


def commands(capsys: pytest.CaptureFixture[str]) -> list[str]:
    found = re.search(r"\{([\w,]+)\}", usage(capsys))
    assert found
    return found.group(1).split(",")


def readme_lines(command: str) -> str:
    """The README's synopsis of `command`, continuation lines included."""
    lines = SYNOPSIS.split("\n")
    start = next(i for i, line in enumerate(lines)
                 if re.match(rf"handout {command}\b", line))
    out = [lines[start]]
    for line in lines[start + 1:]:  # its continuation lines are indented
        if not line.startswith(" "):
            break
        out.append(line)
    synopsis = " ".join(line.split("#", 1)[0] for line in out)
    if "the same options as build" in synopsis:
        synopsis += " " + readme_lines("build")
    return synopsis


def test_readme_lists_every_command_and_no_other(capsys: pytest.CaptureFixture[str]) -> None:
    listed = {m.group(1) for m in re.finditer(r"^handout ([a-z]+)\b", SYNOPSIS, re.MULTILINE)}
    assert listed == set(commands(capsys))


def test_each_command_has_the_options_the_readme_gives(
        capsys: pytest.CaptureFixture[str]) -> None:
    for command in commands(capsys):
        said = usage(capsys, command)
        flags = set(FLAG.findall(said)) - {"-h"}
        written = set(FLAG.findall(readme_lines(command)))
        assert flags <= written, f"{command}: the README leaves out {flags - written}"
        assert written <= flags, f"{command}: the README names options it does not take"
        for flag, choices in re.findall(r"(--[\w-]+) \{([\w,]+)\}", said):
            shown = re.search(rf"{flag} ([\w|]+)", readme_lines(command))
            if shown and "|" in shown.group(1):
                assert shown.group(1).split("|") == choices.split(","), (command, flag)


def test_the_option_table_names_only_options_there_are(
        capsys: pytest.CaptureFixture[str]) -> None:
    every = set(FLAG.findall(usage(capsys)))
    for command in commands(capsys):
        every |= set(FLAG.findall(help_text(capsys, command)))
    table = re.findall(r"^\| `([^`]+)`", SECTION, re.MULTILINE)
    assert table
    for cell in table:
        for flag in cell.split(", "):
            assert flag in every, f"the README's table names {flag}, which no command takes"
    documented = {f for cell in table for f in cell.split(", ")} | set(FLAG.findall(SYNOPSIS))
    assert every - {"-h", "--help"} <= documented
