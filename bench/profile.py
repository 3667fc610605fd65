"""Where a `handout build` spends its time: imports (-X importtime) and calls (cProfile).

    python bench/profile.py [--cold] [--content content.yaml] [--top 25]

Runs `handout build` in a fresh process, twice: once for the import times and once under
cProfile. Without --cold the chart cache is warmed first, so this profiles a rebuild.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Profile this process's own build: no build server to hand it to.
ENV = {**os.environ, "HANDOUT_SERVER": "off"}


def imports(build: list[str], top: int) -> str:
    """The slowest imports, cumulative (a package's time includes what it imports)."""
    done = subprocess.run([sys.executable, "-X", "importtime", *build], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            _, cumulative, name = (part.strip() for part in line[12:].split("|"))
            if cumulative.isdigit():
                rows.append((int(cumulative), name))
    rows.sort(reverse=True)
    return "\n".join(f"{us / 1000:8.1f} ms  {name}" for us, name in rows[:top])


def calls(build: list[str], top: int) -> str:
    """cProfile of the whole command, sorted by cumulative time."""
    with tempfile.NamedTemporaryFile(suffix=".prof") as stats:
        # The command's module itself, run under cProfile.
        command = ["-m", "handout.commands.cli", *build[2:]]
        subprocess.run([sys.executable, "-m", "cProfile", "-o", stats.name, *command],
                       cwd=ROOT, env=ENV, capture_output=True, check=True)
        report = subprocess.run(
            [sys.executable, "-c", "import pstats, sys; pstats.Stats(sys.argv[1])"
             ".sort_stats('cumulative').print_stats(int(sys.argv[2]))", stats.name, str(top)],
            capture_output=True, text=True, check=True)
    return report.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold", action="store_true", help="empty chart cache before each run")
    parser.add_argument("--content", type=Path, default=ROOT / "content.yaml")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handout-profile-") as work:
        out = Path(work) / "handout.pdf"
        build = ["-m", "handout", "build", str(args.content.resolve()), "-o", str(out)]
        cache = Path(work) / ".cache"
        subprocess.run([sys.executable, *build], cwd=ROOT, env=ENV, capture_output=True,
                       check=True)
        for title, report in (("imports", imports), ("calls", calls)):
            if args.cold:
                subprocess.run(["rm", "-rf", str(cache)], check=True)
            print(f"== {title} ({'cold' if args.cold else 'chart cached'}) ==")
            print(report(build, args.top))


if __name__ == "__main__":
    main()
