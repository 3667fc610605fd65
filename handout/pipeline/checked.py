"""`handout check` as a build sees it: the content check, and everything a build would
refuse (characters, picture and logo files, the clinic file's fields, the fit of each
format the handout is printed in), in one report. Nothing is written."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from handout.check import Finding, Report, run_checks
from handout.check.findings import Severity
from handout.common.errors import Problem
from handout.input.sources import load_content, source_and_translation
from handout.input.validate import parse_document
from handout.layout.preflight import preflight_problems
from handout.layout.variant import Variant
from handout.pipeline.build import Options, fit_problems


def full_check(content: Path, clinic: Path | None = None, variant: Variant | None = None,
               today: dt.date | None = None, translation: Path | None = None) -> Report:
    """The content check's report with what a build would refuse first: for
    `variant.format`, or (when it is "") each format the content file lists. Invalid
    content raises ContentError, as a build would."""
    variant = variant or Variant()
    content, translation = source_and_translation(content, translation)
    located = load_content(content, clinic, translation)
    doc = parse_document(located)
    base_dir = content.resolve().parent
    report = run_checks(doc, located, today or dt.date.today())
    files = preflight_problems(doc, located, base_dir)
    layout = [_finding("error", p) for p in files]
    if not files:  # a layout needs the files and the characters it prints
        for fmt in [variant.format] if variant.format else doc.formats:
            options = Options(format=fmt, paper=variant.paper,
                              large_print=variant.large_print, clinic=clinic,
                              translation=translation, check=False)
            errors, warnings = fit_problems(doc, located, base_dir, options)
            layout += [_finding("error", p) for p in errors]
            layout += [_finding("warning", p) for p in warnings]
    return replace(report, layout=tuple(layout))


def _finding(severity: Severity, problem: Problem) -> Finding:
    """A build's located problem as a finding; its message says what to change."""
    return Finding(severity, problem.file, problem.line, problem.column, problem.path,
                   problem.message, "")
