"""Plain words for the two YAML mistakes people make most: indentation and a stray ': '.

PyYAML says "expected <block end>, but found '<block mapping start>'" for a line indented
to no level above it, and "mapping values are not allowed here" both for a line indented
under a line of text and for `heading: Sleep: how much you need`. These functions read the
lines around the parser's mark and say which line to line up with which, or show the line
again with its text in quotes. Each returns None when the text is not what it expects; the
parser's own words are then used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `key:` at the start of a line's content (after any `- `): a word, no spaces or quotes.
_KEY = re.compile(r"[A-Za-z_][\w-]*:(?=\s|$)")
_SNAKE = re.compile(r"[a-z_][a-z0-9_]*$")  # the keys of a content or clinic file


@dataclass(frozen=True)
class _Line:
    """One line's shape: where its content, its `- ` marks and its key start (0-based)."""

    number: int  # 1-based
    indent: int
    dashes: tuple[int, ...]  # the column of each leading `- `
    key: str  # "" when the line has no `key:` after its dashes
    key_column: int


def _shape(number: int, line: str) -> _Line | None:
    """The shape of a line with content; None for a blank or comment line."""
    content = line.lstrip(" ")
    if not content.strip() or content.startswith("#"):
        return None
    indent = column = len(line) - len(content)
    dashes = []
    while line.startswith(("- ", "-\t"), column) or line[column:].rstrip() == "-":
        dashes.append(column)
        column += 1
        while column < len(line) and line[column] == " ":
            column += 1
    found = _KEY.match(line, column)
    key = found.group()[:-1] if found else ""
    return _Line(number, indent, tuple(dashes), key, column)


def _open_lines(lines: list[str], index: int) -> list[_Line]:
    """The lines above line `index` (0-based) that it could line up with: the nearest line,
    then each line above indented less than every line between (nearest first)."""
    found: list[_Line] = []
    for number in range(index, 0, -1):
        shape = _shape(number, lines[number - 1])
        if shape is not None and (not found or shape.indent < found[-1].indent):
            found.append(shape)
            if shape.indent == 0:
                break
    return found


def _targets(above: list[_Line], dash: bool) -> list[tuple[int, int, str]]:
    """(column, line, what) each place a key (or, for a `- ` line, an item) can start."""
    out: dict[int, tuple[int, int, str]] = {}
    for line in above:
        places = ([(c, "the '-'") for c in line.dashes] if dash else
                  [(line.key_column, f"'{line.key}:'")] if line.key else [])
        for column, what in places:
            out.setdefault(column, (column, line.number, what))
    return list(out.values())


def _indent_it(target: tuple[int, int, str]) -> str:
    column, number, what = target
    how = ("start it at the left edge" if column == 0 else
           f"indent it {column} space{'s' if column != 1 else ''}")
    return f"{how}, in line with {what} on line {number}"


def misaligned(lines: list[str], index: int, column: int) -> str | None:
    """For "expected <block end>": line `index` (0-based) starts at `column`, a level no line
    above it has. Names the nearest levels on either side, the closer first."""
    if index >= len(lines):
        return None
    shape = _shape(index + 1, lines[index])
    if shape is None or column != shape.indent:
        return None
    targets = [t for t in _targets(_open_lines(lines, index), bool(shape.dashes))
               if t[0] != column]
    deeper = [t for t in targets if t[0] > column]
    shallower = [t for t in targets if t[0] < column]
    near = ([min(deeper)] if deeper else []) + ([max(shallower)] if shallower else [])
    near.sort(key=lambda t: abs(t[0] - column))  # a tie keeps the deeper first
    if not near:
        return None
    return (f"the indentation of line {index + 1} matches no line above it; "
            + ", or ".join(_indent_it(t) for t in near))


def stray_colon(lines: list[str], index: int, column: int) -> tuple[int, str] | None:
    """For "mapping values are not allowed here" at line `index`, `column` (0-based): the
    column to report and the words, or None."""
    if index >= len(lines):
        return None
    line = lines[index]
    shape = _shape(index + 1, line)
    if shape is None or line[column:column + 1] != ":":
        return None
    if shape.key and column == shape.key_column + len(shape.key):
        return shape.indent, _indented_under_text(lines, index, shape)
    return column, _quote_it(line, shape)


def _indented_under_text(lines: list[str], index: int, shape: _Line) -> str:
    """`title: x` then `  subtitle: y`: YAML reads line 2 as more of `x`."""
    above = _open_lines(lines, index)
    targets = [t for t in _targets(above, False) if t[0] < shape.indent]
    previous = above[0].number if above else index
    said = (f"line {index + 1} is indented more than line {previous}, so YAML reads it as "
            f"more of line {previous}'s text")
    if not targets:
        return said + "; put that text in quotes"
    return (f"{said}; {_indent_it(max(targets))} (or, if it is more of that text, put the "
            "whole text in quotes)")


def _quote_it(line: str, shape: _Line) -> str:
    """`heading: Sleep: how much you need` again, its text in quotes."""
    start = shape.key_column
    if shape.key and _SNAKE.match(shape.key):  # a key, then text with ': ' in it
        start += len(shape.key) + 1
        while start < len(line) and line[start] == " ":
            start += 1
    text = re.split(r"\s#", line[start:], maxsplit=1)[0].strip()
    head = line[:start].strip() if shape.key and _SNAKE.match(shape.key) else \
        line[shape.indent:shape.key_column].strip()
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return ("a ': ' inside text makes YAML read the words before it as a key; put the text "
            f"in quotes: {(head + ' ' if head else '') + quoted}")
