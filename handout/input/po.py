"""Gettext PO translations of a content file: written by `handout translate`, read by
`handout build --translation`.

One entry per printed text (input/translation.py): its `msgctxt` is the part's structure
path (`sections[2].paragraphs[0]`), its reference the line of content.yaml it comes from,
its extracted comment where it prints. The PO keeps the English each entry translates
(`msgid`), so a changed English sentence no longer matches its entry: `handout translate`
run again marks it fuzzy with the old English beside it (`#| msgid`), as msgmerge does,
and every build and check names it. The review travels in the header
(`X-Handout-Status`, `X-Handout-Reviewed-By`, `X-Handout-Review-Date`) and the source file
in `X-Handout-Source`.

polib (MIT, one pure-Python module) reads and writes the files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polib

from handout.common.errors import ContentError, HandoutError, Problem
from handout.input.loader import Loc, Located, read_text
from handout.input.translation import (
    PLACEHOLDERS,
    Advice,
    Part,
    as_text,
    fingerprint,
    from_text,
    printed_parts,
    value_at,
)

SOURCE = "X-Handout-Source"
STATUS = "X-Handout-Status"
REVIEWED_BY = "X-Handout-Reviewed-By"
REVIEW_DATE = "X-Handout-Review-Date"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


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


def relative(path: Path, folder: Path) -> str:
    """`path` as seen from `folder` (how a PO names its source: Poedit opens it from there)."""
    return Path(os.path.relpath(path.resolve(), folder.resolve())).as_posix()


def read_po(path: Path, shown: str) -> polib.POFile:
    """A PO file; one that cannot be read is a located error."""
    text = read_text(path, shown)
    try:
        return polib.pofile(text, wrapwidth=78)
    except (OSError, ValueError) as exc:
        found = re.search(r"line (\d+)", str(exc))
        line = int(found.group(1)) if found else 1
        raise ContentError([Problem(shown, line, 1, "", f"this is not a PO file polib can "
                                    f"read ({exc}); open it in Poedit, which says where it "
                                    "is broken")]) from exc


def po_source(po_path: Path, shown: str) -> Path:
    """The content file a PO translates (its `X-Handout-Source` header)."""
    named = str(read_po(po_path, shown).metadata.get(SOURCE, ""))
    if not named:
        raise HandoutError(f"{shown} does not say which content file it translates (no "
                           f"{SOURCE} header): build the content file with "
                           f"--translation {shown}")
    return po_path.resolve().parent / named


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
        comments.append("One word, letters only: a word the translated handout uses.")
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
    return [Advice(*doc.locate(loc), _format(loc), f"{source_file} has no text at this "
                   "place, so the PO has no entry for it and it is left out: give the "
                   "English the same part, or keep building the YAML translation", "")
            for loc in sorted(mine - places, key=doc.where)]


def _format(loc: Loc) -> str:
    from handout.input.loader import format_loc

    return format_loc(loc)


def translated(source: Located, po_path: Path, shown: str) -> Located:
    """The content file `source` with each printed text replaced by its translation in the
    PO: the document a build lays out. Each translated text is located in the PO (a check's
    finding about it points at its msgstr line); what is not translated keeps the English
    and is warned about, located, and so is each entry whose English has changed."""
    po = read_po(po_path, shown)
    lines = read_text(po_path, shown).splitlines()
    entries = {e.msgctxt: e for e in po if not e.obsolete and e.msgctxt}
    data = source.data
    language = po.metadata.get("Language", "")
    if not isinstance(data, dict):
        return source
    if not LANGUAGE_TAG.match(language):
        raise ContentError([Problem(shown, 1, 1, "", f"the header's Language is "
                                    f"{language!r}: set it to the language's tag, e.g. vi")])
    said = next((n + 1 for n, text in enumerate(lines) if text.startswith('"Language:')), 1)
    source.mount(("language",), Located(shown, language, {(): (said, 1)}))
    status = po.metadata.get(STATUS, "draft") or "draft"
    review: dict[str, Any] = {"status": status}
    if po.metadata.get(REVIEWED_BY):
        review["reviewed_by"] = po.metadata[REVIEWED_BY]
    if po.metadata.get(REVIEW_DATE):
        review["date"] = _date(po.metadata[REVIEW_DATE])
    data["translation"] = review
    out_of_step = 0
    for part in printed_parts(source):
        entry = entries.get(part.path)
        if entry is None or not entry.msgstr.strip():
            where = (shown, _msgstr_line(lines, entry), 1) if entry is not None else \
                (source.file, part.line, part.column)
            source.warnings.append(Advice(
                *where, part.path, f"not translated in {shown}: the English of "
                f"{source.file}:{part.line} is printed", "translate it (Poedit, Weblate...)"))
            continue
        line = _msgstr_line(lines, entry)
        stale = entry.msgid != part.text or entry.fuzzy
        if stale:
            out_of_step += 1
            older = entry.msgid != part.text or entry.previous_msgid
            message = (f"this part of {shown} translates an older version of "
                       f"{source.file}:{part.line}: review it" if older else
                       f"this part of {shown} is marked fuzzy (to review): review it")
            source.warnings.append(Advice(
                shown, line, 1, part.path, message,
                f"run `handout translate {source.file} --to {language} -o {shown}` (it "
                "shows the old English beside the new), review it and clear its fuzzy mark"))
        value = from_text(part.loc, entry.msgstr)
        values: dict[Loc, tuple[int, int]] = {(): (line, 1)}
        if isinstance(value, list):
            values.update({(i,): (line, 1) for i in range(len(value))})
        source.mount(part.loc, Located(shown, value, values))
    if out_of_step and status == "reviewed":
        review["status"] = "draft"  # the review was of other English
        source.warnings.append(Advice(
            shown, 1, 1, "", f"{out_of_step} entr{'ies' if out_of_step != 1 else 'y'} changed "
            "in the English since the review: the handout prints as a draft until they are "
            "reviewed", "review them, then set the header's X-Handout-Status again"))
    return source


def _msgstr_line(lines: list[str], entry: polib.POEntry | None) -> int:
    """The line of an entry's msgstr (polib gives the entry's first line)."""
    if entry is None:
        return 1
    start = max(entry.linenum - 1, 0)
    for n in range(start, min(start + 200, len(lines))):
        if lines[n].startswith("msgstr"):
            return n + 1
    return entry.linenum or 1


def _date(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return text  # validation says what is wrong with it
