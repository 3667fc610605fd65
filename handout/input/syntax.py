"""Words for text the YAML parser refuses, placed where it stopped reading.

The parser's own words ("found character '\\t' that cannot start any token") are kept where
they are the best there is, with a hint; a tab, the most common mistake, is named plainly.
"""

from __future__ import annotations

import re

import yaml

from handout.common.errors import Problem

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, not Python's


def yaml_lines(text: str) -> list[str]:
    """The lines of `text` as the YAML parser counts them (its marks index into these)."""
    return _BREAK.split(text)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    lines = yaml_lines(text)
    before = lines[line][:col + 1] if line < len(lines) else ""
    if before.endswith("\t"):
        message = ("a tab: indent with spaces (YAML does not allow tabs; most editors can put "
                   "spaces when you press Tab)" if not before.strip() else
                   "a tab: use spaces instead (YAML does not allow tabs here)")
    else:
        what = (exc.problem or exc.context or "not valid YAML").strip()
        message = f"YAML syntax: {what} (check indentation, colons and quotes)"
    return Problem(shown, line + 1, col + 1, "", message)


def control_character_problem(exc: yaml.reader.ReaderError, text: str, shown: str) -> Problem:
    """A character YAML does not allow, e.g. pasted from a PDF."""
    line = text.count("\n", 0, exc.position) + 1
    col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    return Problem(shown, line, col, "", (
        f"this file contains an invisible control character (U+{exc.character:04X}), "
        "often pasted in from a PDF or a word processor; delete it and retype the text "
        "around it"))
