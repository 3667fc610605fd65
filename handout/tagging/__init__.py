"""Tagged PDF on ReportLab's open-source edition, which writes no structure of its own.

The layout gives flowables roles (`tag`, `group`, `TaggedList`) and marks decoration as
`artifact`; a `TaggingCanvas` with a `Recorder` wraps what each draws in marked-content
operators and, when saved, writes the structure tree, parent tree, MarkInfo and XMP
metadata. A canvas without a recorder draws exactly what an untagged build draws.
"""

from handout.tagging.flowables import TaggedList, artifact, group, marked, roots, tag
from handout.tagging.structure import FOOTER, HEADER, LAYOUT, Artifact, Element, Recorder
from handout.tagging.writer import TaggingCanvas

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
