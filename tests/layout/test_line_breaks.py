"""Read back from real PDFs: phone numbers, dates, 988/911 and short URLs never break across
lines; the call-to-action URL, when it must break, breaks right after a slash; the footer and
header band, drawn without wrapping, are not cut. Second clinic, large print, A4, Spanish."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pymupdf
import pytest

from handout.common.translations import strings
from handout.pipeline.build import Options, build, read_document
from tests.conftest import CONTENT, ROOT

SPANISH = ROOT / "content.es.yaml"
RIVERSIDE = ROOT / "assets" / "clinics" / "riverside-family-health.yaml"
# Before words were kept whole, each of these split one: the Riverside phone in the help
# panel, its URL inside a word in the contact box (every size), "988 / now" in large print,
# the Spanish review date in large print, and Mind Body 7's phone in large print on A4.
BUILDS = {
    "riverside": (CONTENT, {"clinic": RIVERSIDE}),
    "riverside-large": (CONTENT, {"clinic": RIVERSIDE, "large_print": True}),
    "riverside-a4": (CONTENT, {"clinic": RIVERSIDE, "paper": "a4"}),
    "riverside-large-a4": (CONTENT, {"clinic": RIVERSIDE, "large_print": True, "paper": "a4"}),
    "riverside-es": (SPANISH, {"clinic": RIVERSIDE}),
    "riverside-es-large-a4": (SPANISH, {"clinic": RIVERSIDE, "large_print": True,
                                        "paper": "a4"}),
    "es-large-a4": (SPANISH, {"large_print": True, "paper": "a4"}),
}


def page_text(page: pymupdf.Page) -> str:
    """The page's lines as drawn, one per text line (no-break spaces read as spaces)."""
    lines = ("".join(span["text"] for span in line["spans"]).replace("\u00a0", " ").strip()
             for block in page.get_text("dict")["blocks"] for line in block.get("lines", []))
    return "\n".join(line for line in lines if line)


def occurrences(token: str, text: str) -> Iterator[str]:
    """Each place `token` is printed in `text`, with any line breaks inside it ("\\n")."""
    parts = ("[ \n]" if c == " " else re.escape(c) for c in token)
    yield from re.findall("\n?".join(parts), text)


@dataclass(frozen=True)
class Handout:
    name: str
    path: Path
    pages: list[str]  # each page's text, a line per printed line
    whole: dict[str, list[str]]  # the words that must stay whole, by kind


