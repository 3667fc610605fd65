"""The `handout` command's side of the build server: hand a build to a warm server, or
start one for next time. Standard library only, imported before anything heavy.

A fresh Python process spends about 0.3 s importing ReportLab, pydantic and the rest before
it does any work; a server that has them loaded forks a child per build, so a rebuild costs
only the build itself. The child writes straight to this process's stdout and stderr (the
descriptors are passed over the socket) and its exit code becomes this command's.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from handout.server import protocol

if TYPE_CHECKING:
    import subprocess



def served_socket(argv: list[str]) -> Path | None:
    """Where the server for this command would listen, or None when it is not to be used."""
    if not protocol.enabled() or protocol.command_of(argv) not in protocol.SERVED_COMMANDS:
        return None
    where = protocol.folder()
    return protocol.socket_path(where) if where is not None else None


def run_served(argv: list[str], path: Path) -> int | None:
    """Run `handout ARGV` in the server at `path`; its exit code, or None if no server took
    the work (then the caller builds here, nothing having been printed)."""
    sock = _connect(path)
    if sock is None:
        return None
    with sock:
        mask = os.umask(0o022)
        os.umask(mask)
        try:
            # A deleted working folder or a closed stdout: leave those to a build here.
            request = {"argv": argv, "cwd": os.getcwd(), "env": dict(os.environ),
                       "umask": mask, "encoding": sys.stdout.encoding or "utf-8"}
            protocol.send_message(sock, request, fds=(sys.stdout.fileno(), sys.stderr.fileno()))
            pid = protocol.receive_int(sock)
        except (OSError, ValueError, AttributeError):
            return None  # nothing has run in the server
        if pid is None:
            return None
        return _wait(sock, pid)


def _connect(path: Path) -> socket.socket | None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(str(path))
    except OSError:  # no server, or a stale socket left by one that was killed
        sock.close()
        return None
    return sock


def _wait(sock: socket.socket, pid: int) -> int:
    """Wait for the build's exit code; Ctrl-C and termination reach the build as Ctrl-C, so
    it stops the way a local build would (nothing half-written)."""
    def forward(signum: int, frame: FrameType | None) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGINT)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    code = protocol.receive_int(sock)
    if code is None:
        from handout.errors import INTERNAL_ERROR  # only now: the served path stays light

        print("handout: the build server stopped before the build finished. Run the same "
              "command again, or with HANDOUT_SERVER=off to build without it.", file=sys.stderr)
        return INTERNAL_ERROR
    return code


def spawn(path: Path, argv: list[str] | None = None) -> subprocess.Popen[bytes] | None:
    """Start a server for `path` in the background, for the next command to use. It loads
    its libraries (and rehearses `argv`, run in this folder) before it listens, so nobody
    waits on a cold server."""
    import subprocess  # deferred: the served path never needs it

    env = dict(os.environ)
    # The server imports this very package, whatever the folder it is started from.
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(protocol.PACKAGE.parent), env.get("PYTHONPATH", "")) if p)
    # Failing to start is no error: every build then runs in its own process, as before.
    # Whatever the server says (a traceback, if it cannot start) goes to its log.
    with contextlib.suppress(OSError), open(log_path(path), "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-P", "-m", "handout.server", str(path), str(protocol.PACKAGE),
             *([os.getcwd(), *argv] if argv else [])],
            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            cwd="/", env=env, start_new_session=True, close_fds=True)
    return None


def log_path(path: Path) -> Path:
    """Where the server for socket `path` writes anything it has to say."""
    return path.with_suffix(".log")


def start(wait: float = 60.0) -> Path | None:
    """`handout server start`: spawn a server (unless one is up) and wait until it listens."""
    path = served_socket(["build"])
    if path is None:
        return None
    process = spawn(path) if control(path, "status") is None else None
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if control(path, "status") is not None:
            return path
        if process is not None and process.poll() not in (None, 0):
            return None  # it failed to start (its log says why)
        time.sleep(0.05)
    return None


def control(path: Path, action: str) -> dict[str, Any] | None:
    """Ask the server at `path` for its status, or to stop; None if none answers."""
    sock = _connect(path)
    if sock is None:
        return None
    with sock:
        sock.settimeout(10)
        try:
            protocol.send_message(sock, {"control": action})
            reply, _ = protocol.receive_message(sock)
        except (OSError, ValueError):
            return None
    return reply


def servers() -> list[tuple[Path, dict[str, Any]]]:
    """Every running server of this user (all fingerprints), with its status."""
    where = protocol.folder()
    found = []
    for path in sorted(where.glob("server-*.sock")) if where is not None else []:
        status = control(path, "status")
        if status is not None:
            found.append((path, status))
    return found


def describe(status: dict[str, Any]) -> str:
    up = time.time() - float(status.get("started", time.time()))
    count = int(status.get("requests", 0))
    return (f"pid {status.get('pid')}, up {up:.0f} s, {count} build{'s' * (count != 1)}, "
            f"exits after {float(status.get('idle', 0)):.0f} s idle; "
            f"serves {status.get('package')}")

