"""Fonts, sizes, colours and paragraph styles: every typographic decision lives here.

Sizes follow ../shared/handout-standards.md: body 14 pt with 1.4 line spacing, headings
20 pt, nothing under 10 pt, left aligned and ragged right.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from reportlab import rl_config
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from handout.common import colours, fonts
from handout.common.colours import to_gray
from handout.common.fonts import primary_subtag
from handout.common.translations import Strings, strings
from handout.input.clinic import Colours
from handout.layout.fontstack import Chain, font_chain

# The font files live in handout.common.fonts (no ReportLab: the chart code reads them too).
FONT_DIR, FONT_FILES = fonts.FONT_DIR, fonts.FONT_FILES
REGULAR, ITALIC, SEMIBOLD, BOLD = fonts.REGULAR, fonts.ITALIC, fonts.SEMIBOLD, fonts.BOLD

PAGE_SIZES = {"letter": LETTER, "a4": A4}

INK = HexColor(colours.INK)
MUTED = HexColor(colours.MUTED)
WHITE = HexColor(colours.WHITE)
FOOTER_SIZE = 10.0  # the standards' floor: nothing is printed smaller
LARGE_FOOTER_SIZE = 16.0  # large print's: the least the NHS Accessible Information Standard allows


@cache
def register_fonts() -> None:
    """Register the bundled fonts and set ReportLab's output options, once per process
    (TTFont parsing is not free)."""
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
    )
    # Drawings (logo, chart, QR code) otherwise start by selecting Helvetica, which then
    # sits unembedded in the PDF and fails a print shop's preflight.
    rl_config.defaultGraphicsFontName = REGULAR
    # Binary (Flate only) streams: ASCII85 on top adds a quarter to every font and page
    # stream, and encoding it is ReportLab's slowest step when saving. PDF needs no 7-bit.
    rl_config.useA85 = 0


@dataclass(frozen=True)
class Theme:
    """Page geometry, colours and paragraph styles for one build."""

    colours: Colours
    paper: str = "letter"
    body_size: float = 14.0
    footer_size: float = FOOTER_SIZE  # the running footer's and page number's (footer.py)
    language: str = "en"
    grayscale: bool = False
    # Print-shop bleed: edge-to-edge elements run this far past the trim (0 = office print).
    bleed: float = 0.0
    # Wide side margins keep a 14 pt line near 68 characters (the standard asks 50-75);
    # large print (18 pt) takes the usual 1-inch margins and still gets about 55.
    margin: float = 1.3 * inch
    top_margin: float = 0.75 * inch
    bottom_margin: float = 0.95 * inch
    # Fitting a fixed format (layout/formats) tightens the space between blocks by this factor.
    spacing: float = 1.0
    # A format's own page (a booklet's half-letter) and text column (a tri-fold's panel);
    # None: the paper's page and the width between the margins.
    page: tuple[float, float] | None = None
    column: float | None = None
    # The clinic's own fonts (clinic file, `fonts:`) as (language or script, file) pairs.
    fonts: tuple[tuple[str, str], ...] = ()
    styles: dict[str, ParagraphStyle] = field(default_factory=dict, compare=False)

    @property
    def chain(self) -> Chain:
        """The fonts this document's text is set in, by preference (layout/fontstack.py)."""
        return font_chain(self.language, self.fonts)

    @property
    def ink(self) -> float:
        """The least line spacing, in ems, that clears the language's marks (Vietnamese
        stacks two on a letter); 0 where the usual spacing does."""
        return STACKED_INK if primary_subtag(self.language) in STACKED_MARKS else 0.0

    @property
    def regular(self) -> str:
        """The regular face of the language's own letters (Atkinson, or Noto Sans)."""
        return self.chain.primary.regular

    @property
    def bold(self) -> str:
        return self.chain.primary.bold

    @property
    def text(self) -> Strings:
        """The layout's fixed words in the document's language."""
        return strings(self.language)

    def colour(self, hex_colour: str) -> Color:
        """A colour as printed: its equal-luminance gray in a grayscale build."""
        return HexColor(to_gray(hex_colour) if self.grayscale else hex_colour)

    @property
    def page_size(self) -> tuple[float, float]:
        if self.page is not None:
            return self.page
        width, height = PAGE_SIZES[self.paper]
        return float(width), float(height)

    @property
    def frame_width(self) -> float:
        return self.column if self.column is not None else self.page_size[0] - 2 * self.margin

    def gap(self, ems: float) -> float:
        """Space between blocks: `ems` body sizes, tightened by the fitting's factor."""
        return self.body_size * ems * self.spacing

    @property
    def primary(self) -> Color:
        return self.colour(self.colours.primary)

    @property
    def accent(self) -> Color:
        return self.colour(self.colours.accent)

    @property
    def tint(self) -> Color:
        return self.colour(self.colours.tint)

    def style(self, name: str) -> ParagraphStyle:
        return self.styles[name]


