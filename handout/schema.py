"""The JSON Schema of content files, generated from the model (editors use it as you type)."""

from __future__ import annotations

import json
from pathlib import Path

from handout.build import write_atomic
from handout.model import Document


def schema_text() -> str:
    schema = Document.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "handout content file"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def write_schema(path: Path) -> None:
    write_atomic(path, schema_text().encode("utf-8"))
