"""Read a YAML content file into plain data while keeping where every value stands.

PyYAML's own loaders forget positions, silently keep the last of two duplicate keys and
expand aliases without limit; this loader walks the composed node tree itself so that each
of those becomes a located error instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from handout.common.errors import ContentError, Problem
from handout.input.dates import no_such_day
from handout.input.syntax import control_character_problem, json_text, syntax_problem, yaml_lines

MAX_BYTES = 1_000_000  # a handout is a few KB; anything this big is a mistake
MAX_NODES = 50_000  # caps alias expansion ("billion laughs") long before it hurts
# libyaml's parser (in PyYAML's wheels) composes the same nodes, with the same line/column
# marks, some 20 times faster than the pure-Python one; None where PyYAML was built without it.
_C_LOADER: type[yaml.CSafeLoader] | None = getattr(yaml, "CSafeLoader", None)

_SAFE_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

Loc = tuple[str | int, ...]
T = TypeVar("T")


@dataclass
class Located:
    """Plain data (dicts, lists, scalars) and the 1-based line/column of each value."""

    file: str
    data: Any
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    # Problems that still leave usable data (duplicate keys, refused tags): reported
    # together with the validation problems, so the user sees everything at once.
    problems: list[Problem] = field(default_factory=list)
    # Other files spliced into this document (the clinic file at ("clinic",)).
    mounts: dict[Loc, Located] = field(default_factory=dict)
    # Empty values followed by a comment that looks like the value, e.g. `primary: #1F4E79`
    # (YAML reads nothing there): what was written after the key.
    commented: dict[Loc, str] = field(default_factory=dict)
    # Warnings that do not stop a build (a translation's stale parts): reported, printed.
    warnings: list[Problem] = field(default_factory=list)
    whole: set[Loc] = field(default_factory=set)  # mounts that own their own place too

    def mount(self, loc: Loc, other: Located, *, whole: bool = False) -> None:
        """Put `other`'s data at `loc`: problems below it (`whole`: at it) are its file's."""
        parent = self.data
        for part in loc[:-1]:
            parent = parent[part]
        parent[loc[-1]] = other.data
        self.mounts[loc] = other
        if whole:
            self.whole.add(loc)
        self.problems.extend(other.problems)
        self.warnings.extend(other.warnings)

    def subtree(self, prefix: Loc) -> Located:
        """The part of this file below `prefix`, as a document of its own (same file)."""
        data = self.data
        for part in prefix:
            data = data[part]
        return Located(self.file, data, _below(self.values, prefix),
                       _below(self.keys, prefix), commented=_below(self.commented, prefix))

    def owner(self, loc: Loc) -> tuple[Located, Loc]:
        """The file `loc` is written in (following mounted files), and `loc` within it."""
        for prefix, other in self.mounts.items():
            inside = len(loc) > len(prefix) or (prefix in self.whole and loc == prefix)
            if inside and loc[: len(prefix)] == prefix:
                return other.owner(loc[len(prefix):])
        return self, loc

    def locate(self, loc: Loc, *, prefer_key: bool = False) -> tuple[str, int, int]:
        """File, line and column of `loc`, following mounted files."""
        doc, inner = self.owner(loc)
        return (doc.file, *doc.where(inner, prefer_key=prefer_key))

    def where(self, loc: Loc, *, prefer_key: bool = False) -> tuple[int, int]:
        """Position of `loc` in this file, or of its nearest ancestor that has one."""
        while True:
            table = (self.keys, self.values) if prefer_key else (self.values, self.keys)
            for positions in table:
                if loc in positions:
                    return positions[loc]
            if not loc:
                return (1, 1)
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str, *, prefer_key: bool = False) -> Problem:
        file, line, col = self.locate(loc, prefer_key=prefer_key)
        return Problem(file, line, col, format_loc(loc), message)


def _below(table: dict[Loc, T], prefix: Loc) -> dict[Loc, T]:
    n = len(prefix)
    return {k[n:]: v for k, v in table.items() if k[:n] == prefix}


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def read_text(path: Path, shown: str) -> str:
    """Read UTF-8 text (BOM allowed); other bytes are a located error."""
    if path.is_dir():
        raise ContentError([Problem(shown, 1, 1, "", "this is a folder, not a file; name the "
                                    "file in it")])
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ContentError([Problem(shown, 1, 1, "", f"the file is {size:,} bytes; "
                                        f"a content file must be under {MAX_BYTES:,}")])
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(shown, 1, 1, "", f"cannot read the file: {exc.strerror}")]) \
            from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise ContentError([Problem(shown, line, col, "", "this byte is not UTF-8 text; save "
                                    "the file as UTF-8 in your editor")]) from exc


def compose(text: str, shown: str, *, c_parser: bool = True) -> yaml.Node | None:
    """The node tree of `text`: libyaml's parser when available, else PyYAML's pure one.

    The pure-Python parser stays the judge of anything that is not plainly valid YAML:
    - libyaml accepts tabs the pure parser refuses ("key:<tab>value", "a<tab>b"), counts a
      byte-order mark inside the text as a column where the pure parser does not, and puts
      the end of a file without a final newline on a line of its own (an empty value there,
      e.g. a last "key:" or "?", would get another line); such text goes to the pure parser
      directly (a leading BOM is already gone, and editors end files with a newline);
    - text libyaml refuses is parsed again by the pure parser, so a bad file gets the same
      message and position as before (libyaml's wording differs, e.g. "did not find expected
      key" for "expected <block end>, but found '<block mapping start>'").
    """
    if (c_parser and _C_LOADER is not None and text.endswith("\n")
            and "\t" not in text and "\ufeff" not in text):
        try:
            return yaml.compose(text, Loader=_C_LOADER)
        except Exception:  # the pure parser below decides, and words the error
            pass
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise ContentError([syntax_problem(exc, text, shown)]) from exc
    except yaml.reader.ReaderError as exc:
        raise ContentError([control_character_problem(exc, text, shown)]) from exc


def load(path: Path, shown: str | None = None, *, c_parser: bool = True) -> Located:
    """Load `path` into a `Located` document (`c_parser=False`: PyYAML's pure-Python parser).

    Unreadable input raises `ContentError`; problems that leave usable data are kept in
    `Located.problems` for the validator to report with its own.
    """
    shown = shown or str(path)
    text = read_text(path, shown)
    if path.suffix.lower() == ".json":  # JSON is YAML, but its mistakes are called JSON
        text = json_text(text, shown)
    node = compose(text, shown, c_parser=c_parser)
    if node is None:
        raise ContentError([Problem(shown, 1, 1, "", "the file is empty")])
    walker = _Walker(Located(shown, None), yaml_lines(text))
    walker.doc.data = walker.walk(node, ())
    walker.doc.problems.extend(walker.problems)
    return walker.doc


def _unreadable(node: yaml.Node) -> str:
    text = str(node.value)
    if not node.tag.endswith(":timestamp"):
        return f"cannot read {text!r}"
    return no_such_day(text) or f"cannot read {text!r}; dates are written as YYYY-MM-DD"


class _Walker:
    def __init__(self, doc: Located, lines: list[str]) -> None:
        self.doc, self.lines = doc, lines
        self.problems: list[Problem] = []
        self.visited = 0
        self.constructor = yaml.SafeLoader("")

    def walk(self, node: yaml.Node, loc: Loc) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise ContentError([self.doc.problem(loc, "too many values (are YAML aliases "
                                                 "'*name' repeating a large block?)")])
        self.doc.values[loc] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            self.problems.append(self.doc.problem(
                loc, f"the tag {node.tag} is not allowed; remove it and write plain text"))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            return [self.walk(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag.endswith(":null") and node.value == "":
            self._comment_as_value(node, loc)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, yaml.YAMLError):
            # e.g. a timestamp like 2026-02-30, which PyYAML accepts as a date and then fails
            self.problems.append(self.doc.problem(loc, _unreadable(node)))
            return None

    def _comment_as_value(self, node: yaml.Node, loc: Loc) -> None:
        """Note `key: #text` (no space after '#'): most likely a value, not a comment."""
        line, column = node.start_mark.line, node.start_mark.column
        rest = self.lines[line][column:] if line < len(self.lines) else ""
        written = re.split(r"\s#", rest.strip(), maxsplit=1)[0].rstrip()
        if len(written) > 1 and written[0] == "#" and not written[1].isspace():
            self.doc.commented[loc] = written
            self.doc.values[loc] = (line + 1, column + rest.index("#") + 1)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self.doc.problem(loc, "a key must be a plain word"))
                continue
            key = str(key_node.value)
            child = (*loc, key)
            self.doc.keys.setdefault(child, (key_node.start_mark.line + 1,
                                             key_node.start_mark.column + 1))
            if key in out:
                first = self.doc.keys[child][0]
                self.problems.append(Problem(
                    self.doc.file, key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                    format_loc(child), f"'{key}' appears twice (first on line {first}); "
                    "keep one, or the first one's text would be lost"))
                continue
            out[key] = self.walk(value_node, child)
        return out
