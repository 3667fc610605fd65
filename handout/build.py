"""Content file in, PDF out: the one place that writes the output file."""

from __future__ import annotations

import os
import tempfile
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.platypus.doctemplate import LayoutError

from handout.assets import load_logo
from handout.cache import ChartCache
from handout.errors import ContentError, HandoutError, LayoutFitError
from handout.layout.document import story
from handout.layout.figure import ChartRenderer
from handout.layout.page import FooterCanvas, HandoutTemplate
from handout.loader import load
from handout.model import Document
from handout.preflight import preflight
from handout.theme import make_theme
from handout.validate import parse_document


@dataclass(frozen=True)
class Options:
    paper: str = "letter"
    grayscale: bool = False
    # Drawn charts are kept here between builds; None: the `.cache` folder beside the PDF.
    cache_dir: Path | None = None
    cache: bool = True


@dataclass(frozen=True)
class Result:
    path: Path
    pages: int
    bytes: int
    seconds: float


def read_document(content: Path) -> Document:
    """Load, validate and preflight a content file; problems raise `ContentError`."""
    located = load(content, shown=_shown(content))
    doc = parse_document(located)
    preflight(doc, located, content.resolve().parent)
    return doc


def render(doc: Document, base_dir: Path, options: Options = Options(),
           charts: ChartRenderer | None = None) -> tuple[bytes, int]:
    """Lay out the document; returns the PDF bytes and the page count. Writes nothing.

    `charts` draws Fig. 1; a `ChartCache` keeps new drawings in memory until its `save()`.
    """
    theme = make_theme(doc.clinic.colours, paper=options.paper)
    logo = None
    if doc.clinic.logo:
        logo = load_logo((base_dir / doc.clinic.logo).resolve())
    buffer = BytesIO()
    template = HandoutTemplate(
        buffer, theme, doc.clinic, logo,
        title=doc.title, author=doc.clinic.name, subject=doc.subtitle or doc.title,
        keywords=", ".join(doc.keywords), creator="handout", producer="handout",
        lang=doc.language, displayDocTitle=True,
    )
    flowables = story(doc, theme, grayscale=options.grayscale, charts=charts)
    template.build([*template.story_start(), *flowables], canvasmaker=FooterCanvas)
    return buffer.getvalue(), template.page


def build(content: Path, out: Path, options: Options = Options()) -> Result:
    """Validate, render and atomically write `out`; on any error `out` is left untouched."""
    started = time.perf_counter()
    located = load(content, shown=_shown(content))
    doc = parse_document(located)
    base_dir = content.resolve().parent
    preflight(doc, located, base_dir)
    charts = None
    if options.cache:
        charts = ChartCache(options.cache_dir or out.resolve().parent / ".cache")
    try:
        pdf, pages = render(doc, base_dir, options, charts)
    except LayoutFitError as exc:
        raise ContentError([located.problem(exc.loc, exc.message)]) from exc
    except LayoutError as exc:
        # Length caps in the model should make this unreachable; if not, still no traceback.
        raise ContentError([located.problem((), "a part of the handout is too large to fit "
                                            "on a page; shorten the longest paragraph or list")]) \
            from exc
    write_atomic(out, pdf)
    if charts is not None:
        charts.save()
    return Result(out, pages, len(pdf), time.perf_counter() - started)


def write_atomic(out: Path, data: bytes) -> None:
    """Write to a temporary file beside `out`, then rename: readers never see half a PDF."""
    folder = out.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise HandoutError(f"cannot write to {folder}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _shown(path: Path) -> str:
    """The path as the user should see it in messages (relative when under the cwd)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
