"""The canvas that carries the recorder, and the structure it writes when saved.

The structure tree, parent tree, MarkInfo and XMP metadata go into ReportLab's own document
just before it is saved, so the objects are numbered and serialised with the rest (invariant
mode: the same input gives the same bytes) and the PDF is made in one pass, with no second
parse and save of the file.
"""

from __future__ import annotations

from html import escape
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
    PDFtrue,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfgen.canvas import Canvas

from handout.pdf.structure_tree import LAYOUT, Element, LinkTarget, Marked, Recorder


class TaggingCanvas(Canvas):  # type: ignore[misc]
    """Canvas with `tags`, the recorder flowables mark their drawing in (None: untagged)."""

    def __init__(self, *args: Any, tags: Recorder | None = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.tags = tags

    def linkURL(self, url: str, rect: Any, *args: Any, **kw: Any) -> None:  # noqa: N802
        if self.tags is not None:
            # The URL as the link's description: PDF/UA asks each link for /Contents.
            kw.setdefault("Contents", PDFString(url))
        super().linkURL(url, rect, *args, **kw)

    def _addAnnotation(self, annotation: PDFDictionary, name: Any = None,  # noqa: N802
                       addtopage: int = 1) -> None:
        super()._addAnnotation(annotation, name, addtopage)
        if self.tags is not None and isinstance(annotation, PDFDictionary):
            self.tags.link(self, annotation)

    def showPage(self) -> None:  # noqa: N802
        if self.tags is not None and self._cropMarks:
            # ReportLab draws print-shop crop marks inside showPage, after the content (the
            # template asks for markLast) and before the page's closing commands: an
            # artifact opened here and closed there holds exactly the marks.
            self.addLiteral(LAYOUT.operator)
            self._psCommandsAfterPage.append("EMC")
        super().showPage()

    def save(self) -> None:
        if self.tags is not None:
            write_structure(self._doc, self.tags)
        super().save()


def write_structure(doc: Any, recorder: Recorder) -> None:
    """Add the structure tree of `recorder` to ReportLab's PDFDocument `doc`."""
    tree = _Tree(doc, recorder)
    pages = doc.Pages.pages
    for number, page in enumerate(pages):
        _mark_page(page, number)
    nums: list[object] = []
    for number in range(len(pages)):
        owners = recorder.pages[number] if number < len(recorder.pages) else []
        nums += [number, PDFArray([tree.ref(e) for e in owners])]
    for key, (link, target) in enumerate(recorder.links, start=len(pages)):
        target.annotation["StructParent"] = key
        nums += [key, tree.ref(link)]
    tree.root["K"] = PDFArray([tree.ref(recorder.root)])
    tree.root["ParentTree"] = PDFDictionary({"Nums": PDFArray(nums)})
    tree.root["ParentTreeNextKey"] = len(pages) + len(recorder.links)
    doc.Catalog.StructTreeRoot = tree.root
    doc.Catalog.MarkInfo = PDFDictionary({"Marked": PDFtrue})
    doc.Catalog.Metadata = xmp_stream(doc)
    # PDF/UA builds on PDF 1.7 (/Tabs is 1.5); ReportLab's default header says 1.4.
    doc._pdfVersion = max(doc._pdfVersion, (1, 7))


class _StructElem(PDFObject):  # type: ignore[misc]
    """A StructElem dictionary, written directly: ReportLab's general dictionary formatting
    (sorting, wrapping) took over half of tagging's time, 15 us an element against 2."""

    def __init__(self, role: str) -> None:
        self.role = role
        self.entries: dict[str, object] = {}  # values: PDF objects, numbers, lists (arrays)

    def format(self, document: Any) -> bytes:
        out = [b"<< /Type /StructElem /S /" + self.role.encode("ascii")]
        for key, value in self.entries.items():
            if isinstance(value, list):  # an array, ten items a line (PDF lines stay short)
                items = [pdf_format(v, document) for v in value]
                lines = (b" ".join(items[i:i + 10]) for i in range(0, len(items), 10))
                text = b"[ " + b"\n".join(lines) + b" ]"
            else:
                text = pdf_format(value, document)
            out.append(b"/" + key.encode("ascii") + b" " + text)
        return b"\n".join(out) + b" >>"


class _Tree:
    """The StructTreeRoot and one StructElem dictionary per placed element, filled in."""

    def __init__(self, doc: Any, recorder: Recorder) -> None:
        self.doc = doc
        self.pages = [doc.Reference(page) for page in doc.Pages.pages]
        self.root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        root_ref = doc.Reference(self.root)
        elements = list(recorder.root.walk())
        objects = [_StructElem(e.role) for e in elements]
        # Objects first, contents after: parents and kids refer to each other.
        self._refs = {id(e): doc.Reference(o) for e, o in zip(elements, objects, strict=True)}
        for element, obj in zip(elements, objects, strict=True):
            self._fill(obj, element, self.ref(element.parent) if element.parent else root_ref)

    def ref(self, element: Element) -> PDFObjectReference:
        return self._refs[id(element)]

    def _fill(self, obj: _StructElem, element: Element, parent: PDFObjectReference) -> None:
        obj.entries["P"] = parent
        first = next((k.page for k in element.kids if isinstance(k, Marked | LinkTarget)), None)
        if first is not None:
            obj.entries["Pg"] = self.pages[first]
        if element.alt:
            obj.entries["Alt"] = PDFString(element.alt)
        if element.lang:
            obj.entries["Lang"] = PDFString(element.lang)
        if element.scope:
            obj.entries["A"] = PDFDictionary({"O": PDFName("Table"),
                                              "Scope": PDFName(element.scope)})
        obj.entries["K"] = [self._kid(kid, first) for kid in element.kids]

    def _kid(self, kid: Element | Marked | LinkTarget, page: int | None) -> object:
        """A kid element's object, an MCID (or marked-content reference), a link's OBJR."""
        if isinstance(kid, Element):
            return self.ref(kid)
        if isinstance(kid, Marked):
            return kid.mcid if kid.page == page else PDFDictionary(
                {"Type": PDFName("MCR"), "Pg": self.pages[kid.page], "MCID": kid.mcid})
        return PDFDictionary({"Type": PDFName("OBJR"), "Pg": self.pages[kid.page],
                              "Obj": self.doc.Reference(kid.annotation)})


def _mark_page(page: Any, number: int) -> None:
    """/StructParents (the page's key in the parent tree); /Tabs /S where it has links."""
    page.StructParents = number
    extra = ["StructParents"]
    if page.Annots:
        page.Tabs = PDFName("S")
        extra.append("Tabs")
    # ReportLab writes only the page keys its class lists; this page lists two more.
    page.__NoDefault__ = [*type(page).__NoDefault__, *extra]


def xmp_stream(doc: Any) -> PDFStream:
    """XMP metadata from the document info: title, author, subject, keywords, language."""
    info, lang = doc.info, getattr(doc.Catalog, "Lang", None)
    language = lang.s if isinstance(lang, PDFString) else "x-default"

    def alt(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    xml = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        "<dc:format>application/pdf</dc:format>"
        f"<dc:title>{alt(info.title)}</dc:title>"
        f"<dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>"
        f"<dc:description>{alt(info.subject)}</dc:description>"
        f"<dc:language><rdf:Bag><rdf:li>{escape(language)}</rdf:li></rdf:Bag></dc:language>"
        f"<pdf:Keywords>{escape(info.keywords)}</pdf:Keywords>"
        f"<pdf:Producer>{escape(info.producer)}</pdf:Producer>"
        f"<xmp:CreatorTool>{escape(info.creator)}</xmp:CreatorTool>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    # Unfiltered, as XMP readers that scan files for packets expect.
    return PDFStream(PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
                     xml.encode("utf-8"))
