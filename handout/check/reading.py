"""Reading level per block against the targets in content.yaml (`checks:`)."""

from __future__ import annotations

from dataclasses import dataclass

from handout.check.findings import Finding, Where
from handout.check.passages import Block, Part, blocks
from handout.check.readability import Scores, combine, prepare, score, word_count, word_forms
from handout.input.loader import format_loc
from handout.input.model import Document


@dataclass(frozen=True)
class Row:
    """One line of the reading-level table."""

    name: str
    path: str
    line: int
    kind: str
    target: float
    scores: Scores

    @property
    def ok(self) -> bool:
        return self.scores.fk_grade <= self.target


def _prepared(part: Part, *, items_as_sentences: bool = False) -> str:
    if part.role == "heading":
        return ""  # headings are labels, not sentences (handout-standards.md)
    if part.role == "label":
        return prepare(part.text)  # a chart's words: all there is to read there
    return prepare(part.text, list_item=part.role == "item" and not items_as_sentences)


def scored_parts(block: Block) -> list[tuple[Part, str]]:
    """Each part of `block` with its text ready to score.

    List-item fragments are left out where the block has sentences, as the standards ask
    (they would make the prose look easier than it is). A block of fragments only, such as
    a bullet-only section, is graded from them, each item read as a sentence: every printed
    part gets a grade.
    """
    texts = [(p, _prepared(p)) for p in block.parts]
    if any(text for _, text in texts):
        return texts
    return [(p, _prepared(p, items_as_sentences=True)) for p in block.parts]


def topic_words(doc: Document) -> frozenset[str]:
    """Words never to suggest replacing: those of the title and of the glossary's terms.
    A depression handout must say "depression"; a glossary term is explained, not avoided."""
    return word_forms([doc.title, *doc.glossary])


def block_scores(block: Block, keep: frozenset[str] = frozenset()) -> Scores | None:
    """Scores of a block's prepared text, or None when nothing in it is scorable."""
    return score(combine([text for _, text in scored_parts(block)]), keep)


def _hardest_part(block: Block) -> tuple[Part, float] | None:
    """The single paragraph or item with the highest grade: where to start rewriting."""
    graded = [(p, s.fk_grade) for p, text in scored_parts(block)
              if (s := score(text)) is not None]
    return max(graded, key=lambda pair: pair[1]) if graded else None


def _over_target(where: Where, block: Block, row: Row) -> Finding:
    s = row.scores
    smog = f", SMOG {s.smog:g}" if s.smog is not None else ""
    message = (f"{block.name!r} reads at grade {s.fk_grade:g} (Flesch-Kincaid{smog}); "
               f"the target is {row.target:g} or below")
    longest = "; ".join(f'"{x}" ({word_count(x)} words)' for x in s.longest)
    fix = f"Split or shorten the longest sentences: {longest}."
    if s.hardest:
        fix += f" Use everyday words for: {', '.join(s.hardest)}."
    hardest = _hardest_part(block)
    at = block.loc
    if hardest is not None:
        part, grade = hardest
        line, _ = where.located.where(part.loc)
        fix += f" Start with {format_loc(part.loc)} (line {line}, grade {grade:g})."
        if part.role == "label":
            at = part.loc  # chart words stand apart in the file: point at the hardest
    return where.error(at, message, fix)


def reading_level(doc: Document, where: Where) -> tuple[list[Row], list[Finding]]:
    """A table row per block, and an error for each block over its target grade."""
    if doc.language.split("-")[0] != "en":
        return [], [where.warning(
            ("language",), f"reading level is not scored for language {doc.language!r}",
            "The grade formulas are for English: ask a reader of the language to review it.")]
    rows: list[Row] = []
    findings: list[Finding] = []
    keep = topic_words(doc)
    for block in blocks(doc):
        scores = block_scores(block, keep)
        if scores is None:
            continue
        target = doc.checks.max_grade if block.kind == "body" else doc.checks.action_max_grade
        line, _ = where.located.where(block.loc)
        row = Row(block.name, format_loc(block.loc), line, block.kind, target, scores)
        rows.append(row)
        if not row.ok:
            findings.append(_over_target(where, block, row))
    return rows, findings
