"""Where a build spends its time: imports (-X importtime) and calls (cProfile).

    python bench/profile.py [--cold | --watch | --batch] [--format F] [--top 25]

By default it profiles `handout build` after a text edit, with the chart cached, in a fresh
process; --cold empties the cache folder first (the chart worker draws the chart, fitting
has no hint); --watch profiles the second build inside one process, as `handout watch` runs
it after a save; --batch profiles the project's batch.yaml on one worker (`-j 1`: the jobs
run in the profiled process), the chart cache empty; --format builds that format. In the call
profile of a cold build, the time spent waiting for the chart worker shows under
`ChartWorker._result`, and for the forked check under `fork_call.<locals>.result`.
Temporary files live in build/bench-tmp/profile and are removed at the end.
"""

from __future__ import annotations

import argparse
import os
import pstats
import shutil
import subprocess
import sys
from pathlib import Path

from run import remove_work  # bench/ is on sys.path (this script's)

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "bench-tmp" / "profile"
CHARTS = WORK / "chart-cache"  # the builds' chart cache (HANDOUT_CACHE_DIR), not the user's
# The second of two builds in one process, as `handout watch` does after a save.
WATCH = """
import cProfile, sys
from pathlib import Path
from handout.commands.watch import build_once
from handout.pipeline.build import Options
content, out, edited, stats = map(Path, sys.argv[1:])
build_once(content, out, Options(), sys.stderr)
content.write_text(edited.read_text(encoding="utf-8"), encoding="utf-8")
cProfile.run("build_once(content, out, Options(), sys.stderr)", str(stats))
"""


def imports(command: list[str], top: int) -> str:
    """The slowest imports, cumulative (a package's time includes what it imports)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *command], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line[12:].split("|"))
            if cumulative.isdigit():
                rows.append((int(cumulative), name))
    rows.sort(reverse=True)
    return "\n".join(f"{us / 1000:8.1f} ms  {name}" for us, name in rows[:top])


def calls(stats: Path, top: int) -> None:
    """The profile in `stats`, sorted by cumulative time."""
    pstats.Stats(str(stats)).sort_stats("cumulative").print_stats(top)


def batch(stats: Path, top: int) -> None:
    """The project's batch.yaml, its PDFs written under WORK, on one worker."""
    for name in ("content.yaml", "content.es.yaml", "batch.yaml"):
        shutil.copy(ROOT / name, WORK / name)
    shutil.rmtree(CHARTS, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), "-m", "handout",
                    "batch", str(WORK / "batch.yaml"), "-j", "1"], cwd=ROOT,
                   capture_output=True, check=True)
    print("== calls (`handout batch -j 1`: every job in this process) ==")
    calls(stats, top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--cold", action="store_true", help="empty the chart cache first")
    mode.add_argument("--watch", action="store_true", help="a rebuild inside one process")
    mode.add_argument("--batch", action="store_true", help="batch.yaml on one worker")
    parser.add_argument("--format", default="", help="booklet, trifold, sheet or document")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    os.environ["HANDOUT_CACHE_DIR"] = str(CHARTS)  # the builds below inherit it
    try:
        (WORK / "assets").symlink_to(ROOT / "assets")
        content, out, stats = WORK / "content.yaml", WORK / "out" / "handout.pdf", WORK / "prof"
        text = (ROOT / "content.yaml").read_text(encoding="utf-8")
        content.write_text(text, encoding="utf-8")
        build = ["-m", "handout", "build", str(content), "-o", str(out),
                 *(["--format", args.format] if args.format else [])]
        if args.batch:
            batch(stats, args.top)
            return
        subprocess.run([sys.executable, *build], cwd=ROOT, capture_output=True, check=True)
        # A text-only edit: the chart stays cached.
        content.write_text(text.replace("intro:\n  - \"", "intro:\n  - \"Edited. ", 1),
                           encoding="utf-8")
        if args.watch:
            (WORK / "edited.yaml").write_text(content.read_text(encoding="utf-8"))
            content.write_text(text, encoding="utf-8")
            subprocess.run([sys.executable, "-c", WATCH, str(content), str(out),
                            str(WORK / "edited.yaml"), str(stats)], cwd=ROOT, check=True,
                           capture_output=True)
            print("== calls (a rebuild inside one process, as `handout watch`) ==")
            calls(stats, args.top)
            return
        kind = "cold" if args.cold else "chart cached"
        if args.cold:
            shutil.rmtree(CHARTS)
        print(f"== imports ({kind}; the forked check and chart worker's are listed too) ==")
        print(imports(build, args.top))
        if args.cold:
            shutil.rmtree(CHARTS)
        subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), *build],
                       cwd=ROOT, capture_output=True, check=True)
        print(f"== calls ({kind}; this process only) ==")
        calls(stats, args.top)
    finally:
        remove_work(WORK)


if __name__ == "__main__":
    main()
