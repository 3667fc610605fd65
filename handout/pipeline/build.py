"""Content file in, PDF out: the one place that writes the output file."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.platypus.doctemplate import LayoutError

from handout.chart.art import ChartDrawer, draw_later
from handout.chart.cache import ChartCache, cache_folder
from handout.common.errors import ContentError, HandoutError, LayoutFitError, Problem
from handout.common.files import write_atomic
from handout.input.loader import Located
from handout.input.model import Document
from handout.input.placed import ROOMY, shown
from handout.input.sources import load_content, source_and_translation
from handout.input.validate import parse_document
from handout.layout.drawings import load_logo, load_pictures
from handout.layout.formats import format_named
from handout.layout.formats.fitting import Step
from handout.layout.preflight import preflight
from handout.layout.typeset import Pass, typeset
from handout.layout.variant import Variant
from handout.pdf.impose import impose_booklet
from handout.pipeline.hints import hint_file, keep_hint, read_hint
from handout.pipeline.parallel import IN_PROCESS, InProcess

if TYPE_CHECKING:
    from handout.check.runner import Report


@dataclass(frozen=True)
class Options(Variant):
    """One build: the print variant (format, paper, large print...: layout/variant.py)
    and how to build it."""

    clinic: Path | None = None  # replaces the clinic file the content names
    translation: Path | None = None  # a PO file whose texts replace the content's
    check: bool = True  # run `handout check` first and refuse to build over its errors
    allow_check_errors: bool = False
    # Drawn charts are kept here between builds; None: the user's cache folder
    # (chart/cache.py: cache_folder).
    cache_dir: Path | None = None
    cache: bool = True


@dataclass(frozen=True)
class Result:
    path: Path
    pages: int
    bytes: int
    seconds: float
    report: Report | None = None
    # Page rules broken: reported, printed anyway (--allow-check-errors, or a rule not
    # refused yet: layout/proof.py)
    page_problems: list[Problem] = field(default_factory=list)
    # Located warnings of the input (a translation's stale or untranslated parts).
    warnings: list[Problem] = field(default_factory=list)


class CheckFailedError(HandoutError):
    """The content check found errors; the build was refused (nothing written)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__("the content check found errors; nothing was written. Fix them, "
                         "or build anyway with --allow-check-errors.")


def prepare(content: Path, clinic: Path | None = None, translation: Path | None = None
            ) -> tuple[Document, Located]:
    """Load (content and clinic file, and a PO translation), validate and preflight;
    problems raise ContentError."""
    located = load_content(content, clinic, translation)
    doc = parse_document(located)
    preflight(doc, located, content.resolve().parent)
    return doc, located


def folder_of(content: Path) -> Path:
    """The folder a content file's pictures are relative to (a PO file's: its source's)."""
    return source_and_translation(content)[0].resolve().parent


def read_document(content: Path, clinic: Path | None = None) -> Document:
    return prepare(content, clinic)[0]


def render(doc: Document, base_dir: Path, options: Options = Options(),
           charts: ChartDrawer = draw_later) -> tuple[bytes, int]:
    """Lay out the document; returns the PDF bytes and the page count. Writes nothing
    (and, for a library caller, does not refuse over the page rules: `laid_out`)."""
    printed = laid_out(doc, base_dir, options, charts)
    return printed.pdf, printed.pages


