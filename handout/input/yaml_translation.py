"""A YAML translation (content.es.yaml) in step with the content file it translates.

Its `translation:` block names the file (`of: content.yaml`) and, per part, a fingerprint
of the English it was made from (`sources:`, written by `handout translate content.yaml
--stamp content.es.yaml`). A part whose English changed since is stale: every check and
build says so at the part, in the translation's file.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from handout.common.errors import Problem
from handout.input.loader import Loc, Located, format_loc, load
from handout.input.translation import (
    Advice,
    as_text,
    fingerprint,
    printed_parts,
    stamp_command,
    value_at,
)


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
    command = stamp_command(source.file, doc.file)
    comment = ("# What this file translates, and its review (a draft until a qualified "
               "medical\n# translator has reviewed it). `sources` is written by\n"
               f"# `{command}`, not by hand:\n# a fingerprint of the English each part "
               "translates, so that `handout check` names\n# the parts whose English has "
               "changed since.\n")
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
    above = start
    while above > 0 and lines[above - 1].startswith("#"):
        above -= 1
        if lines[above].startswith("# What this file translates"):
            start = above  # the comment written with the block is written again
            break
    return "".join([*lines[:start], comment, dumped, *lines[end:]]), len(sources)
