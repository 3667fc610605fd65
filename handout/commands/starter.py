"""The starter in another language: `handout new FOLDER --language vi`.

The starter is written once, in English (handout/resources/starter/content.yaml, with the
notes for whoever edits it). Each language's words for it are data beside it
(starter/translations/<tag>.yaml: each printed part by its place, `sections[0].heading`, the
glossary, and the clinic's words), a DRAFT until a qualified medical translator has reviewed
them. `handout new` puts them in place of the English, keeping the file's notes and layout,
and writes a content file in that language whose `translation: {status: draft}` prints
"Draft translation – not reviewed" on the handout until the clinic has it reviewed.

A whole content file in the language, not a PO file: a new clinic edits one file in any text
editor, as it would the English starter, and builds it with no English file beside it. A PO
file translates a content file the clinic keeps in English (`handout translate`); the
starter is not that, it is the clinic's own handout to rewrite.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import yaml

from handout.common.errors import HandoutError
from handout.common.resources import RESOURCES
from handout.common.translations import languages, locale_of, strings
from handout.input.loader import Located, format_loc, load
from handout.input.translation import Part, printed_parts

STARTER = RESOURCES / "starter"
TRANSLATIONS = STARTER / "translations"


def starter_languages() -> list[str]:
    """The languages the starter is written in: en and each with a translation."""
    return sorted({"en", *(p.stem for p in TRANSLATIONS.glob("*.yaml"))})


@cache
def starter_translation(language: str) -> dict[str, Any]:
    """The starter's words in `language` (a table's tag: 'vi', 'zh-Hans')."""
    path = TRANSLATIONS / f"{language}.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def starter_language(written: str) -> str:
    """The starter's language for what `--language` says ('pt-BR' -> 'pt'), or a
    HandoutError naming the languages there are."""
    tag = locale_of(written)
    if tag is None or tag not in starter_languages():
        raise HandoutError(f"there is no starter in {written!r}; the starter is written in: "
                           f"{', '.join(starter_languages())}")
    return tag


def _printed(source: Located) -> list[Part]:
    """The starter's printed parts that are words: not the review dates `handout new`
    fills in (`${today}`)."""
    return [p for p in printed_parts(source) if p.written and "${" not in p.text]


def _scalar_end(line: str, start: int) -> int:
    """Where the YAML scalar that starts at `start` on `line` ends (exclusive)."""
    quote = line[start]
    if quote == '"':
        i = start + 1
        while line[i] != '"':
            i += 2 if line[i] == "\\" else 1
        return i + 1
    if quote == "'":
        i = start + 1
        while True:
            i = line.index("'", i)
            if line[i + 1: i + 2] != "'":
                return i + 1
            i += 2
    if line.rfind("[", 0, start) > line.rfind("]", 0, start):  # in a flow list: [a, b]
        return min(j for j in (line.find(",", start), line.find("]", start)) if j >= 0)
    comment = re.search(r"\s#", line[start:])
    return len((line[:start + comment.start()] if comment else line).rstrip())


def _put(lines: list[str], line: int, column: int, text: str) -> None:
    """The scalar at (`line`, `column`), both from 1, replaced by `text`, double-quoted."""
    row, start = line - 1, column - 1
    end = _scalar_end(lines[row], start)
    lines[row] = lines[row][:start] + json.dumps(text, ensure_ascii=False) + lines[row][end:]


def _set_formats(lines: list[str], source: Located, formats: dict[str, list[str]],
                 name: str) -> None:
    """Where a translation runs longer than the English, a section kept out of a format
    that has no room for it (`formats: {"sections[4]": [document, booklet]}`)."""
    for place, kept in sorted(formats.items(), reverse=True):
        index = int(re.fullmatch(r"sections\[(\d+)\]", place).group(1))  # type: ignore[union-attr]
        line = f"formats: [{', '.join(kept)}]   # {name} runs longer: no room elsewhere"
        section = source.data["sections"][index]
        if "formats" in section:
            row, column = source.where(("sections", index, "formats"), prefer_key=True)
            lines[row - 1] = lines[row - 1][:column - 1] + line
        else:
            row, column = source.where(("sections", index, "heading"), prefer_key=True)
            lines.insert(row, " " * (column - 1) + line)


def translate_starter(content: str, clinic: str, language: str) -> tuple[str, str]:
    """The starter's content and clinic files with `language`'s words in place of the
    English, marked as a draft translation."""
    words = starter_translation(language)
    parts: dict[str, str] = words["parts"]
    name = strings(language).name
    source = load(STARTER / "content.yaml")
    lines = content.split("\n")
    printed = _printed(source)
    missing = [format_loc(p.loc) for p in printed if format_loc(p.loc) not in parts]
    assert not missing, f"starter/translations/{language}.yaml lacks {missing}"
    # From the end, so that a replacement never moves one still to be made.
    for part in sorted(printed, key=lambda p: (p.line, p.column), reverse=True):
        _put(lines, part.line, part.column, parts[format_loc(part.loc)])
    _set_formats(lines, source, words.get("formats", {}), strings(language).name)
    text = "\n".join(lines)
    text = re.sub(r"^language: en$", f"language: {language}", text, count=1, flags=re.M)
    glossary = "".join(f"  {json.dumps(term, ensure_ascii=False)}: "
                       f"{json.dumps(meaning, ensure_ascii=False)}\n"
                       for term, meaning in words["glossary"].items())
    text = re.sub(r"^glossary:\n(?:  .*\n)+", f"glossary:\n{glossary}", text, count=1,
                  flags=re.M)
    header = (f"#\n# This starter is in {name}: a DRAFT translation by handout's developers, "
              "who are not\n# certified medical translators. Have a qualified medical "
              "translator review it, then\n# fill in `translation:` at the bottom "
              "(status: reviewed, reviewed_by, date). Until\n# then every page prints "
              f"\"{strings(language)('draft_translation')}\". The notes stay in English.\n"
              + _reading_note(language))
    text = text.replace("\n#\n", "\n" + header + "#\n", 1)
    text = text.rstrip("\n") + (
        "\n\n# Who reviewed this translation: a draft until a qualified medical translator"
        "\n# has (then: status: reviewed, reviewed_by: \"Name, credentials\", date: "
        "YYYY-MM-DD).\ntranslation:\n  status: draft\n")
    clinic_words = yaml.safe_dump({"translations": {language: words["clinic"]}},
                                  allow_unicode=True, sort_keys=False, width=1000)
    clinic = clinic.rstrip("\n") + (
        f"\n# What the handout prints in {name} in place of the words above (a DRAFT "
        "translation):\n# replace them with your own when you replace the English.\n"
        + clinic_words)
    return text, clinic


def _reading_note(language: str) -> str:
    """What the English notes' grade targets become in `language`."""
    table = strings(language)
    if table.readability == "szigriszt_pazos":
        return ("# Reading level: `handout check` grades Spanish on the INFLESZ scale "
                "(Szigriszt-Pazos),\n# not by grade: 55 or more in the body, 65 or more in "
                "key points, plan and help.\n")
    return (f"# Reading level: `handout check` does not measure it in {table.name} (no "
            "formula is\n# validated for it): the grade targets below are for English. "
            "Ask a reader of the\n# language to check the words are plain.\n")


def check_translations() -> list[str]:
    """Problems with the shipped starter translations (for the tests): a language with no
    table, a part the English starter no longer has."""
    problems = []
    english = {format_loc(p.loc) for p in _printed(load(STARTER / "content.yaml"))}
    for language in starter_languages():
        if language == "en":
            continue
        if language not in languages():
            problems.append(f"{language}: no locale table")
        extra = set(starter_translation(language)["parts"]) - english
        if extra:
            problems.append(f"{language}: parts the starter no longer has: {sorted(extra)}")
    return problems

