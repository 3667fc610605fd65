"""The build server: `handout build` and `handout check` run in a warm process when one is
up, with the same output, exit codes and files as a build in a fresh process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from handout.server import protocol

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the server needs Linux")


def handout(env: dict[str, str], *argv: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "handout", *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def status(env: dict[str, str]) -> str:
    return handout(env, "server", "status").stdout


def wait_for(condition: object, seconds: float = 60.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def env() -> Iterator[dict[str, str]]:
    """Servers switched on, in a private folder of their own (short: socket paths are
    limited to about 100 bytes); every server is stopped afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="hs"))
    folder.chmod(0o700)
    environment = {**os.environ, "HANDOUT_SERVER": "on", "HANDOUT_SERVER_DIR": str(folder)}
    yield environment
    handout(environment, "server", "stop")
    assert wait_for(lambda: not list(folder.glob("*.sock")), 15), "a server did not stop"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def server(env: dict[str, str]) -> dict[str, str]:
    started = handout(env, "server", "start")
    assert started.returncode == 0, started.stderr
    assert "0 builds" in status(env)
    return env


def test_a_build_through_the_server_is_the_same_pdf(
        server: dict[str, str], tmp_path: Path) -> None:
    local = handout({**server, "HANDOUT_SERVER": "off"}, "build", "content.yaml",
                    "-o", str(tmp_path / "local.pdf"))
    served = handout(server, "build", "content.yaml", "-o", str(tmp_path / "served.pdf"))
    assert served.returncode == local.returncode == 0, served.stderr
    assert "1 build," in status(server)  # it really went through the server
    assert (tmp_path / "served.pdf").read_bytes() == (tmp_path / "local.pdf").read_bytes()
    # Same report and message, but for the time each took.
    assert served.stdout.split("\nWrote")[0] == local.stdout.split("\nWrote")[0]
    assert "Wrote" in served.stdout and served.stderr == ""


def test_errors_through_the_server_read_as_they_do_without_it(
        server: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    out.write_bytes(b"last good PDF")
    bad = tmp_path / "content.yaml"
    bad.write_text((ROOT / "content.yaml").read_text(encoding="utf-8").replace(
        "title:", "titel:", 1), encoding="utf-8")
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    local = handout({**server, "HANDOUT_SERVER": "off"}, "build", "content.yaml", "-o",
                    "handout.pdf", cwd=tmp_path)
    served = handout(server, "build", "content.yaml", "-o", "handout.pdf", cwd=tmp_path)
    assert served.returncode == local.returncode == 2
    assert served.stderr == local.stderr  # relative paths: the server ran in the caller's folder
    assert "content.yaml:" in served.stderr and "Traceback" not in served.stderr
    assert out.read_bytes() == b"last good PDF"
    mistyped = handout(server, "build", "--no-such-option")
    assert mistyped.returncode == 2 and "usage:" in mistyped.stderr


def test_check_through_the_server(server: dict[str, str]) -> None:
    local = handout({**server, "HANDOUT_SERVER": "off"}, "check", "content.yaml", "--json")
    served = handout(server, "check", "content.yaml", "--json")
    assert served.returncode == local.returncode == 0
    assert served.stdout == local.stdout
    assert "1 build," in status(server)


def test_a_build_without_a_server_starts_one_for_next_time(
        env: dict[str, str], tmp_path: Path) -> None:
    done = handout(env, "build", "content.yaml", "--no-check", "-o", str(tmp_path / "a.pdf"))
    assert done.returncode == 0, done.stderr
    assert wait_for(lambda: "0 builds" in status(env)), "no server was started"
    # It rehearsed that build (in memory) before listening: the next one finds it warm.
    assert '"rehearsed": true' in handout(env, "server", "status", "--json").stdout
    assert not (tmp_path / "a.pdf.tmp").exists()
    # ... but never when the server is switched off.
    off = {**env, "HANDOUT_SERVER_DIR": tempfile.mkdtemp(prefix="hs"), "HANDOUT_SERVER": "off"}
    handout(off, "build", "content.yaml", "--no-check", "-o", str(tmp_path / "b.pdf"))
    time.sleep(1)
    assert not list(Path(off["HANDOUT_SERVER_DIR"]).iterdir())


def test_an_idle_server_exits_and_removes_its_socket(env: dict[str, str]) -> None:
    idle = {**env, "HANDOUT_SERVER_IDLE": "1"}
    assert handout(idle, "server", "start").returncode == 0
    folder = Path(env["HANDOUT_SERVER_DIR"])
    assert list(folder.glob("*.sock"))
    assert wait_for(lambda: not list(folder.glob("*.sock")), 30)
    assert "No build server is running" in status(env)


def test_a_folder_others_can_enter_is_not_used(tmp_path: Path) -> None:
    open_folder = Path(tempfile.mkdtemp(prefix="hs"))
    open_folder.chmod(0o755)
    try:
        os.environ["HANDOUT_SERVER_DIR"] = str(open_folder)
        assert protocol.folder() is None
        open_folder.chmod(0o700)
        assert protocol.folder() == open_folder
    finally:
        del os.environ["HANDOUT_SERVER_DIR"]
        shutil.rmtree(open_folder)


def test_settings_read_at_import_time_name_another_server(
        monkeypatch: pytest.MonkeyPatch) -> None:
    before = protocol.fingerprint()
    assert protocol.fingerprint() == before
    monkeypatch.setenv("MPLBACKEND", "pdf")
    assert protocol.fingerprint() != before


def test_a_new_server_removes_what_servers_for_older_code_left(env: dict[str, str]) -> None:
    folder = Path(env["HANDOUT_SERVER_DIR"])
    (folder / "server-0123456789abcdef.lock").touch()
    (folder / "server-0123456789abcdef.sock").touch()
    assert handout(env, "server", "start").returncode == 0
    assert not list(folder.glob("server-0123456789abcdef.*"))
    assert len(list(folder.glob("*.lock"))) == 1


def test_a_server_that_cannot_start_says_where_to_look(env: dict[str, str]) -> None:
    broken = {**env, "MPLBACKEND": "no-such-backend"}  # matplotlib refuses it on import
    started = handout(broken, "server", "start")
    assert started.returncode == 2
    assert "did not start; see" in started.stderr
    log = Path(started.stderr.rsplit("see ", 1)[1].strip())
    assert "Traceback" in log.read_text()