@pytest.fixture(scope="module", params=list(BUILDS))
def handout(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Handout:
    """One build, read back."""
    content, options = BUILDS[request.param]
    out = tmp_path_factory.mktemp("breaks") / f"{request.param}.pdf"
    build(content, out, Options(check=False, **options))  # type: ignore[arg-type]
    with pymupdf.open(out) as pdf:
        pages = [page_text(page) for page in pdf]
    doc = read_document(content, options.get("clinic"))  # type: ignore[arg-type]
    clinic, text = doc.clinic, strings(doc.language)
    whole = {
        "phone": [clinic.phone],
        "date": [text.date(doc.review.last_reviewed), text.date(doc.review.next_review)],
        "short URL": ["988lifeline.org", clinic.website_text,
                      *(f"doi:{ref.doi}" for ref in doc.references if ref.doi)],
        "long URL": [clinic.call_to_action.url.split("://", 1)[1].rstrip("/")],
    }
    return Handout(request.param, out, pages, whole)


def test_phone_numbers_dates_and_short_urls_stay_on_one_line(handout: Handout) -> None:
    name, pages, whole = handout.name, handout.pages, handout.whole
    split, seen = [], set()
    for kind in ("phone", "date", "short URL"):
        for token in whole[kind]:
            for number, text in enumerate(pages, start=1):
                for printed in occurrences(token, text):
                    seen.add(token)
                    if "\n" in printed:
                        split.append(f"{name} p{number}: {kind} {printed!r}")
    assert split == []
    assert seen == {t for kind in ("phone", "date", "short URL") for t in whole[kind]}


def test_988_and_911_keep_the_word_after_them(handout: Handout) -> None:
    name, pages = handout.name, handout.pages
    found = [m.group() for text in pages for m in re.finditer(r"\b(?:988|911)\b\S*[ \n]?", text)]
    assert len(found) >= 4, found
    assert [f for f in found if re.fullmatch(r"(?:988|911)\n", f)] == [], name


def test_a_url_breaks_only_right_after_a_slash(handout: Handout) -> None:
    (url,) = handout.whole["long URL"]
    printed = [p for text in handout.pages for p in occurrences(url, text)]
    assert printed, f"{handout.name}: {url} not found"
    for p in printed:
        assert all(p[i - 1] == "/" for i, c in enumerate(p) if c == "\n"), (handout.name, p)
    if handout.name == "riverside-large-a4":  # too wide even for the whole box: it breaks
        assert "www.riversidefamilyhealth.example/\nappointments" in printed


def test_footer_and_band_are_not_cut(handout: Handout) -> None:
    """drawString never wraps: each footer and band line ends inside the page, and the footer
    text ends before "Page X of Y"."""
    with pymupdf.open(handout.path) as pdf:
        for page in pdf:
            width, height = page.rect.width, page.rect.height
            spans = [(span["bbox"], span["text"]) for block in page.get_text("dict")["blocks"]
                     for line in block.get("lines", []) for span in line["spans"]
                     if span["text"].strip()]
            assert all(box[0] >= 0 and box[2] <= width for box, _ in spans), handout.name
            # The footer's lines, under the text (a large-print footer's two reach 1.1 in).
            footer = [(box, text) for box, text in spans if box[1] > height - 1.25 * 72]
            label = [box for box, text in footer if re.match(r"(Page|Página) \d", text)]
            assert label, handout.name
            assert all(box[2] < label[0][0] for box, _ in footer
                       if abs(box[1] - label[0][1]) < 2 and box is not label[0]), handout.name


@pytest.mark.parametrize(("content", "options"), [
    ("content.yaml", ["--large-print", "--paper", "a4"]),
    ("content.es.yaml", []),
    ("content.es.yaml", ["--large-print"]),
    ("content.es.yaml", ["--large-print", "--paper", "a4"]),
])
def test_titles_never_end_on_a_lone_word(tmp_path: Path, content: str,
                                         options: list[str]) -> None:
    """The handout's title and Fig. 1's title: a wrapped title keeps two words together on
    its last line."""
    from handout.commands.cli import main

    out = tmp_path / "h.pdf"
    assert main(["build", str(ROOT / content), "-o", str(out), "--no-check", *options]) == 0
    with pymupdf.open(out) as pdf:
        blocks = [b for page in pdf for b in page.get_text("dict")["blocks"] if b.get("lines")]
    words = [[" ".join(s["text"] for s in line["spans"]).split() for line in b["lines"]]
             for b in blocks]
    biggest = max(range(len(blocks)), key=lambda i: max(
        s["size"] for line in blocks[i]["lines"] for s in line["spans"]))
    titles = [words[biggest]] + [w for w in words if w and w[0][:1] in (["Fig."], ["Figura"])]
    assert len(titles) == 2, titles  # the handout's title and Fig. 1's
    for lines in titles:
        assert len(lines) == 1 or len(lines[-1]) >= 2, (content, options, lines)


def test_section_headings_never_end_on_a_lone_word(tmp_path: Path) -> None:
    """Large print on A4 wraps several section headings ("... than digest / food" before)."""
    from handout.commands.cli import main

    out = tmp_path / "h.pdf"
    assert main(["build", str(CONTENT), "-o", str(out), "--no-check", "--large-print",
                 "--paper", "a4"]) == 0
    with pymupdf.open(out) as pdf:
        blocks = [b for page in pdf for b in page.get_text("dict")["blocks"] if b.get("lines")]
    wrapped = [[" ".join(s["text"] for s in line["spans"]).split() for line in b["lines"]]
               for b in blocks if len(b["lines"]) > 1
               and max(s["size"] for line in b["lines"] for s in line["spans"]) >= 22]
    # The word search's letters are as large on its own page: a grid, not a heading.
    wrapped = [lines for lines in wrapped if any(len(w) > 1 for line in lines for w in line)]
    assert len(wrapped) >= 3  # the title and at least two section headings wrap here
    assert all(len(lines[-1]) >= 2 for lines in wrapped), wrapped
