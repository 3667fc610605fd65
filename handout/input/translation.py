"""Translations of a content file: which of its texts print, what each part of a
translation translates, and whether the translation is still in step with its source.

A part is one printed text, named by its structure path (`sections[2].paragraphs[0]`):
the same path in content.yaml and in its translation, so parts are matched by where they
stand, never by their words. A YAML translation (content.es.yaml) records what it
translates in its `translation:` block: the file (`of: content.yaml`) and, per part, a
fingerprint of the English it was made from (`sources:`, written by `handout translate
content.yaml --stamp content.es.yaml`). When the English of a part changes, its
fingerprint no longer matches: the part is stale, and every check and build says so at the
part, in the translation's file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handout.common.errors import Problem
from handout.input.loader import Loc, Located, format_loc, load

# Keys whose text is not printed, or not translated: the handout's settings, the clinic
# (translated in its own file's `translations:`), the check's targets and glossary, the
# references (cited as published, in their own language), the reviewer's name, the kind of
# a chart or tier, a picture's file and an icon's name.
NOT_TEXT = frozenset({
    "language", "topic", "crisis", "formats", "format", "pages", "evidence", "clinic",
    "checks", "glossary", "references", "translation", "kind", "level", "file", "name",
    "reviewer",
})
# Lists translated whole, as one text of comma-separated words: a word search hides the
# words that suit its language, not one word for each English one.
WORD_LISTS = frozenset({("puzzle", "word_search", "words")})
# Titles the model supplies when the content leaves them out: English words that must be
# translated too ("My plan" would otherwise print in a Vietnamese handout).
DEFAULT_TITLES: dict[Loc, str] = {
    ("key_points", "title"): "Key points",
    ("plan", "title"): "My plan",
    ("help", "title"): "When to get help",
    ("puzzle", "title"): "Word play",
    ("puzzle", "word_search", "title"): "Word search",
}
PLACEHOLDERS = ("{clinic}", "{phone}", "{website}", "{crisis_line}", "{emergency_line}")
_PLACES = {
    "title": "the title", "subtitle": "the subtitle", "keywords": "the PDF's keywords (not on "
    "the page: PDF readers and search engines show them)", "key_points": "the key points box "
    "on page 1", "intro": "the introduction", "figure": "Fig. 1", "plan": '"My plan"',
    "help": '"When to get help"', "puzzle": "the word play page", "review": "the review "
    "dates", "disclaimer": "the disclaimer at the end",
}


@dataclass(frozen=True)
class Part:
    """One printed text of a content file, where it is written and what it is."""

    loc: Loc
    text: str
    line: int
    column: int
    note: str  # for translators: where it prints
    written: bool = True  # False: a default title the file leaves out

    @property
    def path(self) -> str:
        return format_loc(self.loc)


@dataclass(frozen=True)
class Advice(Problem):
    """A located warning that does not stop a build, with what to do about it."""

    fix: str = ""


def fingerprint(text: str) -> str:
    """A short fingerprint of a text's words (spacing and line breaks do not count)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


def printed_parts(doc: Located) -> list[Part]:
    """Every printed text of a content file as written (placeholders unfilled), in file
    order."""
    data = doc.data if isinstance(doc.data, dict) else {}
    return list(_walk(doc, data, (), _note(data, ())))


def _walk(doc: Located, value: Any, loc: Loc, note: str) -> Iterator[Part]:
    if loc in WORD_LISTS:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            yield _part(doc, loc, ", ".join(value), note)
        return
    if isinstance(value, str):
        if value.strip():
            yield _part(doc, loc, value, note)
    elif isinstance(value, dict):
        for (*parent, key), default in DEFAULT_TITLES.items():
            if tuple(parent) == loc and key not in value:
                line, column = doc.where(loc, prefer_key=True)
                yield Part((*loc, key), default, line, column, f"{note} (its title)", False)
        for key, item in value.items():
            if key in NOT_TEXT or (key == "icon" and isinstance(item, str)):
                continue
            child = (*loc, key)
            yield from _walk(doc, item, child, _note(doc.data, child) if not loc else note)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            child = (*loc, i)
            yield from _walk(doc, item, child, _note(doc.data, child) if len(loc) == 1
                             else note)


def _part(doc: Located, loc: Loc, text: str, note: str) -> Part:
    line, column = doc.where(loc)
    return Part(loc, text, line, column, note)


def _note(data: Any, loc: Loc) -> str:
    """Where a part prints, for the translator: 'section 3, "Food and mood"', 'Fig. 1'."""
    if not loc:
        return ""
    key = loc[0]
    if key == "sections" and len(loc) > 1 and isinstance(loc[1], int):
        sections = data.get("sections") if isinstance(data, dict) else None
        heading = ""
        if isinstance(sections, list) and loc[1] < len(sections) \
                and isinstance(sections[loc[1]], dict):
            heading = str(sections[loc[1]].get("heading", ""))
        return f'section {loc[1] + 1}, "{heading}"' if heading else f"section {loc[1] + 1}"
    if key == "figures" and len(loc) > 1 and isinstance(loc[1], int):
        return f"Fig. {loc[1] + 1}"
    return _PLACES.get(str(key), str(key))


def value_at(data: Any, loc: Loc) -> Any:
    """The value at `loc` in plain data, or None when there is none."""
    for part in loc:
        present = ((isinstance(part, int) and isinstance(data, list)
                    and 0 <= part < len(data))
                   or (isinstance(part, str) and isinstance(data, dict) and part in data))
        if not present:
            return None
        data = data[part]
    return data


