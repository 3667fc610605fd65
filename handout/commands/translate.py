"""`handout translate`: a PO file for translators, a YAML translation converted to one, or
a YAML translation stamped as in step with its source."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from handout.common.errors import HandoutError

if TYPE_CHECKING:
    from handout.input.loader import Located


def translate_arguments(t: argparse.ArgumentParser) -> None:
    """`handout translate`'s arguments."""
    t.add_argument("content", type=Path, help="the content file to translate, e.g. "
                   "content.yaml")
    t.add_argument("--to", default="", metavar="LANG", help="the language to translate "
                   "into, a BCP 47 tag, e.g. vi or zh-Hans")
    t.add_argument("-o", "--output", type=Path, default=None, metavar="OUT.po",
                   help="the PO file to write, or to update if it is there (default: "
                   "beside the content, e.g. content.vi.po)")
    t.add_argument("--from", dest="from_yaml", type=Path, default=None,
                   metavar="TRANSLATION.yaml",
                   help="a YAML translation (e.g. content.es.yaml) whose texts fill the PO")
    t.add_argument("--stamp", type=Path, default=None, metavar="TRANSLATION.yaml",
                   help="record that this YAML translation (e.g. content.es.yaml) "
                   "translates the content as it is now")


def translate(args: argparse.Namespace) -> int:
    """`handout translate`: write or update a PO file, or stamp a YAML translation."""
    from handout.input.sources import display_path

    if args.stamp is not None:
        if args.to or args.from_yaml is not None or args.output is not None:
            raise HandoutError("--stamp records what a YAML translation translates; it "
                               "takes no --to, --from or -o")
        return _stamp(args.content, args.stamp)
    language = args.to
    source = _valid_source(args.content)
    from_yaml = None
    if args.from_yaml is not None:
        from handout.input.loader import load

        from_yaml = load(args.from_yaml, shown=display_path(args.from_yaml))
        written_in = from_yaml.data.get("language") if isinstance(from_yaml.data, dict) \
            else None
        if not isinstance(written_in, str):
            raise HandoutError(f"{display_path(args.from_yaml)} has no `language:`")
        if language and language != written_in:
            raise HandoutError(f"{display_path(args.from_yaml)} is in {written_in!r}, not "
                               f"{language!r}: leave out --to, or give --to {written_in}")
        language = written_in
    if not language and args.output is not None and args.output.is_file():
        from handout.input.po import read_po  # updating a PO: its own language

        language = str(read_po(args.output, display_path(args.output)).metadata.get(
            "Language", ""))
    if not language:
        raise HandoutError("say which language to translate into: --to vi (a BCP 47 tag)")
    out = args.output or args.content.with_name(f"{args.content.stem}.{language}.po")
    if out.suffix.lower() != ".po":
        raise HandoutError(f"-o names the PO file to write, e.g. -o {args.content.stem}."
                           f"{language}.po")
    if from_yaml is not None and out.is_file():
        raise HandoutError(f"{display_path(out)} is already there; --from writes a new PO "
                           "file: name another with -o, or remove it")
    from handout.input.po_write import write_po

    written = write_po(source, args.content, out, language, from_yaml=from_yaml)
    for problem in written.unplaced:
        print(f"{problem} (left out)", file=sys.stderr)
    verb = "Updated" if written.updated else "Wrote"
    done = f"{written.translated} translated" if written.translated else "none translated yet"
    news = []
    if written.updated:
        news += [f"{written.new} new"] if written.new else []
        news += [f"{written.obsolete} no longer used (kept as obsolete)"] \
            if written.obsolete else []
    if written.changed:
        news.append(f"{written.changed} whose English changed (marked fuzzy: review them)")
    print(f"{verb} {display_path(out)}: {written.entries} entries, {done}"
          + "".join(f", {n}" for n in news) + ".")
    return 0


def _valid_source(content: Path) -> Located:
    """The source content file, as written (placeholders kept), once it is valid."""
    from handout.input.loader import load
    from handout.input.sources import display_path, load_content
    from handout.input.validate import parse_document

    parse_document(load_content(content))  # a content file that would not build: located
    return load(content, shown=display_path(content))


def _stamp(content: Path, translation: Path) -> int:
    from handout.common.files import write_atomic
    from handout.input.loader import load, read_text
    from handout.input.po import relative
    from handout.input.sources import display_path
    from handout.input.yaml_translation import stamped

    source = _valid_source(content)
    shown = display_path(translation)
    if not translation.is_file():
        raise HandoutError(f"no translation file at {shown}")
    if translation.suffix.lower() == ".po":
        raise HandoutError("a PO file keeps the English of each entry itself: update it with "
                           f"`handout translate {display_path(content)} --to LANG -o {shown}`")
    doc = load(translation, shown=shown)
    text, count = stamped(read_text(translation, shown), doc, source,
                          relative(content, translation.parent))
    write_atomic(translation, text.encode("utf-8"))
    print(f"Stamped {shown}: {count} parts recorded as translating {display_path(content)} "
          "as it is now.")
    return 0
