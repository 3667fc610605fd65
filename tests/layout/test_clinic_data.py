"""Any clinic's data, read back from real PDFs in every format on both papers: a 61-character
name, a phone number with an extension, a long website, a two-line address and a long
call-to-action URL (tests/layout/data/northkingsbridge.yaml). What cannot fit is refused,
located, naming the field that runs over."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pymupdf
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from handout.common.errors import ContentError
from handout.input.clinic import Clinic
from handout.layout.band import NAME_FLOOR, NAME_SIZE, name_lines
from handout.layout.footer import footer_lines
from handout.layout.theme import BOLD, register_fonts
from handout.layout.unbroken import NBSP, address_line, keep_whole
from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT
from tests.layout.test_line_breaks import occurrences, page_text

DATA = Path(__file__).parent / "data"
CLINIC = DATA / "northkingsbridge.yaml"
FORMATS = ("document", "booklet", "trifold", "sheet")
PAPERS = ("letter", "a4")


@dataclass(frozen=True)
class Built:
    fmt: str
    paper: str
    path: Path
    pages: list[str]  # each page's text, a line per printed line


@pytest.fixture(scope="module")
def clinic() -> Clinic:
    return read_document(CONTENT, CLINIC).clinic


@pytest.fixture(scope="module", params=[(f, p) for f in FORMATS for p in PAPERS],
                ids=lambda fp: f"{fp[0]}-{fp[1]}")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    fmt, paper = request.param
    out = tmp_path_factory.mktemp("clinic") / f"{fmt}-{paper}.pdf"
    build(CONTENT, out, Options(check=False, clinic=CLINIC, format=fmt, paper=paper))
    with pymupdf.open(out) as pdf:
        pages = [page_text(page) for page in pdf]
    return Built(fmt, paper, out, pages)


def test_the_phone_number_with_its_extension_is_never_split(built: Built,
                                                            clinic: Clinic) -> None:
    printed = [p for text in built.pages for p in occurrences(clinic.phone, text)]
    assert printed, built.fmt
    assert [p for p in printed if "\n" in p] == []


def test_the_call_to_action_url_breaks_only_after_a_slash(built: Built, clinic: Clinic) -> None:
    url = clinic.call_to_action.url.split("://", 1)[1].rstrip("/")
    printed = [p for text in built.pages for p in occurrences(url, text)]
    assert printed, built.fmt
    for p in printed:
        assert all(p[i - 1] == "/" for i, c in enumerate(p) if c == "\n"), p


def test_the_address_keeps_its_lines(built: Built, clinic: Clinic) -> None:
    first, second = clinic.address_lines
    assert second == "Bronx, NY 10463"
    text = "\n".join(built.pages)
    # The first line may wrap in a narrow panel; the second always starts a line of its own.
    pattern = re.escape(first).replace(r"\ ", "[ \n]") + "\n" + re.escape(second) + "(\n|$)"
    assert re.search(pattern, text, re.MULTILINE), built.fmt


def test_an_address_number_stays_with_the_word_before_it(built: Built) -> None:
    """"Suite 210" and "NY 10463" never break between the word and the number (the
    Mind Body 7 tri-fold printed "Suite / 7")."""
    for token in ("Suite 210", "NY 10463"):
        printed = [p for text in built.pages for p in occurrences(token, text)]
        assert printed and [p for p in printed if "\n" in p] == [], (built.fmt, token)


def test_the_mind_body_7_tri_fold_keeps_suite_7_whole(tmp_path: Path) -> None:
    out = tmp_path / "trifold.pdf"
    build(CONTENT, out, Options(check=False, format="trifold"))
    with pymupdf.open(out) as pdf:
        printed = [p for page in pdf for p in occurrences("Suite 7,", page_text(page))]
    assert printed and [p for p in printed if "\n" in p] == []


def test_address_line_joins_each_number_to_its_word() -> None:
    assert address_line("700 Wellness Way, Suite 7, Springfield") == \
        f"700 Wellness Way, Suite{NBSP}7, Springfield"
    assert address_line("London SW1A 1AA") == f"London SW1A{NBSP}1AA"


def is_bold(span: dict[str, Any]) -> bool:
    return bool(span["flags"] & pymupdf.TEXT_FONT_BOLD)


def band_lines(page: pymupdf.Page) -> list[tuple[str, tuple[float, ...]]]:
    """The bold lines in the band at the page's top: the clinic's name."""
    return [("".join(s["text"] for s in line["spans"]).strip(), tuple(line["bbox"]))
            for block in page.get_text("dict")["blocks"] for line in block.get("lines", [])
            if line["bbox"][3] < 110 and all(is_bold(s) for s in line["spans"])]


def test_the_band_name_is_on_at_most_two_lines_inside_the_page(built: Built,
                                                                clinic: Clinic) -> None:
    with pymupdf.open(built.path) as pdf:
        page = pdf[0]
        width = page.rect.width
        # On the tri-fold's outside, the band is over the front cover, the right panel.
        left = width * 0.6 if built.fmt == "trifold" else 0
        lines = [(text, box) for text, box in band_lines(page) if box[0] >= left]
    # The tri-fold's cover band is one panel: it prints the short name.
    name = clinic.short if built.fmt == "trifold" else clinic.name
    assert 1 <= len(lines) <= 2, lines
    assert " ".join(text for text, _ in lines) == name
    assert all(box[0] >= 0 and box[2] <= width for _, box in lines), lines
    if built.fmt != "trifold":
        assert len(lines) == 2  # too long for one line at full size: two, not one shrunk
    # A cover line never holds one word alone: a short name of two or three words is set
    # on one line, smaller, while it fits at the floor.
    assert all(len(text.split()) > 1 for text, _ in lines) or len(lines) == 1, lines


def test_the_footer_is_one_or_two_planned_lines(built: Built, clinic: Clinic) -> None:
    """Short name and phone, then the website: a planned second line, never a wrap."""
    if built.fmt not in ("document", "sheet"):
        return  # the booklet numbers its pages; the tri-fold has no footer
    planned = f"{clinic.short}  ·  {clinic.phone}\n{clinic.website_text}\n"
    assert all(planned in text + "\n" for text in built.pages), built.pages[0][-300:]


def lone_last_words(path: Path) -> list[str]:
    """Titles (blocks set all in bold) whose last line holds one word although it and the
    word before it would fit on a line of the block (a rewrap could fix it)."""
    register_fonts()
    found = []
    with pymupdf.open(path) as pdf:
        for page in pdf:
            for block in page.get_text("dict")["blocks"]:
                lines = [line for line in block.get("lines", [])
                         if "".join(s["text"] for s in line["spans"]).strip()]
                spans = [s for line in lines for s in line["spans"] if s["text"].strip()]
                if len(lines) < 2 or not all(is_bold(s) for s in spans):
                    continue
                words = ["".join(s["text"] for s in line["spans"]).split() for line in lines]
                text = " ".join(" ".join(w) for w in words)
                if len(words[-1]) != 1 or len(text.split()) < 3 or "/" in text or all(
                        len(w) == 1 for w in text.split()):  # a URL; the word search's grid
                    continue
                size = spans[-1]["size"]
                # The word before the last as ReportLab saw it: a phone number is one word.
                pair = " ".join(keep_whole(text).split(" ")[-2:]).replace(NBSP, " ")
                widest = max(line["bbox"][2] - line["bbox"][0] for line in lines)
                if stringWidth(pair, BOLD, size) <= widest:
                    found.append(f"p{page.number + 1}: {text!r}")
    return found


def test_no_title_ends_on_a_lone_word(built: Built) -> None:
    assert lone_last_words(built.path) == []


def clinic_file(tmp_path: Path, **changes: str) -> Path:
    """The test clinic with some fields changed ("" removes the field)."""
    text = CLINIC.read_text(encoding="utf-8")
    for key, value in changes.items():
        line = re.compile(rf"^(\s*){key}: .*$", re.MULTILINE)
        if line.search(text):
            text = line.sub(rf"\g<1>{key}: {value}" if value else "", text)
        else:
            text += f"{key}: {value}\n"
    (tmp_path / "northkingsbridge-logo.svg").write_bytes(
        (DATA / "northkingsbridge-logo.svg").read_bytes())
    out = tmp_path / "clinic.yaml"
    out.write_text(text, encoding="utf-8")
    return out


def refusal(tmp_path: Path, fmt: str, paper: str = "letter", **changes: str) -> str:
    with pytest.raises(ContentError) as caught:
        build(CONTENT, tmp_path / "out.pdf", Options(
            check=False, clinic=clinic_file(tmp_path, **changes), format=fmt, paper=paper))
    assert not (tmp_path / "out.pdf").exists()
    (problem,) = caught.value.problems
    return str(problem)


# 60 characters whose long first word fits no line of the tri-fold's cover band at 10 pt.
UNBREAKABLE = "Northkingsbridge-Riverdale Interdisciplinary Wellness Centre"


def test_a_long_name_on_the_tri_fold_cover_asks_for_a_short_name(tmp_path: Path) -> None:
    message = refusal(tmp_path, "trifold", short_name="", name=UNBREAKABLE)
    assert re.search(r"clinic\.yaml:\d+:7: clinic\.name: .*on the tri-fold cover the name "
                     r"runs \d+ pt past the band's edge, even at 10 pt on three lines; add "
                     r"short_name: or shorten it", message), message


def test_a_long_name_without_a_short_name_takes_three_lines_on_the_tri_fold_cover(
        tmp_path: Path) -> None:
    """Too long for two lines of the cover band beside the logo, even at 10 pt: three
    balanced lines, as large as fits (it was refused, asking for a short name)."""
    out = tmp_path / "trifold.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic_file(tmp_path, short_name=""),
                                format="trifold"))
    with pymupdf.open(out) as pdf:
        lines = [text for text, box in band_lines(pdf[0]) if box[0] > pdf[0].rect.width / 2]
    assert lines == ["Northkingsbridge", "Community Behavioral", "Health and Wellness Ctr"]


def test_a_footer_that_cannot_fit_blames_the_field_that_runs_over(tmp_path: Path) -> None:
    # Without the short name, "name" and "phone · website" are the least bad two lines: the
    # second (the page's whole width: "Page X of Y" is beside the first) runs over with a
    # longer website, its widest field; the name is not to blame.
    website = "https://www.northkingsbridge-community-health.org/patients/and-their-families/"
    for paper in PAPERS:
        message = refusal(tmp_path, "document", paper, short_name="", website=website)
        assert re.search(r"clinic\.yaml:\d+:10: clinic\.website: too long for the footer: ",
                         message), message
        assert "website_label:" in message
    message = refusal(tmp_path, "document", short_name="",
                      website_label="northkingsbridge-community-health.org/patients/and/more"
                      "/for/families")
    assert "clinic.website_label: too long for the footer" in message, message


def test_a_website_label_too_long_for_any_footer_line_is_blamed_not_the_name(
        tmp_path: Path) -> None:
    # A 57-character name without a short name, and a label too wide even for a line of its
    # own: the name would fit on a line of its own, so shortening it could not help.
    label = ("www.northkingsbridge-community-health.org/patients/for-families-and-children"
             "/and-their-carers/at-home")
    message = refusal(tmp_path, "document", short_name="", website_label=label,
                      name="Northkingsbridge Community Behavioral Health and Wellness")
    assert re.fullmatch(
        r"\S*clinic\.yaml:\d+:16: clinic\.website_label: too long for the footer: on letter "
        rf'paper "{re.escape(label)}" runs \d+ pt past the room at 10 pt, even on a line of '
        r"its own; shorten it", message), message


def test_a_name_too_long_for_the_tri_fold_cover_is_not_a_content_fit(tmp_path: Path) -> None:
    # Setting the content smaller cannot help a clinic's name: no fitting advice follows.
    message = refusal(tmp_path, "trifold", short_name="", name=UNBREAKABLE)
    assert message.endswith("on three lines; add short_name: or shorten it"), message
    assert "--format document" not in message and "does not fit the tri-fold" not in message


def test_a_url_part_too_wide_even_at_the_floor_is_refused(tmp_path: Path) -> None:
    message = refusal(tmp_path, "trifold", url="https://www.northkingsbridge-community-health"
                      ".org/appointments/request-a-call-back")
    assert re.search(r"clinic\.yaml:\d+:8: clinic\.call_to_action\.url: "
                     r'"www\.northkingsbridge-community-health\.org/" is \d+ pt too wide for '
                     r"the contact box even at 10 pt", message), message


def test_the_same_long_url_builds_where_there_is_room(tmp_path: Path) -> None:
    clinic = clinic_file(tmp_path, url="https://www.northkingsbridge-community-health.org/"
                         "appointments/request-a-call-back")
    out = tmp_path / "booklet.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic, format="booklet"))
    with pymupdf.open(out) as pdf:
        text = page_text(pdf[-1])
    assert "www.northkingsbridge-community-health.org/\nappointments/request-a-call-back" in text


def test_a_long_name_takes_two_lines_balanced_by_width() -> None:
    register_fonts()
    name = "Northkingsbridge Community Behavioral Health and Wellness Ctr"
    one = name_lines(name, 1000)
    assert (one.lines, one.size, one.over) == ([name], NAME_SIZE, 0.0)
    two = name_lines(name, 320)
    assert two.lines == ["Northkingsbridge Community", "Behavioral Health and Wellness Ctr"]
    assert NAME_FLOOR <= two.size <= NAME_SIZE * 0.85 and two.over == 0
    assert max(stringWidth(line, BOLD, two.size) for line in two.lines) <= 320
    narrow = name_lines(name, 120)  # a tri-fold's cover band beside the logo: three lines
    assert narrow.lines == ["Northkingsbridge", "Community Behavioral", "Health and Wellness Ctr"]
    assert narrow.size >= NAME_FLOOR and narrow.over == 0
    assert name_lines(UNBREAKABLE, 120).over > 0


def test_the_footer_plans_one_line_or_two(clinic: Clinic) -> None:
    room = 345.0  # a Letter document's footer beside "Page X of Y"
    assert footer_lines(clinic, room) == [f"{clinic.short}  ·  {clinic.phone}",
                                          clinic.website_text]
    assert footer_lines(clinic, 1000) == [
        f"{clinic.short}  ·  {clinic.phone}  ·  {clinic.website_text}"]
    assert footer_lines(clinic, 200) is None


def test_a_long_draft_note_takes_the_phone_beside_it_when_nothing_else_fits() -> None:
    """Riverside's website with the Vietnamese draft note: neither fits beside the other
    on a Letter page, so the website goes beside the name and the phone beside the note."""
    from handout.input.sources import load_content
    from handout.input.validate import parse_document
    from handout.layout.fontstack import coverage, font_chain

    clinic = parse_document(load_content(
        ROOT / "content.yaml", ROOT / "assets" / "clinics" / "riverside-family-health.yaml",
        ROOT / "content.vi.po")).clinic
    note = "Bản dịch nháp – chưa được kiểm duyệt"
    chain = font_chain("vi")
    coverage(chain.primary)  # Noto Sans registered, as a build's preflight does
    assert footer_lines(clinic, 344.8, note, chain.primary.regular, chain) == [
        f"{clinic.short}  ·  {clinic.website_text}", f"{clinic.phone}  ·  {note}"]


@pytest.mark.parametrize("paper", PAPERS)
def test_a_phone_too_wide_beside_the_qr_code_goes_under_it_whole(tmp_path: Path,
                                                                  paper: str) -> None:
    """With a short call-to-action URL the contact box sets its lines beside the QR code:
    there a tri-fold panel has no room for the whole number, which goes under the code."""
    text = CLINIC.read_text(encoding="utf-8")
    long_url = "https://nkbhealth.org/appointments/request-a-call-back/from-our-care-team?from=handout"
    assert long_url in text
    clinic = tmp_path / "clinic.yaml"
    clinic.write_text(text.replace(long_url, "https://nkbh.org/book").replace(
        "logo: northkingsbridge-logo.svg", f"logo: {DATA / 'northkingsbridge-logo.svg'}"),
        encoding="utf-8")
    out = tmp_path / "trifold.pdf"
    build(CONTENT, out, Options(check=False, clinic=clinic, format="trifold", paper=paper))
    with pymupdf.open(out) as pdf:
        pages = [page_text(page) for page in pdf]
    phone = "+1 (718) 555-0142 ext. 3307"
    printed = [p for page in pages for p in occurrences(phone, page)]
    assert printed and [p for p in printed if "\n" in p] == []
