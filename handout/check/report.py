"""Show a `Report`: a table for people (`table`, `summary`) and JSON for machines."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from handout.check.findings import Finding
from handout.check.items import LABELS
from handout.check.readability import inflesz_band
from handout.check.runner import Report

NAME_WIDTH = 40


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _grades(report: Report) -> list[str]:
    if report.reading_note:
        return [f"Reading level: {report.reading_note}"]
    if report.rows and report.rows[0].formula == "szigriszt_pazos":
        return _inflesz(report)
    lines = [f"{'Reading level':<{NAME_WIDTH}}  grade  SMOG  words/sentence  3+ syl.  target"]
    for row in report.rows:
        s = row.scores
        smog = f"{s.smog:4.1f}" if s.smog is not None else "   -"
        status = "ok" if row.ok else "OVER"
        lines.append(f"{_cut(row.name, NAME_WIDTH):<{NAME_WIDTH}}  {s.value:5.1f}  {smog}  "
                     f"{s.words_per_sentence:14.1f}  {s.polysyllable_share:7.0%}  "
                     f"<= {row.target:<3g} {status}")
    if report.rows:
        lines.append("grade: Flesch-Kincaid, the gate. SMOG (from 3 sentences) usually reads "
                     "about 3 grades higher: read the two as a range.")
    return lines


def _inflesz(report: Report) -> list[str]:
    """Spanish: the Szigriszt-Pazos score and its INFLESZ band per part (higher is easier)."""
    lines = [f"{'Reading level (Spanish)':<{NAME_WIDTH}}  INFLESZ  band           "
             "words/sentence  target"]
    for row in report.rows:
        s = row.scores
        status = "ok" if row.ok else "UNDER"
        lines.append(f"{_cut(row.name, NAME_WIDTH):<{NAME_WIDTH}}  {s.value:7.1f}  "
                     f"{inflesz_band(s.value):<13}  {s.words_per_sentence:14.1f}  "
                     f">= {row.target:<3g} {status}")
    lines.append("INFLESZ: the Szigriszt-Pazos score on the INFLESZ scale (Barrio-Cantalejo "
                 "2008), the gate for Spanish: 55 or more is normal for patient texts, 65 "
                 "fairly easy.")
    return lines


def _scores(report: Report) -> list[str]:
    lines = [f"{'Structure (automatable items)':<{NAME_WIDTH}}  score  items  target"]
    for s in report.scores:
        status = "ok" if s.ok else "LOW: " + "; ".join(LABELS[k] for k in s.failed)
        lines.append(f"{s.scale:<{NAME_WIDTH}}  {s.value:5d}  {s.points:2d}/{s.applicable:<2d}  "
                     f">= {s.target}  {status}")
    return lines


def _finding(f: Finding) -> list[str]:
    return [str(f), f"    fix: {f.fix}"] if f.fix else [str(f)]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def _count(report: Report) -> str:
    """The last line: how many errors and warnings, in the file(s) where they are (a clinic
    colour's contrast is found in the clinic file, not the content file)."""
    verdict = "passed" if report.ok else "failed"
    files = list(dict.fromkeys(f.file for f in report.everything))
    if len(files) <= 1:
        where = files[0] if files else report.file
        return (f"check {verdict}: {_plural(report.errors, 'error')}, "
                f"{_plural(report.warnings, 'warning')} in {where}")
    counts = {file: [sum(f.file == file and f.severity == kind for f in report.everything)
                     for kind in ("error", "warning")] for file in files}
    # Where the errors are first, then the content file, then the others as found.
    files.sort(key=lambda file: (counts[file][0] == 0, file != report.file))
    parts = [", ".join(_plural(n, kind) for n, kind in zip(counts[file], ("error", "warning"),
                                                           strict=True) if n) + f" in {file}"
             for file in files]
    return f"check {verdict}: " + "; ".join(parts)


def table(report: Report) -> str:
    """The full report: what a build would refuse (the layout's findings) first, then
    reading level per part, structure scores, and each finding."""
    lines = []
    if report.layout:
        lines += ["What a build would refuse or report"]
        for f in report.layout:
            lines += _finding(f)
        lines += [""]
    lines += [*_grades(report), "", *_scores(report), ""]
    for f in report.findings:
        lines += _finding(f)
    return "\n".join([*lines, _count(report)]) + "\n"


def summary(report: Report) -> str:
    """A few lines for `handout build`: grade range, scores, and the findings."""
    lines: list[str] = []
    if report.reading_note:
        lines.append(f"Reading level: {report.reading_note}")
    elif report.rows:
        values = [r.scores.value for r in report.rows]
        if report.rows[0].formula == "szigriszt_pazos":
            lines.append(f"Reading level: INFLESZ {min(values):g} to {max(values):g} "
                         f"(Szigriszt-Pazos, higher is easier) across {len(values)} parts")
        else:
            lines.append(f"Reading level: grade {min(values):g} to {max(values):g} "
                         f"(Flesch-Kincaid) across {len(values)} parts")
    lines.append("Structure: " + ", ".join(f"{s.scale} {s.value}" for s in report.scores))
    for f in report.findings:
        lines += _finding(f)
    return "\n".join([*lines, _count(report)]) + "\n"


def to_data(report: Report) -> dict[str, Any]:
    """The report as plain data (what `--json` prints)."""
    return {
        "file": report.file,
        "ok": report.ok,
        "errors": report.errors,
        "warnings": report.warnings,
        "readability": [
            {"name": r.name, "path": r.path, "line": r.line, "kind": r.kind,
             "formula": r.formula, "target": r.target, "ok": r.ok, **asdict(r.scores)}
            for r in report.rows
        ],
        "readability_note": report.reading_note,
        "scores": [
            {"scale": s.scale, "score": s.value, "points": s.points,
             "applicable": s.applicable, "target": s.target, "ok": s.ok,
             "failed": [LABELS[k] for k in s.failed]}
            for s in report.scores
        ],
        "findings": [asdict(f) for f in report.everything],
    }


def to_json(report: Report) -> str:
    return json.dumps(to_data(report), indent=2, ensure_ascii=False) + "\n"
