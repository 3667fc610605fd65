"""`handout batch`: every content file x clinic x variant, built in parallel worker processes.

One bad input does not stop the others: each job ends as built or failed with its reason,
and the summary lists both.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TextIO

from pydantic import Field, create_model

from handout.common.errors import ContentError, HandoutError
from handout.input.fields import Strict
from handout.layout.variant import Variant, settings
from handout.pipeline.parallel import InProcess, run_check

if TYPE_CHECKING:
    from handout.check.runner import Report
    from handout.input.loader import Located
    from handout.input.model import Document

Name = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=40)]


def _entry_model() -> type[Strict]:
    """A `variants:` entry: a file name and any print variant field (variants.py), e.g.
    `- name: large-print` / `large_print: true`, as `handout build --large-print`."""
    fields: dict[str, Any] = {
        s.name: (Literal[s.choices] if s.choices else bool,
                 Field(default=s.default, description=s.help)) for s in settings()}
    fields["name"] = (Name, Field(description="The PDF's file name, without .pdf."))
    return create_model("Variant", __base__=Strict, **fields)


if TYPE_CHECKING:
    VariantEntry = Strict
else:
    VariantEntry = _entry_model()


class BatchFile(Strict):
    """What to build: the cross product of `contents`, `clinics` and `variants`."""

    output: str = Field(default="build", description="Folder for <clinic>/<language>/<variant>.pdf")
    contents: list[str] = Field(min_length=1)
    clinics: list[str] = Field(default_factory=list, description="Default: each content's own.")
    variants: list[VariantEntry] = Field(
        default_factory=lambda: [VariantEntry.model_validate({"name": "letter"})], min_length=1)
    workers: int | None = Field(default=None, ge=1, le=64, description="Default: one per CPU.")


@dataclass(frozen=True)
class Job:
    content: Path
    clinic: Path | None
    name: str  # the variant's, for the file name
    variant: Variant
    output: Path  # the folder; the file name needs the content's language and clinic
    by_topic: bool = False  # a folder per topic: the batch holds more than one


@dataclass(frozen=True)
class Outcome:
    job: Job
    path: Path | None = None
    pages: int = 0
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def load_batch(path: Path) -> BatchFile:
    """Read and validate a batch file; problems raise `ContentError` with their lines."""
    from handout.input.loader import load
    from handout.input.sources import display_path
    from handout.input.validate import parse

    located = load(path, shown=display_path(path))
    batch = parse(located, BatchFile)
    base = path.resolve().parent
    missing = [located.problem((key, i), f"no {key[:-1]} file at {display_path(base / name)}; "
                               "check the name (it is relative to the batch file)")
               for key in ("contents", "clinics") for i, name in enumerate(getattr(batch, key))
               if not (base / name).is_file()]
    if missing:  # before anything is built: the list is mistyped, not one handout
        raise ContentError(missing)
    return batch


def plan(batch: BatchFile, base: Path) -> list[Job]:
    """Every combination, in a stable order (content, then clinic, then variant)."""
    clinics: list[Path | None] = [base / c for c in batch.clinics] or [None]
    variants = [_variant(entry.model_dump()) for entry in batch.variants]
    topics = {content: _topic(base / content, base) for content in batch.contents}
    # One topic (content.yaml and its translations): <clinic>/<language>/<variant>.pdf.
    # Several: <clinic>/<topic>/<language>/..., or two topics in one language would
    # write the same file.
    several = len(set(topics.values())) > 1
    return [Job(base / content, clinic, name, variant, base / batch.output, several)
            for content in batch.contents for clinic in clinics for name, variant in variants]


def _topic(content: Path, base: Path) -> str:
    """Which topic a content file is, by its name: less a language ending (content.es.yaml
    is content.yaml's topic), or its folder's for a plain content.yaml elsewhere
    (examples/sleep/content.yaml -> sleep)."""
    stem = re.sub(r"\.[a-z]{2}(-[A-Z]{2})?$", "", content.stem)
    folder = content.resolve().parent
    if stem == "content" and folder != base.resolve():
        return _slug(folder.name)
    return _slug(stem)


def _variant(entry: dict[str, Any]) -> tuple[str, Variant]:
    name = entry.pop("name")
    return name, Variant(**entry)


def run_job(job: Job) -> Outcome:
    """Build one job, after the content check as `handout build` runs it; every error
    becomes the outcome's reason (runs in a worker)."""
    from handout.pipeline.build import CheckFailedError, Options, build_prepared, folder_of, prepare

    try:
        started = time.perf_counter()
        doc, located = prepare(job.content, job.clinic)
        clinic = job.clinic.stem if job.clinic else _slug(doc.clinic.name)
        topic = (_slug(doc.topic) or _topic(job.content, job.content.parent)) \
            if job.by_topic else ""
        out = job.output / clinic / topic / doc.language / f"{job.name}.pdf"
        options = Options(**asdict(job.variant), clinic=job.clinic)
        result = build_prepared(doc, located, folder_of(job.content), out, options,
                                started=started, helpers=_CheckOnce(job))
    except CheckFailedError as exc:
        errors = [f for f in exc.report.findings if f.severity == "error"]
        return Outcome(job, error=f"refused by the content check: {errors[0]}"
                       + _more(len(errors)))
    except ContentError as exc:
        return Outcome(job, error=str(exc.problems[0]) + _more(len(exc.problems)))
    except HandoutError as exc:
        return Outcome(job, error=str(exc))
    except Exception as exc:  # a bug must not take the other jobs down with it
        return Outcome(job, error=f"internal error: {type(exc).__name__}: {exc}")
    return Outcome(job, result.path, result.pages)


_REPORTS: dict[tuple[Path, Path | None], Report] = {}  # this process's checks, in this run


class _CheckOnce(InProcess):
    """The content check in this worker process, once per content x clinic: the variants
    of one handout print the same words, so they share one report."""

    def __init__(self, job: Job) -> None:
        self.key = (job.content, job.clinic)

    def check(self, doc: Document, located: Located) -> Callable[[], Report]:
        if self.key not in _REPORTS:
            _REPORTS[self.key] = run_check(doc, located)
        report = _REPORTS[self.key]
        return lambda: report


def run(jobs: list[Job], workers: int | None, progress: Callable[[Outcome], None]
        ) -> list[Outcome]:
    """Run the jobs in `workers` processes; outcomes come back in plan order."""
    _REPORTS.clear()  # before the workers start: files may have changed since a last run
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) == 1:
        outcomes = []
        for job in jobs:
            outcomes.append(run_job(job))
            progress(outcomes[-1])
        return outcomes
    done: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        futures = {pool.submit(run_job, job): i for i, job in enumerate(jobs)}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            progress(done[futures[future]])
    return [done[i] for i in range(len(jobs))]


