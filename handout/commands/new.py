"""`handout new FOLDER`: a starter handout that a clinic edits, and that builds at once;
`handout new FOLDER --example NAME`: one of the shipped examples, to read and build.

The starter is package data (handout/resources/starter/): a content file, a clinic file, its
logo and a picture. The examples are package data too (handout/resources/examples/NAME/),
byte-for-byte copies of the checkout's examples/NAME/ and the clinic file it names
(tests/commands/test_new.py holds them equal), so `pip install .` carries them; written out,
the content file names the clinic file beside it. The JSON Schemas that editors check the
two files against are written beside them, so the `$schema` line at the top of each file
works outside this project's checkout too.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from pathlib import Path

from handout.commands.starter import starter_language, translate_starter
from handout.common.errors import HandoutError
from handout.common.resources import RESOURCES
from handout.common.translations import strings
from handout.input.schema import clinic_schema_text, schema_text

STARTER = RESOURCES / "starter"
EXAMPLES = RESOURCES / "examples"
# What each file written is for, in the order they are listed to the user.
FILES = {
    "content.yaml": "the handout's words: edit these",
    "clinic.yaml": "your clinic's name, colours and contact details",
    "clinic-logo.svg": "a placeholder logo: replace it with your own",
    "bedroom.svg": "the picture content.yaml shows: replace it, or take it out",
    "content.schema.json": "lets editors such as VS Code check content.yaml as you type",
    "clinic.schema.json": "the same for clinic.yaml",
}


def example_names() -> list[str]:
    """The shipped examples, by name (`handout new FOLDER --example NAME`)."""
    return sorted(path.name for path in EXAMPLES.iterdir() if (path / "content.yaml").is_file())


def _beside(text: str, schema: str, clinic: bool = False) -> str:
    """A file of an example as written beside its schema (and its clinic file)."""
    text = re.sub(r"^# yaml-language-server: \$schema=.*$",
                  f"# yaml-language-server: $schema={schema}", text, count=1, flags=re.M)
    if clinic:
        text = re.sub(r"^clinic: .*$", "clinic: clinic.yaml", text, count=1, flags=re.M)
    return text


def example_files(name: str) -> dict[str, bytes]:
    """Every file `handout new --example NAME` writes: the example's content and clinic
    file, each naming what is beside it, its pictures and logo, and the schemas."""
    folder = EXAMPLES / name
    content = _beside((folder / "content.yaml").read_text(encoding="utf-8"),
                      "content.schema.json", clinic=True)
    clinic = _beside((folder / "clinic.yaml").read_text(encoding="utf-8"), "clinic.schema.json")
    files = {"content.yaml": content.encode("utf-8"), "clinic.yaml": clinic.encode("utf-8")}
    files |= {path.name: path.read_bytes() for path in sorted(folder.iterdir())
              if path.suffix != ".yaml" and path.is_file()}
    files["content.schema.json"] = schema_text().encode("utf-8")
    files["clinic.schema.json"] = clinic_schema_text().encode("utf-8")
    return files


def next_year(day: dt.date) -> dt.date:
    """The same day a year later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def starter_files(today: dt.date, language: str = "en") -> dict[str, bytes]:
    """Every file `handout new` writes, by name, the starter in `language` (see
    commands/starter.py). The review dates are set to `today` and a year later, so a new
    handout passes the check until its first review is due."""
    content = (STARTER / "content.yaml").read_text(encoding="utf-8")
    clinic = (STARTER / "clinic.yaml").read_text(encoding="utf-8")
    if language != "en":
        content, clinic = translate_starter(content, clinic, language)
    content = content.replace("${today}", today.isoformat())
    content = content.replace("${next_review}", next_year(today).isoformat())
    assert "${" not in content, "a placeholder in the starter content was left unfilled"
    return {
        "content.yaml": content.encode("utf-8"),
        "clinic.yaml": clinic.encode("utf-8"),
        "clinic-logo.svg": (STARTER / "clinic-logo.svg").read_bytes(),
        "bedroom.svg": (STARTER / "bedroom.svg").read_bytes(),
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


def new_handout(folder: Path, today: dt.date, example: str | None = None,
                language: str = "en") -> list[Path]:
    """Write the starter in `language` (or the example named `example`) into `folder`
    (created if needed); returns the paths written. Nothing is written if any of the files
    is there already."""
    if example is not None and example not in example_names():
        raise HandoutError(f"there is no example called {example!r}; the examples are: "
                           f"{', '.join(example_names())}")
    if example is not None and language != "en":
        raise HandoutError("the examples are in English: give --example or --language, "
                           "not both")
    tag = starter_language(language)
    files = starter_files(today, tag) if example is None else example_files(example)
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


def _what(name: str) -> str:
    if name in FILES:
        return FILES[name]
    return "the clinic's logo" if "logo" in name else "a picture content.yaml shows"


def summary(folder: Path, written: list[Path], example: str | None = None,
            language: str = "en") -> str:
    """What was written, what each file is for, and the command to run next."""
    width = max(len(str(path)) for path in written)
    what = "a starter handout" if example is None else f"the example {example!r}"
    lines = [f"Wrote {what} in {folder}/:"]
    lines += [f"  {path!s:<{width}}  {_what(path.name)}" for path in written]
    content = shlex.quote(str(folder / "content.yaml"))
    pdf = shlex.quote(str(folder / "handout.pdf"))
    lines.append("Replace the placeholders (the clinic's name, phone number, website and logo, "
                 "the reviewer): `handout check` lists each one, and until they are gone every "
                 f'page prints "{strings(language)("sample_mark")}".' if example is None else
                 'Its clinic is made up, so every page prints "SAMPLE – not for patients".')
    if example is None and starter_language(language) != "en":
        words = strings(language)
        lines.append(f"Its words are a draft translation into {words.name}: have a qualified "
                     "medical translator review them, then set `translation: {status: "
                     "reviewed, reviewed_by: ..., date: ...}` at the foot of content.yaml; "
                     f'until then every page prints "{words("draft_translation")}".')
    lines += ["Next, build the PDF (it runs `handout check` first):",
              f"  handout build {content} -o {pdf}"]
    return "\n".join(lines) + "\n"
