"""The last page: contact and QR call to action, references, review dates, disclaimer."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Paragraph

from handout.layout.blocks import boxed, grid, heading
from handout.model import Clinic, Document, Reference
from handout.tagging import Element, group, tag
from handout.text import markup
from handout.theme import INK, Theme


def qr_drawing(url: str, size: float) -> Drawing:
    """A vector QR code for `url`, `size` points square, black on white for any printer."""
    widget = QrCodeWidget(url, barLevel="M", barFillColor=INK)
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
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
