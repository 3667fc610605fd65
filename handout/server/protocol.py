"""What the `handout` command and the build server agree on: where the socket is, and the
messages they exchange. Standard library only: the client side must start in milliseconds.

A server is only ever used by the code it was started from: the socket is named by a
fingerprint of the Python, the installed libraries, handout's own files and the settings
read at import time, so after an edit or an upgrade the next build starts a fresh server.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import stat
import struct
import sys
import tempfile
from pathlib import Path
from typing import Any

from handout.fonts import FONT_DIR  # plain constants: nothing heavy

PACKAGE = Path(__file__).resolve().parent.parent
# Read once when the server imports its libraries, so a different value needs another server.
IMPORT_TIME_ENV = ("MPL", "PYTHON", "LANG", "LC_", "TZ", "HOME", "XDG_")
SERVED_COMMANDS = frozenset({"build", "check"})
MAX_MESSAGE = 1 << 20
_LENGTH = struct.Struct(">I")
_CODE = struct.Struct(">i")
# sockaddr_un holds 108 bytes on Linux; a longer path cannot be bound.
MAX_SOCKET_PATH = 100


def enabled() -> bool:
    """The server is used unless HANDOUT_SERVER=off; it needs Linux (fork, fd passing)."""
    setting = os.environ.get("HANDOUT_SERVER", "on").strip().lower()
    return sys.platform == "linux" and setting not in {"off", "0", "no", "false"}


def idle_seconds() -> float:
    """How long a server waits for work before it exits (HANDOUT_SERVER_IDLE, default 15 min)."""
    try:
        return max(1.0, float(os.environ.get("HANDOUT_SERVER_IDLE", "900")))
    except ValueError:
        return 900.0


def folder() -> Path | None:
    """This user's private folder for server sockets, created 0700; None if it is not safe
    (owned by someone else, or open to others)."""
    base = os.environ.get("HANDOUT_SERVER_DIR")
    if base:
        path = Path(base)
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        path = (Path(runtime) / "handout" if runtime
                else Path(tempfile.gettempdir()) / f"handout-{os.getuid()}")
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    private = stat.S_ISDIR(info.st_mode) and info.st_mode & 0o077 == 0
    return path if info.st_uid == os.getuid() and private else None


def fingerprint() -> str:
    """A digest of everything a warm server has already loaded (about a millisecond)."""
    parts = [sys.executable, sys.version]
    for entry in sys.path:  # pip install/upgrade touches its site-packages folder
        if "-packages" not in entry:  # not sys.path[0]: it differs between the two sides
            continue
        try:
            parts.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
        except OSError:
            continue
    for root in (PACKAGE, FONT_DIR):
        for path in sorted(_files(root)):
            info = os.stat(path)
            parts.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    parts += sorted(f"{k}={v}" for k, v in os.environ.items() if k.startswith(IMPORT_TIME_ENV))
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:16]


def _files(root: Path) -> list[str]:
    found = []
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(entry.path)
                elif entry.name.endswith((".py", ".yaml", ".ttf", ".otf")):
                    found.append(entry.path)
    return found


def socket_path(where: Path) -> Path | None:
    """The socket of the server for this code, or None if the path is too long to bind."""
    path = where / f"server-{fingerprint()}.sock"
    return path if len(os.fsencode(path)) <= MAX_SOCKET_PATH else None


def command_of(argv: list[str]) -> str | None:
    """The subcommand in `argv` (the first word that is not an option), if any."""
    return next((word for word in argv if not word.startswith("-")), None)


def send_message(sock: socket.socket, message: dict[str, Any], fds: tuple[int, ...] = ()) -> None:
    """A length-prefixed JSON message; `fds` travel with its first bytes (SCM_RIGHTS)."""
    body = json.dumps(message).encode()
    header = _LENGTH.pack(len(body))
    if fds:
        socket.send_fds(sock, [header], list(fds))
    else:
        sock.sendall(header)
    sock.sendall(body)


def receive_message(sock: socket.socket, max_fds: int = 0) -> tuple[dict[str, Any], list[int]]:
    header, fds, _, _ = socket.recv_fds(sock, _LENGTH.size, max_fds)
    header += _exactly(sock, _LENGTH.size - len(header))
    (length,) = _LENGTH.unpack(header)
    if length > MAX_MESSAGE:
        raise ValueError("message too long")
    message = json.loads(_exactly(sock, length))
    if not isinstance(message, dict):
        raise ValueError("message is not an object")
    return message, fds


def send_int(sock: socket.socket, value: int) -> None:
    sock.sendall(_CODE.pack(value))


def receive_int(sock: socket.socket) -> int | None:
    """The next integer, or None when the other side has gone."""
    data = _exactly(sock, _CODE.size, allow_eof=True)
    return None if data is None else int(_CODE.unpack(data)[0])


def _exactly(sock: socket.socket, n: int, allow_eof: bool = False) -> Any:
    chunks = bytearray()
    while len(chunks) < n:
        chunk = sock.recv(n - len(chunks))
        if not chunk:
            if allow_eof and not chunks:
                return None
            raise ConnectionError("connection closed mid-message")
        chunks += chunk
    return bytes(chunks)
