"""A handout that still holds placeholders or made-up contact details prints "SAMPLE – not
for patients" on every page, in every format, small, inside the safe area and clear of the
text; one with real details prints no mark (issue 19, item 2)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pymupdf
import pytest

from handout.commands.new import new_handout
from handout.pipeline.build import Options, build
from tests.check.test_placeholders import real_details
from tests.conftest import ROOT

MARK = "SAMPLE – not for patients"
SAFE = 18.0  # a quarter inch, in points
FORMATS = ["document", "booklet", "trifold", "sheet"]


def marks(path: Path, mark: str = MARK) -> list[int]:
    """How many times each page prints `mark`, checking where each one is."""
    counts = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            found = page.search_for(mark)
            for rect in found:
                assert rect.y1 <= page.rect.height - SAFE + 0.05, "inside the safe area"
                assert rect.height < 14, "small: one line of 10 pt"
                others = [b for b in page.get_text("blocks")
                          if mark not in b[4] and pymupdf.Rect(b[:4]).intersects(rect)]
                assert others == [], "over no other text"
            counts.append(len(found))
    return counts


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("starter") / "mine"
    new_handout(folder, dt.date.today())
    return folder / "content.yaml"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_starter_is_marked_on_every_page(starter: Path, tmp_path: Path, fmt: str) -> None:
    result = build(starter, tmp_path / "s.pdf", Options(format=fmt, cache=False))
    assert marks(result.path) == [1] * result.pages


def test_a_clinic_with_real_details_prints_no_mark(tmp_path: Path) -> None:
    content = real_details(tmp_path) / "content.yaml"
    for fmt in ("document", "trifold"):
        result = build(content, tmp_path / f"{fmt}.pdf", Options(format=fmt, cache=False))
        assert marks(result.path) == [0] * result.pages


def test_the_shipped_clinics_are_marked_in_their_language(tmp_path: Path) -> None:
    """Mind Body 7's phone number and website are made up, and Riverside Family Health says
    it is an example: their handouts are marked, the Spanish one in Spanish."""
    spanish = build(ROOT / "content.es.yaml", tmp_path / "es.pdf",
                    Options(format="sheet", cache=False))
    assert marks(spanish.path, "MUESTRA – no es para pacientes") == [1, 1]
    riverside = build(ROOT / "content.yaml", tmp_path / "r.pdf",
                      Options(format="trifold", cache=False,
                              clinic=ROOT / "assets/clinics/riverside-family-health.yaml"))
    assert marks(riverside.path) == [1, 1]
