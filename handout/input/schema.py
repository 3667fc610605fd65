"""JSON Schemas of content and clinic files, generated from the model (editors use them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import Field

from handout.common.files import write_atomic
from handout.input.clinic import Clinic
from handout.input.model import Document, HelpPanel

DRAFT = "https://json-schema.org/draft/2020-12/schema"


class ClinicFile(Clinic):
    """A clinic file: the clinic's keys plus what `sources.py` takes out before validation."""

    help: HelpPanel | None = Field(
        default=None, description="Replaces the topic's 'When to get help' panel.")
    translations: dict[str, dict[str, Any]] = Field(
        default_factory=dict,
        description="Per language (e.g. 'es'): tagline, logo_alt and call_to_action text in "
        "that language; `handout check` warns when a handout's language has none.")


def _text(schema: dict[str, Any], title: str) -> str:
    schema["$schema"] = DRAFT
    schema["title"] = title
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def schema_text() -> str:
    """Content files: `clinic` is a clinic file's path, or the clinic's keys inline."""
    schema = Document.model_json_schema()
    inline = schema["properties"]["clinic"]
    schema["properties"]["clinic"] = {"anyOf": [
        {"type": "string", "description": "A clinic file, e.g. assets/clinics/NAME.yaml"},
        inline]}
    return _text(schema, "handout content file")


def clinic_schema_text() -> str:
    return _text(ClinicFile.model_json_schema(), "handout clinic file")


def write_schema(path: Path) -> list[Path]:
    """Write the content schema to `path` and the clinic schema beside it; both paths."""
    clinic = path.with_name("clinic.schema.json")
    write_atomic(path, schema_text().encode("utf-8"))
    write_atomic(clinic, clinic_schema_text().encode("utf-8"))
    return [path, clinic]
