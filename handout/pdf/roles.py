"""Giving flowables a structure role: `tag`, `artifact`, `group`, and lists with labels.

A tagged flowable is the same object with a subclass that marks what its `drawOn` draws
(ReportLab turns a Table into a Preformatted the same way). It keeps its class for
isinstance checks and lays out exactly as before, and pieces split from it stay tagged.
Drawing on a canvas without a recorder (an untagged build) adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem
from reportlab.platypus.flowables import BulletDrawer

from handout.pdf.structure_tree import LAYOUT, Element, Owner, Recorder

F = TypeVar("F", bound=Flowable)


@contextmanager
def marked(canv: Any, owner: Owner | None) -> Iterator[None]:
    """Mark what is drawn inside the block as `owner`'s content (no-op when untagged)."""
    recorder: Recorder | None = getattr(canv, "tags", None)
    if recorder is None or owner is None:
        yield
        return
    recorder.begin(canv, owner)
    try:
        yield
    finally:
        recorder.end(canv)


class TagMixin:
    """Marks everything the flowable draws as `tag`'s content."""

    tag: Owner | None = None
    structure: Element | None = None  # the element its content belongs to, for `group`

    def drawOn(self, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        with marked(canv, self.tag):
            super().drawOn(canv, x, y, _sW)  # type: ignore[misc]

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (ReportLab's names)
        parts: list[Flowable] = super().split(aW, aH)  # type: ignore[misc]
        for part in parts:
            _retag(part, self.tag, self.structure)
        return parts


_CLASSES: dict[type, type] = {}


def _retag(flowable: F, owner: Owner | None, structure: Element | None) -> F:
    cls = type(flowable)
    if not issubclass(cls, TagMixin):
        if cls not in _CLASSES:
            _CLASSES[cls] = type(f"Tagged{cls.__name__}", (TagMixin, cls), {})
        # Past the class's own __setattr__: a Drawing validates (and would just store) it.
        object.__setattr__(flowable, "__class__", _CLASSES[cls])
    vars(flowable).update(tag=owner, structure=structure)  # likewise, straight in
    return flowable


def tag(flowable: F, role: str, alt: str = "", parent: Element | None = None,
        scope: str = "") -> F:
    """`flowable` drawn as the content of a new `role` element (under `parent`, if given;
    `scope`: a table header cell's, "Column" or "Row")."""
    element = Element(role, alt=alt, parent=parent, scope=scope)
    return _retag(flowable, element, element)


def artifact(flowable: F, structure: Element | None = None) -> F:
    """`flowable`'s own drawing (rules, backgrounds) as a layout artifact; tagged
    flowables inside it (a table's cells) keep their own roles. `structure`: the element
    its content belongs to."""
    return _retag(flowable, LAYOUT, structure)


def roots(flowables: Iterable[Flowable]) -> Iterator[Element]:
    """The outermost elements whose content `flowables` draw."""
    for f in flowables:
        structure = getattr(f, "structure", None)
        if isinstance(structure, Element):
            yield structure.top()
        elif isinstance(f, KeepTogether):
            yield from roots(f._content)


def group(role: str, flowables: Iterable[Flowable]) -> Element:
    """A `role` element (Sect, Div) that holds the content of `flowables`. When their
    content already is one `role` element (a box around a grid that is a Div), that
    element itself: no Div directly inside a Div."""
    tops = list(dict.fromkeys(roots(flowables)))
    if len(tops) == 1 and tops[0].role == role:
        return tops[0]
    element = Element(role)
    for top in tops:
        top.parent = element
    return element


class _Label(BulletDrawer):  # type: ignore[misc]
    """A list bullet drawn as the Lbl of its list item."""

    def drawOn(self, indenter: Any, canv: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        body = getattr(indenter._flowable, "structure", None)
        item = body.parent if isinstance(body, Element) else None
        with marked(canv, Element("Lbl", parent=item) if item else LAYOUT):
            super().drawOn(indenter, canv, x, y, _sW)


class TaggedList(ListFlowable):  # type: ignore[misc]
    """A ListFlowable tagged L > LI > (Lbl, LBody): `bodies` are the items' flowables."""

    def __init__(self, bodies: Sequence[Flowable], **kw: Any) -> None:
        self.structure = Element("L")
        items = [ListItem(tag(body, "LBody", parent=Element("LI", parent=self.structure)))
                 for body in bodies]
        super().__init__(items, **kw)

    def _makeBullet(self, value: object, params: object = None) -> BulletDrawer:  # noqa: N802
        drawer = super()._makeBullet(value, params)
        drawer.__class__ = _Label  # the same drawer, with all the list's bullet settings
        return drawer
