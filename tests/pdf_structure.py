"""Reading a tagged PDF back: marked content from the page streams, the structure tree,
and the text of each marked sequence.

pikepdf reads the objects and content streams; pdfminer.six, a second reader with its own
parser and font decoding, supplies the text of each marked-content sequence.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
from pdfminer.pdfdevice import TagExtractor
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage

from handout.layout.markup import plain

PAINT = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "Do",
         "INLINE IMAGE"}
Key = tuple[int, int]  # (page index, MCID)


def squash(text: str) -> str:
    """Text without emphasis marks or white space (line breaks in a PDF drop the spaces)."""
    return "".join(plain(text).split())


def content_marks(pdf: pikepdf.Pdf) -> Iterator[tuple[int, str, int | None]]:
    """(page, role, MCID) of each marked-content sequence; fails on unmarked painting."""
    for number, page in enumerate(pdf.pages):
        depth = 0
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name in {"BDC", "BMC"}:
                assert depth == 0, f"page {number + 1}: nested marked content"
                depth += 1
                props = operands[1] if name == "BDC" else pikepdf.Dictionary()
                mcid = props.get("/MCID")
                yield number, str(operands[0]), None if mcid is None else int(mcid)
            elif name == "EMC":
                depth -= 1
            elif name in PAINT:
                assert depth == 1, f"page {number + 1}: {name} outside marked content"
        assert depth == 0


def kids(element: pikepdf.Dictionary, pages: dict[Any, int]) -> Iterator[Key | pikepdf.Dictionary]:
    """An element's kids in order: (page, MCID) of its marked content, and kid elements."""
    page = pages.get(element.Pg.objgen) if "/Pg" in element else None
    for kid in element.K:
        if isinstance(kid, int):
            assert page is not None
            yield page, int(kid)
        elif kid.get("/Type") == "/MCR":
            yield pages[kid.Pg.objgen], int(kid.MCID)
        elif "/S" in kid:
            yield kid


def tree_marks(element: pikepdf.Dictionary, pages: dict[Any, int]) -> list[Key]:
    return [kid for kid in kids(element, pages) if isinstance(kid, tuple)]


def elements(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every structure element, depth first: the reading order."""
    pages = page_numbers(pdf)

    def walk(element: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
        yield element
        for kid in kids(element, pages):
            if not isinstance(kid, tuple):
                yield from walk(kid)
    for top in pdf.Root.StructTreeRoot.K:
        yield from walk(top)


def page_numbers(pdf: pikepdf.Pdf) -> dict[int, int]:
    return {page.obj.objgen: i for i, page in enumerate(pdf.pages)}


def sequence_texts(path: Path) -> dict[Key, str]:
    """Text of each MCID as pdfminer.six decodes it; no text outside marked content."""
    out = io.BytesIO()
    manager = PDFResourceManager()
    interpreter = PDFPageInterpreter(manager, TagExtractor(manager, out))
    with path.open("rb") as fh:
        for page in PDFPage.get_pages(fh):
            interpreter.process_page(page)
    texts: dict[Key, str] = {}
    for number, page_xml in enumerate(re.findall(r"<page [^>]*>(.*?)</page>",
                                                 out.getvalue().decode(), re.S)):
        marked = re.compile(r"<(\w+)([^>]*)>(.*?)</\1>", re.S)
        assert not marked.sub("", page_xml).strip(), "text outside marked content"
        for _, props, text in marked.findall(page_xml):
            mcid = re.search(r'MCID="(\d+)"', props)
            if mcid:
                texts[number, int(mcid.group(1))] = html.unescape(text)
    return texts


def spoken(pdf: pikepdf.Pdf, texts: dict[Key, str]) -> str:
    """What a screen reader reads, in structure order: alt text in place of content."""
    pages, out = page_numbers(pdf), []

    def read(element: pikepdf.Dictionary) -> None:
        if "/Alt" in element:
            out.append(str(element.Alt))
            return
        for kid in kids(element, pages):
            if isinstance(kid, tuple):
                out.append(texts[kid])
            else:
                read(kid)
    for top in pdf.Root.StructTreeRoot.K:
        read(top)
    return squash(" ".join(out))
