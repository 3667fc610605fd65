"""Speed benchmark (issue 11): what a clinic waits for, against the cost of importing the
libraries a build needs.

Every round takes one sample of each measure, in a rotating order, so a change in the
machine's speed hits all of them alike; the medians over the rounds are reported, and each
ratio to the floor is the median of the ratios within a round. Commands run as fresh
processes, except the watch rebuild, which is timed inside one `handout watch` that stays up
for the whole run: from saving the content file to the PDF being replaced. A benchmark, not
a test: nothing here fails on a slow result.

    python bench/run.py [--rounds 7] [--compare NAME=PATH ...] [--results bench/RESULTS.md]

--compare measures another checkout in the same rounds, e.g. an older commit checked out
with `git worktree add` (it is run by its own .venv's python, if it has one).
Temporary files live in build/bench-tmp/ and are removed at the end.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from report import Stats, TreeResult, write_results  # bench/ is on sys.path (this script's)

ROOT = Path(__file__).resolve().parent.parent
TMP = ROOT / "build" / "bench-tmp"
FLOOR = "import yaml, reportlab.platypus, matplotlib.pyplot"
CONTENTS = ("content.yaml", "content.es.yaml")
# The batch: the project's batch.yaml with five clinics instead of two (2 x 5 x 5 = 50 PDFs).
CLINICS = 5
VARIANTS = [{"name": "letter"}, {"name": "a4", "paper": "a4"},
            {"name": "large-print", "large_print": True}, {"name": "grayscale", "grayscale": True},
            {"name": "print-shop", "print_shop": True}]
WORKERS = 2
FORMATS = ("booklet", "trifold", "sheet")  # each timed cold, fitting included


@dataclass(frozen=True)
class Tree:
    """A checkout to measure: its own handout, run by its own .venv's python if it has one."""

    name: str
    path: Path
    work: Path  # its own folder under build/bench-tmp/

    def command(self, *args: str) -> list[str]:
        own = self.path / ".venv" / "bin" / "python"
        return [str(own) if own.exists() else sys.executable, "-m", "handout", *args]

    @property
    def env(self) -> dict[str, str]:
        # Older checkouts had a build server: keep it off, so every build runs in its command.
        return {**os.environ, "PYTHONPATH": str(self.path), "HANDOUT_SERVER": "off"}


def charts_in(env: dict[str, str], out: Path) -> dict[str, str]:
    """`env` with the chart cache in the measure's own output folder (`chart-cache` beside
    the PDF), so emptying that folder empties the cache; an older checkout that keeps its
    cache beside the PDF ignores the variable, and its `.cache` goes with the folder too."""
    return {**env, "HANDOUT_CACHE_DIR": str(out.parent / "chart-cache")}


def timed(argv: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT
          ) -> tuple[float, int]:
    """Run a fresh process: its wall time, and the peak memory (KB) of the largest process
    of the command (itself or a child it waited for, such as a batch worker)."""
    log = TMP / "command.log"
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=cwd, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"bench: {' '.join(argv)} failed:\n{log.read_text()}")
    return seconds, usage.ru_maxrss


def edited(text: str, n: int) -> str:
    """The content with its first intro paragraph changed: a text-only edit."""
    match = re.search(r'^intro:\s*\n\s*- "', text, flags=re.MULTILINE)
    if match is None:
        raise SystemExit("bench: the content has no `intro:` list of quoted paragraphs")
    return f"{text[:match.end()]}Copy {n}. {text[match.end():]}"


def remove_work(work: Path) -> None:
    """A bench script's files gone, and build/bench-tmp with them unless another bench
    run is using it."""
    shutil.rmtree(work, ignore_errors=True)
    with contextlib.suppress(OSError):
        work.parent.rmdir()


def workspace(tree: Tree, folder: Path) -> Path:
    """A folder with copies of the tree's content files and a link to its assets (the
    clinic files and logos the content files name)."""
    folder.mkdir(parents=True)
    (folder / "assets").symlink_to(tree.path / "assets")
    for name in CONTENTS:
        shutil.copy(tree.path / name, folder / name)
    return folder


