"""The results of bench/run.py, written between markers in bench/RESULTS.md.

Only the text between the markers is replaced, so the notes written by hand around it (what
the profile shows, what each removed piece cost) survive a new run.
"""

from __future__ import annotations

import datetime
import os
import platform
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
LIBRARIES = ("reportlab", "rl_accel", "matplotlib", "numpy", "pydantic", "PyYAML", "svglib",
             "textstat", "watchfiles")
# The targets of issue 11, as ratios to the import floor or absolute numbers.
COLD_X, WATCH_X, PER_PDF_S, PDF_KB, PEAK_MB = 1.15, 0.25, 0.10, 200, 120
RACK_X = 1.3  # issue 12: a cold build of any format, fitting included


@dataclass(frozen=True)
class Stats:
    """One measure over the rounds: seconds, the median ratio to the floor, peak memory."""

    median: float
    low: float
    high: float
    ratio: float
    peak_mb: float


@dataclass(frozen=True)
class TreeResult:
    """Everything measured of one checkout."""

    name: str
    cold: Stats
    rebuild: Stats
    watch: Stats
    batch: Stats
    per_pdf: Stats
    batch_count: int
    pdf_kb: float
    formats: dict[str, Stats]
    rebuilt_formats: dict[str, Stats]  # the same, rebuilt after an edit (fit's hint cached)


def machine() -> str:
    """Date, CPUs, CPU model, Python and library versions, as one Markdown paragraph."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0))
    libs = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (f"Run {when}: {cpus} CPUs ({model}), Linux {platform.release()}, "
            f"Python {platform.python_version()}; {libs}.")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "(not installed)"


def _row(name: str, s: Stats | None, value: str = "", *, ratio: bool = True, target: str = "",
         met: bool | None = None) -> str:
    if s is not None:
        value = value or f"{s.median:.3f} s"
        spread = f"{s.low:.3f}-{s.high:.3f} s"
        times = f"{s.ratio:.2f}" if ratio else ""
    else:
        spread = times = ""
    verdict = "" if met is None else ("yes" if met else "**no**")
    return f"| {name} | {value} | {times} | {spread} | {target} | {verdict} |"


def rows(t: TreeResult, floor: Stats) -> list[str]:
    """The rows of one checkout, each with its target."""
    peak = max(t.cold.peak_mb, t.watch.peak_mb, t.batch.peak_mb)
    return [
        _row(f"**{t.name}**", None),
        _row("cold `handout build`, no chart cache (the chart is drawn)", t.cold,
             target=f"<= {COLD_X} x floor", met=t.cold.ratio <= COLD_X),
        *(row for fmt, s in t.formats.items() for row in [
            _row(f"cold `handout build --format {fmt}`, fitting included", s,
                 target=f"<= {RACK_X} x floor", met=s.ratio <= RACK_X),
            *([_row("... rebuilt after a text-only edit (chart and fitting's answer cached)",
                    t.rebuilt_formats[fmt])] if fmt in t.rebuilt_formats else [])]),
        _row("rebuild in `handout watch` after a text-only edit: save to PDF replaced",
             t.watch, target=f"<= {WATCH_X} x floor", met=t.watch.ratio <= WATCH_X),
        _row("... the same edit with `handout build` (a fresh process, chart cached)",
             t.rebuild),
        _row(f"`handout batch`, {t.batch_count} PDFs on 2 workers, chart cache emptied (whole "
             "run)", t.batch, ratio=False),
        _row("... per PDF", t.per_pdf, ratio=False, target=f"<= {PER_PDF_S:.2f} s",
             met=t.per_pdf.median <= PER_PDF_S),
        _row("PDF size (content.yaml, letter)", None, f"{t.pdf_kb:.0f} KB",
             target=f"<= {PDF_KB} KB", met=t.pdf_kb <= PDF_KB),
        _row("peak memory of one process: cold build / watch / batch (floor "
             f"{floor.peak_mb:.0f} MB)", None,
             f"{t.cold.peak_mb:.0f} / {t.watch.peak_mb:.0f} / {t.batch.peak_mb:.0f} MB",
             target=f"<= {PEAK_MB} MB", met=peak <= PEAK_MB),
    ]


def table(floor: Stats, trees: list[TreeResult]) -> str:
    """Medians, ratios to the import floor, spreads and each target, one block per checkout."""
    lines = ["| measure | median | x floor | min-max | target | met |",
             "|---|---|---|---|---|---|",
             _row("import floor: `python -c \"import yaml, reportlab.platypus, "
                  "matplotlib.pyplot\"`", floor)]
    for tree in trees:
        lines += rows(tree, floor)
    return "\n".join(lines)


def write_results(path: Path, floor: Stats, trees: list[TreeResult], rounds: int,
                  workers: int) -> str:
    """Replace the generated part of `path` (created if missing); returns that part."""
    how = (f"Medians of {rounds} interleaved rounds. Every command is a fresh process timed "
           "from start to exit, except the watch rebuild: one `handout watch` stays up for the "
           "whole run and each round saves a new text edit of its content file, timed until "
           "the PDF is replaced. \"x floor\" is the median of each round's ratio to that "
           "round's floor. The batch is the project's batch.yaml with five clinics: 2 content "
           f"files x 5 clinics x 5 variants, `handout batch -j {workers}`. Peak memory is "
           "ru_maxrss of the largest process of a command (VmHWM for the watch process).")
    block = "\n\n".join([machine(), how, table(floor, trees)])
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Speed\n\n{START}\n{END}\n"
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")
    return block
