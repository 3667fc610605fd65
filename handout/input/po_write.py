"""`handout translate`: a PO file written from a content file, or updated as msgmerge
would (its translations kept, changed English marked fuzzy with the old msgid beside the
new), or filled from a YAML translation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from handout.common.errors import HandoutError, Problem
from handout.input.loader import Loc, Located, format_loc
from handout.input.po import (
    LANGUAGE_TAG,
    REVIEW_DATE,
    REVIEWED_BY,
    SOURCE,
    STATUS,
    read_po,
    relative,
)
from handout.input.translation import (
    PLACEHOLDERS,
    Advice,
    Part,
    as_text,
    fingerprint,
    printed_parts,
    value_at,
)


@dataclass
class Written:
    """What `handout translate` wrote: counts for its one-line summary, and the parts of a
    YAML translation it could not place (no English part at their path)."""

    entries: int = 0
    translated: int = 0
    new: int = 0
    changed: int = 0
    obsolete: int = 0
    updated: bool = False
    unplaced: list[Problem] = field(default_factory=list)


def write_po(source: Located, source_path: Path, out: Path, language: str, *,
             from_yaml: Located | None = None, today: dt.date | None = None) -> Written:
    """The PO text for translating `source` into `language`; an existing PO at `out` is
    updated (its translations kept, changed English marked fuzzy, parts no longer there
    kept as obsolete), unless `from_yaml` (a YAML translation) gives the translations."""
    if not LANGUAGE_TAG.match(language):
        raise HandoutError(f"{language!r} is not a language tag: use a BCP 47 tag such as "
                           "vi, es, zh-Hans or pt-BR")
    now = (today or dt.date.today()).isoformat()
    written = Written()
    old = read_po(out, str(out)) if out.is_file() and from_yaml is None else None
    if old is not None and old.metadata.get("Language", language) != language:
        raise HandoutError(f"{out} translates into {old.metadata['Language']!r}, not "
                           f"{language!r}: name another file with -o")
    po = polib.POFile(wrapwidth=78)
    po.header = (f"Translation of {relative(source_path, out.parent)} into {language}, "
                 "written by `handout translate`.\nmsgctxt: where the text stands in the "
                 "content file; msgid: the English it translates.")
    po.metadata = _header(source, source_path, out, language, now=now, old=old,
                          from_yaml=from_yaml)
    earlier = {e.msgctxt: e for e in old or [] if not e.obsolete}
    stamps = _stamps(from_yaml)
    parts = printed_parts(source)
    for part in parts:
        entry = _entry(part, relative(source_path, out.parent))
        if from_yaml is not None:
            mine = as_text(part.loc, value_at(from_yaml.data, part.loc))
            entry.msgstr = mine or ""
            if mine and stamps and stamps.get(part.path) != fingerprint(part.text):
                entry.flags.append("fuzzy")  # its English changed since it was stamped
                written.changed += 1
        elif part.path in earlier:
            _carry(entry, earlier[part.path], written)
        else:
            written.new += 1
        written.translated += bool(entry.msgstr) and not entry.fuzzy
        po.append(entry)
    if old is not None:
        written.updated = True
        names = {part.path for part in parts}
        for entry in old:
            if entry.msgctxt not in names and not entry.obsolete and entry.msgstr:
                entry.obsolete = True
                written.obsolete += 1
            if entry.obsolete and entry.msgctxt not in names:
                po.append(entry)
    if from_yaml is not None:
        written.unplaced = _unplaced(from_yaml, {part.loc for part in parts}, source.file)
    written.entries = len(parts)
    out.parent.mkdir(parents=True, exist_ok=True)
    _write(out, str(po))
    return written


def _write(out: Path, text: str) -> None:
    from handout.common.files import write_atomic

    write_atomic(out, text.encode("utf-8"))


def _header(source: Located, source_path: Path, out: Path, language: str, *, now: str,
            old: polib.POFile | None, from_yaml: Located | None) -> dict[str, str]:
    title = source.data.get("title", "") if isinstance(source.data, dict) else ""
    review: dict[str, Any] = {"status": "draft"}
    if old is not None:
        review = {"status": old.metadata.get(STATUS, "draft"),
                  "reviewed_by": old.metadata.get(REVIEWED_BY, ""),
                  "date": old.metadata.get(REVIEW_DATE, "")}
    elif from_yaml is not None and isinstance(from_yaml.data, dict) \
            and isinstance(from_yaml.data.get("translation"), dict):
        review = {**review, **from_yaml.data["translation"]}
    header = {
        "Project-Id-Version": f"handout: {title}",
        "POT-Creation-Date": f"{now} 00:00+0000",
        "PO-Revision-Date": (old.metadata.get("PO-Revision-Date") if old is not None
                             else None) or f"{now} 00:00+0000",
        "Last-Translator": old.metadata.get("Last-Translator", "") if old is not None else "",
        "Language-Team": old.metadata.get("Language-Team", "") if old is not None else "",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",  # no entry has plural forms
        SOURCE: relative(source_path, out.parent),
        STATUS: str(review.get("status") or "draft"),
        REVIEWED_BY: str(review.get("reviewed_by") or ""),
        REVIEW_DATE: str(review.get("date") or ""),
    }
    if old is not None and old.metadata.get("Plural-Forms"):
        header["Plural-Forms"] = old.metadata["Plural-Forms"]
    return header


def _entry(part: Part, source_name: str) -> polib.POEntry:
    comments = [f"Prints in {part.note}." if part.note else ""]
    if "**" in part.text:
        comments.append("**Double stars** make words bold: keep them around the same idea.")
    if any(p in part.text for p in PLACEHOLDERS):
        comments.append("Keep {clinic}, {phone}, {website}, {crisis_line} and "
                        "{emergency_line} as they are: each clinic's own is printed there.")
    if part.loc[-1] == "words":
        comments.append("Words hidden in the word search, separated by commas: letters "
                        "only, as many as suit the language.")
    if part.loc[-1] == "answer":
        comments.append("One word, letters only (a Vietnamese word's syllables apart): a "
                        "word the translated handout uses.")
    if not part.written:
        comments.append(f"Not written in {source_name}: its default title.")
    flags = ["python-brace-format"] if any(p in part.text for p in PLACEHOLDERS) else []
    return polib.POEntry(msgctxt=part.path, msgid=part.text, msgstr="",
                         occurrences=[(source_name, str(part.line))],
                         comment="\n".join(c for c in comments if c), flags=flags)


def _carry(entry: polib.POEntry, before: polib.POEntry, written: Written) -> None:
    """Keep an earlier translation of the same part; mark it fuzzy if the English changed."""
    entry.msgstr, entry.tcomment = before.msgstr, before.tcomment
    if before.fuzzy:
        entry.flags.append("fuzzy")
        entry.previous_msgid = before.previous_msgid
    if before.msgid != entry.msgid and before.msgstr:
        if not entry.fuzzy:
            entry.flags.append("fuzzy")
        entry.previous_msgid = before.previous_msgid or before.msgid
        written.changed += 1


def _stamps(doc: Located | None) -> dict[str, str]:
    block = doc.data.get("translation") if doc is not None and isinstance(doc.data, dict) \
        else None
    sources = block.get("sources") if isinstance(block, dict) else None
    return sources if isinstance(sources, dict) else {}


def _unplaced(doc: Located, places: set[Loc], source_file: str) -> list[Problem]:
    """Texts of a YAML translation at paths the English has no text at."""
    mine = {part.loc for part in printed_parts(doc)}
    return [Advice(*doc.locate(loc), format_loc(loc), f"{source_file} has no text at this "
                   "place, so the PO has no entry for it and it is left out: give the "
                   "English the same part, or keep building the YAML translation", "")
            for loc in sorted(mine - places, key=doc.where)]
