"""The build server: loads handout's libraries once, then forks a child for each command.

Each child is a copy of the warm process that runs `handout.cli.main` exactly as a fresh
process would, writing to the caller's own stdout and stderr; nothing one build does can
leak into the next, because every child starts again from the same warm state. The server
exits after HANDOUT_SERVER_IDLE seconds without work, or on SIGTERM or `handout server stop`.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import io
import os
import signal
import socket
import struct
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

from handout.errors import INTERNAL_ERROR
from handout.server import protocol

_UCRED = struct.Struct("3i")  # pid, uid, gid of the connecting process (SO_PEERCRED)


def main(argv: list[str]) -> int:
    """`python -P -m handout.server SOCKET PACKAGE [CWD COMMAND...]`, as `client.spawn`
    starts it; CWD and COMMAND are the command that started it, rehearsed once warm."""
    path, package = Path(argv[0]), Path(argv[1])
    if package != protocol.PACKAGE:  # started for another copy of handout than this one
        return 1
    lock = open(path.with_suffix(".lock"), "a")  # noqa: SIM115  # held for the server's life
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return 0  # another server for the same code is starting or running
    _prune(path)
    warm_up()
    rehearsed = len(argv) > 3 and rehearse(Path(argv[2]), argv[3:])
    gc.collect()
    gc.freeze()  # children then share these pages instead of copying them on first GC
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    draft.unlink(missing_ok=True)
    listener.bind(str(draft))
    listener.listen(16)
    os.replace(draft, path)  # clients only ever find a socket that is already listening
    inode = path.stat().st_ino
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # no terminal; stop with SIGTERM
    try:
        Server(listener, protocol.idle_seconds(), rehearsed=rehearsed).serve()
    except SystemExit:
        pass
    finally:
        listener.close()
        _remove_if_ours(path, inode)
    return 0


def _prune(path: Path) -> None:
    """Remove what servers for older code left behind: a lock nobody holds, its socket and
    its log."""
    for lock in path.parent.glob("server-*.lock"):
        if lock == path.with_suffix(".lock"):
            continue
        try:
            with open(lock, "a") as held:
                fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
                lock.with_suffix(".sock").unlink(missing_ok=True)
                lock.with_suffix(".log").unlink(missing_ok=True)
                lock.unlink()
        except OSError:  # BlockingIOError included: that server is alive
            continue


def warm_up() -> None:
    """Import what a build, a check or a chart would, register the fonts, load pyphen."""
    import handout.build  # ReportLab, pydantic, the model, the layout
    import handout.cli  # noqa: F401
    from handout.chart_worker import load_matplotlib
    from handout.check import run_checks  # noqa: F401
    from handout.check.readability import warm_up as load_hyphenation
    from handout.theme import register_fonts

    load_hyphenation()
    register_fonts()
    load_matplotlib()  # with the bundled fonts: a first chart is as quick as a cached one
    for name in ("matplotlib.ticker", "matplotlib.collections", "matplotlib.transforms",
                 "reportlab.graphics.renderPDF", "reportlab.pdfgen.canvas", "svglib.svglib",
                 "handout.check.report"):
        __import__(name)


def rehearse(cwd: Path, argv: list[str]) -> bool:
    """Build (in memory) and check the content of the command that started this server.

    The next command is most likely the same one after an edit: this fills what a first
    build fills lazily (ReportLab's font and paragraph caches, the parsed logo, the word
    search, pyphen's syllable memo), about 0.03 s off every build the server then runs.
    Nothing is written; any problem is left for the real command to report. True when
    the rehearsal ran through.
    """
    from handout.build import Options, check, prepare, render
    from handout.cache import ChartCache
    from handout.chart_worker import cache_folder
    from handout.cli import _options, _parser

    try:
        args = _parser().parse_args(argv)
        if args.command not in protocol.SERVED_COMMANDS:
            return False
        content = cwd / args.content
        clinic = cwd / args.clinic if args.clinic else None
        options = _options(args) if args.command == "build" else Options(clinic=clinic)
        doc, located = prepare(content, clinic)
        check(doc, located)
        out = cwd / args.output if args.command == "build" else content.with_suffix(".pdf")
        render(doc, content.resolve().parent, options, ChartCache(cache_folder(out)))
    except (Exception, SystemExit):  # a rehearsal: the real command reports problems
        return False
    return True


class Server:
    def __init__(self, listener: socket.socket, idle: float, *, rehearsed: bool = False
                 ) -> None:
        self.listener = listener
        self.idle = idle
        self.rehearsed = rehearsed
        self.started = time.time()
        self.requests = 0
        self.children: set[int] = set()

    def serve(self) -> None:
        self.listener.settimeout(1.0)  # wake up to reap children and to notice idleness
        last = time.monotonic()
        while True:
            self._reap()
            if not self.children and time.monotonic() - last > self.idle:
                return
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            last = time.monotonic()
            with conn:
                if self._handle(conn) == "stop":
                    return

    def _handle(self, conn: socket.socket) -> str | None:
        conn.settimeout(5.0)  # a client that connects and says nothing cannot block others
        fds: list[int] = []
        try:
            if not _same_user(conn):
                return None
            message, fds = protocol.receive_message(conn, max_fds=2)
            action = message.get("control")
            if action is not None:
                protocol.send_message(conn, self.status())
                return "stop" if action == "stop" else None
            if len(fds) != 2 or not _valid(message):
                return None
            conn.settimeout(None)
            pid = os.fork()
            if pid == 0:
                self.listener.close()
                _child(conn, message, fds)
            self.children.add(pid)
            self.requests += 1
        except (OSError, ValueError):
            return None
        finally:
            for fd in fds:
                os.close(fd)
        return None

    def status(self) -> dict[str, Any]:
        return {"pid": os.getpid(), "started": self.started, "requests": self.requests,
                "idle": self.idle, "package": str(protocol.PACKAGE), "rehearsed": self.rehearsed}

    def _reap(self) -> None:
        for pid in list(self.children):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done = pid
            if done:
                self.children.discard(pid)


def _child(conn: socket.socket, message: dict[str, Any], fds: list[int]) -> NoReturn:
    """Become `handout ARGV` run by the caller: its folder, environment, umask and output."""
    code = INTERNAL_ERROR
    try:
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        os.dup2(fds[0], 1)
        os.dup2(fds[1], 2)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        encoding = str(message.get("encoding") or "utf-8")
        sys.stdout = _text(1, encoding, "strict")
        sys.stderr = _text(2, encoding, "backslashreplace")
        os.chdir(message["cwd"])
        os.environ.clear()
        os.environ.update(message["env"])
        os.umask(int(message["umask"]))
        protocol.send_int(conn, os.getpid())
        code = _run(list(message["argv"]))
    except BaseException:  # the caller gets an exit code whatever happens
        code = INTERNAL_ERROR
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        with contextlib.suppress(OSError):
            protocol.send_int(conn, code)
        os._exit(0)


def _run(argv: list[str]) -> int:
    from handout.cli import main

    try:
        return main(argv)
    except SystemExit as exc:  # argparse: --help, or a mistyped option
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)


def _text(fd: int, encoding: str, errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.FileIO(fd, "w", closefd=False), encoding=encoding,
                            errors=errors, line_buffering=True)


def _valid(message: dict[str, Any]) -> bool:
    argv, env = message.get("argv"), message.get("env")
    return (isinstance(argv, list) and all(isinstance(a, str) for a in argv)
            and isinstance(message.get("cwd"), str) and isinstance(message.get("umask"), int)
            and isinstance(env, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()))


def _same_user(conn: socket.socket) -> bool:
    """The folder is private already; the kernel's word on who connected is a second lock."""
    cred = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, _UCRED.size)
    return bool(_UCRED.unpack(cred)[1] == os.getuid())


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _remove_if_ours(path: Path, inode: int) -> None:
    """Remove the socket unless a newer server has already put its own in its place."""
    try:
        if path.stat().st_ino == inode:
            path.unlink()
    except OSError:
        pass
