"""`handout new FOLDER`: a starter handout that a clinic edits, and that builds at once.

The starter is package data (handout/resources/starter/): a content file, a clinic file and
its logo. The JSON Schemas that editors check the two files against are written beside them,
so the `$schema` line at the top of each file works outside this project's checkout too.
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

from handout.common.errors import HandoutError
from handout.common.resources import RESOURCES
from handout.input.schema import clinic_schema_text, schema_text

STARTER = RESOURCES / "starter"
# What each file written is for, in the order they are listed to the user.
FILES = {
    "content.yaml": "the handout's words: edit these",
    "clinic.yaml": "your clinic's name, colours and contact details",
    "clinic-logo.svg": "a placeholder logo: replace it with your own",
    "content.schema.json": "lets editors such as VS Code check content.yaml as you type",
    "clinic.schema.json": "the same for clinic.yaml",
}


def next_year(day: dt.date) -> dt.date:
    """The same day a year later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def starter_files(today: dt.date) -> dict[str, bytes]:
    """Every file `handout new` writes, by name. The review dates are set to `today` and a
    year later, so a new handout passes the check until its first review is due."""
    content = (STARTER / "content.yaml").read_text(encoding="utf-8")
    content = content.replace("${today}", today.isoformat())
    content = content.replace("${next_review}", next_year(today).isoformat())
    assert "${" not in content, "a placeholder in the starter content was left unfilled"
    return {
        "content.yaml": content.encode("utf-8"),
        "clinic.yaml": (STARTER / "clinic.yaml").read_bytes(),
        "clinic-logo.svg": (STARTER / "clinic-logo.svg").read_bytes(),
        "content.schema.json": schema_text().encode("utf-8"),
        "clinic.schema.json": clinic_schema_text().encode("utf-8"),
    }


def free_folder(taken: Path) -> Path:
    """A name for a new folder beside `taken` that is not there yet: `taken`-2, -3, ...
    (for a file, its name without the extension first: notes.txt gives notes)."""
    base = taken.with_suffix("") if taken.is_file() else taken
    candidate, number = base, 2
    while candidate.exists():
        candidate, number = base.with_name(f"{base.name}-{number}"), number + 1
    return candidate


def new_handout(folder: Path, today: dt.date) -> list[Path]:
    """Write the starter into `folder` (created if needed); returns the paths written.
    Nothing is written if any of the files is there already."""
    files = starter_files(today)
    if folder.exists() and not folder.is_dir():
        raise HandoutError(f"{folder} is a file, not a folder; name a new folder, "
                           f"e.g. `handout new {shlex.quote(str(free_folder(folder)))}`")
    existing = [name for name in files if (folder / name).exists()]
    if existing:
        names = ", ".join(existing[:-1]) + " and " + existing[-1] if len(existing) > 1 \
            else existing[0]
        raise HandoutError(f"{folder} already has {names}, and `handout new` never "
                           "overwrites files; nothing was written. Name a new folder, "
                           f"e.g. `handout new {shlex.quote(str(free_folder(folder)))}`")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise HandoutError(f"cannot create the folder {folder}: {exc.strerror}") from exc
    written = []
    for name, data in files.items():
        path = folder / name
        try:
            with path.open("xb") as out:  # "x": fails rather than replace a file
                out.write(data)
        except OSError as exc:
            raise HandoutError(f"cannot write {path}: {exc.strerror}") from exc
        written.append(path)
    return written


def summary(folder: Path, written: list[Path]) -> str:
    """What was written, what each file is for, and the command to run next."""
    width = max(len(str(path)) for path in written)
    lines = [f"Wrote a starter handout in {folder}/:"]
    lines += [f"  {path!s:<{width}}  {FILES[path.name]}" for path in written]
    content = shlex.quote(str(folder / "content.yaml"))
    pdf = shlex.quote(str(folder / "handout.pdf"))
    lines += ["Next, build the PDF (it runs `handout check` first):",
              f"  handout build {content} -o {pdf}"]
    return "\n".join(lines) + "\n"