def as_text(loc: Loc, value: Any) -> str | None:
    """A translation's value at a part's place as one text (a word list joined), or None."""
    if loc in WORD_LISTS and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    return value if isinstance(value, str) and value.strip() else None


def from_text(loc: Loc, text: str) -> Any:
    """A part's text as the content file holds it (a word list split at its commas)."""
    if loc in WORD_LISTS:
        return [word.strip() for word in text.split(",") if word.strip()]
    return text


def stamp_command(source: str, translation: str) -> str:
    return f"handout translate {source} --stamp {translation}"


def source_of(doc: Located, path: Path) -> Path | None:
    """The content file a YAML translation says it translates (`translation.of`)."""
    block = doc.data.get("translation") if isinstance(doc.data, dict) else None
    of = block.get("of") if isinstance(block, dict) else None
    return (path.resolve().parent / of) if isinstance(of, str) and of else None


def yaml_translation_advice(doc: Located, path: Path, source_shown: str) -> list[Problem]:
    """Where a YAML translation is out of step with the file it translates, located in the
    translation: stale parts, English parts it lacks, records of parts no longer there.

    A translation that says `status: reviewed` but has such parts is printed as a draft
    (its `status` is set to draft here): the review was of other English."""
    source_path = source_of(doc, path)
    if source_path is None:
        return []
    block = doc.data["translation"]
    if not source_path.is_file():
        return [Advice(*doc.locate(("translation", "of")), "translation.of",
                       f"no file at {source_shown}; name the content file this translates "
                       "(relative to this file)", "")]
    source = load(source_path, shown=source_shown)
    sources = block.get("sources") if isinstance(block.get("sources"), dict) else {}
    stamp = stamp_command(source_shown, doc.file)
    advice: list[Problem] = []

    def warn(loc: Loc, message: str, fix: str, *, prefer_key: bool = False) -> None:
        file, line, column = doc.locate(loc, prefer_key=prefer_key)
        advice.append(Advice(file, line, column, format_loc(loc), message, fix))

    parts = printed_parts(source)
    if not sources:
        warn(("translation",), f"nothing records which version of {source.file} this "
             "translates, so a change there cannot be found here",
             f"when it says what {source.file} says now, run `{stamp}`", prefer_key=True)
    for part in parts:
        mine = as_text(part.loc, value_at(doc.data, part.loc))
        if mine is None:
            warn(part.loc, f"{source.file}:{part.line} ({part.path}) is not translated "
                 f"in {doc.file}: add its translation here",
                 f"translate it, then run `{stamp}`")
        elif sources and part.path not in sources:
            warn(part.loc, f"nothing records what this part of {doc.file} translates: "
                 f"review it against {source.file}:{part.line}",
                 f"when it says what the English says now, run `{stamp}`")
        elif sources and sources[part.path] != fingerprint(part.text):
            warn(part.loc, f"this part of {doc.file} translates an older version of "
                 f"{source.file}:{part.line}: review it",
                 f"when it says what the English says now, run `{stamp}`")
    paths = {part.path for part in parts}
    for gone in sorted(set(sources) - paths):
        warn(("translation", "sources", gone), f"{source.file} no longer has {gone}: "
             "review this translation's parts against it",
             f"then run `{stamp}`", prefer_key=True)
    if advice and block.get("status") == "reviewed":
        block["status"] = "draft"
        warn(("translation", "status"), f"{len(advice)} part{'s' * (len(advice) != 1)} "
             "of this translation changed in the English since its review: it prints as "
             "a draft until they are reviewed and stamped", f"review them, then run `{stamp}`")
    return advice


def stamped(text: str, doc: Located, source: Located, of: str) -> tuple[str, int]:
    """`text` (the YAML translation `doc`) with its `translation:` block recording the
    fingerprint of each part it translates now: the block is rewritten in place (or added
    at the end), keeping `of`, `status`, `reviewed_by` and `date`. Returns the new text and
    how many parts it records."""
    block = doc.data.get("translation") if isinstance(doc.data, dict) else None
    keep = {k: v for k, v in (block or {}).items() if k != "sources"}
    sources = {part.path: fingerprint(part.text) for part in printed_parts(source)
               if as_text(part.loc, value_at(doc.data, part.loc)) is not None}
    keep.pop("of", None)
    new = {"translation": {"of": of,
                           "status": keep.pop("status", "draft"), **keep,
                           "sources": sources}}
    dumped = yaml.safe_dump(new, allow_unicode=True, sort_keys=False, width=1000)
    comment = ("# What this file translates, and its review. `sources` (written by "
               f"`{stamp_command(source.file, doc.file)}`, not "
               "by hand)\n# holds a fingerprint of the English each part translates: "
               "`handout check` names the parts whose English has changed since.\n")
    lines = text.splitlines(keepends=True)
    if block is None:
        tail = "" if not lines or lines[-1].endswith("\n") else "\n"
        return text + tail + "\n" + comment + dumped, len(sources)
    start = doc.keys[("translation",)][0] - 1
    later = [line for (key, *rest), (line, _) in doc.keys.items()
             if not rest and line - 1 > start]
    end = min(later) - 1 if later else len(lines)
    while later and end > start + 1 and (not lines[end - 1].strip()
                                         or lines[end - 1].startswith("#")):
        end -= 1  # the next key's own comments and the blank line before them stay
    if start >= 2 and lines[start - 2].startswith("# What this file translates"):
        start -= 2  # the comment written with the block is written again
    return "".join([*lines[:start], comment, dumped, *lines[end:]]), len(sources)
