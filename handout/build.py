"""Content file in, PDF out: the one place that writes the output file."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus.doctemplate import LayoutError

from handout.assets import load_logo
from handout.cache import ChartCache
from handout.chart.art import predicted_height
from handout.chart_worker import ChartWorker, cache_folder, nothing_cached, take_early
from handout.errors import ContentError, HandoutError, LayoutFitError
from handout.forked import fork_call
from handout.layout.document import story
from handout.layout.figure import ChartRenderer, ChartSizeChangedError
from handout.layout.page import FooterCanvas, HandoutTemplate
from handout.loader import Located
from handout.model import Document
from handout.preflight import preflight
from handout.sources import load_content
from handout.tagging import Recorder
from handout.theme import make_theme
from handout.validate import parse_document

if TYPE_CHECKING:
    from handout.check.runner import Report


@dataclass(frozen=True)
class Options:
    """One build variant; every option combines with the others."""

    paper: str = "letter"
    large_print: bool = False
    grayscale: bool = False
    print_shop: bool = False
    clinic: Path | None = None  # replaces the clinic file the content names
    check: bool = True  # run `handout check` first and refuse to build over its errors
    allow_check_errors: bool = False
    # Drawn charts are kept here between builds; None: the `.cache` folder beside the PDF.
    cache_dir: Path | None = None
    cache: bool = True
    tagged: bool = True  # a tagged (accessible) PDF: structure tree, alt text, artifacts


@dataclass(frozen=True)
class Result:
    path: Path
    pages: int
    bytes: int
    seconds: float
    report: Report | None = None


class CheckFailedError(HandoutError):
    """The content check found errors; the build was refused (nothing written)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__("the content check found errors; nothing was written. Fix them, "
                         "or build anyway with --allow-check-errors.")


def prepare(content: Path, clinic: Path | None = None) -> tuple[Document, Located]:
    """Load (content and clinic file), validate and preflight; problems raise ContentError."""
    located = load_content(content, clinic)
    doc = parse_document(located)
    preflight(doc, located, content.resolve().parent)
    return doc, located


def read_document(content: Path, clinic: Path | None = None) -> Document:
    return prepare(content, clinic)[0]


def check(doc: Document, located: Located) -> Report:
    from handout.check import run_checks  # deferred: textstat is slow to import

    return run_checks(doc, located, dt.date.today())


def start_check(doc: Document, located: Located) -> Callable[[], Report]:
    """Start the content check; call the result to wait for its report.

    A first check in a process mostly imports textstat and loads pyphen's dictionary, so it
    runs in a forked process on the second core while this one lays out the pages. Where
    textstat is already imported (watch mode, the build server) it simply runs here.
    """
    if "textstat" in sys.modules:
        report = check(doc, located)
        return lambda: report
    return fork_call(check, doc, located)


def render(doc: Document, base_dir: Path, options: Options = Options(),
           charts: ChartRenderer | None = None) -> tuple[bytes, int]:
    """Lay out the document; returns the PDF bytes and the page count. Writes nothing.

    `charts` draws Fig. 1; a `ChartCache` keeps new drawings in memory until its `save()`.
    A chart still being drawn is laid out at its predicted size; in the rare case it comes
    out another size, the pages are laid out once more, with the chart as drawn.
    """
    try:
        return _render(doc, base_dir, options, charts)
    except ChartSizeChangedError:
        return _render(doc, base_dir, options, charts)


def _render(doc: Document, base_dir: Path, options: Options,
            charts: ChartRenderer | None) -> tuple[bytes, int]:
    theme = make_theme(doc.clinic.colours, paper=options.paper, large_print=options.large_print,
                       language=doc.language, grayscale=options.grayscale,
                       bleed=options.print_shop)
    logo = None
    if doc.clinic.logo:
        logo = load_logo((base_dir / doc.clinic.logo).resolve(), grayscale=options.grayscale)
    buffer = BytesIO()
    template = HandoutTemplate(
        buffer, theme, doc.clinic, logo,
        title=doc.title, author=doc.clinic.name, subject=doc.subtitle or doc.title,
        keywords=", ".join(doc.keywords), creator="handout", producer="handout",
        lang=doc.language, displayDocTitle=True,
    )
    flowables = story(doc, theme, grayscale=options.grayscale, charts=charts)
    # Tagging happens while the pages are drawn: the canvas's recorder marks the content
    # and writes the structure tree into the same single save (handout/tagging).
    tags = Recorder() if options.tagged else None
    template.build([*template.story_start(), *flowables],
                   canvasmaker=partial(FooterCanvas, tags=tags))
    return buffer.getvalue(), template.page


def build(content: Path, out: Path, options: Options = Options()) -> Result:
    """Validate, render and atomically write `out`; on any error `out` is left untouched.

    With no chart stored yet, a worker process starts importing matplotlib now, so the
    chart is drawn on the second core while this one validates and lays out the pages.
    """
    started = time.perf_counter()
    early = take_early()  # started by `handout build` before its slow imports, if at all
    cache = _chart_cache(out, options)
    if cache is not None and nothing_cached(cache.folder):
        cache.worker, cache.predict = early or ChartWorker.start(), predicted_height
    elif early is not None:
        early.shutdown()
    try:
        doc, located = prepare(content, options.clinic)
        return build_prepared(doc, located, content.resolve().parent, out, options,
                              started=started, charts=cache)
    finally:
        if cache is not None and cache.worker is not None:
            cache.worker.shutdown()


def build_prepared(doc: Document, located: Located, base_dir: Path, out: Path,
                   options: Options, *, started: float, charts: ChartCache | None = None
                   ) -> Result:
    """`build` for a document already through `prepare` (the batch needs its language
    first, to name the output file); `started` is when the work began."""
    pending = start_check(doc, located) if options.check else None
    if charts is None:
        charts = _chart_cache(out, options)
    try:
        pdf, pages = render(doc, base_dir, options, charts)
    except LayoutFitError as exc:
        _refuse_if_check_failed(pending, options)  # the check's findings come first
        raise ContentError([located.problem(exc.loc, exc.message)]) from exc
    except LayoutError as exc:
        _refuse_if_check_failed(pending, options)
        # Length caps in the model should make this unreachable; if not, still no traceback.
        raise ContentError([located.problem((), "a part of the handout is too large to fit "
                                            "on a page; shorten the longest paragraph or list")]) \
            from exc
    report = _refuse_if_check_failed(pending, options)
    write_atomic(out, pdf)
    if charts is not None:
        charts.save()
    return Result(out, pages, len(pdf), time.perf_counter() - started, report)


def _chart_cache(out: Path, options: Options) -> ChartCache | None:
    return ChartCache(cache_folder(out, options.cache_dir)) if options.cache else None


def _refuse_if_check_failed(pending: Callable[[], Report] | None, options: Options
                            ) -> Report | None:
    report = pending() if pending is not None else None
    if report is not None and not report.ok and not options.allow_check_errors:
        raise CheckFailedError(report)
    return report


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
