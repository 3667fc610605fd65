"""The package as users get it: the wheel, installed (not editable) into a fresh virtualenv,
run from a folder outside the checkout.

The only test that sees what `pip install` puts on a user's machine: a runtime file left
outside the package (fonts, locales, the starter) passes every other test and fails here.
It is slow, a real `pip install` of the wheel and its dependencies (about 25 s in all with
pip's cache on a 2-core machine), and runs in `make test` and CI all the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pymupdf
import pytest

from handout import __version__
from tests.conftest import ROOT

# Package data every installed handout needs: fonts, layout wording, the `handout new`
# starter, the icons with their licence.
RESOURCES = [
    "fonts/AtkinsonHyperlegibleNext_400Regular.ttf",
    "fonts/AtkinsonHyperlegibleNext_400Regular_Italic.ttf",
    "fonts/AtkinsonHyperlegibleNext_600SemiBold.ttf",
    "fonts/AtkinsonHyperlegibleNext_700Bold.ttf",
    "fonts/OFL.txt",
    "fonts/NotoSans_400Regular.ttf",
    "fonts/NotoSans_700Bold.ttf",
    "fonts/NotoSansSC_400Regular.ttf",
    "fonts/NotoSansTC_700Bold.ttf",
    "fonts/NotoSansKR_400Regular.ttf",
    "fonts/OFL-NotoSansSC.txt",
    "locales/en.yaml",
    "locales/es.yaml",
    "countries/US.yaml",
    "countries/GB.yaml",
    "starter/content.yaml",
    "starter/clinic.yaml",
    "starter/clinic-logo.svg",
    "starter/bedroom.svg",
    "examples/sleep/content.yaml",
    "examples/sleep/clinic.yaml",
    "examples/sleep/bedroom.svg",
    "examples/sleep/riverside-family-health-logo.svg",
    "icons/LICENSE",
    "icons/README.md",
    "icons/meta-data.json",
    "icons/outline/body/stomach.svg",
]
ICONS = ROOT / "handout" / "resources" / "icons" / "outline"
TIMEOUT = 300  # seconds per step: a hung pip fails the test instead of hanging CI


def run(args: list[str | Path], cwd: Path, env: dict[str, str]) -> str:
    """Run one command; its output is shown if it fails."""
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A scratch folder, and an environment whose temporary files (pip's and build's) go
    into it, so nothing is left in the system's temporary folder."""
    root = tmp_path_factory.mktemp("install")
    (root / "tmp").mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    env["TMPDIR"] = str(root / "tmp")
    return root, env


@pytest.fixture(scope="module")
def wheel(sandbox: tuple[Path, dict[str, str]]) -> Path:
    """The sdist, then the wheel built from it (as a release is), in the scratch folder."""
    root, env = sandbox
    run([sys.executable, "-m", "build", "--outdir", root / "dist", ROOT], root, env)
    (built,) = (root / "dist").glob("handout-*.whl")
    return built


def test_the_wheel_holds_the_package_data(wheel: Path) -> None:
    assert wheel.name.startswith(f"handout-{__version__}-py3-none-any")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [r for r in RESOURCES if f"handout/resources/{r}" not in names]
    assert not missing, f"not in the wheel: {missing}"
    assert not [n for n in names if n.startswith(("tests/", "assets/", "bench/"))]
    icons = {n for n in names if n.startswith("handout/resources/icons/outline/")}
    assert len(icons) == len(list(ICONS.glob("*/*.svg"))), "not every icon is in the wheel"


def test_installed_wheel_works_outside_the_checkout(
        wheel: Path, sandbox: tuple[Path, dict[str, str]]) -> None:
    root, env = sandbox
    venv = root / "venv"
    run([sys.executable, "-m", "venv", venv], root, env)
    python, handout = venv / "bin" / "python", venv / "bin" / "handout"
    # --no-compile: byte-compiling matplotlib and numpy is a third of the install time, and
    # tells nothing about the wheel; Python compiles what it imports anyway.
    run([python, "-m", "pip", "install", "--quiet", "--no-compile", wheel], root, env)

    work = root / "work"  # the user's folder: no checkout, no assets/ beside it
    work.mkdir()
    where = run([python, "-c", "import handout; print(handout.__file__)"], work, env)
    assert Path(where.strip()).is_relative_to(venv), "imported from the checkout, not the venv"

    assert run([handout, "--version"], work, env) == f"handout {__version__}\n"
    assert "handout build x/content.yaml" in run([handout, "new", "x"], work, env)
    run([handout, "check", "x/content.yaml"], work, env)
    # The language model comes inside py3langid's wheel: the starter marked Spanish is
    # found to be in English, offline.
    starter = (work / "x" / "content.yaml").read_text(encoding="utf-8")
    (work / "x" / "es.yaml").write_text(starter.replace("\nlanguage: en\n", "\nlanguage: es\n"),
                                        encoding="utf-8")
    assert "is in English, not Spanish" in run([handout, "check", "x/es.yaml"], work, env)
    assert "Wrote x/out.pdf" in run([handout, "build", "x/content.yaml", "-o", "x/out.pdf"],
                                    work, env)
    run([handout, "preview", "x/out.pdf", "-o", "x/png"], work, env)
    # A shipped example, from the installed package's data, builds beside its own clinic.
    assert "handout build y/content.yaml" in run([handout, "new", "y", "--example", "sleep"],
                                                 work, env)
    assert "Wrote y/out.pdf" in run([handout, "build", "y/content.yaml", "-o", "y/out.pdf",
                                     "--format", "trifold"], work, env)
    assert run([handout, "icons", "stom"], work, env).startswith("stomach ")

    with pymupdf.open(work / "x" / "out.pdf") as pdf:
        pages = pdf.page_count
        assert 2 <= pages <= 5
        # The untouched starter's placeholders mark every page.
        assert all("SAMPLE – not for patients" in page.get_text() for page in pdf)
        fonts = {font[3] for number in range(pages) for font in pdf.get_page_fonts(number)}
        unembedded = {font[3] for number in range(pages)
                      for font in pdf.get_page_fonts(number) if font[1] == "n/a"}
        # The starter's icons, drawn from the installed package's own files.
        drawn = {x[1] for number in range(pages) for x in pdf.get_page_xobjects(number)}
    assert fonts and all("Atkinson" in name for name in fonts), fonts
    assert not unembedded, f"fonts not embedded: {unembedded}"
    assert {"FormXob.icon-sleepy-1F4E79", "FormXob.icon-ambulance-FFFFFF"} <= drawn, drawn
    pngs = sorted((work / "x" / "png").glob("page-*.png"))
    assert len(pngs) == pages and all(p.stat().st_size > 1000 for p in pngs)
