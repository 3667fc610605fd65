"""What a translation translates: the printed texts of a content file, and a
translation's `translation:` block (its source and its review).

A part is one printed text, named by its structure path (`sections[2].paragraphs[0]`):
the same path in content.yaml and in its translation, so parts are matched by where they
stand, never by their words. A YAML translation (yaml_translation.py) and a PO file
(po.py) both translate parts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import Field, model_validator

from handout.common.errors import Problem
from handout.input.fields import Strict
from handout.input.loader import Loc, Located, format_loc

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


class Translation(Strict):
    """What a translated content file translates, and whether a person has reviewed it."""

    of: str = Field(default="", description=(
        "The content file this translates, relative to this file, e.g. content.yaml: "
        "`handout check` then names each part whose English has changed since."))
    status: Literal["draft", "reviewed"] = Field(default="draft", description=(
        "draft until a qualified medical translator has reviewed it: a draft prints "
        "'Draft translation - not reviewed' in the footer."))
    reviewed_by: Annotated[str, Field(max_length=150)] = Field(
        default="", description="Who reviewed it, e.g. 'Ana Ruiz, certified medical "
        "interpreter'.")
    date: dt.date | None = Field(default=None, description="When it was reviewed.")
    sources: dict[str, Annotated[str, Field(pattern=r"^[0-9a-f]{12}$")]] = Field(
        default_factory=dict, description=(
            "Written by `handout translate SOURCE --stamp THIS`, not by hand: a "
            "fingerprint of the English each part translates."))

    @model_validator(mode="after")
    def _reviewer(self) -> Translation:
        if self.status == "reviewed" and not self.reviewed_by:
            raise ValueError("a reviewed translation says who reviewed it: add "
                             "reviewed_by (and date)")
        return self

    @property
    def draft(self) -> bool:
        return self.status != "reviewed"
