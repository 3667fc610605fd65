"""The package's shape, checked: stages import only downward, no two modules share a name,
and no module outgrows a quick read."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import handout

PACKAGE = Path(handout.__file__).resolve().parent
# Each stage may import its own modules and those of lower stages, never a higher one.
STAGES = {"common": 0, "input": 1, "check": 2, "chart": 2, "pdf": 3, "layout": 4,
          "pipeline": 5, "commands": 6}
MAX_LINES = 250


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def stage(path: Path) -> str:
    """The stage folder a module belongs to ('' for the package's own __init__/__main__)."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def imported_stages(path: Path) -> set[str]:
    """Stages named by the module's imports, deferred and type-checking ones included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else []
        for name in names:
            parts = name.split(".")
            if parts[0] == "handout" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_every_stage_folder_is_known() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert folders == set(STAGES)


def test_no_stage_imports_a_higher_or_sibling_stage() -> None:
    upward = []
    for path in modules():
        own = stage(path)
        if not own:
            continue
        for other in imported_stages(path) - {own}:
            if other not in STAGES or STAGES[other] >= STAGES[own]:
                upward.append(f"{path.relative_to(PACKAGE)} imports handout.{other}")
    assert upward == []


def test_no_two_modules_share_a_name() -> None:
    names = Counter(p.stem for p in modules() if p.stem not in {"__init__", "__main__"})
    packages = Counter(p.parent.name for p in PACKAGE.rglob("__init__.py"))
    assert [n for n, count in (names + packages).items() if count > 1] == []


def test_no_module_is_over_the_line_limit() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}
