"""Parts of a translated file still in the language it was translated from, and the
clinic's words (call to action, tagline, logo description) with no translation for it.

A clinic translating content.yaml into Spanish may leave a section, a paragraph or a list
item in English; the build would print it as it is. Each printed part (the title, key
points, intro, each section, the figures' words, plan, help, word play, disclaimer) is
identified as a whole, then each of its headings, paragraphs and list items, by py3langid
(the langid.py model, BSD; its model is inside the wheel, so it works offline), choosing
only between the languages handout prints. A warning needs a clear verdict on enough words:
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
from handout.common.translations import base_language, identifier_code, languages, strings
from handout.input.loader import Located
from handout.input.model import Document

# A verdict the model is this sure of, on at least this many words, is a finding. Measured
# with content.yaml's parts judged as if left in content.es.yaml: all 17 parts and 91 of
# the 95 pieces of 4 words or more are found (the 4 missed are short headings); none of
# content.es.yaml's own is (tests/check/test_language.py).
SURE = 0.99
PART_WORDS = 4
BLOCK_WORDS = 8
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


# The clinic's own words that print (or, the logo's, are read aloud) in the handout.
CLINIC_WORDS = {("call_to_action", "text"): "call to action", ("tagline",): "tagline",
                ("logo_alt",): "logo description"}


def clinic_findings(doc: Document, located: Located, where: Where) -> list[Finding]:
    """One warning when some of the clinic's words have no translation into the handout's
    language (they then print as written), at the first of them in the clinic file."""
    clinic, target = doc.clinic, base_language(doc.language)
    if base_language(clinic.language) == target:
        return []
    missing: list[tuple[tuple[str, ...], str]] = []
    for key in CLINIC_WORDS:
        text = getattr(clinic, key[0]) if len(key) == 1 else clinic.call_to_action.text
        file, inner = located.owner(("clinic", *key))
        if text and (*inner[:-len(key)], "translations", target, *key) not in file.values:
            missing.append((key, text))
    if not missing:
        return []
    (first, text), them = missing[0], "them" if len(missing) > 1 else "it"
    words = [CLINIC_WORDS[key] for key, _ in missing]
    listed = ", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]
    lines = ["translations:", f"  {target}:"]
    for key, _ in missing:
        lines += [f"    {key[0]}:", f"      {key[1]}: ..."] if len(key) == 2 \
            else [f"    {key[0]}: ..."]
    source, language = _name(base_language(clinic.language)), _name(target)
    inline = located.owner(("clinic", *first))[0] is located  # the clinic's keys written here
    where_to = ("Move the clinic's keys to a clinic file (`clinic: clinic.yaml`), which can "
                f"give {them} in {language}:" if inline
                else f"Add {them} to the clinic file, in {language}:")
    return [where.warning(
        ("clinic", *first),
        f"the clinic has no {language} {listed}, so this {language} handout has {them} in "
        f"{source} (\"{_quote(text)}\")",
        where_to + "\n" + "\n".join("        " + line for line in lines))]


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
    if identifier_code(source) == identifier_code(target):
        return False  # Simplified and Traditional Chinese: one language to the model
    candidates = {identifier_code(x) for x in (source, target, *languages())}
    scores = dict(_identify(tuple(sorted(candidates))).rank(text))
    return bool(scores.get(identifier_code(source), 0.0) >= SURE)


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
    try:
        return strings(language).name
    except KeyError:
        return f"'{language}'"


def _quote(text: str, most: int = 80) -> str:
    text = " ".join(text.replace("**", "").split())
    return text if len(text) <= most else text[:most].rsplit(" ", 1)[0] + "..."
