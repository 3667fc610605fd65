"""What each helper process saves on a cold `handout build` (issue 18): the build as it is,
and the same build with the chart drawn here, the check run here, or both, in interleaved
rounds against the import floor (bench/run.py's). A benchmark, not a test.

    python bench/workers.py [--rounds 9] [--quiet 60] [--variants 'both ...']
                            [--compare NAME=PATH ...]

Each variant runs `handout build content.yaml` in a fresh process with no chart cache, with
`TwoCores` changed before the command starts: "no chart worker" starts none (the chart is
drawn in this process, matplotlib imported here); "no check child" runs the check here,
after the `gc.freeze()` its fork made (a build without the child would keep that). --compare
times another checkout's `handout build` as it is (e.g. the raw os.fork code). Temporary
files live in build/bench-tmp/workers/ and are removed at the end.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
from pathlib import Path

from run import FLOOR, ROOT, TMP, Tree, charts_in, timed, wait_for_quiet, workspace

WORK = TMP / "workers"
# `handout build` with some of TwoCores' work done in this process instead.
VARIANT = """
import gc, sys
from handout.pipeline import parallel
variant = sys.argv.pop(1)
if "no-chart" in variant:
    start = parallel.TwoCores.start.__func__
    parallel.TwoCores.start = classmethod(lambda cls, chart_needed: start(cls, chart_needed=False))
if "no-check" in variant:
    def check_here(self, doc, located):
        gc.freeze()
        return parallel.InProcess.check(self, doc, located)
    parallel.TwoCores.check = check_here
from handout.commands.cli import main
sys.exit(main())
"""
VARIANTS = {"both": "chart worker and check child (as built)",
            "no-check": "chart worker only, check here",
            "no-chart": "check child only, chart drawn here",
            "no-chart,no-check": "neither: all in one process"}


class Measure:
    def __init__(self, name: str, argv: list[str], tree: Tree | None = None) -> None:
        self.name, self.argv, self.tree = name, argv, tree
        self.seconds: list[float] = []
        self.out = (WORK / name.replace(" ", "-") / "out" / "handout.pdf")

    def sample(self) -> float:
        if self.tree is None:
            return timed(self.argv)[0]
        shutil.rmtree(self.out.parent, ignore_errors=True)  # the PDF and its chart cache
        return timed([*self.argv, "build", str(self.out.parent.parent / "content.yaml"),
                      "-o", str(self.out)], charts_in(self.tree.env, self.out),
                     self.tree.path)[0]


def measures(variants: list[str], compare: list[str]) -> list[Measure]:
    here = Tree("this checkout", ROOT, WORK)
    found = [Measure("floor", [sys.executable, "-c", FLOOR])]
    for key in variants:
        found.append(Measure(key, [sys.executable, "-c", VARIANT, key], here))
    for spec in compare:
        name, _, path = spec.rpartition("=")
        tree = Tree(name, Path(path).resolve(), WORK / name)
        found.append(Measure(name, tree.command(), tree))
    for m in found[1:]:
        assert m.tree is not None
        workspace(m.tree, m.out.parent.parent)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--compare", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--variants", type=lambda text: text.split(" "), default=list(VARIANTS),
                        help=f"a space-separated choice of {' '.join(VARIANTS)} (the first "
                        "is the one the others are compared with)")
    parser.add_argument("--quiet", type=float, default=60.0, metavar="SECONDS",
                        help="wait at most this long for an idle machine before each sample")
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    try:
        found = measures(args.variants, args.compare)
        for m in found:  # untimed: disk caches
            m.sample()
        for r in range(args.rounds):
            turn = r % len(found)
            for m in found[turn:] + found[:turn]:
                wait_for_quiet(args.quiet)
                m.seconds.append(m.sample())
            print(f"round {r + 1}: " + ", ".join(f"{m.name} {m.seconds[-1]:.3f}"
                                                 for m in found), flush=True)
        pdfs = {m.name: m.out.read_bytes() for m in found[1:]}
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
    floor, first = found[0].seconds, found[1].seconds
    print(f"\n{args.rounds} rounds, medians; x floor and the difference to the first variant "
          "are medians of each round's own\n")
    print("| variant | median | x floor | min-max | minus the first variant |\n"
          "|---|---|---|---|---|")
    for m in found:
        ratio = statistics.median(s / f for s, f in zip(m.seconds, floor, strict=True))
        more = statistics.median(s - b for s, b in zip(m.seconds, first, strict=True))
        print(f"| {VARIANTS.get(m.name, m.name)} | {statistics.median(m.seconds):.3f} s | "
              f"{ratio:.2f} | {min(m.seconds):.3f}-{max(m.seconds):.3f} s | "
              f"{more:+.3f} s ({more / statistics.median(first):+.0%}) |")
    same = len(set(pdfs.values())) == 1
    print(f"\nThe PDFs are {'byte-identical' if same else 'NOT identical'}.")


if __name__ == "__main__":
    main()
