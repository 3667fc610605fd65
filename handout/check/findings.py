"""What every check returns: located findings, each with what to change."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from handout.input.loader import Loc, Located, format_loc

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One thing the check found, where it is, and how to fix it."""

    severity: Severity
    file: str
    line: int  # 1-based
    column: int  # 1-based
    path: str  # e.g. "sections[2].paragraphs[0]"; "" for the document itself
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {where}{self.message}"


@dataclass(frozen=True)
class Where:
    """Turns a model location into a `Finding` placed at its file:line:column."""

    located: Located

    def error(self, loc: Loc, message: str, fix: str) -> Finding:
        return self._finding("error", loc, message, fix)

    def warning(self, loc: Loc, message: str, fix: str) -> Finding:
        return self._finding("warning", loc, message, fix)

    def _finding(self, severity: Severity, loc: Loc, message: str, fix: str) -> Finding:
        # A missing optional block (e.g. no `figure`) points at the nearest parent that exists.
        file, line, column = self.located.locate(loc)
        return Finding(severity, file, line, column, format_loc(loc), message, fix)
