"""The last page: contact and QR call to action, references, review dates, disclaimer."""

from __future__ import annotations

import itertools

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, Path
from reportlab.platypus import Flowable, Paragraph

from handout.input.clinic import Clinic
from handout.input.model import Document, Reference
from handout.layout.blocks import boxed, grid, heading
from handout.layout.markup import markup
from handout.layout.theme import INK, Theme
from handout.pdf import Element, group, tag

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


def qr_drawing(url: str, size: float) -> Drawing:
    """A vector QR code for `url`, `size` points square, black on white for any printer.

    ReportLab's encoder, drawn as one filled path of the dark runs: its widget encodes the
    URL again for every bounds query and draw, and paints each run as its own rectangle.
    """
    qr = QrCodeWidget(url, barLevel="M").qr
    qr.make()
    count = qr.getModuleCount()
    quiet = QUIET_ZONE
    module = size / (count + 2 * quiet)
    path = Path(fillColor=INK, strokeColor=None)
    for r, row in enumerate(qr.modules):
        top = size - (r + quiet) * module
        c = 0
        for dark, run in itertools.groupby(bool(m) for m in row):
            width = len(list(run))
            if dark:
                left, right = (c + quiet) * module, (c + width + quiet) * module
                path.moveTo(left, top)
                path.lineTo(right, top)
                path.lineTo(right, top - module)
                path.lineTo(left, top - module)
                path.closePath()
            c += width
    drawing = Drawing(size, size)
    drawing.add(path)
    return drawing


def contact_flowables(clinic: Clinic, theme: Theme) -> list[Flowable]:
    """Call to action with its QR code; the URL is printed too (some readers have no phone)."""
    body, text = theme.style("body"), theme.text
    url = clinic.call_to_action.url
    lines = [tag(Paragraph(markup(clinic.call_to_action.text), theme.style("h2")), "H3")]
    lines += [tag(Paragraph(line, body), "P") for line in (
        f"{markup(text('scan_or_visit'))}<br/><b>{markup(_bare(url))}</b>",
        f"{markup(text('call_us'))} <b>{markup(clinic.phone)}</b>",
        markup(clinic.address),
    )]
    qr = theme.body_size * 6.5
    pad = theme.body_size * 0.8
    code = tag(qr_drawing(url, qr), "Figure", text("qr_alt", url=url))
    table = grid([[lines, code]], [theme.frame_width - qr - 3 * pad, qr + pad],
                 [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
                 structure=group("Div", [*lines, code]))
    return [boxed([table], theme, border=theme.primary, border_width=2)]


def reference_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Numbered references with DOI links; tagged as a list (the number in the text)."""
    out: list[Flowable] = [heading(theme.text("references_title"), theme)]
    # 10.5 pt (13.5 in large print): above the 10 pt floor, so a long list stays on a page.
    size = theme.body_size * 0.75
    ref_style = theme.style("small").clone("ref", fontSize=size, leading=size * 1.3,
                                           leftIndent=size * 2, firstLineIndent=-size * 2,
                                           textColor=INK, spaceAfter=3)
    refs = Element("L")
    for i, ref in enumerate(doc.references, start=1):
        para = Paragraph(f"{i}.&nbsp;&nbsp;{markup(ref.text)}{_link(ref)}", ref_style)
        out.append(tag(para, "LBody", parent=Element("LI", parent=refs)))
    group("Sect", out)
    return out


def review_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Who checked this and when, and the education-only disclaimer."""
    review, text = doc.review, theme.text
    by = text("reviewed_by", date=text.date(review.last_reviewed), reviewer=review.reviewer,
              credentials=review.credentials)
    paras = [
        Paragraph(
            f"<b>{markup(text('last_reviewed'))}</b> {markup(by)} "
            f"<b>{markup(text('next_review'))}</b> {markup(text.date(review.next_review))}.",
            theme.style("body").clone("review", spaceBefore=theme.body_size * 0.6)),
        Paragraph(markup(doc.disclaimer), theme.style("body")),
    ]
    return [tag(para, "P") for para in paras]


def _link(ref: Reference) -> str:
    url = f"https://doi.org/{ref.doi}" if ref.doi else ref.url
    if not url:
        return ""
    shown = f"doi:{ref.doi}" if ref.doi else _bare(url)
    return f' <link href="{markup(url)}">{markup(shown)}</link>'


def _bare(url: str) -> str:
    return url.split("://", 1)[-1].rstrip("/")
