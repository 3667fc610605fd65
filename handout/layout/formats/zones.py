"""A rack format's story, split into zones that must each stay in their own pages or
panels; and, after a layout pass, whether they did and by how much they ran over."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageTemplate

from handout.input.loader import Loc
from handout.layout.formats.panels import Geometry
from handout.layout.page import Mark
from handout.layout.spread import FrameEnd
from handout.pdf import Element


@dataclass(frozen=True)
class Zone:
    """Part of the story (cover, inside, back cover) and the frames it may use: slots
    `first` to `last` of the format's flow order (geometry.Slot).

    `parts` are the marks at the start of each movable part (a section) with its place in
    the content file, so an overflow names the part where the room ran out.
    """

    name: str  # as the message names it, e.g. "the front cover panel"
    first: int
    last: int
    parts: tuple[tuple[str, Loc, str], ...] = ()  # (mark key, content location, heading)
    loc: Loc = ()  # where to point when no part is to blame
    per_page: float = 0.0  # room it gains with each page a booklet adds (0: none)

    @property
    def end(self) -> str:
        return f"end:{self.name}"

    @property
    def after_sections(self) -> bool:
        """Whether leaving a section out can free room here: the zone holds the sections,
        or runs on from their pages (a booklet's plan, puzzle and help pages)."""
        return bool(self.parts) or self.per_page > 0


Extents = tuple[tuple[float, float], ...]  # (top, bottom) of what is printed, from a top


@dataclass
class Layout:
    """What a format lays out: its pages, its story and its zones."""

    geometry: Geometry | None  # None: the document's pages, as many as it needs
    templates: list[PageTemplate] | None  # None: the document's page templates
    story: list[Flowable]
    zones: list[Zone]
    reading_order: list[Element] = field(default_factory=list)  # when not the flow order
    # Room above a frame that the page rules count with it (a sheet's right column under
    # the band, beside the title): (page from 1, frame) -> its height, and where in it
    # (from its top) something is printed across the column.
    above: dict[tuple[int, str], tuple[float, Extents]] = field(default_factory=dict)


@dataclass(frozen=True)
class Overflow:
    zone: Zone
    points: float  # how far past the zone's last frame the text ran
    loc: Loc
    heading: str  # the part where the room ran out ("" for the zone as a whole)
    reason: str = ""  # set when a part is too large for any one page or panel
    room: float = 0.0  # the height of the zone's frames, all together


def overflow(layout: Layout, marks: dict[str, Mark], *, laid_out: bool = False,
             at: tuple[int, str] | None = None) -> Overflow | None:
    """The first zone whose end fell outside its frames, with the amount it ran over
    (`laid_out`: only among the zones laid out, of a pass that stopped part-way).

    `at`: the page and frame a pass in progress has reached. The zone being laid out
    has run over once that frame is past its last, and the amount is then how far it
    has run so far (a fitting pass needs only the yes or no)."""
    geo = layout.geometry
    for zone in layout.zones:
        assert geo is not None  # a format with zones has fixed pages
        end = marks.get(zone.end)
        if end is None and at is not None and geo.index(at[0] - 1, at[1]) > zone.last:
            end = Mark(zone.end)
            end.page, end.frame = at
        if end is None:  # not laid out
            return None if laid_out else Overflow(zone, 0.0, zone.loc, "")
        if zone.first <= geo.index(end.page - 1, end.frame) <= zone.last:
            continue
        culprit: tuple[Loc, str] = (zone.loc, "")
        for key, loc, heading in zone.parts:
            mark = marks.get(key)
            if mark is not None and geo.index(mark.page - 1, mark.frame) <= zone.last:
                culprit = (loc, heading)
        room = sum(slot.height for slot in geo.slots[zone.first:zone.last + 1])
        points = max(0.0, _depth(geo, end) - _room_to(geo, zone))
        return Overflow(zone, points, *culprit, room=room)
    return None


def _depth(geo: Geometry, mark: Mark) -> float:
    """How far into the flow `mark` was laid out (Geometry.depth)."""
    return geo.depth(mark.page - 1, mark.frame, mark.left)


def _room_to(geo: Geometry, zone: Zone) -> float:
    """How far into the flow the end of `zone`'s last frame is."""
    return sum(slot.height for slot in geo.slots[:zone.last + 1])


def every_frame(layout: Layout, pages: int, ends: list[FrameEnd]) -> tuple[FrameEnd, ...]:
    """The frames of the `pages` laid out, in flow order, as the page rules measure them
    (each with the room `layout.above` it): `ends`, each frame a block was placed in, and
    (a format of fixed pages) those the story passed by with nothing in them (a sheet's
    right column, where the text of side 1 ended in its left one)."""
    geo = layout.geometry
    if geo is not None:
        seen = {(end.page, end.frame) for end in ends}
        ends = ends + [FrameEnd(slot.page + 1, slot.name, slot.height, slot.height)
                       for slot in geo.slots
                       if slot.page < pages and (slot.page + 1, slot.name) not in seen]
        ends.sort(key=lambda end: geo.index(end.page - 1, end.frame))
    return tuple(_raised(end, *layout.above.get((end.page, end.frame), (0.0, ())))
                 for end in ends)


def _raised(end: FrameEnd, by: float, printed: Extents) -> FrameEnd:
    """`end` with `by` points of its column above it, `printed` where something is."""
    if not by:
        return end
    return FrameEnd(end.page, end.frame, end.left, end.height + by,
                    (*printed, *((top + by, bottom + by) for top, bottom in end.filled)))
