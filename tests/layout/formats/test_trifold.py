"""The tri-fold read back from the PDF: fold marks where the sheet folds, text kept clear of
the folds and the trim, what each outside panel carries, and the tagged reading order
(front cover, flap and inside, back cover), per ../shared/print-formats.md: outside
flap | back cover | front cover, the narrow tuck-in panel the flap; inside left | middle |
right, the narrow one at the right."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pikepdf
import pymupdf
import pytest

from handout.common.translations import strings
from handout.pipeline.build import read_document
from tests.layout.formats.conftest import FILES, Builder, Print
from tests.layout.formats.measure import INCH, MM, UNCLIPPED, Line, inside, lines
from tests.pdf_structure import elements, page_numbers, sequence_texts, squash, tree_marks

# Fold positions from the left edge, per paper and side (page 1: outside, page 2: inside).
FOLDS = {"letter": ((3.625 * INCH, 7.3125 * INCH), (3.6875 * INCH, 7.375 * INCH)),
         "a4": ((97 * MM, 197 * MM), (100 * MM, 200 * MM))}
CLEAR = 0.25 * INCH  # from every fold and trim edge
TICK = 0.5 * INCH  # fold marks are shorter than this and lie within it of the edge
PRINTS = {"en": Print(format="trifold"), "a4": Print(format="trifold", paper="a4"),
          # Spanish: its help panel and its plan are both too tall for the flap at 12 pt
          # as measured, so the plan's fit there is tried by the layout itself.
          "es": Print("es", "trifold", paper="a4"), "es-letter": Print("es", "trifold"),
          "riverside": Print(format="trifold", riverside=True)}


def panels(page: pymupdf.Page, paper: str) -> list[pymupdf.Rect]:
    """The page's three panels, left to right, from the paper's fold positions."""
    edges = [0.0, *FOLDS[paper][page.number], page.rect.width]
    return [pymupdf.Rect(a, 0, b, page.rect.height) for a, b in pairwise(edges)]


def ticks(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Short vertical lines at the top and bottom edges: the fold marks."""
    height = page.rect.height
    return [d["rect"] for d in page.get_drawings()
            if d["rect"].width < 1 and 0 < d["rect"].height < TICK
            and (d["rect"].y1 < TICK or d["rect"].y0 > height - TICK)]


def panel_lines(page: pymupdf.Page, panel: pymupdf.Rect) -> list[Line]:
    """The panel's text lines, top to bottom."""
    return sorted((line for line in lines(page) if inside(line.rect, panel)),
                  key=lambda line: (line.rect.y0, line.rect.x0))


def panel_text(page: pymupdf.Page, panel: pymupdf.Rect) -> str:
    return squash(" ".join(line.text for line in panel_lines(page, panel)))


@pytest.fixture(scope="module", params=list(PRINTS))
def trifold(request: pytest.FixtureRequest, rack: Builder) -> tuple[Print, Path]:
    p = PRINTS[request.param]
    return p, rack(p)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_fold_marks_sit_at_the_folds_of_each_side(rack: Builder, paper: str) -> None:
    with pymupdf.open(rack(PRINTS["en" if paper == "letter" else "a4"])) as pdf:
        for page, folds in zip(pdf, FOLDS[paper], strict=True):
            marks = ticks(page)
            top = sorted(round(r.x0, 2) for r in marks if r.y1 < TICK)
            bottom = sorted(round(r.x0, 2) for r in marks if r.y1 >= TICK)
            expected = [round(x, 2) for x in folds]
            assert top == expected and bottom == expected, (paper, page.number + 1)


