"""Run every check on one content file and gather the results into a `Report`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from handout.check.contrast import contrast_findings
from handout.check.evidence import evidence
from handout.check.findings import Finding, Where
from handout.check.language import clinic_findings, language_findings
from handout.check.placeholders import placeholder_findings
from handout.check.reading import Row, not_measured, reading_level
from handout.check.safety import safety
from handout.check.scores import Score, structure
from handout.check.sharpness import sharpness_findings
from handout.check.stale import translation_findings
from handout.input.loader import Located
from handout.input.model import Document
from handout.input.sources import load_content
from handout.input.validate import parse_document


@dataclass(frozen=True)
class Report:
    """Everything `handout check` found in one content file."""

    file: str
    rows: tuple[Row, ...]
    scores: tuple[Score, ...]
    findings: tuple[Finding, ...]
    # What a build would refuse before it lays anything out or while it does (files,
    # characters, the clinic file, the fit of each format): `handout check` adds these.
    layout: tuple[Finding, ...] = ()
    # For a language with no validated reading-level formula: what the report says instead.
    reading_note: str = ""

    @property
    def everything(self) -> tuple[Finding, ...]:
        """Every finding: the layout's first, as a build meets them first."""
        return (*self.layout, *self.findings)

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.everything)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.everything)

    @property
    def ok(self) -> bool:
        return self.errors == 0


def run_checks(doc: Document, located: Located, today: dt.date) -> Report:
    """Check a validated document; `located` gives each finding its file:line."""
    where = Where(located)
    rows, findings = reading_level(doc, where)
    scores, structural = structure(doc, where)
    findings += structural
    findings += evidence(doc, where, today)
    findings += contrast_findings(doc, where)
    findings += safety(doc, where)
    findings += placeholder_findings(doc, where)
    findings += language_findings(doc, where)
    findings += clinic_findings(doc, located, where)
    findings += translation_findings(located)
    # Pictures are beside the content file (its shown path: absolute, or from here).
    findings += sharpness_findings(doc, where, Path(located.file).resolve().parent)
    # One finding per place and message, the content file's first, in file order, errors
    # first within a line.
    unique = sorted(set(findings), key=lambda f: (f.file != located.file, f.file, f.line,
                                                  f.column, f.severity != "error", f.message))
    return Report(located.file, tuple(rows), tuple(scores), tuple(unique),
                  reading_note=not_measured(doc))


def check_file(content: Path, today: dt.date | None = None,
               clinic: Path | None = None) -> Report:
    """Load, validate and check `content`; invalid content raises `ContentError`."""
    located = load_content(content, clinic)
    doc = parse_document(located)
    return run_checks(doc, located, today or dt.date.today())
