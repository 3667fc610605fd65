"""Errors a clinic user can act on. Each knows how to show itself; the CLI prints them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in a content file."""

    file: str
    line: int  # 1-based
    column: int  # 1-based
    path: str  # e.g. "sections[2].heading"; "" for the document itself
    message: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {where}{self.message}"


INTERNAL_ERROR = 70  # exit code for a bug of ours (EX_SOFTWARE), whichever process met it


class HandoutError(Exception):
    """A problem the user can fix (bad input, missing file); shown without a traceback."""

    exit_code = 2


class ContentError(HandoutError):
    """One or more located problems in a content file, reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class LayoutFitError(HandoutError):
    """Content that cannot be laid out; `loc` says which part of the document it came from."""

    def __init__(self, loc: tuple[str | int, ...], message: str) -> None:
        self.loc = loc
        self.message = message
        super().__init__(message)
