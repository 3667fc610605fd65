"""The contact box: its URL beside the QR code when it fits there, else under it at the box's
full width, on one line where that is wide enough; tagged in the order it is read."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf
import pytest

from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT
from tests.pdf_structure import (
    content_marks,
    elements,
    page_numbers,
    sequence_texts,
    spoken,
    squash,
    tree_marks,
)

RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"


def contact(path: Path) -> tuple[list[tuple[str, pymupdf.Rect]], pymupdf.Rect]:
    """The contact page's text lines above the footer (text, box) and the QR code's box."""
    with pymupdf.open(path) as pdf:
        for page in pdf:
            lines = [("".join(s["text"] for s in line["spans"]).replace("\u00a0", " "),
                      pymupdf.Rect(line["bbox"]))
                     for block in page.get_text("dict")["blocks"]
                     for line in block.get("lines", [])
                     if line["bbox"][3] < page.rect.height - 72]  # not the footer
            if any(text.startswith(("Scan the code", "Escanee")) for text, _ in lines):
                [code] = [pymupdf.Rect(d["rect"]) for d in page.get_drawings()
                          if abs(d["rect"].width - d["rect"].height) < 0.1
                          and d["rect"].width > 50]
                return lines, code
    raise AssertionError("no contact box")


@pytest.mark.parametrize(("clinic", "options", "beside", "one_line"), [
    (None, {}, True, True),  # www.mindbody7.example/book fits beside the code
    (RIVERSIDE, {}, False, True),  # under the code, whole on the box's width
    (RIVERSIDE, {"large_print": True}, False, True),
    (RIVERSIDE, {"large_print": True, "paper": "a4"}, False, False),  # breaks after the /
], ids=["mind-body-7", "riverside", "riverside-large", "riverside-large-a4"])
def test_the_url_goes_under_the_code_only_when_it_would_break_beside_it(
        tmp_path: Path, clinic: Path | None, options: dict[str, object], beside: bool,
        one_line: bool) -> None:
    out = tmp_path / "h.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic, **options))  # type: ignore[arg-type]
    url = read_document(CONTENT, clinic).clinic.call_to_action.url.split("://")[1]
    lines, code = contact(out)
    parts = [box for text, box in lines if text.strip() and text.strip() in url]
    assert parts and "".join(t.strip() for t, _ in lines if t.strip() in url) == url
    assert len(parts) == (1 if one_line else 2)
    assert all((box.y0 < code.y1) == beside for box in parts)
    assert all(box.x1 <= code.x0 for box in parts) or not beside


def test_the_box_under_the_code_reads_in_order_and_is_tagged(tmp_path: Path) -> None:
    """The code is read where it stands: after "Scan the code or go to:", before the URL."""
    out = tmp_path / "h.pdf"
    build(CONTENT, out, Options(check=False, clinic=RIVERSIDE, large_print=True, paper="a4"))
    clinic = read_document(CONTENT, RIVERSIDE).clinic
    url = clinic.call_to_action.url
    with pikepdf.open(out) as pdf:
        list(content_marks(pdf))  # every painting operator is marked
        text = spoken(pdf, sequence_texts(out))
    expected = [clinic.call_to_action.text, "Scan the code or go to:", f"QR code for {url}",
                url.split("://")[1], "Call us:", clinic.phone, clinic.address]
    at = 0
    for part in map(squash, expected):
        found = text.find(part, at)
        assert found >= 0, f"not in reading order: {part}"
        at = found + len(part)


Word = tuple[float, float, str]  # x0, x1, text


def reference_lines(path: Path, content: Path) -> list[list[list[Word]]]:
    """Each reference's printed lines, in order, as read back from the PDF: a reference
    starts at a line whose first word is its number, and goes on while the lines after it
    spell its text and link (squashed: line breaks drop the spaces)."""
    refs = read_document(content, None).references
    full = [squash(r.text + (f"doi:{r.doi}" if r.doi else r.url.split("://")[-1].rstrip("/")))
            for r in refs]
    found: list[list[list[Word]]] = []
    spelt = ""
    with pymupdf.open(path) as pdf:
        for page in pdf:
            rows: dict[float, list[Word]] = {}
            for x0, _, x1, y1, word, *_ in page.get_text("words"):
                if y1 < page.rect.height - 72:  # not the footer
                    rows.setdefault(round(y1), []).append((x0, x1, word))
            for _, row in sorted(rows.items()):
                first, *rest = sorted(row)
                text = squash("".join(w for _, _, w in rest))
                i = len(found)
                starts = i < len(refs) and first[2] == f"{i + 1}." and bool(text)
                if starts and full[i].startswith(text) and (not i or spelt == full[i - 1]):
                    found.append([[first, *rest]])
                    spelt = text
                elif found and full[i - 1].startswith(spelt + squash(first[2]) + text):
                    found[-1].append([first, *rest])
                    spelt += squash(first[2]) + text
    assert len(found) == len(refs) and spelt == full[-1], "the references were not all read"
    return found


@pytest.mark.parametrize(("content", "options"), [
    (CONTENT, {}), (CONTENT, {"paper": "a4"}), (CONTENT, {"large_print": True}),
    (ROOT / "content.es.yaml", {}),
], ids=["letter", "a4", "large-print", "spanish"])
def test_reference_numbers_stand_in_a_column_and_wrapped_lines_under_the_text(
        tmp_path: Path, content: Path, options: dict[str, object]) -> None:
    """The numbers end at one x ("9." as "10."); every line of every reference starts at
    one x, that of the text after the number. The number column is only as wide as the
    widest number and a small gap: a wider one would cost lines."""
    out = tmp_path / "h.pdf"
    build(content, out, Options(check=False, **options))  # type: ignore[arg-type]
    refs = reference_lines(out, content)
    numbers = [lines[0][0] for lines in refs]
    starts = [lines[0][1][0] for lines in refs]
    starts += [line[0][0] for lines in refs for line in lines[1:]]
    assert sum(len(lines) > 1 for lines in refs) >= 3  # some references do wrap
    assert max(x1 for _, x1, _ in numbers) - min(x1 for _, x1, _ in numbers) < 0.1
    assert max(starts) - min(starts) < 0.1
    widest = max(x1 - x0 for x0, x1, _ in numbers)
    assert 0 < starts[0] - numbers[0][1] < widest / 2
    column = starts[0] - min(x0 for x0, _, _ in numbers)  # the widest number starts it
    assert column < widest * 1.5


def test_each_reference_is_a_list_item_its_number_the_label(tmp_path: Path) -> None:
    out = tmp_path / "h.pdf"
    build(CONTENT, out, Options(check=False))
    refs = read_document(CONTENT, None).references
    texts = sequence_texts(out)
    with pikepdf.open(out) as pdf:
        pages = page_numbers(pdf)
        lists = [e for e in elements(pdf) if e.S == "/L" and len(e.K) == len(refs)
                 and all(str(item.S) == "/LI" for item in e.K)]
        items = [[(str(kid.S), squash("".join(texts[k] for k in tree_marks(kid, pages))))
                  for kid in item.K] for item in lists[-1].K]
    for number, (item, ref) in enumerate(zip(items, refs, strict=True), start=1):
        assert [role for role, _ in item] == ["/Lbl", "/LBody"]
        assert item[0][1] == f"{number}."
        assert item[1][1].startswith(squash(ref.text))


def test_a_web_address_too_wide_in_bold_even_at_10_pt_is_set_in_the_regular_weight() -> None:
    """Riverside's domain in Noto Sans Bold (Vietnamese) is 3 pt wider than the tri-fold's
    contact box at 10 pt; the regular weight fits, broken only after the slash. Wider
    still, the handout is refused."""
    from handout.common.errors import LayoutFitError
    from handout.layout.contact_lines import url_markup

    def bold(text: str, size: float) -> float:
        return len(text) * size * 0.546  # 185.6 pt for the domain at 10 pt

    def regular(text: str, size: float) -> float:
        return len(text) * size * 0.506

    shown = "www.riversidefamilyhealth.example/appointments"
    assert url_markup(shown, 182.7, 12.0, bold, regular) == (
        '<font size="10.6">www.riversidefamilyhealth.example/<br/>appointments</font>')
    assert url_markup(shown, 200.0, 12.0, bold, regular).startswith('<font size="10.7"><b>')
    with pytest.raises(LayoutFitError, match="too wide for the contact box even at 10 pt"):
        url_markup(shown, 160.0, 12.0, bold, regular)


def test_a_contact_title_never_leaves_one_word_alone_on_a_line(tmp_path: Path) -> None:
    """Beside the QR code on the sleep booklet's back cover, "Call or book online to see
    your family doctor" wrapped "... / online to see / your / family doctor": its last two
    words kept together left the word before them alone. The title now goes across the
    box's top where no measure beside the code sets it without a lone word."""
    out = tmp_path / "sleep.pdf"
    build(ROOT / "examples" / "sleep" / "content.yaml", out,
          Options(format="booklet", check=False))
    with pymupdf.open(out) as pdf:
        blocks = pdf[-1].get_text("blocks")
    [title] = [b[4] for b in blocks if b[4].startswith("Call or book")]
    lines = title.strip().splitlines()
    assert all(len(line.split()) > 1 for line in lines), lines


