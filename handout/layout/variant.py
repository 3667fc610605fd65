"""The print variants, declared once: how one print of a handout differs from the plain one.

`handout build`'s flags (--paper, --large-print, --grayscale, --print-shop) and a batch
file's `variants:` entries are both made from these fields and their help; the layout
(typeset) lays out a `Variant`, and `Options` (in pipeline/build.py) is a `Variant` plus
how to build it: one type for all three. Every field combines with the others. Nothing
heavy is imported here: the command line reads it before ReportLab or pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields


def _about(help_text: str, choices: tuple[str, ...] = ()) -> dict[str, object]:
    return {"help": help_text, "choices": choices}


FORMATS = ("document", "booklet", "trifold", "sheet")  # as handout/input/placed.py


@dataclass(frozen=True)
class Variant:
    format: str = field(default="", metadata=_about(
        "document, booklet, trifold or sheet (default: the content file's `format:`)",
        FORMATS))
    paper: str = field(default="letter", metadata=_about("paper size", ("letter", "a4")))
    large_print: bool = field(default=False, metadata=_about(
        "18 pt body text, larger headings, chart and puzzle"))
    grayscale: bool = field(default=False, metadata=_about(
        "every colour as gray, for black-and-white printers"))
    print_shop: bool = field(default=False, metadata=_about(
        "1/8 inch bleed and crop marks for a professional printer"))
    imposed: bool = field(default=False, metadata=_about(
        "booklet: the print-ready file, 2 pages a side in saddle-stitch order (print both "
        "sides, flip on the short edge, fold, staple)"))
    # Not a print variant of its own (no help: neither a flag here nor a batch key): the
    # command line's --no-tags sets it.
    tagged: bool = True  # a tagged (accessible) PDF: structure tree, alt text, artifacts


@dataclass(frozen=True)
class Setting:
    """One field of `Variant`, as a command-line flag and a batch-file key."""

    name: str  # the batch file's key, e.g. large_print
    default: str | bool
    help: str
    choices: tuple[str, ...]  # the values it takes; () for a yes/no switch

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


def settings() -> list[Setting]:
    """Every variant field, in the order they are declared."""
    plain = Variant()
    return [Setting(f.name, getattr(plain, f.name), str(f.metadata["help"]),
                    tuple(f.metadata["choices"])) for f in fields(Variant) if f.metadata]
