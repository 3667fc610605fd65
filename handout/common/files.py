"""Writing output files: the one way the PDF, chart cache entries and schemas reach disk."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from handout.common.errors import HandoutError


def write_atomic(out: Path, data: bytes) -> None:
    """Write to a temporary file beside `out`, then rename: readers never see half a PDF.

    A device or pipe (`-o /dev/null`) is written to directly: renaming over it would replace
    it with a plain file.
    """
    if out.is_dir():
        raise HandoutError(f"{out} is a folder; give the file to write, e.g. {out / 'handout.pdf'}")
    if out.exists() and not out.is_file():
        try:
            with out.open("wb") as fh:
                fh.write(data)
        except OSError as exc:
            raise HandoutError(f"cannot write {out}: {exc.strerror}") from exc
        return
    folder = out.resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise HandoutError(f"cannot write to {folder}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):  # e.g. the disk is full
            raise HandoutError(f"cannot write {out}: {exc.strerror}") from exc
        raise
