"""`handout batch`: build everything a batch file lists, in parallel, then report all."""

from __future__ import annotations

from pathlib import Path


def batch_command(path: Path, workers: int | None) -> int:
    """`handout batch`: build everything, report all, exit 1 if anything failed."""
    from handout.commands.batch import ProgressBar, load_batch, plan, run, summary

    batch = load_batch(path)
    base = path.resolve().parent
    jobs = plan(batch, base)
    outcomes = run(jobs, workers or batch.workers, ProgressBar(len(jobs)))
    print(summary(outcomes, Path.cwd()), end="")
    failed = sum(not o.ok for o in outcomes)
    print(f"{len(outcomes) - failed} built, {failed} failed.")
    return 1 if failed else 0
