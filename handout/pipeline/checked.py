"""`handout check` as a build sees it: the content check, and everything a build would
refuse (characters, picture and logo files, the clinic file's fields, the fit of each
format the handout is printed in), in one report. Nothing is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from handout.chart.cache import ChartCache, cache_folder
from handout.check import Finding, Report, run_checks
from handout.check.findings import Severity
from handout.common.errors import Problem
from handout.input.loader import Located
from handout.input.model import Document
from handout.input.sources import load_content, source_and_translation
from handout.input.validate import parse_document
from handout.layout.formats import format_named
from handout.layout.preflight import preflight_problems
from handout.layout.variant import Variant
from handout.pipeline.build import Options, fit_problems
from handout.pipeline.parallel import meanwhile


def full_check(content: Path, clinic: Path | None = None, variant: Variant | None = None,
               today: dt.date | None = None, translation: Path | None = None) -> Report:
    """The content check's report with what a build would refuse first: for
    `variant.format`, or (when it is "") each format the content file lists. Invalid
    content raises ContentError, as a build would.

    On a machine with two cores the work is shared (pipeline/parallel.py): the content
    check runs in a child from the start; the first format is laid out here (drawing any
    chart the cache lacks, once), then the second in a second child and the others here.
    The second is usually the booklet (as the starter lists them), whose fitting takes as
    many passes as the tri-fold's and the sheet's together."""
    variant = variant or Variant()
    content, translation = source_and_translation(content, translation)
    located = load_content(content, clinic, translation)
    doc = parse_document(located)
    base_dir = content.resolve().parent
    checked = meanwhile(run_checks, doc, located, today or dt.date.today())
    files = preflight_problems(doc, located, base_dir)
    layout = [_finding("error", p) for p in files]
    if not files:  # a layout needs the files and the characters it prints
        formats: list[str] = [variant.format] if variant.format else list(doc.formats)
        job = _Layouts(doc, located, base_dir, variant, clinic, translation,
                       ChartCache(cache_folder()))
        first = job.fits(formats[:1])
        there = meanwhile(job.fits, formats[1:2])
        here = job.fits(formats[2:])
        found = {**first, **there(), **here}
        layout += [finding for fmt in formats for finding in found[fmt]]
    return replace(checked(), layout=tuple(layout))


@dataclass(frozen=True)
class _Layouts:
    """The handout laid out in each format a check asks for, as a build would."""

    doc: Document
    located: Located
    base_dir: Path
    variant: Variant
    clinic: Path | None
    translation: Path | None
    charts: ChartCache

    def fits(self, formats: list[str]) -> dict[str, list[Finding]]:
        """Each format's refusals, then the page rules it breaks without refusing, each
        saying which format it was found in. The charts drawn are kept, in a child too
        (a booklet's chart is narrower than the document's: drawn once, not each check)."""
        out = {}
        for fmt in formats:
            options = Options(format=fmt, paper=self.variant.paper,
                              large_print=self.variant.large_print, clinic=self.clinic,
                              translation=self.translation, check=False)
            errors, warnings = fit_problems(self.doc, self.located, self.base_dir, options,
                                            self.charts)
            label = format_named(fmt).label
            out[fmt] = [*(_finding("error", _in(label, p)) for p in errors),
                        *(_finding("warning", _in(label, p)) for p in warnings)]
        self.charts.save()
        return out


def _in(label: str, problem: Problem) -> Problem:
    """The problem, saying which format it was found in (several are laid out)."""
    if f"the {label}" in problem.message:
        return problem
    return replace(problem, message=f"in the {label}, {problem.message}")


def _finding(severity: Severity, problem: Problem) -> Finding:
    """A build's located problem as a finding; its message says what to change."""
    return Finding(severity, problem.file, problem.line, problem.column, problem.path,
                   problem.message, "")
