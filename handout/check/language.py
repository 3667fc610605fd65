"""Parts of a translated file still in the language it was translated from.

A clinic translating content.yaml into Spanish may leave a section, a paragraph or a list
item in English; the build would print it as it is. Each printed part (the title, key
points, intro, each section, the figures' words, plan, help, word play, disclaimer) is
identified as a whole, then each of its sentences-long pieces, by py3langid (the
langid.py model, BSD; its model is inside the wheel, so it works offline), choosing only
between the languages handout prints. A warning needs a clear verdict on enough words:
names, drug names, numbers and short labels are never enough to call.

Loading the model takes about 0.6 s, so only a translated file pays it: one in a language
other than English (translated from English), or one whose `checks.translated_from` says.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from handout.check.findings import Finding, Where
from handout.check.passages import Block, Part, blocks
from handout.common.translations import base_language, languages
from handout.input.model import Document

# A verdict the model is this sure of, on at least this many words, is a finding. Measured
# on content.es.yaml: no Spanish part of 4 or more words scores over 0.06 as English, while
# the English parts of content.yaml left in it score 0.98-1.0.
SURE = 0.99
PART_WORDS = 4
BLOCK_WORDS = 8
NAMES = {"en": "English", "es": "Spanish"}
ROLES = {"heading": "heading", "paragraph": "paragraph", "item": "list item",
         "label": "label"}
_NOT_WORDS = re.compile(r"\*\*|https?://\S+|\S+@\S+|\S*\d\S*")
_WORD = re.compile(r"[^\W\d_]{2,}")


def source_language(doc: Document) -> str:
    """The language `doc` was translated from, or "" when it is not a translation."""
    if doc.checks.translated_from:
        return base_language(doc.checks.translated_from)
    return "en" if base_language(doc.language) != "en" else ""


def language_findings(doc: Document, where: Where) -> list[Finding]:
    """A warning for each part (or piece of a part) written in the source language."""
    source, target = source_language(doc), base_language(doc.language)
    if not source or source == target:
        return []
    names = [doc.clinic.name, doc.clinic.short, doc.clinic.website, doc.clinic.phone]
    found: list[Finding] = []
    for block in _blocks(doc):
        if _in(source, target, " ".join(p.text for p in block.parts), names, BLOCK_WORDS):
            found.append(where.warning(
                block.parts[0].loc,
                f"{_called(block)} is in {_name(source)}, not {_name(target)} (the file's "
                f"`language: {doc.language}`)",
                f"Translate it into {_name(target)}, or leave it out of this file."))
            continue
        for part in block.parts:
            if _in(source, target, part.text, names, PART_WORDS):
                found.append(where.warning(
                    part.loc,
                    f"this {ROLES[part.role]} is still in {_name(source)}, not "
                    f"{_name(target)}: \"{_quote(part.text)}\"",
                    f"Translate it into {_name(target)}."))
    return found


def _blocks(doc: Document) -> list[Block]:
    """What is read as one: the title and subtitle, then the parts the reading level is
    graded by (check/passages.py)."""
    title = [Part(("title",), doc.title, "heading")]
    if doc.subtitle:
        title.append(Part(("subtitle",), doc.subtitle, "paragraph"))
    return [Block("Title", ("title",), "body", tuple(title)), *blocks(doc)]


def _in(source: str, target: str, text: str, names: list[str], least: int) -> bool:
    """Whether `text` (less names, numbers and links) has `least` words or more and the
    model is sure it is in `source`."""
    for name in names:
        if name:
            text = text.replace(name, " ")
    text = _NOT_WORDS.sub(" ", text)
    if len(_WORD.findall(text)) < least:
        return False
    scores = dict(_identify(tuple(sorted({source, target, *languages()}))).rank(text))
    return bool(scores.get(source, 0.0) >= SURE)


@cache
def _identify(candidates: tuple[str, ...]) -> Any:
    """py3langid's identifier, choosing among `candidates` only, with probabilities."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(candidates))
    return identifier


def _called(block: Block) -> str:
    if block.loc[0] == "sections":
        return f"section {block.name.split('. ', 1)[0]}, \"{block.name.split('. ', 1)[1]}\","
    return f"\"{block.name}\""


def _name(language: str) -> str:
    return NAMES.get(language, f"'{language}'")


def _quote(text: str, most: int = 60) -> str:
    text = " ".join(text.replace("**", "").split())
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + "..."
