"""Property tests: valid documents always build; mangled content always ends in a PDF or
located errors, never a traceback. Plus the "nothing lost" guarantees of the writer."""

from __future__ import annotations

import contextlib
import copy
import io
import os
import re
import stat
import threading
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handout.commands.cli import main
from handout.common import files
from handout.common.errors import HandoutError
from handout.input.fits import LIST_ITEMS, PAGE_LINES, boxed_lines, overflow
from handout.input.model import KEY_POINTS, Document
from handout.layout.markup import plain
from handout.layout.theme import make_theme
from handout.pipeline import build as pipeline
from handout.pipeline.build import render, write_atomic
from tests.conftest import CONTENT, ROOT, content_data

BASE = content_data()
LINES = CONTENT.read_text(encoding="utf-8").splitlines()
LOCATED = re.compile(r"^\S*content\.yaml:\d+:\d+: ")
SLOW = settings(max_examples=15, deadline=20_000, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# Printable text a clinic could type, markup-looking characters included.
TEXT = st.text(alphabet=st.sampled_from(list("abcdefghij KLMNOP.,;:!?'\"&<>$*-/()0123456789é")),
               min_size=1, max_size=300).filter(lambda s: s.strip())
WORD = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyz")), min_size=3,
               max_size=10)


def fits(items: list[str]) -> bool:
    return not overflow(items)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(BASE)
    data["title"] = draw(TEXT.map(lambda s: s[:150]))
    data["intro"] = draw(st.lists(TEXT, max_size=3))
    for section in data["sections"]:
        section.pop("blocks", None)  # the shorthand fields, drawn afresh
        section["heading"] = draw(TEXT.map(lambda s: s[:150]))
        section["paragraphs"] = draw(st.lists(TEXT, min_size=1, max_size=3))
        section["bullets"] = draw(st.lists(TEXT, max_size=7))
    data["plan"]["steps"] = draw(st.lists(TEXT, min_size=1, max_size=7))
    # A boxed list must fit one page in large print: the model refuses any other.
    data["key_points"]["items"] = draw(st.lists(TEXT.map(lambda s: s[:240]), min_size=1,
                                                max_size=KEY_POINTS).filter(fits))
    answers = draw(st.lists(WORD, min_size=1, max_size=3, unique=True))
    data["puzzle"]["riddles"] = [{"question": draw(TEXT.map(lambda s: s[:150])), "answer": a}
                                 for a in answers]
    data["puzzle"]["word_search"]["words"] = draw(st.lists(WORD, max_size=4, unique=True))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        low, est, high = sorted(draw(st.lists(st.floats(-3, 3), min_size=3, max_size=3)))
        rows.append({"label": draw(TEXT.map(lambda s: s[:60])), "estimate": est, "low": low,
                     "high": high})
    data["figure"]["rows"] = rows
    return data


def squashed(text: str) -> str:
    """Text as printed and read back: bold marks gone, no white space (lines may break
    anywhere, a long word included)."""
    return "".join(plain(text).split())


@SLOW
@given(documents())
def test_valid_documents_always_build(data: dict[str, Any]) -> None:
    doc = Document.model_validate(data)
    pdf, pages = render(doc, ROOT)
    assert pdf.startswith(b"%PDF-")
    theme = make_theme(doc.clinic.colours)
    with pymupdf.open(stream=pdf, filetype="pdf") as read:
        assert read.page_count == pages > 0
        texts = [page.get_text() for page in read]
        # Between the margins: the running footer (and page 1's band) do not count as text.
        bodies = [page.get_text(clip=pymupdf.Rect(
            theme.margin, theme.top_margin, page.rect.width - theme.margin,
            page.rect.height - theme.bottom_margin)) for page in read]
        fonts = [font for page in read for font in page.get_fonts(full=True)]
    assert [i + 1 for i, body in enumerate(bodies) if not body.strip()] == []  # no blank page
    assert squashed(doc.title) in squashed(texts[0])  # the title opens page 1
    printed = squashed(" ".join(texts))
    for heading in [section.heading for section in doc.sections]:
        assert squashed(heading) in printed, heading
    assert fonts
    assert {name for _, ext, _, name, *_ in fonts if ext == "n/a"} == set()  # all embedded


