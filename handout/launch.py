"""The `handout` command: a warm build server runs `build` and `check` when one is up;
otherwise they run here, and a server is started in the background for the next one.

Imports nothing heavy before it knows which: with a server, this process only passes on
its arguments, environment, stdout and stderr, and returns the build's exit code.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from handout.server.client import run_served, served_socket, spawn

    path = served_socket(args)
    if path is not None:
        code = run_served(args, path)
        if code is not None:
            return code
    from handout.cli import main as run_here

    code = run_here(args)
    if path is not None:
        spawn(path, args)  # after the work, so starting it never slows this build
    return code


def run() -> NoReturn:
    """The console script: `main`, then exit without tearing the interpreter down.

    Everything is written (the PDF by an atomic rename) and every child process has been
    waited for by then; unloading ReportLab, pydantic and matplotlib module by module would
    only add about 0.05 s to every command.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None when the command was started with it closed
            with contextlib.suppress(OSError, ValueError):  # e.g. output piped into `head`
                stream.flush()
    os._exit(code)
