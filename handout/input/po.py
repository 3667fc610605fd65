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

polib (MIT, one pure-Python module) reads and writes the files; po_write.py writes them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from typing import Any

import polib

from handout.common.errors import ContentError, HandoutError, Problem
from handout.input.loader import Loc, Located, read_text
from handout.input.translation import PLACEHOLDERS, Advice, from_text, printed_parts

SOURCE = "X-Handout-Source"
STATUS = "X-Handout-Status"
REVIEWED_BY = "X-Handout-Reviewed-By"
REVIEW_DATE = "X-Handout-Review-Date"
LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


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
    source.mount(("language",), Located(shown, language, {(): (_header_line(lines,
                                                                             "Language"), 1)}),
                 whole=True)
    status = po.metadata.get(STATUS, "draft") or "draft"
    review: dict[str, Any] = {"status": status}
    if po.metadata.get(REVIEWED_BY):
        review["reviewed_by"] = po.metadata[REVIEWED_BY]
    if po.metadata.get(REVIEW_DATE):
        review["date"] = _date(po.metadata[REVIEW_DATE])
    header: dict[Loc, tuple[int, int]] = {(): (_header_line(lines, STATUS), 1)}
    for key, name in (("status", STATUS), ("reviewed_by", REVIEWED_BY), ("date", REVIEW_DATE)):
        header[(key,)] = (_header_line(lines, name), 1)
    source.mount(("translation",), Located(shown, review, header), whole=True)
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
        dropped = [p for p in PLACEHOLDERS if p in entry.msgid and p not in entry.msgstr]
        if dropped:
            source.warnings.append(Advice(
                shown, line, 1, part.path, f"the translation leaves out {', '.join(dropped)}: "
                "the English prints the clinic's own number, website or line there",
                "copy each {...} into the translation as it is"))
        value = from_text(part.loc, entry.msgstr)
        values: dict[Loc, tuple[int, int]] = {(): (line, 1)}
        if isinstance(value, list):
            values.update({(i,): (line, 1) for i in range(len(value))})
        source.mount(part.loc, Located(shown, value, values), whole=True)
    if out_of_step and status == "reviewed":
        review["status"] = "draft"  # the review was of other English
        source.warnings.append(Advice(
            shown, header[("status",)][0], 1, "translation.status",
            f"{out_of_step} entr{'ies' if out_of_step != 1 else 'y'} changed in the English "
            "since the review: the handout prints as a draft until they are reviewed",
            "review them, then set the header's X-Handout-Status again"))
    return source


def _header_line(lines: list[str], name: str) -> int:
    """The line of a header field ("Language: vi\n"), or 1."""
    return next((n + 1 for n, text in enumerate(lines) if text.startswith(f'"{name}:')), 1)


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
