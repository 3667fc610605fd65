"""Stage 3, pdf: the tagged-PDF toolkit the layout draws with, and page previews.

ReportLab's open-source edition writes no document structure of its own, so this does.

The layout gives flowables roles (`tag`, `group`, `TaggedList`) and marks decoration as
`artifact`; a `TaggingCanvas` with a `Recorder` wraps what each draws in marked-content
operators and, when saved, writes the structure tree, parent tree, MarkInfo and XMP
metadata. A canvas without a recorder draws exactly what an untagged build draws.
"""

from handout.pdf.roles import TaggedList, artifact, group, marked, roots, tag
from handout.pdf.structure_tree import FOOTER, HEADER, LAYOUT, Artifact, Element, Recorder
from handout.pdf.tagged_canvas import TaggingCanvas

__all__ = [
    "FOOTER",
    "HEADER",
    "LAYOUT",
    "Artifact",
    "Element",
    "Recorder",
    "TaggedList",
    "TaggingCanvas",
    "artifact",
    "group",
    "marked",
    "roots",
    "tag",
]
