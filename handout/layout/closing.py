"""The last page: contact and QR call to action, references, review dates, disclaimer."""

from __future__ import annotations

import itertools
from functools import cache

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing, Path
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable
from reportlab.rl_config import _unset_

from handout.common.translations import base_language
from handout.input.citations import Reference
from handout.input.clinic import Clinic
from handout.input.model import Document
from handout.layout.balance import balanced
from handout.layout.blocks import boxed, grid, heading
from handout.layout.contact_lines import phone_markup, url_markup
from handout.layout.markup import markup, plain, runt_free
from handout.layout.runs import Paragraph
from handout.layout.theme import INK, Theme
from handout.layout.unbroken import address_line
from handout.pdf import TaggedList, group, tag

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks
QR_EMS = 6.5  # the QR code's size, in body sizes
NARROW_EMS = 7.0  # less room than this beside the QR code, and the contact box stacks
CELL_PADDING = 6.0  # ReportLab's default right padding of a table cell


def qr_drawing(url: str, size: float) -> Drawing:
    """A vector QR code for `url`, `size` points square, black on white for any printer.

    ReportLab's encoder, drawn as one filled path of the dark runs: its widget encodes the
    URL again for every bounds query and draw, and paints each run as its own rectangle.
    The path is made when the code is drawn: the boxes a layout only measures (a QR code
    tried at several sizes) never need it.
    """
    drawing = _QrCode(size, size)
    drawing.__dict__["url"] = url  # past a Drawing's attribute checks, as pdf/roles.py does
    return drawing


class _QrCode(Drawing):  # type: ignore[misc]  # reportlab has no type hints
    """A QR code's drawing, its path added on the first draw."""

    def draw(self, showBoundary: object = _unset_) -> None:  # noqa: N803 (ReportLab's name)
        if not self.contents:
            self.add(_qr_path(self.__dict__["url"], self.width))
        super().draw(showBoundary)


def _qr_path(url: str, size: float) -> Path:
    """The code's dark runs as one filled path, `size` points square."""
    modules = qr_modules(url)
    count = len(modules)
    quiet = QUIET_ZONE
    module = size / (count + 2 * quiet)
    path = Path(fillColor=INK, strokeColor=None)
    for r, row in enumerate(modules):
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
    return path


@cache
def qr_modules(url: str) -> tuple[tuple[bool, ...], ...]:
    """The code's dark and light modules, row by row: encoded once per URL (fitting lays
    the contact box out at several sizes)."""
    qr = QrCodeWidget(url, barLevel="M").qr
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def contact_flowables(clinic: Clinic, theme: Theme, *, qr_ems: float = QR_EMS
                      ) -> list[Flowable]:
    """Call to action with its QR code; the URL is printed too (some readers have no phone).
    `qr_ems`: the code's size in body sizes (larger where a page has room for it).

    The URL stays on one line beside the code when it fits there; else it and the lines
    after it take the box's full width under the code, where a URL still too long breaks
    after a slash (layout/unbroken.url_lines), never inside a word. In a column too narrow
    for text beside the code (a tri-fold's panel in large print) everything stacks.
    """
    body, text = theme.style("body"), theme.text
    url, h2 = clinic.call_to_action.url, theme.style("h2")
    shown = _bare(url)
    scan = runt_free(text("scan_or_visit"), body, theme.frame_width)
    link = f"<b>{markup(shown)}</b>"
    # An address written as a block (`address: |`) keeps its lines; "Suite 7" stays whole.
    address = "<br/>".join(runt_free(address_line(line), body, theme.frame_width)
                           for line in clinic.address_lines)
    qr, pad = theme.body_size * qr_ems, theme.body_size * 0.8
    beside = theme.frame_width - qr - 3 * pad
    room = beside + qr + pad - CELL_PADDING  # the box's full width, under the code
    code = tag(qr_drawing(url, qr), "Figure", text("qr_alt", url=url))
    commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                          ("LEFTPADDING", (0, 0), (-1, -1), 0)]
    def bold(words: str, size: float) -> float:  # as printed: the language's bold face
        return theme.chain.width(words, theme.bold, size)

    def regular(words: str, size: float) -> float:
        return theme.chain.width(words, theme.regular, size)

    call = f"{markup(text('call_us'))} {phone_markup(clinic.phone, room, body.fontSize, bold)}"
    rest = [call, address]
    # The title beside the code only when each word, and its last two together (a title
    # never ends on one word), fit there, and each word of "Scan the code or go to:" (a
    # grown code leaves little room; Chinese breaks between letters): ReportLab would cut
    # a longer word inside it. Else, as in a narrow column, everything stacks.
    cta = clinic.call_to_action.text
    words = plain(cta).split()
    scan_words = [] if theme.chain.cjk else plain(text("scan_or_visit")).split()
    stacked = beside < theme.body_size * NARROW_EMS or \
        max(bold(w, h2.fontSize) for w in [*words, " ".join(words[-2:])]) > beside - CELL_PADDING \
        or max((regular(w, body.fontSize) for w in scan_words), default=0) > beside - CELL_PADDING
    title_text, title_style, whole = balanced(cta, h2, room if stacked else beside - CELL_PADDING)
    if not whole and not stacked:
        # Beside the code a word would stand alone on a line: the title goes across the
        # box's top instead, the code beside the lines under it.
        title_text, title_style, _ = balanced(cta, h2, room)
    title = tag(Paragraph(title_text, title_style), "H3")
    across: list[list[object]] = [[[title], ""]] if not whole and not stacked else []
    if across:
        commands += [("SPAN", (0, 0), (1, 0)), ("BOTTOMPADDING", (0, 0), (-1, 0), 0)]
    if stacked:
        link = url_markup(shown, room, body.fontSize, bold, regular)
        lines = [title, *_paras([scan, link, *rest], body)]
        rows: list[list[object]] = [[lines[:1]], [code], [lines[1:]]]
        # The code centred in the box's width (a grown one may take most of it).
        table = grid(rows, [room + CELL_PADDING], [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                                   ("ALIGN", (0, 1), (0, 1), "CENTER")],
                     structure=group("Div", [*lines, code]))
        return [boxed([table], theme, border=theme.primary, border_width=2)]
    # Beside the code only when the URL and the phone number each fit its width whole.
    widest = max(bold(shown, body.fontSize), bold(clinic.phone, body.fontSize))
    head, n = ([], 1) if across else ([title], 0)  # n: the rows above, the title across
    if widest <= beside - CELL_PADDING:
        lines = [*head, *_paras([f"{scan}<br/>{link}", *rest], body)]
        rows = [*across, [lines, code]]
    else:
        link = url_markup(shown, room, body.fontSize, bold, regular)
        top = [*head, *_paras([scan], body.clone("scan", spaceAfter=0))]
        lines = [*top, *_paras([link, *rest], body)]
        rows = [*across, [top, code], [lines[len(top):], ""]]
        # "Scan the code or go to:" sits on the URL's line, as it would beside the code.
        commands += [("VALIGN", (0, n), (0, n), "BOTTOM"), ("SPAN", (0, n + 1), (1, n + 1)),
                     ("BOTTOMPADDING", (0, n), (-1, n), 0),
                     ("TOPPADDING", (0, n + 1), (-1, n + 1), 0)]
    table = grid(rows, [beside, qr + pad], commands,
                 structure=group("Div", [*([title] if across else []), *lines, code]))
    return [boxed([table], theme, border=theme.primary, border_width=2)]


