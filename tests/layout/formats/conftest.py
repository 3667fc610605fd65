"""The rack formats built from the real content files, each build made once per session.

Builds run in-process and share one folder, so Fig. 1 is drawn once and cached for all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from handout.pipeline.build import Options, build
from tests.conftest import CONTENT, ROOT

SPANISH = ROOT / "content.es.yaml"
RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"
FILES = {"en": CONTENT, "es": SPANISH}


@dataclass(frozen=True)
class Print:
    """One build: content file ("en" or "es"), format and print variant."""

    content: str = "en"
    format: str = "document"
    paper: str = "letter"
    riverside: bool = False  # the second clinic (--clinic riverside-family-health.yaml)
    large_print: bool = False
    imposed: bool = False
    print_shop: bool = False

    @property
    def name(self) -> str:
        flags = [self.content, self.format, self.paper]
        flags += [name for name, on in (("riverside", self.riverside),
                                        ("large", self.large_print),
                                        ("imposed", self.imposed),
                                        ("shop", self.print_shop)) if on]
        return "-".join(flags)

    @property
    def clinic(self) -> Path | None:
        return RIVERSIDE if self.riverside else None


Builder = Callable[[Print], Path]


@pytest.fixture(scope="session")
def rack(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Builds a print the first time it is asked for; the PDF's path after that."""
    folder = tmp_path_factory.mktemp("rack")
    made: dict[Print, Path] = {}

    def get(p: Print) -> Path:
        if p not in made:
            out = folder / f"{p.name}.pdf"
            build(FILES[p.content], out, Options(
                format=p.format, paper=p.paper, large_print=p.large_print,
                imposed=p.imposed, print_shop=p.print_shop, clinic=p.clinic, check=False))
            made[p] = out
        return made[p]
    return get
