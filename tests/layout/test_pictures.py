"""Pictures in the built PDF: a Figure with its alt text (an artifact when decorative),
as wide as the column or their own size, and gray in a grayscale build."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pymupdf
from PIL import Image

from handout.pipeline.build import Options
from tests.input.test_sections import EVERY_KIND
from tests.layout.test_tables import built
from tests.pdf_structure import content_marks, elements, sequence_texts, spoken

ALT = "A red square with a blue circle in it."


def picture(folder: Path, *, decorative: bool = False, size: int = 600, dpi: int = 72) -> str:
    """The section with a coloured PNG in place of the SVG drawing."""
    image = Image.new("RGB", (size, size * 2 // 3), (200, 30, 30))
    image.paste((20, 90, 200), (size // 3, size // 6, size * 2 // 3, size // 2))
    image.save(folder / "square.png", dpi=(dpi, dpi))
    described = "decorative: true" if decorative else f'alt: "{ALT}"'
    return EVERY_KIND.replace('file: bedroom.svg\n          alt: "A bed under a window with '
                              'the moon outside."', f"file: square.png\n          {described}")


def image_roles(pdf: pikepdf.Pdf) -> list[str]:
    """The marked-content role around each raster image drawn (not the vector icons)."""
    roles = []
    for page in pdf.pages:
        names = {str(k) for k, v in page.Resources.get("/XObject", {}).items()
                 if v.get("/Subtype") == "/Image"}
        role = ""
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) == "BDC":
                role = str(operands[0])
            elif str(op) == "Do" and str(operands[0]) in names:
                roles.append(role)
    return roles


def test_a_picture_with_alt_text_is_a_figure(tmp_path: Path) -> None:
    out = built(tmp_path, picture(tmp_path))
    with pikepdf.open(out) as pdf:
        assert image_roles(pdf) == ["/Figure"]
        figures = [str(e.Alt) for e in elements(pdf) if e.S == "/Figure"]
    assert ALT in figures
    with pymupdf.open(out) as pdf:
        [page] = [p for p in pdf if "A calm room helps you sleep." in p.get_text()]
        [shown] = page.get_image_info()
        caption = page.search_for("A calm room")[0]
    # 600 pixels at 72 dpi is 600 pt: wider than the column (8.5 in less 1.3 in margins),
    # so it prints at the column's width; the caption follows it.
    assert round(shown["bbox"][2] - shown["bbox"][0], 1) == round(612 - 2 * 1.3 * 72, 1)
    assert caption.y0 > shown["bbox"][3]


def test_a_picture_at_300_dpi_prints_at_its_own_size(tmp_path: Path) -> None:
    out = built(tmp_path, picture(tmp_path, size=450, dpi=300))
    with pymupdf.open(out) as pdf:
        [shown] = [i for page in pdf for i in page.get_image_info()]
    assert round(shown["bbox"][2] - shown["bbox"][0], 1) == 108.0  # 1.5 in, not enlarged


def test_a_decorative_picture_is_an_artifact(tmp_path: Path) -> None:
    out = built(tmp_path, picture(tmp_path, decorative=True))
    with pikepdf.open(out) as pdf:
        assert image_roles(pdf) == ["/Artifact"]
        assert ALT not in [str(e.Alt) for e in elements(pdf) if e.S == "/Figure"]
    with pymupdf.open(out) as pdf:
        assert "A calm room helps you sleep." in " ".join(p.get_text() for p in pdf)


def test_grayscale_prints_the_picture_gray(tmp_path: Path) -> None:
    section = picture(tmp_path)
    for grayscale in (False, True):
        out = built(tmp_path, section, Options(grayscale=grayscale))
        with pymupdf.open(out) as pdf:
            [page] = [p for p in pdf if p.get_image_info()]
            [shown] = page.get_image_info()
            pixmap = page.get_pixmap(dpi=50, clip=pymupdf.Rect(shown["bbox"]))
        pixels = set(zip(*[iter(pixmap.samples)] * pixmap.n, strict=True))
        gray = all(r == g == b for r, g, b in pixels)
        assert gray is grayscale, f"grayscale={grayscale}: {sorted(pixels)[:5]}"


BESIDE = ("Keep your bedroom dark, quiet and cool. Use thick curtains or an eye mask if "
          "street lights shine in. A fan or soft sound can cover noise from outside.")
AFTER = ("Go to bed and get up at about the same time every day, even on weekends. Your "
         "body clock likes a steady rhythm, and you will fall asleep faster.")
MORE = ("If you cannot sleep after about 20 minutes, get up and do something calm in dim "
        "light, like reading a paper book. Go back to bed when you feel sleepy. Keep "
        "screens out of the bedroom: their light tells your brain it is still day.")
LEFT = 1.3 * 72  # the document's side margin on Letter
COLUMN = 612 - 2 * LEFT


def narrow(folder: Path, width: str) -> str:
    """The PNG picture at `width`, followed by three paragraphs."""
    return picture(folder).replace(
        '          credit: "Drawing by the clinic team."\n',
        f'          credit: "Drawing by the clinic team."\n          width: {width}\n'
        f'      - paragraph: "{BESIDE}"\n      - paragraph: "{AFTER}"\n'
        f'      - paragraph: "{MORE}"\n')


def placed(out: Path) -> tuple[pymupdf.Rect, list[pymupdf.Rect]]:
    """The picture, and the lines of the paragraphs after it."""
    with pymupdf.open(out) as pdf:
        [page] = [p for p in pdf if "A calm room helps" in p.get_text()]
        [shown] = page.get_image_info()
        lines = [pymupdf.Rect(line["bbox"]) for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", [])
                 if "".join(s["text"] for s in line["spans"]).strip()
                 in f"{BESIDE} {AFTER} {MORE}"]
    return pymupdf.Rect(shown["bbox"]), lines


def test_text_flows_beside_a_third_width_picture_then_under_it(tmp_path: Path) -> None:
    image, lines = placed(built(tmp_path, narrow(tmp_path, "third")))
    assert round(image.width, 1) == round(COLUMN / 3, 1)
    assert abs(image.x1 - (LEFT + COLUMN)) < 1  # on the right of the column
    beside = [r for r in lines if r.y0 < image.y1]
    under = [r for r in lines if r.y0 > image.y1 + 20]  # under the caption and credit
    assert len(beside) >= 4 and under, (beside, under)
    assert all(r.x0 >= LEFT - 1 and r.x1 < image.x0 - 10 for r in beside)
    assert any(r.x1 > image.x0 for r in under)  # the full width again under it
    assert beside[0].y0 < image.y0 + 14  # the text starts level with the picture


def test_a_half_width_picture_takes_half_the_column(tmp_path: Path) -> None:
    image, lines = placed(built(tmp_path, narrow(tmp_path, "half")))
    assert round(image.width, 1) == round(COLUMN / 2, 1)
    assert any(r.y0 < image.y1 and r.x1 < image.x0 for r in lines)


def test_a_narrow_panel_puts_the_text_under_the_picture(tmp_path: Path) -> None:
    """A tri-fold panel leaves text beside a third too little room: the picture prints as a
    full one (the panel's width: 600 pt at 72 dpi is wider), the text under it."""
    out = built(tmp_path, narrow(tmp_path, "third"), Options(format="trifold"))
    with pymupdf.open(out) as pdf:
        [page] = [p for p in pdf if "A calm room helps" in p.get_text()]
        [shown] = page.get_image_info()
        image = pymupdf.Rect(shown["bbox"])
        first = page.search_for("Keep your bedroom dark")[0]
        lines = [pymupdf.Rect(line["bbox"]) for block in page.get_text("dict")["blocks"]
                 for line in block.get("lines", [])]
    assert abs(image.x0 - first.x0) < 1  # at the panel's left edge
    assert image.width > 200  # the panel's width, not a third of it
    panel = 792 / 3 - 2 * 18  # roughly: no line of this panel is level with the picture
    assert [r for r in lines if image.x0 - 1 <= r.x0 < image.x0 + panel
            and r.y0 < image.y1 and r.y1 > image.y0] == []


def test_the_picture_is_read_before_the_text_beside_it(tmp_path: Path) -> None:
    out = built(tmp_path, narrow(tmp_path, "third"))
    with pikepdf.open(out) as pdf:
        assert image_roles(pdf) == ["/Figure"]
        list(content_marks(pdf))  # every painting operator is marked, beside ones too
        read = spoken(pdf, sequence_texts(out))
    # The text beside it is read after it (the first paragraph, set at the foot of the page
    # before, comes first: test_the_text_fills_the_page_the_picture_does_not_fit).
    assert read.index("Acalmroomhelps") < read.index("Gotobed") < read.index("Ifyoucannot")


def test_the_text_fills_the_page_the_picture_does_not_fit(tmp_path: Path) -> None:
    """Here the picture with its caption does not fit the room left on page 4: the text
    after it fills that room at the full width, and the picture opens page 5 with the rest
    of the text beside it, as a full picture floats to the next page."""
    with pymupdf.open(built(tmp_path, narrow(tmp_path, "third"))) as pdf:
        [at] = [n for n in range(pdf.page_count) if "A calm room helps" in pdf[n].get_text()]
        first = pdf[at - 1].search_for("Keep your bedroom dark")
        full = [w for w in pdf[at - 1].get_text("words")  # its lines, not the footer's
                if first and first[0].y0 <= w[1] < first[0].y0 + 40]
        [image] = [pymupdf.Rect(i["bbox"]) for i in pdf[at].get_image_info()]
        beside = pdf[at].search_for("Go to bed and get up")
    assert first and first[0].x0 < LEFT + 1  # on the page before, at the column's edge
    assert max(w[2] for w in full) > LEFT + COLUMN * 0.8  # at the full width
    assert image.y0 < beside[0].y0 + 14 and beside[0].x1 < image.x0  # the rest beside it


def test_the_builds_own_proof_reads_the_text_beside_a_picture() -> None:
    """A protected phrase split in a paragraph beside a picture is found by the page proof
    (layout/proof.py) as in any other paragraph. Set here without the layout's no-break
    spaces, so that it does split."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import ImageAndFlowables, Paragraph, Spacer

    from handout.layout.pictures import Inset
    from handout.layout.proof import Block, prove

    text = Paragraph("If you feel unsafe, call 988 now for help.", ParagraphStyle("p"))
    beside = ImageAndFlowables(Inset([Spacer(100, 100)], 100), [text], imageSide="right")
    beside.canv = Canvas("unused.pdf")
    beside.wrap(180, 500)  # 77 pt beside the picture: "988" ends a line, "now" opens one
    broken = prove([Block(beside, 1, "main", 190, ("sections", 0))], [], {},
                   last_page_ends=True)
    assert [b.message for b in broken] == ['"988 now" is split across two lines on page 1']