def laid_out(doc: Document, base_dir: Path, options: Options = Options(),
             charts: ChartDrawer = draw_later, *, hint: Step | None = None) -> Pass:
    """The laid-out PDF (imposed if asked), its page count and the page rules it breaks;
    `hint`: what fitting found last time (layout/typeset.py)."""
    fmt = options.format or doc.format
    if options.imposed and not format_named(fmt).imposable:
        raise HandoutError(f"--imposed makes a booklet's print file; this is a {fmt}. "
                           "Add --format booklet, or leave out --imposed.")
    if options.imposed and options.print_shop:
        raise HandoutError("a print shop imposes the pages itself: send it the booklet "
                           "with --print-shop and without --imposed.")
    logo = None
    if doc.clinic.logo:
        logo = load_logo((base_dir / doc.clinic.logo).resolve(), grayscale=options.grayscale)
    pictures = load_pictures(doc.sections, base_dir, grayscale=options.grayscale)
    # The layout is given the variant itself (with the format resolved), not the options.
    variant = Variant(**{f.name: getattr(options, f.name) for f in fields(Variant)})
    printed = typeset(doc, logo, replace(variant, format=fmt), charts, pictures, hint=hint)
    if options.imposed:  # two pages to a side: the file has half as many pages
        return replace(printed, pdf=impose_booklet(printed.pdf), pages=printed.pages // 2)
    return printed


def fit_problems(doc: Document, located: Located, base_dir: Path, options: Options,
                 charts: ChartDrawer = draw_later) -> tuple[list[Problem], list[Problem]]:
    """What `handout check` reports of one format, located: the layout's refusals, and
    the page rules it breaks without refusing (a page a quarter empty). No PDF is written;
    `charts` draws Fig. 1 (its size takes part in the layout)."""
    try:
        _, _, reported = _layout(doc, located, base_dir, options, charts)
    except ContentError as exc:
        return exc.problems, []
    return [], reported


def build(content: Path, out: Path, options: Options = Options(),
          helpers: InProcess = IN_PROCESS) -> Result:
    """Validate, render and atomically write `out`; on any error `out` is left untouched.

    `helpers` draws the chart and runs the check (handout/parallel.py); the caller owns it.
    """
    started = time.perf_counter()
    content, translation = source_and_translation(content, options.translation)
    doc, located = prepare(content, options.clinic, translation)
    return build_prepared(doc, located, content.resolve().parent, out, options,
                          started=started, helpers=helpers)


def build_prepared(doc: Document, located: Located, base_dir: Path, out: Path,
                   options: Options, *, started: float, helpers: InProcess = IN_PROCESS
                   ) -> Result:
    """`build` for a document already through `prepare` (the batch needs its language
    first, to name the output file); `started` is when the work began."""
    if not any(shown(figure, options.format or doc.format, ROOMY)
               for _, figure in doc.all_figures()):
        helpers.no_charts()
    pending = helpers.check(doc, located) if options.check else None
    cache = ChartCache(cache_folder(options.cache_dir), helpers.draw_chart) \
        if options.cache else None
    try:
        pdf, pages, broken = _layout(doc, located, base_dir, options,
                                     cache or helpers.draw_chart)
    except ContentError as exc:
        # What does not fit comes first; the check's errors, if any, follow it.
        report = pending() if pending is not None else None
        errors = [] if report is None or options.allow_check_errors else [
            Problem(f.file, f.line, f.column, f.path, f"{f.message}. {f.fix}")
            for f in report.everything if f.severity == "error"]
        if not errors:
            raise
        raise ContentError([*exc.problems, *errors]) from exc
    report = _refuse_if_check_failed(pending, options)
    write_atomic(out, pdf)
    if cache is not None:
        cache.save()
    return Result(out, pages, len(pdf), time.perf_counter() - started, report, broken,
                  located.warnings)


def _layout(doc: Document, located: Located, base_dir: Path, options: Options,
            charts: ChartDrawer) -> tuple[bytes, int, list[Problem]]:
    """`laid_out`, with what does not fit and the page rules it breaks turned into located
    problems: refused, unless `allow_check_errors` (then returned, to be listed). What
    fitting found is kept for the next build (pipeline/hints.py), unless the cache is off."""
    kept = hint_file(cache_folder(options.cache_dir), base_dir / Path(located.file).name,
                     fmt=options.format or doc.format, paper=options.paper,
                     large_print=options.large_print, language=doc.language) \
        if options.cache else None
    try:
        printed = laid_out(doc, base_dir, options, charts,
                           hint=None if kept is None else read_hint(kept))
    except LayoutFitError as exc:
        raise ContentError([located.problem(exc.loc, exc.message)]) from exc
    except LayoutError as exc:
        # Length caps in the model should make this unreachable; if not, still no traceback.
        raise ContentError([located.problem((), "a part of the handout is too large to fit "
                                            "on a page; shorten the longest paragraph or list")]) \
            from exc
    if kept is not None:
        keep_hint(kept, printed.fitted)
    broken = [located.problem(b.loc, f"{b.message}. "
                              + (OTHER_FORMAT if b.says_what_to_do else PAGE_RULE_FIX))
              for b in printed.broken]
    refused = [problem for problem, b in zip(broken, printed.broken, strict=True) if b.refused]
    if refused and not options.allow_check_errors:
        raise ContentError(refused)
    return printed.pdf, printed.pages, broken


# What to do about a broken page rule, unless its message says (an empty page: add to it).
PAGE_RULE_FIX = ("Shorten or split this part, or print it in another format; "
                 "--allow-check-errors prints anyway")
OTHER_FORMAT = "Or print it in another format; --allow-check-errors prints anyway"


def _refuse_if_check_failed(pending: Callable[[], Report] | None, options: Options
                            ) -> Report | None:
    report = pending() if pending is not None else None
    if report is not None and not report.ok and not options.allow_check_errors:
        raise CheckFailedError(report)
    return report
