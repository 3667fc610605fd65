"""`handout watch`: rebuild the PDF each time the content, clinic or asset files are saved.

The process stays alive, so libraries stay imported and the chart stays cached: a text
edit shows up in well under half a second. A broken edit prints its located errors and
keeps the last good PDF (the build writes atomically).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from handout.common.errors import ContentError, HandoutError
from handout.pipeline.build import CheckFailedError, Options, Result, build

WATCHED = (".yaml", ".yml", ".po", ".svg", ".png", ".jpg", ".jpeg")
IGNORED = ("/build/", "/.venv/", "/.git/", "/.cache/")


def relevant(path: str, folders: Iterable[Path] = ()) -> bool:
    """Content, clinic and image files; never the output folder or caches. Only the part of
    `path` inside a watched folder counts: a project may itself be in a folder named build."""
    inside = path
    for folder in folders:
        if path.startswith(str(folder) + os.sep):
            inside = path[len(str(folder)):]
            break
    return path.endswith(WATCHED) and not any(part in inside for part in IGNORED)


def build_once(content: Path, out: Path, options: Options, stream: TextIO,
               log: TextIO | None = None) -> Result | None:
    """One build, reported in a few lines; errors are printed, never raised. The PDF
    written goes to `stream`; the check's summary and errors to `log` (default: `stream`)."""
    from handout.check.report import summary

    log = log or stream
    try:
        result = build(content, out, options)
    except CheckFailedError as exc:
        print(summary(exc.report) + f"handout: {exc}", file=log)
        return None
    except ContentError as exc:
        print(f"{exc}\nhandout: kept the last good PDF.", file=log)
        return None
    except HandoutError as exc:
        print(f"handout: {exc}", file=log)
        return None
    if result.report is not None:
        print(summary(result.report), end="", file=log)
    log.flush()  # the summary before the line that follows it
    print(f"Wrote {result.path} ({result.pages} pages) in {result.seconds:.2f} s", file=stream)
    return result


def watch(content: Path, out: Path, options: Options, *, stream: TextIO | None = None,
          log: TextIO | None = None, stop: threading.Event | None = None, poll: bool = False,
          on_build: Callable[[Result | None], None] | None = None) -> None:
    """Build now, then after every saved change under the content's folder until `stop`.
    Ctrl-C raises KeyboardInterrupt (the caller says it stopped), also during a build.
    Each PDF written is reported on `stream` (stdout); errors, the check's summary and
    progress ("Watching...", "Changed: ...") on `log` (stderr)."""
    from watchfiles import watch as changes

    folders = {content.resolve().parent}
    for other in (options.clinic, options.translation):
        if other is not None:
            folders.add(other.resolve().parent)
    shown, said = stream or sys.stdout, log or sys.stderr
    report = on_build or (lambda result: None)

    def rebuild() -> None:
        report(build_once(content, out, options, shown, said))
        shown.flush()  # a log or a pipe shows each build as it happens
        said.flush()

    rebuild()
    # What the first build loaded (libraries, fonts, icons, the chart) lives as long as
    # this process: out of the collector's sight, it is not walked again at every
    # rebuild's collections (the gc module's advice for long-lived objects).
    gc.collect()
    gc.freeze()
    print(f"Watching {', '.join(map(str, sorted(folders)))} (Ctrl-C to stop)", file=said,
          flush=True)
    for batch in changes(*folders, watch_filter=lambda _, path: relevant(path, folders),
                         stop_event=stop, force_polling=poll or None, poll_delay_ms=100, step=10,
                         debounce=200, raise_interrupt=True):
        names = sorted({Path(path).name for _, path in batch})
        print(f"Changed: {', '.join(names)}", file=said)
        rebuild()
