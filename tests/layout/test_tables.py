"""A section's blocks in the built PDF: in the order written, a table whose header row
repeats after a page break (read once by a screen reader), and checklists with tick boxes."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf

from handout.pipeline.build import Options, prepare, render
from tests.input.test_sections import EVERY_KIND, write
from tests.pdf_structure import elements, sequence_texts, spoken


def built(folder: Path, section: str, options: Options | None = None) -> Path:
    path = write(folder, section)
    doc, _ = prepare(path)
    pdf, _ = render(doc, folder, options or Options())
    out = folder / "handout.pdf"
    out.write_bytes(pdf)
    return out


def test_blocks_print_in_the_order_written(tmp_path: Path) -> None:
    with pymupdf.open(built(tmp_path, EVERY_KIND)) as pdf:
        text = " ".join(" ".join(page.get_text().split()) for page in pdf)
    at = text.index("What you can do Small, steady changes")
    for expected in ["Oats.", "Beans.", "1. Pick one fiber food.", "2. Eat it each day.",
                     "I ate a fiber food today.", "Fiber in some foods", "Food Fiber",
                     "Oats 4 grams", "Lentils 8 grams", "A tip", "Drink water.",
                     "A calm room helps you sleep.", "Drawing by the clinic team.",
                     "Fig. 1. Gut bacteria variety", "The science is still growing"]:
        found = text.index(expected, at)
        assert found > at, expected
        at = found


LONG_TABLE = EVERY_KIND.replace("""            - [Oats, "4 grams"]
            - [Lentils, "8 grams"]
""", "".join(f'            - ["Food {r}", "{r} grams"]\n' for r in range(1, 31)))


def test_a_long_tables_header_repeats_after_a_page_break(tmp_path: Path) -> None:
    out = built(tmp_path, LONG_TABLE)
    with pymupdf.open(out) as pdf:
        pages = [page for page in pdf if "grams" in page.get_text()]
        assert len(pages) == 2, "the 30 rows should split across two pages"
        for page in pages:
            words = page.get_text("words")
            header = min(w[1] for w in words if w[4] == "Fiber")
            first_row = min(w[1] for w in words if w[4] == "grams")
            assert header < first_row  # the header row heads the table on both pages
        assert "Food 30" in pages[1].get_text()
    with pikepdf.open(out) as tagged:
        found = list(elements(tagged))
        roles = [str(e.S) for e in found]
        assert roles.count("/Table") == 1 and roles.count("/TR") == 31
        assert roles.count("/TH") == 2 and roles.count("/TD") == 60
        assert [str(e.A.Scope) for e in found if e.S == "/TH"] == ["/Column", "/Column"]
        assert {str(e.S) for e in found if e.S != "/Table" and "/P" in e
                and e.P.get("/S") == "/Table"} == {"/TR", "/Caption"}
        read = spoken(tagged, sequence_texts(out))
    # The header printed twice is read once: its copy on the second page is an artifact.
    assert read.count("FoodFiber") == 1
    assert "FiberinsomefoodsFoodFiberFood11gramsFood22grams" in read


def test_a_checklist_draws_a_tick_box_by_each_item(tmp_path: Path) -> None:
    section = EVERY_KIND.replace('      - checklist: ["I ate a fiber food today."]',
                                 '      - checklist: ["I ate a fiber food today.", '
                                 '"I drank water with it."]')
    with pymupdf.open(built(tmp_path, section)) as pdf:
        [page] = [p for p in pdf if "I drank water with it." in p.get_text()]
        squares = [d["rect"] for d in page.get_drawings()
                   if d["rect"].width > 10 and abs(d["rect"].width - d["rect"].height) < 0.5]
        for item in ("I ate a fiber food today.", "I drank water with it."):
            [line] = page.search_for(item)
            beside = [r for r in squares if r.x1 < line.x0 and r.y0 < line.y1
                      and r.y1 > line.y0]
            assert len(beside) == 1, item
            assert beside[0].width == 17.5  # 1.25 x the 14 pt body, as in "My plan"


def test_a_table_prints_its_source_line_under_it(tmp_path: Path) -> None:
    section = EVERY_KIND.replace('            - [Lentils, "8 grams"]\n',
                                 '            - [Lentils, "8 grams"]\n'
                                 '          source: "USDA FoodData Central, 2024"\n')
    with pymupdf.open(built(tmp_path, section)) as pdf:
        [page] = [p for p in pdf if "Lentils" in p.get_text()]
        [source] = page.search_for("Source: USDA FoodData Central, 2024")
        [last_row] = page.search_for("Lentils")
        spans = [s for b in page.get_text("dict")["blocks"] for line in b.get("lines", [])
                 for s in line["spans"] if s["text"].startswith("Source: USDA")]
    # Right under the last row, at the table's left edge, in the small type (10 pt at 14).
    assert 0 < source.y0 - last_row.y1 < 20  # the row's rule and a small gap between
    assert abs(source.x0 - last_row.x0) < 1
    assert spans and spans[0]["size"] < 12
