"""A rack format's story, split into zones that must each stay in their own pages or
panels; and, after a layout pass, whether they did and by how much they ran over."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageTemplate

from handout.layout.page import Mark
from handout.layout.rack.panels import Geometry
from handout.pdf import Element

Loc = tuple[str | int, ...]
PARTS_END = "end:parts"  # the mark after a zone's last movable part (its sections)


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


@dataclass
class Layout:
    """What a format lays out: its pages, its story and its zones."""

    geometry: Geometry
    templates: list[PageTemplate]
    story: list[Flowable]
    zones: list[Zone]
    reading_order: list[Element] = field(default_factory=list)  # when not the flow order


@dataclass(frozen=True)
class Overflow:
    zone: Zone
    points: float  # how far past the zone's last frame the text ran
    loc: Loc
    heading: str  # the part where the room ran out ("" for the zone as a whole)
    reason: str = ""  # set when a part is too large for any one page or panel
    room: float = 0.0  # the height of the zone's frames, all together


def overflow(layout: Layout, marks: dict[str, Mark], *, so_far: bool = False
             ) -> Overflow | None:
    """The first zone whose end fell outside its frames, with the amount it ran over
    (`so_far`: among the zones laid out yet, while the pass goes on)."""
    geo = layout.geometry
    for zone in layout.zones:
        end = marks.get(zone.end)
        if end is None:  # not laid out (yet)
            return None if so_far else Overflow(zone, 0.0, zone.loc, "")
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


def heights(layout: Layout, marks: dict[str, Mark], zone: Zone) -> dict[Loc, float]:
    """The room each of `zone`'s parts took in this pass, in points: from its mark to the
    next part's (the last: to PARTS_END, or the zone's end). A gap left where a part moved
    on to the next frame counts to the part before it."""
    def depth(key: str) -> float | None:
        mark = marks.get(key)
        return None if mark is None else _depth(layout.geometry, mark)

    keys = [key for key, _, _ in zone.parts]
    out = {}
    for k, (key, loc, _) in enumerate(zone.parts):
        start = depth(key)
        after = [depth(later) for later in (*keys[k + 1:], PARTS_END, zone.end)]
        end = next((d for d in after if d is not None), None)
        if start is not None and end is not None:
            out[loc] = max(0.0, end - start)
    return out


def slack(layout: Layout, marks: dict[str, Mark]) -> dict[str, float]:
    """How much room each zone has left at its end, in points (after a pass that fits)."""
    geo = layout.geometry
    return {zone.name: _room_to(geo, zone) - _depth(geo, marks[zone.end])
            for zone in layout.zones if zone.end in marks}


def _depth(geo: Geometry, mark: Mark) -> float:
    """How far into the flow `mark` was laid out (Geometry.depth)."""
    return geo.depth(mark.page - 1, mark.frame, mark.left)


def _room_to(geo: Geometry, zone: Zone) -> float:
    """How far into the flow the end of `zone`'s last frame is."""
    return sum(slot.height for slot in geo.slots[:zone.last + 1])
