"""Speed benchmark (issue 6): build times against the cost of importing the libraries.

Every round runs each measured command once, in a fresh process, in a rotating order, so
drift in the machine's speed hits all of them alike; medians over the rounds are reported.
A benchmark, not a test: nothing here fails on a slow result.

    python bench/run.py [--rounds 7] [--content content.yaml] [--results bench/RESULTS.md]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from report import write_results  # bench/ is on sys.path: it holds the script being run

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ("import yaml, reportlab.platypus, matplotlib; matplotlib.use('Agg'); "
         "import matplotlib.pyplot")
# Children import this checkout's handout, whatever the venv's editable install points at,
# and build in their own process: no build server unless a measure asks for one.
ENV = {**os.environ, "HANDOUT_SERVER": "off", "PYTHONPATH": os.pathsep.join(
    p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
# A process that stays up (as `handout watch` does): build, then time the edited build.
# As `handout watch` does: warm the check once, build, then time the edited build.
RUNNING = ("import sys, time; from pathlib import Path; from handout.pipeline.build import build; "
           "from handout.check.readability import warm_up; warm_up(); "
           "build(Path(sys.argv[1]), Path(sys.argv[3])); t = time.perf_counter(); "
           "build(Path(sys.argv[2]), Path(sys.argv[3])); print(time.perf_counter() - t)")


@dataclass
class Measure:
    """One measured command: how to prepare a round, what to run, and what it gave."""

    argv: list[str]
    prepare: Callable[[], None] = lambda: None
    env: dict[str, str] = field(default_factory=lambda: ENV)
    own_clock: bool = False  # the command prints the seconds to report (not its wall time)
    seconds: list[float] = field(default_factory=list)
    maxrss_kb: list[int] = field(default_factory=list)
    stdout: str = ""


def run(argv: list[str], env: dict[str, str] = ENV) -> tuple[float, int, str]:
    """Wall time, peak resident memory (KB) of the child itself, and its stdout."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, cwd=ROOT, env=env)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage, not a running max
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            err.seek(0)
            raise SystemExit(f"{' '.join(argv)} failed:\n{err.read().decode()}")
        out.seek(0)
        return seconds, usage.ru_maxrss, out.read().decode()


def edited(text: str, n: int) -> str:
    """The content with its first intro paragraph changed: a text-only edit."""
    match = re.search(r'^intro:\s*\n\s*- "', text, flags=re.MULTILINE)
    if match is None:
        raise SystemExit("bench: content has no `intro:` list of quoted paragraphs to edit")
    return f"{text[:match.end()]}Copy {n}. {text[match.end():]}"


def workspace(content: Path) -> Path:
    """A temporary folder that mirrors the content's folder (symlinks), so relative paths
    such as the logo resolve for edited copies of the content file."""
    work = Path(tempfile.mkdtemp(prefix="handout-bench-"))
    for entry in content.resolve().parent.iterdir():
        if entry.name != content.name and not entry.name.startswith("."):
            (work / entry.name).symlink_to(entry)
    return work


def measures(content: Path, work: Path, batch: int, workers: int) -> dict[str, Measure]:
    handout = [sys.executable, "-m", "handout", "build"]
    text = content.read_text(encoding="utf-8")
    (work / "edit.yaml").write_text(edited(text, 0), encoding="utf-8")
    jobs = []
    for i in range(batch):
        (work / f"variant-{i}.yaml").write_text(edited(text, i + 1), encoding="utf-8")
        jobs.append({"content": str(work / f"variant-{i}.yaml"), "out": str(work / "batch" /
                     f"{i}.pdf"), "paper": "a4" if i % 2 else "letter",
                     "cache": str(work / "batch" / ".cache")})
    (work / "jobs.json").write_text(json.dumps(jobs))

    def clear(folder: Path) -> Callable[[], None]:
        return lambda: shutil.rmtree(folder, ignore_errors=True)

    served = server_env(work)
    return {
        "floor": Measure([sys.executable, "-c", FLOOR]),
        "cold": Measure([*handout, str(content), "-o", str(work / "cold/handout.pdf")],
                        prepare=clear(work / "cold/.cache")),
        "rebuild": Measure([*handout, str(work / "edit.yaml"), "-o",
                            str(work / "warm/handout.pdf")]),
        "cold_served": Measure([*handout, str(content), "-o",
                                str(work / "cold-served/handout.pdf")],
                               prepare=clear(work / "cold-served/.cache"), env=served),
        "rebuild_served": Measure([*handout, str(work / "edit.yaml"), "-o",
                                   str(work / "served/handout.pdf")], env=served),
        "rebuild_running": Measure([sys.executable, "-c", RUNNING, str(content),
                                    str(work / "edit.yaml"), str(work / "warm/running.pdf")],
                                   own_clock=True),
        "batch": Measure([sys.executable, str(ROOT / "bench/batch.py"),
                          str(work / "jobs.json"), str(workers)],
                         prepare=clear(work / "batch/.cache")),
    }


