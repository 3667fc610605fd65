"""Shared fixtures: the real handout, built once per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from handout.chart.cache import CACHE_ENV
from handout.input.sources import load_content
from handout.pipeline.build import Options, Result, build

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content.yaml"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Builds that keep their charts in the default place write to a session folder, never
    to the real user cache (child processes inherit it)."""
    folder = tmp_path_factory.mktemp("user-cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        del os.environ[CACHE_ENV]
    else:
        os.environ[CACHE_ENV] = before


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

