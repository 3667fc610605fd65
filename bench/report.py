"""The results table of bench/run.py, written between markers in bench/RESULTS.md.

Only the text between the markers is replaced, so notes written by hand around it (what
the profile shows, what stands in the way) survive a new run.
"""

from __future__ import annotations

import datetime
import os
import platform
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
LIBRARIES = ("handout", "reportlab", "rl_accel", "matplotlib", "svglib", "pydantic", "PyYAML",
             "numpy", "textstat")


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
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    libs = ", ".join(f"{name} {_version(name)}" for name in LIBRARIES)
    when = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return (f"Run {when} on {platform.node() or 'this machine'}: nproc {cpus}, {model}, "
            f"Linux {platform.release()}, Python {platform.python_version()}; {libs}.")


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "(not installed)"


def _row(name: str, value: str, spread: str = "", *, ratio: str = "", target: str = "",
         met: bool | None = None) -> str:
    verdict = "" if met is None else ("yes" if met else "**no**")
    return f"| {name} | {value} | {ratio} | {spread} | {target} | {verdict} |"


def table(n: dict[str, float]) -> str:
    """The Markdown table: medians, ratios to the import floor, and each target."""

    def timed(key: str) -> tuple[str, str]:
        """The median and the min-max spread of one measure."""
        return f"{n[key + '_s']:.3f} s", f"{n[key + '_min']:.3f}-{n[key + '_max']:.3f} s"

    cold, rebuild, served = n["cold_ratio"], n["rebuild_ratio"], n["rebuild_served_ratio"]
    per_pdf, worst_mb = n["per_pdf_s"], max(n["rebuild_mb"], n["worker_mb"], n["server_mb"])
    return "\n".join([
        "| measure | median | x floor | min-max | target | met |",
        "|---|---|---|---|---|---|",
        _row("import floor (yaml, reportlab.platypus, matplotlib.pyplot)", *timed("floor"),
             ratio="1.00"),
        _row("cold `handout build`: no build server, chart cache empty", *timed("cold"),
             ratio=f"{cold:.2f}", target="<= 1.10 x floor", met=cold <= 1.10),
        _row("rebuild after a text edit (chart cached), build server up: what `handout build`"
             " does from the second build on", *timed("rebuild_served"),
             ratio=f"{served:.2f}", target="<= 0.40 x floor", met=served <= 0.40),
        _row("... the same in a fresh process (no build server: HANDOUT_SERVER=off)",
             *timed("rebuild"), ratio=f"{rebuild:.2f}"),
        _row("... the same inside a running process (the second build, as `handout watch` "
             "would)", *timed("rebuild_running"),
             ratio=f"{n['rebuild_running_ratio']:.2f}"),
        _row("cold `handout build` with the build server up (chart cache empty)",
             *timed("cold_served"), ratio=f"{n['cold_served_ratio']:.2f}"),
        _row(f"batch of {n['batch']:.0f} variants, {n['workers']:.0f} workers (whole run)",
             *timed("batch")),
        _row("... per PDF", f"{per_pdf:.3f} s", target="<= 0.15 s", met=per_pdf <= 0.15),
        _row("PDF size (content.yaml, letter)", f"{n['pdf_kb']:.0f} KB",
             spread=f"batch max {n['batch_pdf_max_kb']:.0f} KB", target="<= 200 KB",
             met=n["pdf_kb"] <= 200),
        _row("peak memory, cold build (ru_maxrss)", f"{n['cold_mb']:.0f} MB",
             target="<= 120 MB", met=n["cold_mb"] <= 120),
        _row("peak memory, rebuild / batch worker / floor",
             f"{n['rebuild_mb']:.0f} / {n['worker_mb']:.0f} / {n['floor_mb']:.0f} MB",
             target="<= 120 MB", met=worst_mb <= 120),
        _row("peak memory, build server (VmHWM) / the command that hands it a build",
             f"{n['server_mb']:.0f} / {n['client_mb']:.0f} MB", target="<= 120 MB",
             met=n["server_mb"] <= 120),
    ])


def write_results(path: Path, numbers: dict[str, float]) -> str:
    """Replace the generated part of `path` (created if missing); returns that part."""
    batch = (f"The batch is {numbers['batch']:.0f} builds of content.yaml variants (letter and A4, "
             "each with its own text edit) through a "
             f"{numbers['workers']:.0f}-process `ProcessPoolExecutor` calling "
             "`handout.pipeline.build.build` without the check, as `handout batch` does "
             "(bench/batch.py), "
             "its chart cache emptied before each run.")
    block = "\n\n".join([
        machine(),
        f"Medians of {numbers['rounds']:.0f} interleaved rounds; every number is a fresh "
        "process, timed from start to exit; \"x floor\" is the median of each round's ratio "
        "to that round's floor. Builds run with HANDOUT_SERVER=off except the two marked "
        "\"build server up\", which go to one server started before the rounds (its build "
        "count is checked, so none quietly fell back). " + batch,
        table(numbers),
    ])
    old = path.read_text(encoding="utf-8") if path.exists() else f"# Speed\n\n{START}\n{END}\n"
    head, _, rest = old.partition(START)
    _, _, tail = rest.partition(END)
    path.write_text(f"{head}{START}\n{block}\n{END}{tail}", encoding="utf-8")
    return block
