"""Turn located YAML data into a `Document`, with every problem in plain English."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from handout.common.errors import ContentError, Problem
from handout.input.dates import no_such_day
from handout.input.loader import Loc, Located
from handout.input.model import Document

M = TypeVar("M", bound=BaseModel)

# Pydantic's wording, replaced with words a clinic coordinator can act on.
_MESSAGES = {
    "missing": "this is required; add it",
    "string_type": "expected text",
    "string_too_short": "this text is empty; write something or remove the line",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a group of 'key: value' lines",
    "model_type": "expected a group of 'key: value' lines",
    "bool_parsing": "expected true or false",
    "bool_type": "expected true or false",
    "float_parsing": "expected a number",
    "float_type": "expected a number",
    "int_parsing": "expected a whole number",
    "int_type": "expected a whole number",
    "finite_number": "expected an ordinary number (not .inf or .nan)",
    "date_from_datetime_parsing": "expected a date written as YYYY-MM-DD",
    "date_parsing": "expected a date written as YYYY-MM-DD",
    "date_type": "expected a date written as YYYY-MM-DD",
}


def parse_document(doc: Located) -> Document:
    """Validate a content file; raise `ContentError` listing every problem at once."""
    return parse(doc, Document)


def parse(doc: Located, model: type[M]) -> M:
    """Validate located data as `model`; raise `ContentError` listing every problem at once."""
    problems = list(doc.problems)
    try:
        document = model.model_validate(doc.data)
    except ValidationError as exc:
        problems += [_problem(doc, err, model) for err in _without_typo_echoes(exc.errors(
            include_url=False), model)]
    # A value the loader could not read also fails validation; say it once.
    seen = {p.path for p in doc.problems}
    problems = doc.problems + [p for p in problems[len(doc.problems):] if p.path not in seen]
    if problems:
        raise ContentError(sorted(set(problems), key=lambda p: (p.line, p.column)))
    return document


def _without_typo_echoes(errors: list[ErrorDetails], model: type[BaseModel]
                         ) -> list[ErrorDetails]:
    """Drop "'title' is missing" when the same mapping has a near-miss key like 'titel':
    the did-you-mean message already says it, and two messages for one typo confuse."""
    guessed = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(err["loc"])
            for guess in difflib.get_close_matches(str(loc[-1]), _fields_at(loc[:-1], model),
                                                   n=1, cutoff=0.6):
                guessed.add((*loc[:-1], guess))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in guessed)]


def _problem(doc: Located, err: ErrorDetails, model: type[BaseModel]) -> Problem:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    at = (err.get("ctx") or {}).get("at")
    if isinstance(at, int | str):  # a validator of a list that names the item at fault
        loc = (*loc, at)
    if kind == "extra_forbidden":
        return doc.problem(loc, _unknown_key(loc, model), prefer_key=True)
    if err.get("input", "") is None and (hint := _commented_out(doc, loc)):
        return doc.problem(loc, hint)
    message = _MESSAGES.get(kind) or _clean(err["msg"])
    if kind.startswith("date") and isinstance(err.get("input"), str):
        message = no_such_day(err["input"]) or message  # e.g. "2026-02-30", in quotes
    if kind.endswith("_type"):
        value = err.get("input")
        message += f", got {_describe(value)}"
        if kind == "string_type" and isinstance(value, (bool, int, float)):
            message += "; put it in quotes, like \"...\""
    if kind == "string_too_long" and isinstance(err.get("input"), str):
        message = _too_long(loc, err["input"], (err.get("ctx") or {}).get("max_length"))
    if kind == "too_long":
        message = f"too many items: at most {err.get('ctx', {}).get('max_length')}; " \
                  "split the list or shorten it"
    if kind == "missing":
        return doc.problem(loc[:-1], f"'{loc[-1]}' is missing; add it")
    return doc.problem(loc, message)


def _too_long(loc: Loc, text: str, limit: object) -> str:
    """Its length, the limit, and how to make it fit: a paragraph splits in two."""
    if not isinstance(limit, int):
        return "this text is too long; shorten it"
    paragraph = loc[-1:] == ("paragraph",) or (
        len(loc) > 1 and isinstance(loc[-1], int) and loc[-2] in ("paragraphs", "intro"))
    how = ("split it into two paragraphs" if paragraph else "split it into two items, or "
           "shorten it" if loc and isinstance(loc[-1], int) else "shorten it")
    return (f"this text is {len(text.strip()):,} characters, over the limit of {limit:,} "
            f"here; {how}")


def _commented_out(doc: Located, loc: Loc) -> str:
    """For `primary: #1F4E79`: YAML reads '#...' as a comment, so the value is empty."""
    owner, inner = doc.owner(loc)
    written = owner.commented.get(inner)
    if written is None:
        return ""
    quoted = '"' + written.replace('"', '\\"') + '"'
    example = f"{loc[-1]}: {quoted}" if loc and isinstance(loc[-1], str) else f"- {quoted}"
    return (f"'#' starts a comment in YAML, so this value is empty; put it in quotes: "
            f"{example}")


def _clean(msg: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        msg = msg.removeprefix(prefix)
    return msg[:1].lower() + msg[1:]


def _describe(value: Any) -> str:
    names = {dict: "a group of keys", list: "a list", str: "text", bool: "true/false",
             int: "a number", float: "a number", type(None): "nothing"}
    return names.get(type(value), type(value).__name__)


def _unknown_key(loc: Loc, model: type[BaseModel]) -> str:
    allowed = _fields_at(loc[:-1], model)
    key = str(loc[-1])
    guess = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{guess[0]}'?" if guess else f"allowed here: {', '.join(allowed)}"
    return f"unknown key '{key}'; {hint}"


def _fields_at(loc: Loc, root: type[BaseModel]) -> list[str]:
    """Field names of the model found at `loc` inside `root`."""
    model: type[BaseModel] | None = root
    for part in loc:
        if model is None or isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        model = _model_of(info.annotation) if info else None
    return list(model.model_fields) if model else []


def _model_of(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found:
            return found
    return None