@dataclass
class Measure:
    """One measured thing; `sample` takes one timing (seconds, peak memory in KB)."""

    tree: Tree | None
    seconds: list[float] = field(default_factory=list)
    peak_kb: list[int] = field(default_factory=list)

    def sample(self, n: int) -> tuple[float, int]:
        raise NotImplementedError

    def stop(self) -> None:
        """Stop whatever the measure keeps running."""


class Floor(Measure):
    """Importing what any build needs, in a fresh python."""

    def sample(self, n: int) -> tuple[float, int]:
        return timed([sys.executable, "-c", FLOOR])


class Cold(Measure):
    """`handout build` with no chart cache: the chart is drawn."""

    def __init__(self, tree: Tree) -> None:
        super().__init__(tree)
        self.folder = workspace(tree, tree.work / "cold")
        self.out = self.folder / "out" / "handout.pdf"

    def sample(self, n: int) -> tuple[float, int]:
        assert self.tree is not None
        shutil.rmtree(self.out.parent, ignore_errors=True)  # the PDF and its chart cache
        return timed(self.tree.command("build", str(self.folder / "content.yaml"), "-o",
                                       str(self.out)), charts_in(self.tree.env, self.out),
                     self.tree.path)


class ColdFormat(Cold):
    """`handout build --format F` with no chart cache: fitting included (issue 12)."""

    def __init__(self, tree: Tree, fmt: str) -> None:
        # Not Cold.__init__: a workspace of its own, beside the plain cold build's.
        Measure.__init__(self, tree)
        self.format = fmt
        self.folder = workspace(tree, tree.work / f"cold-{fmt}")
        self.out = self.folder / "out" / "handout.pdf"

    def sample(self, n: int) -> tuple[float, int]:
        assert self.tree is not None
        shutil.rmtree(self.out.parent, ignore_errors=True)
        return timed(self.tree.command("build", str(self.folder / "content.yaml"), "-o",
                                       str(self.out), "--format", self.format),
                     charts_in(self.tree.env, self.out), self.tree.path)


class RebuildFormat(Measure):
    """`handout build --format F` after a text-only edit, in a fresh process: the chart and
    what fitting found for the file before the edit are cached (its hint)."""

    def __init__(self, tree: Tree, fmt: str) -> None:
        super().__init__(tree)
        self.format = fmt
        self.folder = workspace(tree, tree.work / f"rebuild-{fmt}")
        self.out = self.folder / "out" / "handout.pdf"
        self.content = self.folder / "content.yaml"
        self.text = self.content.read_text(encoding="utf-8")

    def sample(self, n: int) -> tuple[float, int]:
        assert self.tree is not None
        self.content.write_text(edited(self.text, n), encoding="utf-8")
        return timed(self.tree.command("build", str(self.content), "-o", str(self.out),
                                       "--format", self.format),
                     charts_in(self.tree.env, self.out), self.tree.path)


class Rebuild(Measure):
    """`handout build` after a text-only edit, in a fresh process (the chart is cached)."""

    def __init__(self, tree: Tree) -> None:
        super().__init__(tree)
        self.folder = workspace(tree, tree.work / "rebuild")
        self.content = self.folder / "content.yaml"
        self.text = self.content.read_text(encoding="utf-8")

    def sample(self, n: int) -> tuple[float, int]:
        assert self.tree is not None
        self.content.write_text(edited(self.text, n), encoding="utf-8")
        out = self.folder / "out" / "handout.pdf"
        return timed(self.tree.command("build", str(self.content), "-o", str(out)),
                     charts_in(self.tree.env, out), self.tree.path)


