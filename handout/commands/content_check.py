"""`handout check`: the content check's report, with everything a build of each format
the content file lists would refuse (or, with --format, of that one format)."""

from __future__ import annotations

import argparse


def content_check(args: argparse.Namespace) -> int:
    """`handout check`: the full report; exit 1 when it has errors."""
    from handout.check.report import table, to_json
    from handout.layout.variant import Variant
    from handout.pipeline.checked import full_check

    variant = Variant(format=args.format or "", paper=args.paper,
                      large_print=args.large_print)
    report = full_check(args.content, args.clinic, variant, translation=args.translation)
    print(to_json(report) if args.json else table(report), end="")
    return 0 if report.ok else 1
