"""How long `handout check` takes (issue 19: with every format the content file lists it
stays under 2 x the floor), against the import floor of bench/run.py, interleaved.

    python bench/check_time.py [--rounds 7] [--content content.yaml]

Three measures a round, in a rotating order, each a fresh process: the floor, the check of
every listed format (Fig. 1 from the chart cache, filled by an untimed first run), and the
check of the document alone (`--format document`). Medians are printed; nothing is written
but a chart cache in build/bench-tmp/check-cache. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

from run import FLOOR, ROOT, wait_for_quiet  # bench/ is on sys.path (this script's)


def timed(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--content", default="content.yaml")
    args = parser.parse_args()
    env = {**os.environ, "HANDOUT_CACHE_DIR": str(ROOT / "build" / "bench-tmp" / "check-cache")}
    check = [sys.executable, "-m", "handout", "check", args.content]
    measures = {"floor": [sys.executable, "-c", FLOOR], "check, every format": check,
                "check --format document": [*check, "--format", "document"]}
    timed(check, env)  # untimed: fills the chart cache, warms the disk cache
    seconds: dict[str, list[float]] = {name: [] for name in measures}
    names = list(measures)
    for r in range(args.rounds):
        for name in names[r % 3:] + names[:r % 3]:
            wait_for_quiet()
            seconds[name].append(timed(measures[name], env))
    floor = seconds["floor"]
    for name, found in seconds.items():
        ratio = statistics.median(s / f for s, f in zip(found, floor, strict=True))
        print(f"{name:<26} median {statistics.median(found):.3f} s  "
              f"({min(found):.3f}-{max(found):.3f})  {ratio:.2f} x floor")


if __name__ == "__main__":
    main()
