"""The builds the proof reads back, each made once per test session and read once.

Every build runs in-process into one session folder with one chart cache, so a chart is
drawn once for all the builds that print it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from handout.commands.new import new_handout
from handout.common.errors import ContentError
from handout.pipeline.build import Options, build
from tests.proof.pages import Printed, Tokens, read, tokens

ROOT = Path(__file__).resolve().parents[2]
RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"
# Which content file each case prints, and with which clinic file (None: the one it names).
SOURCES: dict[str, tuple[Path | None, Path | None]] = {
    "en": (ROOT / "content.yaml", None),
    "es": (ROOT / "content.es.yaml", None),
    "riverside": (ROOT / "content.yaml", RIVERSIDE),
    "sleep": (ROOT / "examples" / "sleep" / "content.yaml", None),
    "starter": (None, None),  # what `handout new FOLDER` writes, made in the session folder
}
# The starter's review dates are the day it is made and a year later: a fixed day, so each
# session prints the same words (September: the longest month name, the widest date).
STARTER_DAY = dt.date(2026, 9, 30)
LOCATED = re.compile(r"^[^\n:]+:\d+:\d+: ")


@dataclass(frozen=True)
class Case:
    """One build of the matrix: source, format, paper and print variant."""

    source: str
    format: str
    paper: str = "letter"
    large_print: bool = False
    grayscale: bool = False

    @property
    def id(self) -> str:
        flags = [self.source, self.format, self.paper]
        flags += [name for name, on in (("large", self.large_print),
                                        ("gray", self.grayscale)) if on]
        return "-".join(flags)


@dataclass(frozen=True)
class Outcome:
    """A build read back, or the located refusal it met."""

    printed: Printed | None
    tokens: Tokens | None
    refusal: ContentError | None


def located(error: ContentError) -> list[str]:
    """The problems of a refusal that name no file:line:column (none, when it is a good one)."""
    return [str(p) for p in error.problems
            if not LOCATED.match(str(p)) or p.line < 1 or p.column < 1] \
        + ([] if error.problems else ["a refusal with no problem in it"])


class Builds:
    """Builds a case the first time it is asked for; its outcome after that."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.cache = folder / "charts"
        self.made: dict[Case, Outcome] = {}
        self._starter: Path | None = None

    def starter(self) -> Path:
        if self._starter is None:
            new_handout(self.folder / "starter", STARTER_DAY)
            self._starter = self.folder / "starter" / "content.yaml"
        return self._starter

    def source(self, case: Case) -> tuple[Path, Path | None]:
        content, clinic = SOURCES[case.source]
        return (content or self.starter()), clinic

    def __call__(self, case: Case) -> Outcome:
        if case not in self.made:
            content, clinic = self.source(case)
            out = self.folder / f"{case.id}.pdf"
            options = Options(format=case.format, paper=case.paper,
                              large_print=case.large_print, grayscale=case.grayscale,
                              clinic=clinic, check=False, cache_dir=self.cache)
            try:
                build(content, out, options)
            except ContentError as exc:
                self.made[case] = Outcome(None, None, exc)
            else:
                self.made[case] = Outcome(read(out, case.format), tokens(content, clinic),
                                          None)
        return self.made[case]


Builder = Callable[[Case], Outcome]


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> Builds:
    return Builds(tmp_path_factory.mktemp("proof"))