def mutate(kind: str, index: int, junk: str) -> str:
    lines = list(LINES)
    i = index % len(lines)
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "junk":
        lines[i] = lines[i][: len(lines[i]) // 2] + junk + lines[i][len(lines[i]) // 2:]
    elif kind == "swap_type" and ":" in lines[i]:
        key = lines[i].split(":", 1)[0]
        lines[i] = f"{key}: {junk}"
    return "\n".join(lines) + "\n"


@SLOW
@given(kind=st.sampled_from(["delete", "duplicate", "junk", "swap_type"]),
       index=st.integers(0, 10_000),
       junk=st.sampled_from(["[1, 2]", "{a: b}", "42", "- x", "&x", "*y", ": :", "!!int x",
                             "\t", '"', "'", "|", ">", "~", "yes", ".nan", "\U0001F600"]))
def test_mutations_end_in_pdf_or_located_errors(tmp_path: Path, kind: str, index: int,
                                                junk: str) -> None:
    folder = tmp_path / f"{kind}-{index}-{ord(junk[0])}"
    folder.mkdir()
    (folder / "assets").symlink_to(ROOT / "assets")
    content = folder / "content.yaml"
    content.write_text(mutate(kind, index, junk), encoding="utf-8")
    out = folder / "h.pdf"
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["build", str(content), "-o", str(out)])
    messages = err.getvalue().splitlines()
    assert code in (0, 2), messages
    if code == 0:
        assert out.read_bytes().startswith(b"%PDF-")
    else:
        assert not out.exists()
        assert messages and all(LOCATED.match(m.replace(str(folder) + "/", ""))
                                for m in messages[:-1]), messages
        assert "Traceback" not in err.getvalue()


def test_unwritable_output_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    code = main(["build", str(CONTENT), "-o", str(blocker / "sub" / "h.pdf")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("handout: cannot write to ") and "Traceback" not in err


def test_interrupted_write_leaves_previous_pdf(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "h.pdf"
    out.write_bytes(b"previous")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(out, b"%PDF-new")
    assert out.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["h.pdf"]


def test_internal_errors_are_reported_without_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "laid_out", broken)
    code = main(["build", str(CONTENT), "-o", str(tmp_path / "h.pdf")])
    err = capsys.readouterr().err
    assert code == 70
    assert "internal error" in err and "--debug" in err and "Traceback" not in err
    with pytest.raises(RuntimeError):
        main(["--debug", "build", str(CONTENT), "-o", str(tmp_path / "h.pdf")])



def test_longest_allowed_words_wrap_instead_of_overflowing() -> None:
    """The caps are the only limit: a word as long as a field allows still lays out."""
    data = copy.deepcopy(BASE)
    data["title"] = "W" * 150
    data["sections"][0]["heading"] = "Gut" * 50
    data["sections"][0]["paragraphs"] = ["x" * 1500]
    data["sections"][0]["bullets"] = ["y" * 600] * LIST_ITEMS
    data["key_points"]["items"] = ["z" * 240] * 4  # a boxed list: 4 x 6.25 lines, the most
    assert boxed_lines(data["key_points"]["items"]) == PAGE_LINES
    pdf, pages = render(Document.model_validate(data), ROOT)
    assert pdf.startswith(b"%PDF-") and pages > 10


def test_a_pipe_or_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/null` must not swap the device for a plain file (a rename would)."""
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    files.write_atomic(pipe, b"%PDF-1.7 test")
    reader.join(timeout=10)
    assert received == [b"%PDF-1.7 test"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)


def test_a_folder_as_output_gets_a_plain_message(tmp_path: Path) -> None:
    with pytest.raises(HandoutError, match="is a folder; give the file to write"):
        files.write_atomic(tmp_path, b"%PDF")
