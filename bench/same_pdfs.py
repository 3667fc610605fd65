"""Whether a change to the layout's speed left its PDFs alone: the sha256 of every PDF of
a grid of builds (content files x formats x paper and print size), each built twice in
one process, with its cache folder (the second build takes the first's hint) and with the
cache off; a refusal counts by its message.

    python bench/same_pdfs.py --save build/before.json     # on the code before a change
    python bench/same_pdfs.py --against build/before.json  # after: lists what differs

--keep DIR keeps each plain build's PDF there, to look at the pages that differ; with
--pages-of DIR (a --keep of the run before), a PDF that differs is also compared page by
page as rendered (pymupdf, 100 dpi) and by its text.

Temporary files live in build/bench-tmp/same and are removed at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from run import ROOT, remove_work  # bench/ is on sys.path (this script's)

from handout.common.errors import HandoutError
from handout.pipeline.build import Options, build

WORK = ROOT / "build" / "bench-tmp" / "same"
CONTENTS = ("content.yaml", "content.es.yaml", "examples/sleep/content.yaml")
FORMATS = ("document", "booklet", "trifold", "sheet")
VARIANTS: dict[str, dict[str, Any]] = {
    "letter": {}, "a4": {"paper": "a4"}, "large": {"large_print": True}}


def built(content: Path, out: Path, options: Options) -> str:
    """The PDF's sha256, or the refusal's message."""
    out.unlink(missing_ok=True)
    try:
        build(content, out, options)
    except HandoutError as exc:
        return f"refused: {exc}"
    return hashlib.sha256(out.read_bytes()).hexdigest()


def grid(variants: list[str], formats: list[str], keep: Path | None = None
         ) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in CONTENTS:
        for fmt in formats:
            for variant in variants:
                key = f"{name} {fmt} {variant}"
                cache = WORK / key.replace("/", "_").replace(" ", "-")
                plain = replace(Options(format=fmt, check=False, allow_check_errors=True),
                                **VARIANTS[variant])
                out = WORK / "out.pdf"
                found[f"{key} plain"] = built(ROOT / name, out, replace(plain, cache=False))
                if keep is not None and out.exists():
                    keep.mkdir(parents=True, exist_ok=True)
                    out.replace(keep / f"{key.replace('/', '_').replace(' ', '-')}.pdf")
                found[f"{key} first"] = built(ROOT / name, out, replace(plain, cache_dir=cache))
                found[f"{key} again"] = built(ROOT / name, out, replace(plain, cache_dir=cache))
                same = found[f"{key} plain"] == found[f"{key} first"] == found[f"{key} again"]
                print(f"{key:<50} {found[f'{key} plain'][:12]}"
                      f"{'' if same else '  hinted build differs'}", flush=True)
    return found


def pages_differ(key: str, now: Path | None, before: Path | None) -> str:
    """How the plain PDF of `key` differs from the one kept before: the pages whose
    rendering or text differ, or none."""
    name = key.rsplit(" ", 1)[0].replace("/", "_").replace(" ", "-") + ".pdf"
    if now is None or before is None or not key.endswith(" plain") or \
            not (now / name).exists() or not (before / name).exists():
        return ""
    import pymupdf  # only here: the comparison of pages is optional

    old, new = pymupdf.open(before / name), pymupdf.open(now / name)  # type: ignore[no-untyped-call]
    if len(old) != len(new):
        return f" ({len(old)} pages, now {len(new)})"
    pages = [n + 1 for n in range(len(old))
             if old[n].get_pixmap(dpi=100).samples != new[n].get_pixmap(dpi=100).samples
             or old[n].get_text() != new[n].get_text()]  # type: ignore[no-untyped-call]
    return f" (pages {pages} look different)" if pages else " (every page looks the same)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--save", type=Path, help="write the hashes here")
    parser.add_argument("--against", type=Path, help="compare with hashes saved before")
    parser.add_argument("--keep", type=Path, help="keep the plain builds' PDFs here")
    parser.add_argument("--formats", nargs="+", default=list(FORMATS), choices=FORMATS)
    parser.add_argument("--pages-of", type=Path, help="the --keep folder of the run before")
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=VARIANTS)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    try:
        found = grid(args.variants, args.formats, args.keep)
    finally:
        remove_work(WORK)
    if args.save:
        args.save.write_text(json.dumps(found, indent=1), encoding="utf-8")
    if args.against:
        before = json.loads(args.against.read_text(encoding="utf-8"))
        changed = [key for key in found if before.get(key) != found[key]]
        for key in changed:
            print(f"CHANGED: {key}{pages_differ(key, args.keep, args.pages_of)}")
        print(f"{len(found) - len(changed)} of {len(found)} the same")
        sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
