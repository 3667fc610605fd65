"""What the check's tests share: content.yaml read and validated once, checked on a fixed
day (its review dates stay current)."""

from __future__ import annotations

import datetime as dt

import pytest

from handout.check import Report, run_checks
from handout.input.loader import Located
from handout.input.model import Document
from handout.input.sources import load_content
from handout.input.validate import parse_document
from tests.conftest import CONTENT

TODAY = dt.date(2026, 11, 25)


@pytest.fixture(scope="module")
def located() -> Located:
    return load_content(CONTENT)


@pytest.fixture(scope="module")
def doc(located: Located) -> Document:
    return parse_document(located)


def check(doc: Document, located: Located) -> Report:
    return run_checks(doc, located, TODAY)
