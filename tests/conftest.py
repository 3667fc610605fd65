"""Shared fixtures: the real handout, built once per test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pymupdf
import pytest

from handout.input.sources import load_content
from handout.pipeline.build import Options, Result, build

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content.yaml"


def content_data(path: Path = CONTENT) -> dict[str, Any]:
    """The content file's data with its clinic file mounted, ready for `Document`."""
    data: dict[str, Any] = load_content(path).data
    return data


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Result:
    out = tmp_path_factory.mktemp("pdf") / "handout.pdf"
    return build(CONTENT, out, Options())


@pytest.fixture(scope="session")
def pdf(built: Result) -> pymupdf.Document:
    return pymupdf.open(built.path)


@pytest.fixture(scope="session")
def text(pdf: pymupdf.Document) -> str:
    """All text, with line breaks folded to spaces so phrases can be searched."""
    return " ".join(" ".join(page.get_text().split()) for page in pdf)

