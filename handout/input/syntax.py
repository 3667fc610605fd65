"""Words for text the parser refuses, placed where it stopped reading.

The parser's own words ("found character '@' that cannot start any token") are kept where
they are the best there is, with a hint; the common mistakes are named plainly: a tab, a
line indented to no level above it (`indentation`), a ': ' inside a value. A `.json` file
is read by the JSON parser first, so its mistakes are called JSON and placed by it.
"""

from __future__ import annotations

import json
import re

import yaml

from handout.common.errors import ContentError, Problem
from handout.input.indentation import misaligned, stray_colon

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # YAML's line breaks, not Python's


def yaml_lines(text: str) -> list[str]:
    """The lines of `text` as the YAML parser counts them (its marks index into these)."""
    return _BREAK.split(text)


def syntax_problem(exc: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    lines = yaml_lines(text)
    before = lines[line][:col + 1] if line < len(lines) else ""
    what = (exc.problem or exc.context or "not valid YAML").strip()
    message = None
    if before.endswith("\t"):
        message = ("a tab: indent with spaces (YAML does not allow tabs; most editors can put "
                   "spaces when you press Tab)" if not before.strip() else
                   "a tab: use spaces instead (YAML does not allow tabs here)")
    elif what.startswith("expected <block end>"):
        message = misaligned(lines, line, col)
    elif what == "mapping values are not allowed here":
        found = stray_colon(lines, line, col)
        if found:
            col, message = found
    if message is None:
        message = f"YAML syntax: {what} (check indentation, colons and quotes)"
    return Problem(shown, line + 1, col + 1, "", message)


def json_text(text: str, shown: str) -> str:
    """A `.json` file's text, checked by the JSON parser: its mistakes are JSON ones. Tabs
    between values (JSON allows them, YAML does not) become spaces, columns unchanged; a
    tab inside a string is a JSON error already."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        at = exc.doc[exc.pos:exc.pos + 1]
        comma = exc.doc.rstrip()[:exc.pos].rstrip()  # text up to a trailing comma, if any
        if at and at in "]}" and comma.endswith(","):
            line = comma.count("\n") + 1
            raise ContentError([Problem(shown, line, len(comma) - comma.rfind("\n") - 1, "", (
                f"JSON syntax: a comma before '{at}': remove the comma after the last "
                "item"))]) from exc
        what = exc.msg[:1].lower() + exc.msg[1:]
        raise ContentError([Problem(shown, exc.lineno, exc.colno, "", (
            f"JSON syntax: {what} (check commas, brackets and double quotes)"))]) from exc
    return text.replace("\t", " ")


def control_character_problem(exc: yaml.reader.ReaderError, text: str, shown: str) -> Problem:
    """A character YAML does not allow, e.g. pasted from a PDF."""
    line = text.count("\n", 0, exc.position) + 1
    col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
    return Problem(shown, line, col, "", (
        f"this file contains an invisible control character (U+{exc.character:04X}), "
        "often pasted in from a PDF or a word processor; delete it and retype the text "
        "around it"))
