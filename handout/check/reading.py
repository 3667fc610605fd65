"""Reading level per block against the targets in content.yaml (`checks:`), by the formula
validated for the handout's language (its locale's `readability`): Flesch-Kincaid grade for
English, the Szigriszt-Pazos score on the INFLESZ scale for Spanish. A language with no
validated formula is not measured, and the report says so: no English number is passed
off as its reading level."""

from __future__ import annotations

from dataclasses import dataclass

from handout.check.findings import Finding, Where
from handout.check.passages import Block, Part, blocks
from handout.check.readability import (
    Scores,
    combine,
    inflesz_band,
    prepare,
    score,
    word_count,
    word_forms,
)
from handout.common.translations import strings
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
    formula: str = "flesch_kincaid"  # or "szigriszt_pazos" (INFLESZ), whose target is a floor

    @property
    def ok(self) -> bool:
        if self.formula == "szigriszt_pazos":
            return self.scores.value >= self.target
        return self.scores.value <= self.target


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


def block_scores(block: Block, keep: frozenset[str] = frozenset(),
                 formula: str = "flesch_kincaid") -> Scores | None:
    """Scores of a block's prepared text, or None when nothing in it is scorable."""
    return score(combine([text for _, text in scored_parts(block)]), keep, formula)


def _hardest_part(block: Block, formula: str) -> tuple[Part, float] | None:
    """The single paragraph or item that reads hardest: where to start rewriting."""
    graded = [(p, s.value) for p, text in scored_parts(block)
              if (s := score(text, formula=formula)) is not None]
    if not graded:
        return None
    if formula == "szigriszt_pazos":
        return min(graded, key=lambda pair: pair[1])  # the lowest INFLESZ score
    return max(graded, key=lambda pair: pair[1])


def _over_target(where: Where, block: Block, row: Row) -> Finding:
    s = row.scores
    if row.formula == "szigriszt_pazos":
        message = (f"{block.name!r} scores {s.value:g} on the INFLESZ scale "
                   f"(Szigriszt-Pazos), \"{inflesz_band(s.value)}\"; the target is "
                   f"{row.target:g} or more")
    else:
        smog = f", SMOG {s.smog:g}" if s.smog is not None else ""
        message = (f"{block.name!r} reads at grade {s.value:g} (Flesch-Kincaid{smog}); "
                   f"the target is {row.target:g} or below")
    longest = "; ".join(f'"{x}" ({word_count(x)} words)' for x in s.longest)
    fix = f"Split or shorten the longest sentences: {longest}."
    if s.hardest:
        fix += f" Use everyday words for: {', '.join(s.hardest)}."
    hardest = _hardest_part(block, row.formula)
    at = block.loc
    if hardest is not None:
        part, value = hardest
        line, _ = where.located.where(part.loc)
        measured = "INFLESZ" if row.formula == "szigriszt_pazos" else "grade"
        fix += f" Start with {format_loc(part.loc)} (line {line}, {measured} {value:g})."
        if part.role == "label":
            at = part.loc  # chart words stand apart in the file: point at the hardest
    return where.error(at, message, fix)


def formula(doc: Document) -> str:
    """How `doc`'s reading level is measured: "flesch_kincaid", "szigriszt_pazos" or
    "none" (its locale's `readability`)."""
    return strings(doc.language).readability


def not_measured(doc: Document) -> str:
    """What the report says instead of a reading level, for a language with no validated
    formula; "" for a language that has one."""
    if formula(doc) != "none":
        return ""
    return (f"reading level is not measured for {strings(doc.language).name}: ask a reader "
            "of the language")


def _target(doc: Document, block: Block, how: str) -> float:
    body = block.kind == "body"
    if how == "szigriszt_pazos":
        return doc.checks.min_inflesz if body else doc.checks.action_min_inflesz
    return doc.checks.max_grade if body else doc.checks.action_max_grade


def reading_level(doc: Document, where: Where) -> tuple[list[Row], list[Finding]]:
    """A table row per block, and an error for each block that misses its target; nothing
    for a language with no validated formula (see `not_measured`)."""
    how = formula(doc)
    if how == "none":
        return [], []
    rows: list[Row] = []
    findings: list[Finding] = []
    keep = topic_words(doc)
    for block in blocks(doc):
        scores = block_scores(block, keep, how)
        if scores is None:
            continue
        line, _ = where.located.where(block.loc)
        row = Row(block.name, format_loc(block.loc), line, block.kind,
                  _target(doc, block, how), scores, how)
        rows.append(row)
        if not row.ok:
            findings.append(_over_target(where, block, row))
    return rows, findings
