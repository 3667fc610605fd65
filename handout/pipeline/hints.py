"""What fitting found for a handout, kept for its next build: tried first, a few passes
confirm it where the search takes up to a dozen (layout/formats/fitting.py, `fit`'s hint).
The PDF is the same either way: a hint that no longer holds costs only its own passes.

A hint is kept in this process (a batch's clinics and variants, a watch's rebuilds) and in
the cache folder, beside the drawn charts (chart/cache.py): one small JSON file for each
content file, format, paper, print size and language. Written atomically; a file that
cannot be read or written is no hint, never an error."""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from handout.common.errors import HandoutError
from handout.common.files import write_atomic
from handout.layout.formats.fitting import Step

_KEPT: dict[Path, Step] = {}  # this process's hints, by their file


def hint_file(folder: Path, content: Path, *, fmt: str, paper: str, large_print: bool,
              language: str) -> Path:
    """Where the hint for one content file in one format, paper, print size and language
    is kept in `folder`."""
    key = "\0".join([str(content.resolve()), fmt, paper, str(large_print), language])
    return folder / f"fit-{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"


def read_hint(path: Path) -> Step | None:
    """The step kept at `path`, or None when there is none or it cannot be read."""
    if path in _KEPT:
        return _KEPT[path]
    try:
        data = json.loads(path.read_bytes())
        left_out = tuple(tuple(loc) for loc in data["left_out"])
        if not all(isinstance(part, str | int) for loc in left_out for part in loc):
            return None
        return Step(int(data["pages"]), float(data["spacing"]), float(data["body_size"]),
                    left_out)
    except (OSError, ValueError, KeyError, TypeError):  # UnicodeError is a ValueError
        return None


def keep_hint(path: Path, step: Step | None) -> None:
    """Keep `step` (what fitting found; None for a format that is not fitted) for the next
    build, here and at `path` when it is new."""
    if step is None or read_hint(path) == step:
        return
    _KEPT[path] = step
    data = {"pages": step.pages, "spacing": step.spacing, "body_size": step.body_size,
            "left_out": step.left_out}
    with contextlib.suppress(HandoutError):  # the hint only saves time
        write_atomic(path, json.dumps(data).encode())
