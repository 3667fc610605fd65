"""A matplotlib renderer that writes PDF content-stream operators, and nothing else.

Drawing the chart figure with `OpsRenderer` gives the operators ReportLab replays with
`canvas.addLiteral`: paths (m l c h, quadratic curves made cubic), fill and stroke colours,
line width, cap, join and dashes, clipping (q ... W n ... Q) and text as glyph outlines. They
name no resource (no font, image, pattern or transparency state), so they can be cached as
text and placed on any page; whatever would need one (alpha, images, gradients, hatch
patterns) raises RuntimeError instead of being dropped.

Coordinates are points, origin bottom left, as in backend_pdf at its fixed 72 dpi: no pixel
snapping, unfilled paths clipped to the figure and simplified like backend_pdf and
backend_svg do. Numbers are rounded to 3 decimals (glyphs: 0.1 unit of the 100 pt outline, under
one `cm` per string) with trailing zeros stripped, and a setting is only written when it
changes, so the same figure always gives the same string.
The replaying page's graphics state is unknown, so every setting is written on first use.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Literal, cast

from matplotlib import _path  # the C path writer backend_pdf and backend_svg use
from matplotlib.backend_bases import RendererBase
from matplotlib.path import Path
from matplotlib.transforms import Affine2D

from handout.chart.pdf_state import PRECISION, State, colour_op, dash_op, num, opacity

if TYPE_CHECKING:
    from matplotlib.backend_bases import GraphicsContextBase
    from matplotlib.font_manager import FontProperties
    from matplotlib.text import Text
    from matplotlib.transforms import Affine2DBase, Transform
    from matplotlib.typing import ColorType
    from numpy.typing import ArrayLike

# Text is written in matplotlib's glyph units (the font at 100 pt) under one `cm` per string:
# 0.1 unit is 0.001 pt per point of font size, and the numbers are a third shorter.
TEXT_PRECISION = 1
_PATH_CODES = [b"m", b"l", b"", b"c", b"h"]  # b"" for CURVE3: quadratics become cubics
_NEGATIVE_ZERO = re.compile(r"(?<![\d.])-0(?![\d.])")
_CAPS = {"butt": 0, "round": 1, "projecting": 2}
_JOINS = {"miter": 0, "round": 1, "bevel": 2}


class OpsRenderer(RendererBase):
    """Renders a figure drawn at 72 dpi as PDF operators; `finish()` returns them."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height
        self._ops: list[str] = []
        self._state = State()
        self._outside = State()  # the state to return to when the clip's q ... Q ends
        self._clip = ""  # the clip operators in force ("" = none, no q open)
        self._glyphs: dict[str, str] = {}  # glyph key -> its outline's path operators

    # -- what matplotlib asks of a renderer -------------------------------------------------

    def flipy(self) -> bool:
        return False  # PDF's y axis points up, like matplotlib's display coordinates

    def get_canvas_width_height(self) -> tuple[float, float]:
        return self.width, self.height

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: bool | Literal["TeX"]
    ) -> tuple[float, float, float]:
        # Measured on the unhinted outlines, as backend_svg and backend_pdf (path text) do.
        width, height, descent = self._text2path.get_text_width_height_descent(s, prop, ismath)
        return float(width), float(height), float(descent)

    def draw_path(
        self, gc: GraphicsContextBase, path: Path, transform: Transform,
        rgbFace: ColorType | None = None,  # noqa: N803  # matplotlib's name
    ) -> None:
        if gc.get_hatch() is not None:
            raise RuntimeError("hatch patterns need a PDF pattern resource; draw the lines")
        if gc.get_url() is not None:
            raise RuntimeError("links need a PDF annotation, not drawing operators")
        fill = rgbFace is not None and opacity(gc, rgbFace, "fill") > 0
        stroke = gc.get_linewidth() > 0 and opacity(gc, gc.get_rgb(), "stroke") > 0
        if not (fill or stroke):
            return  # invisible: backend_pdf would write the path and paint nothing
        self._set_clip(gc)
        state = self._state
        if fill:
            state = replace(state, fill=colour_op(rgbFace, stroking=False))
        if stroke:
            state = replace(
                state, stroke=colour_op(gc.get_rgb(), stroking=True),
                width=num(float(gc.get_linewidth())),
                cap=str(_CAPS[gc.get_capstyle()]), join=str(_JOINS[gc.get_joinstyle()]),
                dash=dash_op(gc))
        self._set_state(state)
        # Like backend_pdf: unfilled paths are clipped to the figure and may be simplified.
        clip = (0.0, 0.0, self.width, self.height) if rgbFace is None else None
        self._ops.append(_path_ops(path, transform, clip=clip,
                                   simplify=path.should_simplify and clip is not None,
                                   sketch=gc.get_sketch_params()))
        self._ops.append("B\n" if fill and stroke else "f\n" if fill else "S\n")

    def draw_text(  # noqa: PLR0917  # matplotlib's signature
        self, gc: GraphicsContextBase, x: float, y: float, s: str, prop: FontProperties,
        angle: float, ismath: bool | Literal["TeX"] = False, mtext: Text | None = None,
    ) -> None:
        """The string's glyph outlines, filled: the shapes `_draw_text_as_path` would draw."""
        if ismath:  # off here (text.parse_math is False); the generic outline path copes
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        if gc.get_url() is not None:
            raise RuntimeError("links need a PDF annotation, not drawing operators")
        if opacity(gc, gc.get_rgb(), "text") == 0:
            return
        text2path = self._text2path
        features: Any = mtext.get_fontfeatures() if mtext is not None else None
        language: Any = mtext.get_language() if mtext is not None else None
        glyphs, outlines, _ = text2path.get_glyphs_with_font(
            text2path._get_font(prop),  # type: ignore[attr-defined]  # as backend_svg does
            s, features=features, language=language)
        # Each glyph is its outline, the same bytes wherever it appears, moved into place:
        # repeated letters then compress to almost nothing in the PDF.
        placed = "".join(
            f"q\n1 0 0 1 {num(gx, TEXT_PRECISION)} {num(gy, TEXT_PRECISION)} cm\n"
            f"{self._glyph(key, outlines[key])}f\nQ\n"
            for key, gx, gy, _size in glyphs if len(outlines[key][0]))
        if not placed:
            return  # blanks only
        scale = prop.get_size_in_points() / text2path.FONT_SCALE  # 72 dpi: a point is a pixel
        a, b, c, d, e, f = Affine2D().scale(scale).rotate_deg(angle).translate(x, y).to_values()
        self._set_clip(gc)
        self._set_state(replace(self._state, fill=colour_op(gc.get_rgb(), stroking=False)))
        matrix = " ".join([*(num(v, 6) for v in (a, b, c, d)), num(e), num(f)])
        # The fill colour is set outside the q, so it is still known after the Q.
        self._ops.append(f"q\n{matrix} cm\n{placed}Q\n")

    def _glyph(self, key: str, outline: tuple[Any, Any]) -> str:
        """A glyph's outline as path operators, in font units, written once per renderer."""
        if key not in self._glyphs:
            self._glyphs[key] = _path_ops(Path(*outline), None, precision=TEXT_PRECISION)
        return self._glyphs[key]

    def draw_image(
        self, gc: GraphicsContextBase, x: float, y: float, im: ArrayLike,
        transform: Affine2DBase | None = None,
    ) -> None:
        raise RuntimeError("images need a PDF XObject resource; the chart must be vector only")

    def draw_gouraud_triangles(
        self, gc: GraphicsContextBase, triangles_array: ArrayLike, colors_array: ArrayLike,
        transform: Transform,
    ) -> None:
        raise RuntimeError("gradients need a PDF shading resource; use flat colours")

    # -- output ----------------------------------------------------------------------------

    def finish(self) -> str:
        """The operators, with any open clip closed: every q has its Q."""
        if self._clip:
            self._ops.append("Q\n")
            self._clip, self._state = "", self._outside
        ops = _NEGATIVE_ZERO.sub("0", "".join(self._ops))
        if "/" in ops:  # nothing above writes a name; a guard for whoever edits it next
            raise RuntimeError("the chart operators name a PDF resource")
        return ops

    def _set_clip(self, gc: GraphicsContextBase) -> None:
        """Open, change or close the q ... Q holding the clip `gc` asks for."""
        clip = ""
        rect = gc.get_clip_rectangle()
        if rect is not None:
            x, y, w, h = rect.bounds
            clip += f"{num(x)} {num(y)} {num(w)} {num(h)} re W n\n"
        clip_path, affine = gc.get_clip_path()  # already the transformed Path (stub says not)
        if clip_path is not None:
            clip += _path_ops(cast("Path", clip_path), affine) + "W n\n"
        if clip == self._clip:
            return
        if self._clip:
            self._ops.append("Q\n")
            self._state = self._outside
        if clip:
            self._ops.append("q\n" + clip)
            self._outside = self._state
        self._clip = clip

    def _set_state(self, new: State) -> None:
        """Write only the settings that differ from those in force."""
        old = self._state
        for value, was, op in ((new.fill, old.fill, ""), (new.stroke, old.stroke, ""),
                               (new.width, old.width, " w"), (new.cap, old.cap, " J"),
                               (new.join, old.join, " j"), (new.dash, old.dash, " d")):
            if value is not None and value != was:
                self._ops.append(f"{value}{op}\n")
        self._state = new


def _path_ops(
    path: Path, transform: Transform | None, *, clip: tuple[float, float, float, float] | None
    = None, simplify: bool = False, sketch: Any = None, precision: int = PRECISION,
) -> str:
    """`path` through `transform` as m/l/c/h operators (the writer backend_pdf uses)."""
    data = _path.convert_to_string(  # type: ignore[attr-defined]  # C module, no stub
        path, transform, clip, simplify, sketch, precision, _PATH_CODES, True)
    return bytes(data).decode("ascii")