def _paras(texts: list[str], style: ParagraphStyle) -> list[Flowable]:
    return [tag(Paragraph(line, style), "P") for line in texts]


def reference_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Numbered references with DOI links, tagged as a list: each number is the Lbl.

    The numbers stand right-aligned in a column just wide enough for the widest ("12."),
    and every line of a reference starts at the same x, after the column: "10." and "9."
    line up, and wrapped lines sit under the text, not under the number.
    """
    out: list[Flowable] = [heading(theme.text("references_title"), theme)]
    # 10.5 pt (13.5 in large print): above the 10 pt floor, so a long list stays on a page.
    size = theme.body_size * 0.75
    ref_style = theme.style("small").clone("ref", fontSize=size, leading=size * 1.3,
                                           leftIndent=0, firstLineIndent=0,
                                           textColor=INK, spaceAfter=3)
    gap = stringWidth("\u00a0" * 2, ref_style.fontName, size)  # as "1.&nbsp;&nbsp;" was
    widest = max((stringWidth(f"{i}.", ref_style.fontName, size)
                  for i in range(1, len(doc.references) + 1)), default=0.0)
    # A reference without a link ends on two words, never one (a link is its last word).
    paras = [Paragraph(f"{markup(ref.printed())}{_link(ref)}" if _link(ref) else
                       runt_free(ref.printed(), ref_style, theme.frame_width), ref_style)
             for ref in doc.references]
    if paras:
        listed = TaggedList(paras, bulletType="1", bulletFormat="%s.", bulletAlign="right",
                            bulletFontName=ref_style.fontName, bulletFontSize=size,
                            bulletColor=INK, leftIndent=widest + gap, bulletDedent=gap)
        if base_language(doc.language) != "en":
            # References are cited as published, in English, and are not translated: a
            # screen reader reads them with English rules, not the handout's language's.
            listed.structure.lang = "en"
        out.append(listed)
    group("Sect", out)
    return out


def sources_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """The references made short for a small format (the document prints them in full):
    one run-in paragraph of first authors and years, and where to ask for the full list."""
    if not doc.references:
        return []
    size = max(10.0, theme.body_size * 0.75)
    style = theme.style("small").clone("sources", fontSize=size, leading=size * 1.3,
                                       textColor=INK, spaceAfter=size)
    h2 = theme.style("h2")
    title = tag(Paragraph(runt_free(theme.text("sources_title"), h2, theme.frame_width), h2),
                "H3")
    # Organisations by name, people by the first one's surname: "National Institute of
    # Mental Health, 2024; Sender et al., 2016".
    names = "; ".join(ref.short() for ref in doc.references)
    end = "" if names.endswith(".") else "."
    text = f"{markup(names)}{end} {markup(theme.text('sources_more'))}"
    return [title, tag(Paragraph(text, style), "P")]


def review_flowables(doc: Document, theme: Theme) -> list[Flowable]:
    """Who checked this and when, and the education-only disclaimer."""
    review, text = doc.review, theme.text
    by = text("reviewed_by", date=text.date(review.last_reviewed), reviewer=review.reviewer,
              credentials=review.credentials)
    paras = [
        Paragraph(
            f"<b>{markup(text('last_reviewed'))}</b> {markup(by)} "
            f"<b>{markup(text('next_review'))}</b> "
            f"{markup(text.sentence(text.date(review.next_review)))}",
            theme.style("body").clone("review", spaceBefore=theme.body_size * 0.6)),
        Paragraph(runt_free(doc.disclaimer, theme.style("body"), theme.frame_width),
                  theme.style("body")),
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