class ProgressBar:
    """A one-line bar on a terminal; one line per job elsewhere (logs, CI)."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        # sys.stderr as it is now, not as it was when this module was imported
        self.total, self.stream, self.done, self.failed = total, stream or sys.stderr, 0, 0
        self.live = self.stream.isatty()

    def __call__(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += not outcome.ok
        filled = round(24 * self.done / self.total)
        line = (f"[{'#' * filled}{'.' * (24 - filled)}] {self.done}/{self.total}"
                f"{f', {self.failed} failed' if self.failed else ''}")
        if self.live:
            end = "\n" if self.done == self.total else ""
            print(f"\r{line}", end=end, file=self.stream, flush=True)
        else:
            print(f"{line}  {_label(outcome.job)}: {'ok' if outcome.ok else 'FAILED'}",
                  file=self.stream)


def summary(outcomes: Iterable[Outcome], base: Path) -> str:
    """A table of what was built and what failed, and why."""
    rows = [("result", "content", "clinic", "variant", "pages / reason")]
    for o in outcomes:
        clinic = o.job.clinic.stem if o.job.clinic else "(its own)"
        detail = f"{o.pages}  {_relative(o.path, base)}" if o.path else o.error
        rows.append(("built" if o.ok else "FAILED", o.job.content.name, clinic,
                     o.job.name, detail))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join("  ".join([*(c.ljust(w) for c, w in zip(r[:4], widths, strict=True)), r[4]])
                     for r in rows) + "\n"


def _label(job: Job) -> str:
    clinic = job.clinic.stem if job.clinic else "own clinic"
    return f"{job.content.name} / {clinic} / {job.name}"


def _relative(path: Path | None, base: Path) -> str:
    if path is None:
        return ""
    try:
        return str(path.resolve().relative_to(base.resolve()))
    except ValueError:
        return str(path)


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def _more(count: int) -> str:
    return f" (and {count - 1} more)" if count > 1 else ""
