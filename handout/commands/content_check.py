"""`handout check`: the content check's report, and with --format, whether it fits."""

from __future__ import annotations

import argparse


def content_check(args: argparse.Namespace) -> int:
    """`handout check`: the full report; exit 1 when it has errors. With --format, the
    handout is also laid out in that format and what does not fit is reported, located."""
    from handout.check import check_file
    from handout.check.report import table, to_json

    report = check_file(args.content, clinic=args.clinic)
    print(to_json(report) if args.json else table(report), end="")
    fits = True
    if args.format:
        from handout.pipeline.build import Options, fit_problems

        options = Options(format=args.format, paper=args.paper, large_print=args.large_print,
                          clinic=args.clinic, check=False)
        problems, reported = fit_problems(args.content, options)
        for severity, found in (("error", problems), ("warning", reported)):
            for problem in found:
                print(f"{problem.file}:{problem.line}:{problem.column}: {severity}: "
                      f"{problem.path + ': ' if problem.path else ''}{problem.message}")
        fits = not problems
        if not args.json:
            where = f"the {args.format} ({args.paper}{', large print' if args.large_print else ''})"
            print(f"layout: it fits {where}." if fits else f"layout: it does not fit {where}.")
    return 0 if report.ok and fits else 1