def test_a_print_shops_fold_marks_are_outside_the_trim(rack: Builder) -> None:
    with pymupdf.open(rack(Print(format="trifold", print_shop=True))) as pdf:
        for page, folds in zip(pdf, FOLDS["letter"], strict=True):
            trim = page.trimbox
            marks = [d["rect"] for d in page.get_drawings()
                     if d["rect"].width < 1 and 0 < d["rect"].height < TICK
                     and round(d["rect"].x0 - trim.x0, 2) in {round(x, 2) for x in folds}]
            assert len(marks) == 4, page.number + 1
            assert all(r.y1 <= trim.y0 or r.y0 >= trim.y1 for r in marks), page.number + 1


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_the_narrow_panel_is_the_flap_outside_and_the_right_panel_inside(
        rack: Builder, paper: str) -> None:
    """Panel widths, measured between the fold marks and the paper's edges."""
    unit = INCH if paper == "letter" else MM
    wide, narrow = (3.6875, 3.625) if paper == "letter" else (100, 97)
    with pymupdf.open(rack(PRINTS["en" if paper == "letter" else "a4"])) as pdf:
        widths = []
        for page in pdf:
            edges = [0.0, *sorted({r.x0 for r in ticks(page)}), page.rect.width]
            widths.append([round((b - a) / unit, 4) for a, b in pairwise(edges)])
    assert widths == [[narrow, wide, wide], [wide, wide, narrow]]


def test_text_lies_in_one_panel_clear_of_folds_and_edges(trifold: tuple[Print, Path]) -> None:
    p, path = trifold
    near = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for block in page.get_text("dict", flags=UNCLIPPED, clip=pymupdf.INFINITE_RECT()
                                       )["blocks"]:
                for span in (s for line in block.get("lines", []) for s in line["spans"]):
                    if not span["text"].strip():
                        continue
                    box = pymupdf.Rect(span["bbox"])
                    home = [q for q in panels(page, p.paper) if inside(box, q)]
                    assert len(home) == 1
                    room = min(box.x0 - home[0].x0, home[0].x1 - box.x1, box.y0,
                               page.rect.height - box.y1)
                    if room < CLEAR - 0.01:
                        near.append((page.number + 1, span["text"], round(room / INCH, 3)))
    assert not near, f"text nearer a fold or edge than 0.25 in (page, text, inches): {near}"


def test_boxes_and_shapes_keep_clear_of_folds_and_edges(trifold: tuple[Print, Path]) -> None:
    """The band, boxes, icons and the QR code too; the fold marks are in the margin."""
    p, path = trifold
    near = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            marks = ticks(page)
            for drawing in page.get_drawings():
                box = drawing["rect"]
                if box in marks:
                    continue
                home = [q for q in panels(page, p.paper) if q.contains(box)]
                room = min(box.x0 - home[0].x0, home[0].x1 - box.x1, box.y0,
                           page.rect.height - box.y1) if home else -1.0
                if room < CLEAR - 0.01:
                    near.append((page.number + 1, tuple(round(v) for v in box),
                                 round(room / INCH, 3)))
    assert not near, f"drawings nearer a fold or edge than 0.25 in: {near}"


def qr_codes(page: pymupdf.Page, panel: pymupdf.Rect) -> list[pymupdf.Rect]:
    """Square filled shapes at least half an inch wide made of many small squares."""
    return [d["rect"] for d in page.get_drawings()
            if d.get("fill") is not None and inside(d["rect"], panel)
            and d["rect"].width >= 0.5 * INCH
            and abs(d["rect"].width - d["rect"].height) < 1
            and sum(item[0] == "re" for item in d["items"]) >= 50]


