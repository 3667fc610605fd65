"""How many layout passes a build makes: a count, not a timing, so it is the same on a busy
machine and a quiet one.

    python bench/passes.py [--formats booklet trifold sheet] [--contents content.yaml ...]
                           [--trace]

For each content file and format, three builds in this process, each counted: the first,
with an empty cache folder; a rebuild of the same file; and a rebuild after a text-only
edit. It also says whether each rebuild's PDF is the same bytes as a build with the cache
switched off (`Options(cache=False)`). --trace lists each pass: the move that made it
(the hint's confirmation, the search, growth, loosening, the spread, a refusal's), its
step and whether it fit. Temporary files live in build/bench-tmp/passes and are removed
at the end.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

from run import ROOT, edited, remove_work  # bench/ is on sys.path (this script's)

from handout.layout import typeset
from handout.pipeline.build import Options, build

WORK = ROOT / "build" / "bench-tmp" / "passes"
COUNTED: list[str] = []  # one entry per layout pass, for the build being counted
# The functions a pass is made for (layout/typeset.py, layout/formats/fitting.py), as the
# trace names them: the innermost on the call stack names the move.
MOVES = {"_confirmed": "confirm", "fit": "search", "grow": "grow", "loosen": "loosen",
         "spread": "spread", "what_fits": "what fits", "typeset": "refusal"}


def move() -> str:
    """Which move asked for the pass being made: read from the call stack."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        if frame.f_code.co_name in MOVES:
            return MOVES[frame.f_code.co_name]
        frame = frame.f_back
    return "?"


def counting(attempt: Callable[..., Any]) -> Callable[..., Any]:
    """`_Passes.attempt`, counted: a bench's own view of the layout, not a hook of it."""
    def counted(self: Any, step: Any, *args: Any, **kwargs: Any) -> Any:
        made, started = move(), time.perf_counter()
        tried = attempt(self, step, *args, **kwargs)
        ms = (time.perf_counter() - started) * 1000
        left = ",".join(f"{part}" for loc in step.left_out for part in loc)
        covers = f" covers {step.covers}" if step.covers else ""
        COUNTED.append(f"{made:<9} {step.pages:>2}p {step.spacing:<4} {step.body_size:<4}"
                       f" out[{left}]{covers}: "
                       f"{'fits' if tried.overflow is None else 'over ' + tried.overflow.zone.name}"
                       f" ({ms:.0f} ms)")
        return tried
    return counted


TRACE: list[str] = []  # what --trace prints, after the table's row


def passes(content: Path, out: Path, options: Options, name: str = "") -> tuple[int, bytes]:
    """The passes one build makes, and its PDF; `name`: the build's, for the trace."""
    COUNTED.clear()
    build(content, out, options)
    if name:
        TRACE.extend([f"  {name}:", *(f"    {line}" for line in COUNTED)])
    return len(COUNTED), out.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--formats", nargs="+", default=["booklet", "trifold", "sheet"])
    parser.add_argument("--contents", nargs="+", type=Path,
                        default=[Path("content.yaml"), Path("examples/sleep/content.yaml"),
                                 Path("content.es.yaml")])
    parser.add_argument("--trace", action="store_true", help="list each pass")
    args = parser.parse_args()
    typeset._Passes.attempt = counting(typeset._Passes.attempt)  # type: ignore[method-assign]
    shutil.rmtree(WORK, ignore_errors=True)
    print(f"{'content':<30} {'format':<8} {'first':>5} {'again':>5} {'edited':>6}  same PDF")
    try:
        for content in args.contents:
            source = (ROOT / content).resolve()
            for fmt in args.formats:
                # A copy beside the original, so its clinic file and pictures are found.
                copy = source.with_name(f".bench-passes-{source.name}")
                text = source.read_text(encoding="utf-8")
                copy.write_text(text, encoding="utf-8")
                try:
                    cache = WORK / f"{content.parent.name or 'root'}-{fmt}"
                    options = Options(format=fmt, check=False, cache_dir=cache)
                    plain = Options(format=fmt, check=False, cache=False)
                    first, pdf = passes(copy, WORK / "first.pdf", options, "first")
                    again, hinted = passes(copy, WORK / "again.pdf", options, "again")
                    unhinted = passes(copy, WORK / "plain.pdf", plain)[1]
                    copy.write_text(edited(text, 1), encoding="utf-8")
                    after_edit, edit_hinted = passes(copy, WORK / "edited.pdf", options, "edited")
                    edit_plain = passes(copy, WORK / "edited-plain.pdf", plain)[1]
                finally:
                    copy.unlink(missing_ok=True)
                same = pdf == hinted == unhinted and edit_hinted == edit_plain
                print(f"{content!s:<30} {fmt:<8} {first:>5} {again:>5} {after_edit:>6}  "
                      f"{'yes' if same else 'NO'}", flush=True)
                if args.trace:
                    print("\n".join(TRACE), flush=True)
                TRACE.clear()
    finally:
        remove_work(WORK)


if __name__ == "__main__":
    main()
