"""Structure elements, and the recorder that numbers marked content as pages are drawn.

Elements are made while the story is laid out (a role, alt text, a parent); the recorder
gives each drawn piece of content its marked-content id (MCID) and places each element in
its parent the first time it draws something, so the tree's order is the drawing order,
which for a story of flowables is its reading order.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFDictionary


@dataclass(frozen=True)
class Marked:
    """One marked-content sequence: page index (from 0) and its MCID on that page."""

    page: int
    mcid: int


@dataclass(frozen=True)
class LinkTarget:
    """A link annotation (ReportLab's dictionary for it) on page `page`."""

    page: int
    annotation: PDFDictionary


@dataclass(eq=False)
class Element:
    """A structure element: a standard role such as P, H2, L, LI, Figure, Sect."""

    role: str
    alt: str = ""
    parent: Element | None = None
    scope: str = ""  # a table header cell's: "Column" or "Row" (PDF/UA asks for it)
    lang: str = ""  # a BCP 47 tag where it differs from the document's /Lang
    kids: list[Element | Marked | LinkTarget] = field(default_factory=list)
    placed: bool = False  # already one of its parent's kids

    def top(self) -> Element:
        """The outermost ancestor (the element itself when it has no parent)."""
        element = self
        while element.parent is not None:
            element = element.parent
        return element

    def walk(self) -> Iterator[Element]:
        """This element and every placed descendant, in reading order."""
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()


@dataclass(frozen=True)
class Artifact:
    """Content that is not part of the text: page furniture or layout decoration."""

    kind: str = "Layout"
    subtype: str = ""

    @property
    def operator(self) -> str:
        sub = f" /Subtype /{self.subtype}" if self.subtype else ""
        return f"/Artifact <</Type /{self.kind}{sub}>> BDC"


Owner = Element | Artifact

HEADER = Artifact("Pagination", "Header")
FOOTER = Artifact("Pagination", "Footer")
LAYOUT = Artifact("Layout")


class Recorder:
    """Writes the marked-content operators of one document and remembers what they mark.

    Marked content never nests: opening a sequence inside another closes the outer one
    first and reopens it (with a new MCID) afterwards, so a table drawn as an artifact can
    hold tagged paragraphs, and a figure can draw another figure.
    """

    def __init__(self) -> None:
        self.root = Element("Document", placed=True)
        self.pages: list[list[Element]] = []  # per page, the element of each MCID
        self.links: list[tuple[Element, LinkTarget]] = []
        self._stack: list[Owner] = []

    def reserve(self, elements: list[Element]) -> None:
        """Place these top-level elements now, in this order, whatever order their content
        is drawn in (a tri-fold draws its back cover before its inside pages)."""
        for element in elements:
            element.parent = self.root
            self.root.kids.append(element)
            element.placed = True

    def begin(self, canv: Any, owner: Owner) -> None:
        if self._stack:
            canv.addLiteral("EMC")
        self._stack.append(owner)
        self._open(canv)

    def end(self, canv: Any) -> None:
        canv.addLiteral("EMC")
        self._stack.pop()
        if self._stack:
            self._open(canv)

    def link(self, canv: Any, annotation: PDFDictionary) -> None:
        """A link drawn inside the current element becomes a Link element within it."""
        owner = self._stack[-1] if self._stack else None
        if isinstance(owner, Element):
            target = LinkTarget(canv.getPageNumber() - 1, annotation)
            link = Element("Link", parent=owner, kids=[target])
            self._place(link)
            self.links.append((link, target))

    def _open(self, canv: Any) -> None:
        owner = self._stack[-1]
        if isinstance(owner, Artifact):
            canv.addLiteral(owner.operator)
            return
        page = canv.getPageNumber() - 1
        while len(self.pages) <= page:
            self.pages.append([])
        mcid = len(self.pages[page])
        self.pages[page].append(owner)
        self._place(owner)
        owner.kids.append(Marked(page, mcid))
        canv.addLiteral(f"/{owner.role} <</MCID {mcid}>> BDC")

    def _place(self, element: Element) -> None:
        if element.placed:
            return
        parent = element.parent = element.parent or self.root
        self._place(parent)
        parent.kids.append(element)
        element.placed = True
