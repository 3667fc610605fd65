"""Wording heuristics for the structure checks: plain regular expressions, no language model.

They are gates that catch the common slips ("Patients should...", "will be checked", a list
of ten), not a judgement of the writing: a person still reads the handout.
"""

from __future__ import annotations

import re

from handout.input.loader import Loc
from handout.input.model import Document
from handout.input.sections import section_blocks


def _words(text: str) -> frozenset[str]:
    """A word list written as one string, for lists too long to quote word by word."""
    return frozenset(text.split())


MAX_LIST = 7  # a list of more than 7 items fails the CDC index
MAX_KEY_POINTS = 5  # readers take in 3 to 5 main messages (the layout holds 7)
MAX_STEP_WORDS = 25  # one action per step (PEMAT-P: actions broken into explicit steps)

_BOLD = re.compile(r"\*\*")
# A form of "to be" followed by a past participle: "is made", "were given", "be checked".
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
    r"(?:\w+ed|made|done|given|taken|shown|known|told|seen|found|kept|held|written|eaten)\b",
    re.IGNORECASE,
)
# Participles that usually work as adjectives after "to be": not passive.
_ADJECTIVES = _words("tired interested worried scared concerned married used supposed "
                     "linked related based limited")
_THIRD_PERSON = re.compile(
    r"\b(?:patients?|people|one|clients?|individuals?)\s+(?:should|must|need to|are advised)\b",
    re.IGNORECASE,
)
# Openers that make a step a statement about someone rather than an instruction.
_NOT_IMPERATIVE = _words("the a an patients patient people they he she it its this that "
                         "these those there one someone doctors clinicians research studies")
_DECIMAL = re.compile(r"\b\d+\.\d+\b")
# "We know:" or "what we know", but not a question such as "How will we know ...?".
_KNOWN = re.compile(r"\bwe know(?::| that\b)|\bwhat (?:we|scientists|doctors) know\b"
                    r"|\bis known\b|\bresearch (?:shows|says)\b", re.IGNORECASE)
_UNKNOWN = re.compile(r"\b(?:not (?:yet )?known|(?:don't|do not) (?:yet )?know|still learning"
                      r"|no clear|open questions?|not clear|unknown)\b", re.IGNORECASE)
_HOW_TO_READ = re.compile(r"\bhow to read\b|\beach (?:dot|bar|line|row|box)\b|\bmeans\b",
                          re.IGNORECASE)
_VAGUE = _words("introduction background information overview details other notes more "
                "miscellaneous section summary")


def _plain(text: str) -> str:
    return _BOLD.sub("", text).strip()


def passive(text: str) -> bool:
    """True when `text` has a "to be" + participle phrase that is not an adjective."""
    return any(m.group(0).split()[-1].lower() not in _ADJECTIVES
               for m in _PASSIVE.finditer(_plain(text)))


def third_person(text: str) -> bool:
    """True for advice about the reader instead of to them ("Patients should ...")."""
    return bool(_THIRD_PERSON.search(_plain(text)))


def addresses_reader(text: str) -> bool:
    """True when `text` speaks to the reader: an instruction, or "you"."""
    plain = _plain(text)
    if third_person(plain):
        return False
    words = re.findall(r"[^\W\d_]+", plain.lower())
    return bool(words) and (words[0] not in _NOT_IMPERATIVE or "you" in words)


def decimal(text: str) -> bool:
    return bool(_DECIMAL.search(_plain(text)))


def says_known(text: str) -> bool:
    return bool(_KNOWN.search(_plain(text)))


def says_unknown(text: str) -> bool:
    return bool(_UNKNOWN.search(_plain(text)))


def explains_chart(caption: str) -> bool:
    return bool(_HOW_TO_READ.search(caption))


def vague_heading(heading: str) -> bool:
    """A heading of one generic word ("Background") tells the reader nothing."""
    words = re.findall(r"[^\W\d_]+", heading.lower())
    return not words or all(w in _VAGUE for w in words)


def lists(doc: Document) -> list[tuple[Loc, int]]:
    """Every printed list and its length."""
    out: list[tuple[Loc, int]] = [(("key_points", "items"), len(doc.key_points.items))]
    if doc.plan is not None:
        out.append((("plan", "steps"), len(doc.plan.steps)))
    for i, s in enumerate(doc.sections):
        for loc, block in section_blocks(s):
            items = block.bullets or block.steps or block.checklist
            if items:
                out.append((("sections", i, *loc), len(items)))
            if block.box is not None and block.box.bullets:
                out.append((("sections", i, *loc, "bullets"), len(block.box.bullets)))
    out += [(("help", "tiers", t, "items"), len(tier.items))
            for t, tier in enumerate(doc.help.tiers if doc.help is not None else [])]
    if doc.puzzle is not None:
        out.append((("puzzle", "riddles"), len(doc.puzzle.riddles)))
    return out