def test_scan_words_too_wide_beside_a_grown_code_stack_it(tmp_path: Path) -> None:
    """The Russian starter's booklet for a clinic with a short booking URL: its back cover
    grows the QR code, and "Отсканируйте код или откройте:" was left beside it in a column
    too narrow for its words, which ReportLab cut ("Отсканируйт / е код или отк / ройте:").
    A word that does not fit beside the code now stacks the box."""
    import datetime as dt

    from handout.commands.new import new_handout

    new_handout(tmp_path / "ru", dt.date(2026, 12, 7), language="ru")
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text("""\
name: Saint Barnabas Interdisciplinary Women's and Family Clinic
short_name: Saint Barnabas Clinic
colours: {primary: "#5A1F6E", accent: "#0B6E4F", tint: "#F3ECF6"}
phone: +1 (212) 555-0199 ext. 40217
address: |
  Saint Barnabas Medical Arts Building, Floor 14
  1250 Grand Concourse, Suite 1402-B
  Bronx, NY 10456-3321
website: https://www.saintbarnabas-clinic.org/
call_to_action:
  text: Call us or book online to see your family doctor this week
  url: https://sbclinic.org/book?from=handout
""", encoding="utf-8")
    out = tmp_path / "booklet.pdf"
    build(tmp_path / "ru" / "content.yaml", out,
          Options(check=False, clinic=clinic, format="booklet"))
    with pymupdf.open(out) as pdf:
        words = {w[4] for w in pdf[-1].get_text("words")}
    assert {"Отсканируйте", "откройте:"} <= words
