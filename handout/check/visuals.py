"""Visual aids: what counts as a picture that helps the reader, and where each one is.

PEMAT-P ("uses visual aids") and the CDC Clear Communication Index ("a visual supports the
main message") ask for one, whatever the topic: a chart is one kind, a picture another, an
icon a third. The
help tiers' own icons (ambulance, phone, doctor) print on every handout to mark urgency, so
they count only where the content chooses one.
"""

from __future__ import annotations

from handout.input.loader import Loc
from handout.input.model import Document
from handout.input.sections import images


def visual_aids(doc: Document) -> list[Loc]:
    """Where each visual aid of the document is set, in file order; one line per kind."""
    return [
        *([("icon",)] if doc.icon is not None else []),
        *[("key_points", "items", i, "icon") for i, p in enumerate(doc.key_points.items) if p.icon],
        *[("sections", i, "icon") for i, s in enumerate(doc.sections) if s.icon],
        *[loc for loc, _ in doc.all_figures()],
        *[loc for loc, _ in images(doc.sections)],
        *[("plan", "steps", i, "icon")
          for i, p in enumerate(doc.plan.steps if doc.plan else []) if p.icon],
        *[("help", "tiers", i, "icon")
          for i, t in enumerate(doc.help.tiers if doc.help else []) if t.icon],
    ]
