"""Fitting's answer kept for the next build (pipeline/hints.py): in the cache folder, one
small file per handout and variant, never needed and never trusted blindly (the PDF is
the same bytes with it, without it, and with a damaged one)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handout.layout.formats.fitting import Step
from handout.pipeline.build import Options, build
from handout.pipeline.hints import hint_file, keep_hint, read_hint
from tests.conftest import ROOT

SLEEP = ROOT / "examples" / "sleep" / "content.yaml"
KEY = {"fmt": "trifold", "paper": "letter", "large_print": False, "language": "en"}


def pdf(out: Path, options: Options) -> bytes:
    build(SLEEP, out, options)
    return out.read_bytes()


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The tri-fold built with no hint (the cache off)."""
    out = tmp_path_factory.mktemp("plain") / "plain.pdf"
    return pdf(out, Options(format="trifold", check=False, cache=False))


def test_a_rebuild_with_its_hint_makes_the_same_pdf(tmp_path: Path, plain: bytes) -> None:
    cache = tmp_path / "cache"
    first = pdf(tmp_path / "first.pdf", Options(format="trifold", check=False, cache_dir=cache))
    [kept] = cache.glob("fit-*.json")
    assert kept == hint_file(cache, SLEEP, **KEY)
    step = read_hint(kept)
    assert step is not None and step.pages == 0 and 12 <= step.body_size <= 14
    again = pdf(tmp_path / "again.pdf", Options(format="trifold", check=False, cache_dir=cache))
    assert plain == first == again


@pytest.mark.parametrize("stored", [b"\xff not JSON", b"[]", b'{"pages": 0}',
                                    b'{"pages": 0, "spacing": 1, "body_size": 30, '
                                    b'"left_out": [["sections", 99]]}'])
def test_a_damaged_or_wrong_hint_is_only_a_slower_build(tmp_path: Path, stored: bytes,
                                                        plain: bytes) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    kept = hint_file(cache, SLEEP, **KEY)
    kept.write_bytes(stored)
    assert pdf(tmp_path / "h.pdf", Options(format="trifold", check=False, cache_dir=cache)) == plain
    assert read_hint(kept) is not None  # replaced by what fitting found


def test_no_hint_is_kept_with_the_cache_off_or_for_the_document(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build(SLEEP, tmp_path / "a.pdf", Options(format="sheet", check=False, cache=False,
                                             cache_dir=cache))
    build(SLEEP, tmp_path / "b.pdf", Options(format="document", check=False, cache_dir=cache))
    assert not list(cache.glob("fit-*.json"))


def test_each_variant_that_fits_differently_has_a_hint_of_its_own(tmp_path: Path) -> None:
    files = {hint_file(tmp_path, SLEEP, **(KEY | change)) for change in
             [{}, {"fmt": "sheet"}, {"paper": "a4"}, {"large_print": True}, {"language": "es"}]}
    files.add(hint_file(tmp_path, SLEEP.with_name("other.yaml"), **KEY))
    assert len(files) == 6


def test_a_hint_is_written_whole_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "fit-x.json"
    step = Step(12, 0.7, 12.5, (("sections", 8), ("plan", "extra")))
    keep_hint(path, step)
    assert json.loads(path.read_text())["left_out"] == [["sections", 8], ["plan", "extra"]]
    assert read_hint(path) == step
    assert [p.name for p in tmp_path.iterdir()] == ["fit-x.json"]  # no temporary file left
