"""Assemble one document from its files: the content file and the clinic file it names.

Branding lives apart from content (`clinic: assets/clinics/NAME.yaml`), so one topic
serves many clinics; `--clinic FILE` swaps the clinic. Errors in the clinic file are
reported at its own lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handout.common.countries import DEFAULT, code_of, country
from handout.common.errors import HandoutError
from handout.common.translations import base_language
from handout.input.loader import Located, load

ASSET_KEYS = ("logo",)  # paths inside a clinic file, relative to that file


def display_path(path: Path) -> str:
    """The path as the user should see it in messages (relative when under the cwd)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def load_content(content: Path, clinic: Path | None = None,
                 translation: Path | None = None) -> Located:
    """The content file with its clinic mounted at `clinic`; problems stay located.

    `translation`: a PO file whose texts replace the content's (input/po.py). A PO file
    given as the content is built the same way, from the content file it names. A YAML
    translation that names its source (`translation.of`) gets a warning at each part
    out of step with it (input/translation.py)."""
    content, translation = source_and_translation(content, translation)
    doc = _translated(content, translation)
    if not isinstance(doc.data, dict):
        return doc  # validation reports it
    named = doc.data.get("clinic")
    if clinic is None and not isinstance(named, str):
        if isinstance(named, dict):
            _absolute_assets(named, content.resolve().parent, keys=("fonts",))
        fill_placeholders(doc)
        return doc  # an inline clinic block, or none (validation reports it)
    if clinic is not None and not clinic.is_file():  # the caller chose it: not located here
        raise HandoutError(f"no clinic file at {display_path(clinic)}")
    path = clinic if clinic is not None else content.resolve().parent / str(named)
    if not path.is_file():
        doc.problems.append(doc.problem(
            ("clinic",), f"no clinic file at {display_path(path)}; check the name "
            "(it is relative to the content file)"))
        return doc
    other = load(path, shown=display_path(path))
    if isinstance(other.data, dict):
        _localise(other.data, base_language(str(doc.data.get("language", "en"))))
        _absolute_assets(other.data, path.resolve().parent)
        if "help" in other.data:
            # The clinic's own help panel (its country's crisis lines) replaces the topic's.
            doc.mount(("help",), other.subtree(("help",)))
            del other.data["help"]
    doc.mount(("clinic",), other)
    fill_placeholders(doc)
    return doc


def source_and_translation(content: Path, translation: Path | None = None
                           ) -> tuple[Path, Path | None]:
    """A PO file given as the content stands for the content file it names (its header's
    X-Handout-Source) translated by it: (content file, PO file or None)."""
    if translation is None and content.suffix.lower() == ".po":
        from handout.input.po import po_source

        return po_source(content, display_path(content)), content
    return content, translation


def _translated(content: Path, translation: Path | None) -> Located:
    from handout.input.yaml_translation import source_of, yaml_translation_advice

    if translation is not None:
        from handout.input.po import translated

        if not translation.is_file():  # the caller chose it: not located here
            raise HandoutError(f"no translation file at {display_path(translation)}")
        if translation.suffix.lower() != ".po":
            raise HandoutError(f"--translation takes a PO file (.po), not "
                               f"{display_path(translation)}; build a YAML translation "
                               "as a content file of its own")
        return translated(load(content, shown=display_path(content)), translation,
                          display_path(translation))
    doc = load(content, shown=display_path(content))
    source = source_of(doc, content)
    if source is not None:
        doc.warnings += yaml_translation_advice(doc, content, display_path(source))
    return doc


def fill_placeholders(doc: Located) -> None:
    """Replace {clinic}, {phone} and {website} in the text with the clinic's own, and
    {emergency_line} and {crisis_line} with its country's ("call 911", "call or text 988").

    So one topic file can say "Call {clinic} at {phone}" for every clinic that uses it.
    """
    data = doc.data
    clinic = data.get("clinic") if isinstance(data, dict) else None
    if not isinstance(clinic, dict):
        return
    values = {f"{{{key}}}": clinic.get(key) for key in ("name", "phone", "website")}
    values["{clinic}"] = values.pop("{name}")
    filled = {k: str(v) for k, v in values.items() if isinstance(v, str)}
    # The clinic country's lines: "If you are in danger, {emergency_line}." An unknown
    # country leaves them as written (validation reports it at `country:`).
    code = code_of(str(clinic.get("country", DEFAULT)))
    if code is not None:
        filled.update(country(code).placeholders(str(data.get("language", "en"))))
    for key in data:
        if key != "clinic":
            data[key] = _fill(data[key], filled)


def _fill(value: Any, values: dict[str, str]) -> Any:
    if isinstance(value, str):
        for placeholder, text in values.items():
            value = value.replace(placeholder, text)
        return value
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    return value


def _localise(clinic: dict[str, Any], language: str) -> None:
    """Apply the clinic's `translations[language]` (tagline, call to action...) in place."""
    translations = clinic.pop("translations", None)
    if isinstance(translations, dict) and isinstance(translations.get(language), dict):
        _merge(clinic, translations[language])


def _merge(base: dict[str, Any], update: dict[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            _merge(base[key], value)
        else:
            base[key] = value


def _absolute_assets(clinic: dict[str, Any], folder: Path,
                     keys: tuple[str, ...] = (*ASSET_KEYS, "fonts")) -> None:
    for key in keys:
        value = clinic.get(key)
        if isinstance(value, str) and value:
            clinic[key] = str((folder / value).resolve())
        elif isinstance(value, dict):  # fonts: {language: file}
            clinic[key] = {k: str((folder / v).resolve()) if isinstance(v, str) and v else v
                           for k, v in value.items()}