def server_env(work: Path) -> dict[str, str]:
    """Builds handed to a build server of the bench's own, which outlives the whole run."""
    return {**ENV, "HANDOUT_SERVER": "on", "HANDOUT_SERVER_DIR": str(work / "srv"),
            "HANDOUT_SERVER_IDLE": "3600"}


def server(env: dict[str, str], action: str) -> dict[str, float]:
    """Start or stop the bench's build server; its status (pid, builds) and peak memory."""
    done = subprocess.run([sys.executable, "-m", "handout", "server", action], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True)
    if action != "status":
        return {}
    match = re.search(r"pid (\d+), up \d+ s, (\d+) build", done.stdout)
    if match is None:
        raise SystemExit(f"bench: no build server is running:\n{done.stdout}")
    pid, builds = int(match[1]), int(match[2])
    status = Path(f"/proc/{pid}/status").read_text()
    peak = re.search(r"VmHWM:\s+(\d+) kB", status)
    return {"server_builds": builds, "server_mb": int(peak[1]) / 1024 if peak else 0.0}


def bench(found: dict[str, Measure], rounds: int) -> None:
    """One untimed pass (warms the disk cache and the rebuild's chart cache), then rounds."""
    for measure in found.values():
        measure.prepare()
        run(measure.argv, measure.env)
    names = list(found)
    for r in range(rounds):
        for name in names[r % len(names):] + names[:r % len(names)]:
            measure = found[name]
            measure.prepare()
            seconds, rss, measure.stdout = run(measure.argv, measure.env)
            measure.seconds.append(float(measure.stdout) if measure.own_clock else seconds)
            measure.maxrss_kb.append(rss)
        print(f"round {r + 1}/{rounds}: " + ", ".join(
            f"{n} {found[n].seconds[-1]:.3f} s" for n in names), flush=True)


def summary(found: dict[str, Measure], work: Path, batch: int, workers: int) -> dict[str, float]:
    median = {name: statistics.median(m.seconds) for name, m in found.items()}
    spread = {name: (min(m.seconds), max(m.seconds)) for name, m in found.items()}
    batch_out = json.loads(found["batch"].stdout)
    # Ratios within a round first: the rounds are interleaved so that load which comes and
    # goes hits the floor and the build of the same round alike.
    floor = found["floor"].seconds
    ratio = {name: statistics.median(s / f for s, f in zip(m.seconds, floor, strict=True))
             for name, m in found.items()}
    return {
        **{f"{n}_ratio": v for n, v in ratio.items()},
        **{f"{n}_s": v for n, v in median.items()},
        **{f"{n}_min": v[0] for n, v in spread.items()},
        **{f"{n}_max": v[1] for n, v in spread.items()},
        "batch": batch, "workers": workers, "per_pdf_s": median["batch"] / batch,
        "pdf_kb": (work / "cold/handout.pdf").stat().st_size / 1024,
        "batch_pdf_max_kb": batch_out["max_bytes"] / 1024,
        "cold_mb": max(found["cold"].maxrss_kb) / 1024,
        "rebuild_mb": max(found["rebuild"].maxrss_kb) / 1024,
        "client_mb": max(found["rebuild_served"].maxrss_kb) / 1024,
        "floor_mb": max(found["floor"].maxrss_kb) / 1024,
        "worker_mb": batch_out["worker_maxrss_kb"] / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--content", type=Path, default=ROOT / "content.yaml")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--results", type=Path, default=ROOT / "bench/RESULTS.md")
    args = parser.parse_args()
    work = workspace(args.content)
    try:
        found = measures(args.content.resolve(), work, args.batch, args.workers)
        server(server_env(work), "start")
        bench(found, args.rounds)
        numbers = summary(found, work, args.batch, args.workers)
        numbers.update(server(server_env(work), "status"))
        served = args.rounds + 1  # the untimed pass too
        if numbers["server_builds"] != 2 * served:  # the cold and the rebuild measure
            raise SystemExit(f"bench: the build server ran {numbers['server_builds']:.0f} "
                             f"builds, not {2 * served}: some fell back to a fresh process")
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server(server_env(work), "stop")
        shutil.rmtree(work, ignore_errors=True)
    numbers["rounds"] = args.rounds
    print(write_results(args.results, numbers))


if __name__ == "__main__":
    main()
