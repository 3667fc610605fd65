"""A translation in step with its source: each part whose English changed since it was
translated (stale), each English part it lacks, and each PO entry not translated yet.

The input finds them as it reads the translation (input/translation.py for a YAML
translation, input/po.py for a PO file), so a build prints the same warnings; here they
become findings of the report, located in the translation, each with what to do."""

from __future__ import annotations

from handout.check.findings import Finding
from handout.input.loader import Located


def translation_findings(located: Located) -> list[Finding]:
    """The translation's warnings as findings (none for a file that is no translation)."""
    return [Finding("warning", p.file, p.line, p.column, p.path, p.message,
                    str(getattr(p, "fix", "")))
            for p in located.warnings]