STACKED_MARKS = {"vi"}  # languages with two marks on one letter
STACKED_INK = 1.3  # em: the tallest stacked capital to the lowest descender, and a hair
REGULAR_BODY = 14.0  # older readers: 13-14 pt (handout-standards.md)
LARGE_PRINT_SIZE = 18.0  # APH / RNIB large print: 18 pt or more
BLEED = 0.125 * inch  # 1/8 inch (3 mm), what print shops ask for


def make_theme(colours: Colours, *, paper: str = "letter", large_print: bool = False,
               language: str = "en", grayscale: bool = False, bleed: bool = False,
               body_size: float | None = None, spacing: float = 1.0,
               page: tuple[float, float] | None = None, column: float | None = None,
               margin: float | None = None, fonts: tuple[tuple[str, str], ...] = ()
               ) -> Theme:
    """The theme for one build variant; every option combines with the others.

    `body_size`, `spacing`, `page`, `column` and `margin` are set by a fixed format's
    fitting (layout/formats); the defaults are the document's.
    """
    register_fonts()
    body = body_size or (LARGE_PRINT_SIZE if large_print else REGULAR_BODY)
    if margin is None:
        margin = 1.0 * inch if large_print else 1.3 * inch
    theme = Theme(colours=colours, paper=paper, body_size=body, language=language,
                  footer_size=LARGE_FOOTER_SIZE if large_print else FOOTER_SIZE,
                  grayscale=grayscale, bleed=BLEED if bleed else 0.0, margin=margin,
                  top_margin=(0.85 if large_print else 0.75) * inch, spacing=spacing,
                  page=page, column=column, fonts=fonts)
    theme.styles.update(_styles(theme))
    return theme


def resized(theme: Theme, body_size: float, spacing: float) -> Theme:
    """`theme` with its body text (and every style with it) at `body_size`, and the space
    between blocks at `spacing`."""
    out = replace(theme, body_size=body_size, spacing=spacing, styles={})
    out.styles.update(_styles(out))
    return out


def _styles(theme: Theme) -> dict[str, ParagraphStyle]:
    b = theme.body_size
    s = b * theme.spacing  # the unit of space between blocks
    chain = theme.chain
    regular, bold = theme.regular, theme.bold
    # Chinese and Japanese break lines between characters, with ReportLab's rules for the
    # punctuation that may not start or end a line; other languages at spaces, and none
    # is hyphenated (no hyphenationLang).
    wrap = {"wordWrap": "CJK"} if chain.cjk else {}
    # Vietnamese stacks two marks on a letter (Ỗ reaches 1.054 em in Noto Sans, g goes
    # down to -0.24): no line is set closer than that, so a mark never touches the
    # descenders of the line above. Other languages keep their spacing.
    ink = theme.ink
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=b,
        leading=round(b * 1.4, 1),
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=s * 0.6,
        splitLongWords=True,
        allowWidows=0,
        allowOrphans=0,
        fontChain=chain,
        **wrap,
    )

    def derive(name: str, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    styles = {
        "body": body,
        "title": derive(
            "title", fontName=bold, fontSize=b * 2, leading=b * 2.35,
            textColor=theme.primary,
            spaceAfter=s * 0.3,
        ),
        "subtitle": derive(
            "subtitle", fontName=regular, fontSize=b * 1.2, leading=b * 1.6, textColor=MUTED,
            spaceAfter=s * 0.9,
        ),
        "h1": derive(
            "h1", fontName=bold, fontSize=b * 1.45, leading=b * 1.8,
            textColor=theme.primary,
            spaceBefore=s * 0.9, spaceAfter=s * 0.45, keepWithNext=1,
        ),
        "h2": derive(
            "h2", fontName=bold, fontSize=b * 1.15, leading=b * 1.5, textColor=INK,
            spaceBefore=s * 0.2, spaceAfter=s * 0.3, keepWithNext=1,
        ),
        "bullet": derive("bullet", spaceAfter=s * 0.3),
        "tight": derive("tight", spaceAfter=s * 0.1),
        "box_body": derive("box_body", spaceAfter=s * 0.35),
        "small": derive(
            "small", fontSize=max(10.0, b * 0.8), leading=max(10.0, b * 0.8) * 1.35,
            textColor=MUTED, spaceAfter=s * 0.3,
        ),
        "caption": derive(
            "caption", fontSize=max(11.0, b * 0.85), leading=max(11.0, b * 0.85) * 1.35,
            spaceAfter=s * 0.3,
        ),
        "footer": derive("footer", fontSize=10, leading=12, textColor=MUTED),
    }
    for style in styles.values() if ink else ():
        style.leading = max(style.leading, style.fontSize * ink)
    return styles
