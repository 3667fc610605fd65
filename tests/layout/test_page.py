"""Page furniture on paper: the footer stays where office printers print."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT, ROOT

RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"


@pytest.mark.parametrize("options", [
    [],
    ["--paper", "a4", "--large-print"],
    ["--paper", "a4", "--clinic", str(RIVERSIDE)],
])
def test_no_footer_text_nearer_the_paper_edge_than_half_an_inch(
        tmp_path: Path, options: list[str]) -> None:
    out = tmp_path / "h.pdf"
    assert main(["build", str(CONTENT), "-o", str(out), "--no-check", *options]) == 0
    with pymupdf.open(out) as pdf:
        for page in pdf:
            lowest = max(word[3] for word in page.get_text("words"))  # text box bottoms
            assert page.rect.height - lowest >= 0.5 * 72 - 0.01, (options, page.number)
