"""`handout watch`: a saved edit rebuilds the PDF; a broken edit keeps the last good one."""

from __future__ import annotations

import io
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from handout.commands.watch import relevant, watch
from handout.pipeline.build import Options, Result
from tests.conftest import CONTENT, ROOT


def test_only_content_and_images_trigger_a_build() -> None:
    assert relevant("/x/content.yaml") and relevant("/x/assets/clinics/logo.svg")
    assert not relevant("/x/build/handout.pdf") and not relevant("/x/build/.cache/a.yaml")
    assert not relevant("/x/notes.txt")
    project = [Path("/home/ann/build/handouts")]  # a project inside a folder named build
    assert relevant("/home/ann/build/handouts/content.yaml", project)
    assert not relevant("/home/ann/build/handouts/build/.cache/a.yaml", project)


def test_edits_rebuild_and_broken_edits_keep_the_last_pdf(tmp_path: Path) -> None:
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    content = tmp_path / "content.yaml"
    content.write_text(CONTENT.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "build" / "handout.pdf"
    results: list[Result | None] = []
    stop, stream = threading.Event(), io.StringIO()
    worker = threading.Thread(target=watch, args=(content, out, Options(check=False)),
                              kwargs={"stream": stream, "log": stream, "stop": stop,
                                      "poll": True,
                                      "on_build": results.append}, daemon=True)
    worker.start()
    try:
        wait_for(lambda: len(results) == 1)
        first = out.read_bytes()
        text = content.read_text(encoding="utf-8")
        save(content, text.replace("title: Your gut and", "title: Your gut, and", 1))
        wait_for(lambda: len(results) == 2)
        assert results[1] is not None and out.read_bytes() != first
        good = out.read_bytes()
        save(content, text.replace("\ntitle:", "\ntitle_typo:", 1))
        wait_for(lambda: len(results) == 3)
        assert results[2] is None and out.read_bytes() == good
        assert "did you mean 'title'?" in stream.getvalue()
        assert "kept the last good PDF" in stream.getvalue()
    finally:
        stop.set()
        worker.join(timeout=30)
    assert not worker.is_alive()


def save(path: Path, text: str) -> None:
    """Save as an editor would, a moment later: a polling watcher compares modification
    times, which some file systems keep to the second, and sizes."""
    time.sleep(1.1)
    path.write_text(text, encoding="utf-8")


def wait_for(condition: object, seconds: float = 60.0) -> None:
    """Generous: CI machines are slow; this bounds a hang, it does not time the build."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "no rebuild happened"
        time.sleep(0.05)


def test_ctrl_c_stops_watching_in_our_words_with_exit_130(tmp_path: Path) -> None:
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    shutil.copy(CONTENT, tmp_path / "content.yaml")
    command = [sys.executable, "-m", "handout", "watch", "content.yaml", "-o", "out/h.pdf",
               "--no-check"]
    out: queue.Queue[str] = queue.Queue()
    err: queue.Queue[str] = queue.Queue()
    # Ctrl-C as a terminal gives it: a suite started as a background job (`cmd &` in a
    # script) runs with SIGINT ignored, which `python -m handout` would inherit and keep.
    command[1:3] = ["-c", "import runpy, signal, sys; "
                    "signal.signal(signal.SIGINT, signal.default_int_handler); "
                    "sys.argv[0] = 'handout'; runpy.run_module('handout', run_name='__main__')"]
    with subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as watching:
        assert watching.stdout is not None and watching.stderr is not None
        readers = [threading.Thread(target=lambda s=stream, q=lines: [q.put(x) for x in s],
                                    daemon=True)
                   for stream, lines in ((watching.stdout, out), (watching.stderr, err))]
        for reader in readers:
            reader.start()
        try:
            wrote, watching_line = out.get(timeout=60), err.get(timeout=60)
            watching.send_signal(signal.SIGINT)
            code = watching.wait(timeout=30)
        finally:
            if watching.poll() is None:
                watching.kill()
        for reader in readers:
            reader.join(timeout=30)
    # The PDF written is the result (stdout); progress and the stop are diagnostics (stderr).
    assert wrote.startswith("Wrote out/h.pdf (10 pages) in ")
    assert watching_line == f"Watching {tmp_path.resolve()} (Ctrl-C to stop)\n"
    assert (code, list(out.queue), list(err.queue)) == (130, [], ["handout: stopped watching.\n"])
