"""Many builds through a process pool, the way `handout batch` runs them.

Like `handout batch`, each worker calls `handout.pipeline.build.build` without the content check
(a batch checks nothing per variant); the jobs are generated so the bench needs no
batch file. handout is imported once before the pool forks.
Usage: python bench/batch.py JOBS.json WORKERS; prints one JSON line.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from handout.pipeline.build import Options, build  # before the fork: workers inherit the imports


def build_one(job: dict[str, str]) -> int:
    """Build one variant; returns the PDF size in bytes."""
    options = Options(paper=job["paper"], cache_dir=Path(job["cache"]), check=False)
    return build(Path(job["content"]), Path(job["out"]), options).bytes


def main(argv: list[str]) -> None:
    jobs = json.loads(Path(argv[0]).read_text())
    # fork keeps the imports done above; spawn would pay them again in every worker.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(int(argv[1]), mp_context=context) as pool:
        sizes = list(pool.map(build_one, jobs))
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker
    print(json.dumps({"pdfs": len(sizes), "max_bytes": max(sizes), "worker_maxrss_kb": peak_kb}))


if __name__ == "__main__":
    main(sys.argv[1:])
