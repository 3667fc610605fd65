"""The paths a command is given, checked before any work: each mistake named, with a fix.

A folder where a file belongs is called a folder (and the file in it that was probably
meant is offered); an output PDF must be named `.pdf`; page previews go beside their PDF.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from handout.common.errors import HandoutError


def check_paths(args: argparse.Namespace) -> None:
    """Refuse, before anything is read or written, the paths this command cannot use."""
    if args.command in {"build", "check", "watch"}:
        existing_file(args.content, "content file", "content.yaml")
        if args.clinic is not None:
            existing_file(args.clinic, "clinic file", "clinic.yaml", clinic=True)
        if args.translation is not None:
            existing_file(args.translation, "translation file", "content.vi.po")
    if args.command == "translate":
        existing_file(args.content, "content file", "content.yaml")
        for given, usual in ((args.from_yaml, "content.es.yaml"), (args.stamp,
                                                                   "content.es.yaml")):
            if given is not None:
                existing_file(given, "translation file", usual)
    if args.command in {"build", "watch"}:
        pdf_output(args.output)
    if args.command == "batch":
        existing_file(args.batch, "batch file", "batch.yaml")
    if args.command == "preview":
        not_a_folder(args.pdf, "PDF", "handout.pdf")  # a missing one: "build it first"
        if args.output is None:
            args.output = preview_folder(args.pdf)
    if args.command == "schema" and args.output.name == "clinic.schema.json":
        raise HandoutError(f"-o {args.output}: clinic.schema.json is the name of the clinic "
                           "schema, written beside the content schema; name the content "
                           f"schema, e.g. -o {args.output.with_name('content.schema.json')}")


def existing_file(path: Path, what: str, usual: str, *, clinic: bool = False) -> None:
    """`path` is a file; a missing one or a folder is a plain error."""
    not_a_folder(path, what, usual)
    if path.is_file():
        return
    if clinic:
        where = "" if path.is_absolute() else (
            f" (a --clinic path is relative to the folder this command runs in, {Path.cwd()})")
        raise HandoutError(f"no clinic file at {path}; check the name{where}")
    raise HandoutError(f"{what} not found: {path}")


def not_a_folder(path: Path, what: str, usual: str) -> None:
    """A folder given where a file belongs is called a folder; the file meant is offered:
    `usual` in it, or the one file of its kind there."""
    if path.is_dir():
        inside = path / usual
        alike = sorted(path.glob(f"*{inside.suffix}"))  # one file of the kind: that one
        meant = inside if inside.is_file() else alike[0] if len(alike) == 1 else None
        hint = f"did you mean {meant}?" if meant else f"name the {what} in it, e.g. {inside}"
        raise HandoutError(f"{path} is a folder, not a {what}; {hint}")


def pdf_output(path: Path) -> None:
    """`-o` names a PDF: `-o out` or `-o build/` is refused with the name it probably meant."""
    if path.is_dir():
        raise HandoutError(f"-o {path} is a folder; name the PDF to write in it, e.g. "
                           f"-o {path / 'handout.pdf'}")
    if path.suffix.lower() != ".pdf":
        raise HandoutError(f"-o {path}: the output must be a PDF whose name ends in .pdf, "
                           f"e.g. -o {path.with_name(path.stem + '.pdf')}")


def preview_folder(pdf: Path) -> Path:
    """Where `handout preview` puts a PDF's page images by default: a folder beside it,
    named after it (build/handout.pdf: build/handout-preview/), so that previews of two PDFs
    in one folder do not replace each other's."""
    return pdf.with_name(f"{pdf.stem}-preview")