def test_each_outside_panel_carries_its_part(trifold: tuple[Print, Path]) -> None:
    p, path = trifold
    doc = read_document(FILES[p.content], p.clinic)
    words = strings(doc.language)
    with pymupdf.open(path) as pdf:
        page = pdf[0]
        flap, back, front = panels(page, p.paper)
        assert squash(doc.clinic.name) in panel_text(page, front)
        assert squash(doc.title) in panel_text(page, front)
        assert squash(doc.key_points.title) in panel_text(page, front)
        back_text = panel_text(page, back)
        assert squash(doc.clinic.phone) in back_text
        assert squash(words("last_reviewed")) in back_text
        assert len(qr_codes(page, back)) == 1
        # The flap holds one whole unit: the help panel where it fits whole, else the plan,
        # and the help panel then opens the inside. Never the tiers run on from the flap
        # past the turn of the paper.
        flap_text, opening = panel_text(page, flap), panel_lines(pdf[1], panels(pdf[1], p.paper)[0])
        tiers = [squash(t.heading.split(",")[0]) for t in doc.help.tiers]
        if panel_lines(page, flap)[0].text == doc.help.title:
            assert all(t in flap_text for t in tiers)
        else:
            assert panel_lines(page, flap)[0].text == doc.plan.title
            assert squash(doc.plan.steps[-1].text.split()[0]) in flap_text
            assert not any(t in flap_text for t in tiers)
            assert opening[0].text == doc.help.title


def test_a_help_panel_opening_the_inside_keeps_each_tier_whole_most_urgent_first(
        trifold: tuple[Print, Path]) -> None:
    """Taller than a panel at the 12 pt floor (content.yaml, Spanish), the help panel runs
    from the inside left panel to the middle one, which face each other on the open sheet:
    split only between tiers, never inside one, the emergency tier under the heading on the
    panel a reader sees when the cover opens."""
    p, path = trifold
    doc = read_document(FILES[p.content], p.clinic)
    with pymupdf.open(path) as pdf:
        inside = [panel_text(pdf[1], panel) for panel in panels(pdf[1], p.paper)]
    if squash(doc.help.title) not in inside[0]:
        pytest.skip("the help panel is whole on the flap")
    for tier in doc.help.tiers:
        start = squash(tier.heading.split(",")[0])
        end = squash(tier.items[-1].replace("*", "")[:30])
        holding = [i for i, text in enumerate(inside) if start in text]
        assert len(holding) == 1 and holding[0] < 2, (tier.level, holding)
        assert end in inside[holding[0]], (tier.level, "split from its heading")
    assert squash(doc.help.tiers[0].heading.split(",")[0]) in inside[0]


def structure(path: Path) -> list[tuple[str, str]]:
    """(role, text) of each structure element with text of its own, in reading order."""
    texts = sequence_texts(path)
    with pikepdf.open(path) as pdf:
        pages = page_numbers(pdf)
        out = [(str(e.S)[1:], squash(" ".join(texts.get(k, "") for k in tree_marks(e, pages))))
               for e in elements(pdf)]
    return [(role, text) for role, text in out if text]


def first(found: list[tuple[str, str]], text: str, role: str | None = None) -> int:
    """Where the first element starting with `text` (and of role `role`) is read."""
    return next(i for i, (r, t) in enumerate(found)
                if t.startswith(squash(text)) and role in (None, r))


def test_tags_read_front_cover_then_flap_and_inside_then_back_cover(rack: Builder) -> None:
    path = rack(PRINTS["en"])
    doc = read_document(FILES["en"])
    found = structure(path)
    title = first(found, doc.title, "H1")
    key = first(found, doc.key_points.title)
    help_ = first(found, doc.help.title)
    section = first(found, "What you can do", "H2")
    plan = first(found, doc.plan.title)
    reviewed = first(found, strings("en")("last_reviewed"))
    # content.yaml's help panel is too tall for the flap: "My plan" is the flap's unit and
    # the help panel opens the inside, before the sections.
    assert title < key < plan < help_ < section < reviewed
    assert first(found, strings("en")("call_us")) > section  # the contact box: back cover


def test_one_question_area_at_most_read_where_it_stands(rack: Builder) -> None:
    found = structure(rack(PRINTS["en"]))
    questions = [text for _, text in found
                 if text.startswith(squash(strings("en")("notes_title")))]
    assert len(questions) <= 1
    assert not any(text.startswith(squash(strings("en")("notes_more"))) for _, text in found)
