"""The package's shape, checked: stages import only downward, no two modules share a name,
and no module outgrows a quick read."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

from tests.imports import PACKAGE, imported_modules, module_name, module_path

# Each stage may import its own modules and those of lower stages, never a higher one.
STAGES = {"common": 0, "input": 1, "check": 2, "chart": 2, "pdf": 3, "layout": 4,
          "pipeline": 5, "commands": 6}
MAX_LINES = 250
# Inside layout/: the shared modules (theme, page, blocks, body, closing, cover, puzzle/, ...)
# lay out the parts every format prints; formats/ puts them on a document's, booklet's,
# tri-fold's or sheet's pages, so it may import them but never the other way round. typeset
# is the layout's entry: it picks the format, so it may import formats.
RACK = "handout.layout.formats"
LAYOUT_ENTRY = {"handout.layout.typeset"}
# Shared modules that import formats today. Listed so that no new one creeps in; move what
# they need out of formats and delete the entry.
RACK_IMPORTS_TODAY = {
    # the clinic's name must fit the narrowest band across a page: the booklet cover's
    "handout.layout.preflight imports handout.layout.formats.panels",
}


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def stage(path: Path) -> str:
    """The stage folder a module belongs to ('' for the package's own __init__/__main__)."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def imported_stages(path: Path) -> set[str]:
    """Stages named by the module's imports in any form (relative, `from handout import x`),
    deferred and type-checking ones included; '' is the package root (`handout.__version__`)."""
    return {name.split(".")[1] if "." in name else "" for name in imported_modules(path)}


def test_every_stage_folder_is_known() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert folders == set(STAGES)


def test_no_stage_imports_a_higher_or_sibling_stage() -> None:
    upward = []
    for path in modules():
        own = stage(path)
        if not own:
            continue
        for other in imported_stages(path) - {own, ""}:
            if other not in STAGES or STAGES[other] >= STAGES[own]:
                upward.append(f"{path.relative_to(PACKAGE)} imports handout.{other}")
    assert upward == []


def rack_imports_by_shared_layout_modules() -> set[str]:
    found = set()
    for path in sorted((PACKAGE / "layout").rglob("*.py")):
        name = module_name(path)
        if name in LAYOUT_ENTRY or name == RACK or name.startswith(f"{RACK}."):
            continue
        found |= {f"{name} imports {other}" for other in imported_modules(path)
                  if other == RACK or other.startswith(f"{RACK}.")}
    return found


def test_layout_shared_modules_do_not_import_rack() -> None:
    found = rack_imports_by_shared_layout_modules()
    assert sorted(found - RACK_IMPORTS_TODAY) == [], "a shared layout module imports rack"
    assert sorted(RACK_IMPORTS_TODAY - found) == [], "fixed: delete it from RACK_IMPORTS_TODAY"


def test_every_import_form_is_seen() -> None:
    """The reader itself: relative and `from handout import x` imports resolve to modules."""
    probe = PACKAGE / "layout" / "formats" / "probe.py"  # never written: only its place counts
    source = ("from . import zones\nfrom .fit import fit\nfrom .. import theme\n"
              "from ..puzzle import grid\nfrom ...pipeline.build import build\n"
              "def later():\n    from handout import chart\n    import handout.commands.cli\n")
    assert imported_modules(probe, source) == {
        "handout.layout.formats.zones", "handout.layout.formats.fit", "handout.layout.theme",
        "handout.layout.puzzle.grid", "handout.pipeline.build", "handout.chart",
        "handout.commands.cli"}
    assert module_path("handout.layout.formats") == probe.with_name("__init__.py")
    init = probe.with_name("__init__.py")  # in a package's __init__, "." is the package
    assert imported_modules(init, "from . import zones\n") == {"handout.layout.formats.zones"}


def test_no_two_modules_share_a_name() -> None:
    names = Counter(p.stem for p in modules() if p.stem not in {"__init__", "__main__"})
    packages = Counter(p.parent.name for p in PACKAGE.rglob("__init__.py"))
    assert [n for n, count in (names + packages).items() if count > 1] == []


def test_no_module_is_over_the_line_limit() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


FORMAT_NAMES = {"document", "booklet", "trifold", "sheet"}


def format_name_comparisons(path: Path) -> list[str]:
    """Where a module compares something with a format's name (`fmt == "booklet"`,
    `fmt in {"trifold", "sheet"}`)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Compare):
            continue
        for side in (node.left, *node.comparators):
            names = [c.value for c in ast.walk(side) if isinstance(c, ast.Constant)]
            if FORMAT_NAMES & set(names):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_no_module_outside_a_format_compares_format_names() -> None:
    """Each format is one object (layout/formats/): nothing else asks which one it is."""
    outside = [p for p in modules() if "formats" not in p.relative_to(PACKAGE).parts]
    assert [hit for p in outside for hit in format_name_comparisons(p)] == []


def libraries(path: Path) -> set[str]:
    """The top-level names of the libraries a module imports, deferred ones included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_input_reads_files_and_draws_nothing() -> None:
    """input/ makes the validated model and reads files; what the PDF draws (ReportLab
    drawings, svglib's parse of an SVG) is layout's."""
    drawing = {"reportlab", "svglib"}
    found = {str(p.relative_to(PACKAGE)): sorted(libraries(p) & drawing)
             for p in (PACKAGE / "input").rglob("*.py") if libraries(p) & drawing}
    assert found == {}
