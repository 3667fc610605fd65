"""The build's own page proof finds a protected word that no line holds whole, wherever
the paragraph is: inside a box's table too, and cut inside a word as ReportLab cuts a word
wider than its line."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table

from handout.layout.markup import markup
from handout.layout.proof import Block, prove
from handout.layout.theme import BOLD, register_fonts

PHONE = "+1 (718) 555-0142 ext. 3307"


def laid_out(width: float) -> Table:
    """A box (a table) holding a table holding "Call us: PHONE", wrapped `width` wide."""
    register_fonts()
    style = ParagraphStyle("t", fontName=BOLD, fontSize=12, leading=15)
    para = Paragraph(f"Call us: <b>{markup(PHONE)}</b>", style)
    box = Table([[Table([[para]], colWidths=[width])]], colWidths=[width + 12])
    box.wrap(width + 12, 500)
    return box


def broken(box: Table) -> list[str]:
    block = Block(box, 1, "back", 400.0, ("sections",))
    return [b.message for b in prove([block], [], {(1, "back"): "the back cover"},
                                     last_page_ends=True,
                                     owners={PHONE: ("clinic", "phone")})]


def test_a_phone_number_cut_inside_a_boxed_table_is_found() -> None:
    assert broken(laid_out(90)) == [f'"{PHONE}" is split across two lines on the back cover; '
                                    "write it shorter (e.g. without the country code for "
                                    "local readers), or shorten the text around it"]


def test_a_phone_number_whole_on_its_line_passes() -> None:
    assert broken(laid_out(300)) == []


def test_a_word_cut_because_it_is_wider_than_its_line_is_found() -> None:
    """ReportLab cuts a word wider than its line where the line ends: a phone number kept
    whole with the comma after it, one line too narrow for both, left "," to open the next
    line. The proof names the word and, when it is the clinic's phone, the clinic file."""
    register_fonts()
    style = ParagraphStyle("t", fontName=BOLD, fontSize=12, leading=15, splitLongWords=True)
    # The phone opens a line: it fits that line (158.4 pt), with its comma (161.6) not.
    para = Paragraph(f"Call your care team at<br/>{markup(f'{PHONE}, if:')}", style)
    para.wrap(160, 500)
    block = Block(para, 1, "inside", 400.0, ("help",))
    found = prove([block], [], {(1, "inside"): "the inside middle panel"},
                  last_page_ends=True, owners={PHONE: ("clinic", "phone")})
    assert [(b.loc, b.message) for b in found] == [(("clinic", "phone"), (
        f'"{PHONE}" is wider than its line on the inside middle panel, so it is cut in two; '
        "write it shorter (e.g. without the country code for local readers), or shorten the "
        "text around it"))]
    para.wrap(300, 500)
    assert prove([block], [], {}, last_page_ends=True) == []
