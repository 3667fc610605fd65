"""Command line: a thin layer that turns library results and errors into messages."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from handout import __version__
from handout.commands.paths import check_paths
from handout.commands.translate import translate, translate_arguments
from handout.common.errors import INTERNAL_ERROR, ContentError, HandoutError
from handout.layout.variant import FORMATS, settings

if TYPE_CHECKING:
    from handout.pipeline.build import Options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="handout", description="Build a printable patient handout (PDF) from a YAML file.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    parser.add_argument("--version", action="version", version=f"handout {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    n = sub.add_parser("new", help="start a handout: write a starter content file and clinic "
                       "file to edit")
    n.add_argument("folder", type=Path, help="the folder to write them to, e.g. my-handout "
                   "(created if needed)")
    n.add_argument("--example", metavar="NAME", help="write a shipped example instead of the "
                   "starter, to read and build: sleep")
    n.add_argument("--language", metavar="LANG", default="en", help="write the starter in "
                   "this language, a BCP 47 tag: en (default), es, fr, ht, ko, pt, ru, tl, vi, "
                   "zh-Hans, zh-Hant; a draft translation to have reviewed")

    _build_arguments(sub.add_parser("build", help="build the PDF from a content file"))
    _build_arguments(sub.add_parser(
        "watch", help="rebuild the PDF whenever the content, clinic or a logo is saved"))

    c = sub.add_parser("check", help="check reading level, structure, evidence and safety")
    c.add_argument("content", type=Path, help="the content file, e.g. content.yaml")
    c.add_argument("--json", action="store_true", help="print the report as JSON")
    c.add_argument("--clinic", type=Path, default=None, help="a clinic file to use instead")
    c.add_argument("--translation", type=Path, default=None,
                   help="a PO file (handout translate) whose texts replace the content's")
    c.add_argument("--format", choices=FORMATS, default="", type=str.lower,
                   help="lay the handout out in this format only (default: each format "
                   "the content file's `formats:` lists); nothing is written")
    c.add_argument("--paper", choices=("letter", "a4"), default="letter", type=str.lower,
                   help="the paper to lay it out on (default: letter)")
    c.add_argument("--large-print", action="store_true", help="lay it out in large print")

    translate_arguments(sub.add_parser(
        "translate", help="write a PO file for translators (Poedit, Weblate, Crowdin), or "
        "stamp a YAML translation as in step"))

    s = sub.add_parser("schema", help="write the JSON Schema editors use to check content files")
    s.add_argument("-o", "--output", type=Path, default=Path("content.schema.json"),
                   help="where to write it (default: content.schema.json)")

    a = sub.add_parser("batch", help="build every content x clinic x variant in a batch file")
    a.add_argument("batch", type=Path, help="the batch file, e.g. batch.yaml")
    a.add_argument("-j", "--workers", type=int, default=None,
                   help="worker processes (default: the batch file's, else one per CPU)")

    i = sub.add_parser("icons", help="list the icons a content file can name (icon: NAME)")
    i.add_argument("word", nargs="?", help="only icons whose name or subject has this word, "
                   "e.g. stomach")
    i.add_argument("--sheet", type=Path, default=None, metavar="FILE.pdf",
                   help="also draw the matching icons, each with its name, on the pages of "
                   "this PDF, to see what they look like")

    p = sub.add_parser("preview", help="render each page of a PDF to a PNG")
    p.add_argument("pdf", type=Path, help="the PDF to render")
    p.add_argument("-o", "--output", type=Path, default=None,
                   help="folder for page-N.png (default: beside the PDF, named after it: "
                   "build/handout.pdf gives build/handout-preview)")
    p.add_argument("--dpi", type=int, default=80, help="resolution (default: 80)")
    return parser


def _build_arguments(b: argparse.ArgumentParser) -> None:
    """What `build` and `watch` share: the content, the output and every variant option."""
    b.add_argument("content", type=Path, help="the content file, e.g. content.yaml")
    b.add_argument("-o", "--output", type=Path, default=Path("build/handout.pdf"),
                   help="where to write the PDF (default: build/handout.pdf)")
    for setting in settings():  # --paper, --large-print...: the print variants
        if setting.choices:
            default = f" (default: {setting.default})" if setting.default else ""
            b.add_argument(setting.flag, choices=setting.choices, default=setting.default,
                           type=str.lower, help=setting.help + default)
        else:
            b.add_argument(setting.flag, action="store_true", help=setting.help)
    b.add_argument("--clinic", type=Path, default=None,
                   help="a clinic file (assets/clinics/*.yaml) to use instead of the one "
                   "the content names")
    b.add_argument("--translation", type=Path, default=None,
                   help="a PO file (handout translate) whose texts replace the content's")
    b.add_argument("--allow-check-errors", action="store_true",
                   help="build even when the content check finds errors")
    b.add_argument("--no-check", action="store_true",
                   help="skip the content check (faster; `handout check` still runs it)")
    b.add_argument("--no-tags", action="store_true",
                   help="an untagged PDF: no structure tree for screen readers")


def _options(args: argparse.Namespace) -> Options:
    from handout.pipeline.build import Options  # deferred: `handout check --help` stays instant

    variant = {setting.name: getattr(args, setting.name) for setting in settings()}
    return Options(**variant, clinic=args.clinic, translation=args.translation,
                   check=not args.no_check,
                   allow_check_errors=args.allow_check_errors, tagged=not args.no_tags)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ContentError as exc:
        count = len(exc.problems)
        print(str(exc), file=sys.stderr)
        print(f"handout: {count} problem{'s' if count != 1 else ''}; nothing was written.",
              file=sys.stderr)
        return exc.exit_code
    except HandoutError as exc:
        if args.debug:
            raise
        print(f"handout: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("handout: interrupted; nothing was written.", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug of ours: still no traceback for clinic staff
        if args.debug:
            raise
        print(f"handout: internal error ({type(exc).__name__}: {exc}); nothing was written. "
              "Run again with --debug and send the output to the handout developers.",
              file=sys.stderr)
        return INTERNAL_ERROR


def _run(args: argparse.Namespace) -> int:
    try:
        os.getcwd()
    except FileNotFoundError:  # e.g. the folder was deleted or renamed in another window
        raise HandoutError("the folder this command runs in no longer exists; go to your "
                           "project folder again (cd) and rerun the command") from None
    check_paths(args)
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "check": _check,
        "build": _build, "watch": _watch, "batch": _batch,
        "schema": _schema, "new": _new, "translate": translate,
        "preview": _preview, "icons": _icons,
    }
    return commands[args.command](args)


def _watch(args: argparse.Namespace) -> int:
    from handout.commands.watch import watch

    try:
        watch(args.content, args.output, _options(args))
    except KeyboardInterrupt:  # Ctrl-C: how watching ends; the last PDF written stays
        print("handout: stopped watching.", file=sys.stderr, flush=True)
        return 130
    return 0


def _new(args: argparse.Namespace) -> int:
    import datetime as dt

    from handout.commands.new import new_handout, summary

    written = new_handout(args.folder, dt.date.today(), args.example, args.language)
    print(summary(args.folder, written, args.example, args.language), end="")
    return 0


def _schema(args: argparse.Namespace) -> int:
    from handout.input.schema import write_schema

    written = write_schema(args.output)
    print(f"Wrote {' and '.join(map(str, written))}")
    return 0


def _icons(args: argparse.Namespace) -> int:
    from handout.commands.icon_search import icon_listing, write_sheet

    text, found = icon_listing(args.word)
    print(text, end="", file=sys.stdout if found else sys.stderr)
    if found and args.sheet is not None:
        print(write_sheet(args.word, args.sheet))
    return 0 if found else 1


def _preview(args: argparse.Namespace) -> int:
    from handout.pdf.preview import render_pages

    pages = render_pages(args.pdf, args.output, dpi=args.dpi)
    print(f"Wrote {len(pages)} page images to {args.output}/")
    return 0


def _build(args: argparse.Namespace) -> int:
    from handout.chart.cache import cache_folder, nothing_cached
    from handout.pipeline.parallel import TwoCores

    # Started before the slow imports below, so a chart worker imports matplotlib meanwhile.
    with TwoCores.start(chart_needed=nothing_cached(cache_folder())) as helpers:
        from handout.check.report import summary
        from handout.pipeline.build import CheckFailedError, build

        try:
            result = build(args.content, args.output, _options(args), helpers)
        except CheckFailedError as exc:
            print(summary(exc.report), end="", file=sys.stderr)
            raise
    if result.report is not None:  # the check's summary: a diagnostic, so on stderr
        print(summary(result.report), end="", file=sys.stderr)
    if result.report is None:  # else the check's summary has listed them
        for warning in result.warnings:  # a translation's stale or untranslated parts
            print(f"{warning.file}:{warning.line}:{warning.column}: warning: "
                  f"{warning.path + ': ' if warning.path else ''}{warning.message}",
                  file=sys.stderr)
    for problem in result.page_problems:  # printed anyway
        print(f"{problem} (printed anyway)", file=sys.stderr)
    print(f"Wrote {result.path} ({result.pages} pages, {result.bytes / 1024:.0f} KB) "
          f"in {result.seconds:.2f} s")
    return 0


def _batch(args: argparse.Namespace) -> int:
    from handout.commands.batch_command import batch_command

    return batch_command(args.batch, args.workers)


def _check(args: argparse.Namespace) -> int:
    from handout.commands.content_check import content_check  # deferred, as for build

    return content_check(args)


if __name__ == "__main__":
    sys.exit(main())
