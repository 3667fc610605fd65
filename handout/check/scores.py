"""Structure scores out of 100: PEMAT-P and the CDC Clear Communication Index.

Only the items a program can judge are scored (the rest still need a person); a score is
points / applicable items x 100, as PEMAT-P counts it. A scale under the target set in
content.yaml (`checks.min_score`, default 90, the CDC pass mark) is an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from handout.check.findings import Finding, Where
from handout.check.items import ITEMS, LABELS, Outcome
from handout.input.model import Document

# The automatable items of each scale (handout-standards.md), by key in `items.ITEMS`.
SCALES: dict[str, tuple[str, ...]] = {
    "PEMAT-P understandability": ("purpose", "terms", "active", "numbers", "chunks",
                                  "headings", "summary", "emphasis", "visual"),
    "PEMAT-P actionability": ("action", "steps", "tool", "chart_how"),
    "CDC Clear Communication Index": ("summary", "emphasis", "visual_cdc", "action", "active",
                                      "terms", "lists", "headings", "known_unknown", "contact"),
}

# Items judged from English wording (voice, "we know", "how to read"): other languages skip
# them rather than fail them, until their own word lists exist.
ENGLISH_ONLY = ("active", "action", "known_unknown", "chart_how", "headings")


@dataclass(frozen=True)
class Score:
    """One scale's result; `failed` names the items that lost points."""

    scale: str
    points: int
    applicable: int
    target: int
    failed: tuple[str, ...]

    @property
    def value(self) -> int:
        return round(100 * self.points / self.applicable) if self.applicable else 100

    @property
    def ok(self) -> bool:
        return self.value >= self.target


def _score(scale: str, keys: tuple[str, ...], outcomes: dict[str, Outcome],
           target: int) -> Score:
    applicable = [k for k in keys if outcomes[k].passed is not None]
    failed = tuple(k for k in applicable if not outcomes[k].passed)
    return Score(scale, len(applicable) - len(failed), len(applicable), target, failed)


def _outcomes(doc: Document, where: Where) -> tuple[dict[str, Outcome], list[Finding]]:
    language = doc.language.split("-")[0].lower()
    if language == "en":
        return {key: item(doc, where) for key, item in ITEMS.items()}, []
    skipped = where.warning(("language",), "the wording items ("
                            + "; ".join(LABELS[k] for k in ENGLISH_ONLY)
                            + f") are not checked for language {doc.language!r}",
                            "Have a reader of the language check them.")
    return {key: Outcome(None) if key in ENGLISH_ONLY else item(doc, where)
            for key, item in ITEMS.items()}, [skipped]


def structure(doc: Document, where: Where) -> tuple[list[Score], list[Finding]]:
    """A score per scale, the findings of every item, and an error per scale under target."""
    outcomes, findings = _outcomes(doc, where)
    findings += [f for outcome in outcomes.values() for f in outcome.findings]
    scores = [_score(scale, keys, outcomes, doc.checks.min_score)
              for scale, keys in SCALES.items()]
    findings += [
        where.error(("checks",) if "checks" in where.located.data else (),
                    f"{s.scale} scores {s.value} of 100; the target is {s.target}",
                    "Fix the findings of: " + "; ".join(LABELS[k] for k in s.failed) + ".")
        for s in scores if not s.ok
    ]
    return scores, findings
