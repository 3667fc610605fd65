"""What a module of the package imports, read with `ast` in every form Python allows:
`import handout.x`, `from handout.x import y`, `from handout import x`, and relative imports
(`from . import x`, `from ..x import y`) resolved against the module's own package. Deferred
imports inside functions and `if TYPE_CHECKING:` ones count too."""

from __future__ import annotations

import ast
from pathlib import Path

import handout

PACKAGE = Path(handout.__file__).resolve().parent


def module_name(path: Path) -> str:
    """'handout.layout.rack.fit' for handout/layout/rack/fit.py; a package's __init__.py is
    the package itself."""
    parts = path.resolve().relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_path(name: str) -> Path | None:
    """The file of module `name` inside the package, or None when it is not one of ours."""
    parts = name.split(".")
    if parts[0] != "handout":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def _package_of(path: Path) -> str:
    name = module_name(path)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _absolute(node: ast.ImportFrom, path: Path) -> str:
    """The module an ImportFrom reads from, relative levels resolved."""
    if node.level == 0:
        return node.module or ""
    package = _package_of(path).split(".")
    if node.level - 1 >= len(package):
        raise ValueError(f"{path}: relative import beyond the top-level package")
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imported_modules(path: Path, source: str | None = None) -> set[str]:
    """Every handout module `path` (or `source`, read as if it were at `path`) imports. A
    name imported from a package counts as its submodule when there is one: `from handout
    import chart` imports handout.chart."""
    found: set[str] = set()
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, path)
            for alias in node.names:
                submodule = f"{source}.{alias.name}"
                found.add(submodule if module_path(submodule) else source)
    return {name for name in found if name == "handout" or name.startswith("handout.")}


def closure(roots: list[Path], skip: tuple[str, ...] = ()) -> set[Path]:
    """The files of `roots` and of every handout module they import, directly or not, leaving
    out the modules and packages named in `skip` (and what only they import)."""
    seen: set[Path] = set()
    todo = list(roots)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for name in imported_modules(path):
            target = module_path(name)
            if target is not None and not any(name == s or name.startswith(f"{s}.")
                                              for s in skip):
                todo.append(target)
    return seen