class Watch(Measure):
    """A rebuild inside one `handout watch`: from saving a text-only edit of the content
    file to the PDF being replaced (its inode and modification time change)."""

    def __init__(self, tree: Tree) -> None:
        super().__init__(tree)
        folder = workspace(tree, tree.work / "watch")
        self.content = folder / "content.yaml"
        self.text = self.content.read_text(encoding="utf-8")
        self.out = folder / "out" / "handout.pdf"
        self.log = folder / "watch.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                tree.command("watch", str(self.content), "-o", str(self.out)), stdout=log,
                stderr=subprocess.STDOUT, cwd=tree.path,
                env={**charts_in(tree.env, self.out), "PYTHONUNBUFFERED": "1"})
        self.saves = 0
        self.wait_for(lambda: "Watching" in self.log.read_text())
        time.sleep(0.5)  # it says "Watching" just before it starts to watch

    def wait_for(self, done: Callable[[], bool], seconds: float = 60.0) -> None:
        deadline = time.monotonic() + seconds
        while not done():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"bench: `handout watch` did not build:\n{self.log.read_text()}")
            time.sleep(0.001)

    def sample(self, n: int) -> tuple[float, int]:
        before = stamp(self.out)
        self.saves += 1
        started = time.perf_counter()
        self.content.write_text(edited(self.text, n), encoding="utf-8")
        self.wait_for(lambda: stamp(self.out) != before)
        seconds = time.perf_counter() - started
        # Untimed: the build also reports, and only one build was made for the save.
        self.wait_for(lambda: self.log.read_text().count("Wrote ") == self.saves + 1)
        if self.log.read_text().count("Changed:") != self.saves:
            raise SystemExit(f"bench: `handout watch` saw {self.saves} saves as more:\n"
                             f"{self.log.read_text()}")
        return seconds, 0

    def stop(self) -> None:
        """Read its peak memory (VmHWM), then stop it with Ctrl-C, as a user does."""
        if self.proc.poll() is None:
            status = Path(f"/proc/{self.proc.pid}/status").read_text()
            peak = re.search(r"VmHWM:\s+(\d+) kB", status)
            self.peak_kb = [int(peak[1])] if peak else []
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:  # e.g. started with SIGINT ignored
            self.proc.kill()
            self.proc.wait()


class Batch(Measure):
    """`handout batch` on 2 workers, chart cache emptied first."""

    def __init__(self, tree: Tree) -> None:
        super().__init__(tree)
        self.folder = workspace(tree, tree.work / "batch")
        self.count = len(CONTENTS) * CLINICS * len(VARIANTS)
        clinics = self.folder / "clinics"
        clinics.mkdir()
        originals = sorted((tree.path / "assets" / "clinics").glob("*.yaml"))
        for logo in (tree.path / "assets" / "clinics").glob("*.svg"):
            (clinics / logo.name).symlink_to(logo)
        for i in range(CLINICS):  # the clinics in turn, each copy under a name of its own
            text = originals[i % len(originals)].read_text(encoding="utf-8")
            renamed = re.sub(r"^name: (.*)$", rf"name: \1 {i + 1}", text, count=1,
                             flags=re.MULTILINE)
            (clinics / f"clinic-{i + 1}.yaml").write_text(renamed, encoding="utf-8")
        plan = {"output": "out", "contents": list(CONTENTS), "variants": VARIANTS,
                "clinics": [f"clinics/clinic-{i + 1}.yaml" for i in range(CLINICS)]}
        (self.folder / "batch.yaml").write_text(json.dumps(plan), encoding="utf-8")  # JSON is YAML

    def sample(self, n: int) -> tuple[float, int]:
        assert self.tree is not None
        shutil.rmtree(self.folder / "out", ignore_errors=True)  # the PDFs and the chart cache
        seconds, peak = timed(self.tree.command("batch", str(self.folder / "batch.yaml"),
                                                "-j", str(WORKERS)),
                              charts_in(self.tree.env, self.folder / "out" / "batch"),
                              self.tree.path)
        built = len(list((self.folder / "out").glob("*/*/*.pdf")))
        if built != self.count:
            raise SystemExit(f"bench: the batch wrote {built} PDFs, not {self.count}")
        return seconds, peak


def stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return info.st_ino, info.st_mtime_ns


def busy(window: float = 1.0) -> float:
    """The share of the machine's CPU time spent working over `window` seconds."""

    def times() -> tuple[int, int]:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # all, idle + waiting for I/O

    total, idle = times()
    time.sleep(window)
    total_after, idle_after = times()
    return 1 - (idle_after - idle) / max(total_after - total, 1)


def wait_for_quiet(most: float = 120.0) -> None:
    """Wait (at most `most` seconds) until the machine is idle: a sample taken while other
    work runs (tests in another checkout, say) would time that work too."""
    deadline = time.monotonic() + most
    while busy() > 0.10:
        if time.monotonic() > deadline:
            print("bench: the machine is busy; measuring anyway", flush=True)
            return


def bench(measures: list[Measure], rounds: int) -> None:
    """One untimed pass (disk caches, the rebuild's chart cache), then the rounds."""
    for measure in measures:
        measure.sample(0)
    for r in range(rounds):
        turn = r % len(measures)
        for measure in measures[turn:] + measures[:turn]:
            wait_for_quiet()
            seconds, peak = measure.sample(r + 1)
            measure.seconds.append(seconds)
            measure.peak_kb.append(peak)
        print(f"round {r + 1}/{rounds}: " + ", ".join(
            f"{type(m).__name__.lower()} {m.seconds[-1]:.3f}" for m in measures), flush=True)


def stats(measure: Measure, floor: Measure, per: int = 1) -> Stats:
    seconds = [s / per for s in measure.seconds]
    ratios = [s / f for s, f in zip(seconds, floor.seconds, strict=True)]
    return Stats(statistics.median(seconds), min(seconds), max(seconds),
                 statistics.median(ratios), max(measure.peak_kb, default=0) / 1024)


def summary(tree: Tree, measures: list[Measure], floor: Measure) -> TreeResult:
    found = {type(m).__name__: m for m in measures if m.tree is tree}
    formats = {m.format: stats(m, floor) for m in measures
               if isinstance(m, ColdFormat) and m.tree is tree}
    rebuilt = {m.format: stats(m, floor) for m in measures
               if isinstance(m, RebuildFormat) and m.tree is tree}
    cold, batch = found["Cold"], found["Batch"]
    assert isinstance(cold, Cold) and isinstance(batch, Batch)
    return TreeResult(tree.name, cold=stats(cold, floor), rebuild=stats(found["Rebuild"], floor),
                      watch=stats(found["Watch"], floor), batch=stats(batch, floor),
                      per_pdf=stats(batch, floor, per=batch.count), batch_count=batch.count,
                      pdf_kb=cold.out.stat().st_size / 1024, formats=formats,
                      rebuilt_formats=rebuilt)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=PATH",
                        help="another checkout to measure in the same rounds")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    args = parser.parse_args()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                            capture_output=True, check=False).stdout.strip() or "?"
    trees = [Tree(f"this checkout ({commit})", ROOT, TMP / "0")]
    for i, spec in enumerate(args.compare, start=1):
        name, _, path = spec.rpartition("=")
        trees.append(Tree(name, Path(path).resolve(), TMP / str(i)))
    shutil.rmtree(TMP, ignore_errors=True)  # what a killed run left
    TMP.mkdir(parents=True)
    floor = Floor(None)
    measures: list[Measure] = [floor]
    try:
        try:
            for tree in trees:
                for kind in (Cold, Rebuild, Watch, Batch):
                    measures.append(kind(tree))
                measures += [ColdFormat(tree, fmt) for fmt in FORMATS]
                measures += [RebuildFormat(tree, fmt) for fmt in FORMATS]
            bench(measures, args.rounds)
        finally:
            for measure in measures:
                measure.stop()
        results = [summary(tree, measures, floor) for tree in trees]
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    print(write_results(args.results, stats(floor, floor), results, args.rounds, WORKERS))


if __name__ == "__main__":
    main()
