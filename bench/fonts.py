"""Fonts per script (issue 20): what a Chinese handout costs against the same English one,
and what loading a bundled subset font costs. A benchmark, not a test: it never fails.

    python bench/fonts.py [--rounds 7]

- cold builds: `handout build` of tests/layout/data/scripts/content.en.yaml and of its
  Chinese translation (content.zh-Hans.yaml), as a document and as a booklet, each a fresh
  process, in interleaved rounds; the ratio is the median of each round's ratio;
- the same builds in one warm process (the layout alone, imports paid), medians;
- the first load of each bundled font face (ReportLab's TTFont and its coverage table), in
  a fresh process per round; peak memory (ru_maxrss) of a cold Chinese build.
Prints a Markdown table; bench/RESULTS.md keeps a run of it. Files go to build/bench-tmp/.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "layout" / "data" / "scripts"
TMP = ROOT / "build" / "bench-tmp" / "fonts"
LANGUAGES = ("en", "zh-Hans")
FORMATS = ("document", "booklet")
FACES = ("NotoSans", "NotoSansSC", "NotoSansTC", "NotoSansKR")
LOAD = """
import json, sys, time
from handout.layout.fontstack import ATKINSON, bundled, coverage, register
coverage(ATKINSON)  # ReportLab and Atkinson loaded first: not counted
family = bundled(sys.argv[1])
start = time.perf_counter()
coverage(family)
print(json.dumps((time.perf_counter() - start) / 2))  # two faces: regular and bold
"""
WARM = """
import json, sys, time
from pathlib import Path
from handout.pipeline.build import Options, build
content, fmt, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
build(content, out, Options(format=fmt, allow_check_errors=True))  # imports, fonts, caches
times = []
for _ in range(int(sys.argv[4])):
    start = time.perf_counter()
    build(content, out, Options(format=fmt, allow_check_errors=True))
    times.append(time.perf_counter() - start)
print(json.dumps(times))
"""


COLD = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, capture_output=True)
seconds = time.perf_counter() - start
print(json.dumps([seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))
"""


def cold(language: str, fmt: str) -> tuple[float, int]:
    """Seconds and peak memory (KB: ru_maxrss of the largest process, the build's or its
    chart or check worker's) of one fresh `handout build`, timed by a parent of its own."""
    out = TMP / f"{language}-{fmt}.pdf"
    done = python(COLD, sys.executable, "-m", "handout", "build",
                  str(DATA / f"content.{language}.yaml"), "--format", fmt,
                  "--allow-check-errors", "-o", str(out))
    assert isinstance(done, list)
    return float(done[0]), int(done[1])


def python(code: str, *args: str) -> object:
    done = subprocess.run([sys.executable, "-c", code, *args], check=True,
                          capture_output=True, text=True, cwd=TMP)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    shutil.rmtree(TMP, ignore_errors=True)
    TMP.mkdir(parents=True)
    times: dict[tuple[str, str], list[float]] = {}
    ratios: dict[str, list[float]] = {fmt: [] for fmt in FORMATS}
    memory = dict.fromkeys(LANGUAGES, 0)
    for n in range(rounds):
        order = [(lang, fmt) for fmt in FORMATS for lang in LANGUAGES]
        sample = {}
        for lang, fmt in order[n % len(order):] + order[:n % len(order)]:
            sample[lang, fmt], peak = cold(lang, fmt)
            memory[lang] = max(memory[lang], peak)
            times.setdefault((lang, fmt), []).append(sample[lang, fmt])
        for fmt in FORMATS:
            ratios[fmt].append(sample["zh-Hans", fmt] / sample["en", fmt])
    print("| measure | en | zh-Hans | zh / en |\n|---|---|---|---|")
    for fmt in FORMATS:
        en, zh = (statistics.median(times[lang, fmt]) for lang in LANGUAGES)
        print(f"| cold `handout build --format {fmt}` | {en:.3f} s | {zh:.3f} s | "
              f"{statistics.median(ratios[fmt]):.2f} x |")
    for fmt in FORMATS:
        warm = [statistics.median(python(WARM, str(DATA / f"content.{lang}.yaml"), fmt,  # type: ignore[arg-type]
                                         str(TMP / f"warm-{lang}.pdf"), str(rounds)))
                for lang in LANGUAGES]
        print(f"| warm build, {fmt} (layout only) | {warm[0]:.3f} s | {warm[1]:.3f} s | "
              f"{warm[1] / warm[0]:.2f} x |")
    print(f"\nPeak memory of one process of a cold build: English {memory['en'] / 1024:.0f} MB,"
          f" Chinese {memory['zh-Hans'] / 1024:.0f} MB\n")
    print("| bundled font (regular and bold) | first load, per face |\n|---|---|")
    for face in FACES:
        loads = [float(python(LOAD, face)) for _ in range(rounds)]  # type: ignore[arg-type]
        print(f"| {face} | {statistics.median(loads) * 1000:.1f} ms |")
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
