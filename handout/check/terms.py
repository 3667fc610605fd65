"""Medical terms from the glossary must be explained where the handout first uses them.

"Explained" is judged from the words around the first use: the sentence with the term and the
two sentences either side (a heading counts as one) must share at least two words with the
glossary's plain explanation. This finds a term used long before it is explained, or never
explained; whether the explanation is a good one still needs a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from handout.check.findings import Finding, Where
from handout.check.passages import Part, printed
from handout.check.readability import sentences
from handout.input.model import Document

WINDOW = 2  # sentences either side of the first use
NEEDED = 2  # explanation words that must appear in that window

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# Words too common to show that a term is being explained.
_STOP_WORDS = (
    "a an and are as at be been being but by can do does for from has have how in into is it "
    "its it's like more most of on or our than that the their them these they this those to "
    "too very was we were what when where which who why will with you your"
)
_STOP = frozenset(_STOP_WORDS.split())


@dataclass(frozen=True)
class _Sentence:
    part: Part
    text: str


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def content_words(text: str) -> set[str]:
    """Distinct stems of the words that carry meaning. Chinese writes no spaces between
    words: a run of Han characters gives its pairs of neighbouring characters instead."""
    words = set()
    for w in _WORD.findall(text):
        if _HAN.search(w):
            words |= {a + b for run in _HAN.findall(w) for a, b in pairwise(run)}
        elif w.lower() not in _STOP and len(w) > 2:
            words.add(_stem(w))
    return words


def _sentences(doc: Document) -> list[_Sentence]:
    out: list[_Sentence] = []
    for part in printed(doc):
        text = part.text.replace("**", "")
        pieces = [text] if part.role in ("heading", "label") else sentences(text)
        out.extend(_Sentence(part, s) for s in pieces)
    return out


def _pattern(term: str) -> re.Pattern[str]:
    if _HAN.search(term):
        return re.compile(re.escape(term))  # no word boundaries in Chinese text
    if _HANGUL.search(term):
        return re.compile(rf"(?<!\w){re.escape(term)}")  # Korean adds its particles: 불면증이
    return re.compile(rf"\b{re.escape(term)}(?:s|es)?\b", re.IGNORECASE)


def _check_term(term: str, explanation: str, stream: list[_Sentence],
                where: Where) -> Finding | None:
    loc = ("glossary", term)
    pattern = _pattern(term)
    first = next((i for i, s in enumerate(stream) if pattern.search(s.text)), None)
    if first is None:
        return where.warning(loc, f"the glossary term {term!r} is not used in the handout",
                             "Remove it from the glossary, or check its spelling.")
    window = " ".join(s.text for s in stream[max(0, first - WINDOW): first + WINDOW + 1])
    wanted = content_words(explanation) - content_words(term)
    shared = wanted & content_words(window)
    if len(shared) >= min(NEEDED, len(wanted)):
        return None
    part = stream[first].part
    return where.error(
        part.loc, f"{term!r} is first used here without being explained",
        f'Explain it in this sentence or the next, in plain words, e.g. "{explanation}".')


def term_findings(doc: Document, where: Where) -> tuple[bool | None, list[Finding]]:
    """Whether every glossary term is explained at first use (None: no glossary)."""
    if not doc.glossary:
        return None, [where.warning(
            ("glossary",), "no glossary: medical terms cannot be checked",
            "Add `glossary:` with each medical term the handout uses and a plain explanation.")]
    po = where.located.mounts.get(("translation",))
    if po is not None and po.file.endswith(".po"):
        # A PO file translates the printed text, not the glossary (which is not printed):
        # English terms and explanations cannot be looked for in the translation's words.
        return None, [where.warning(
            ("glossary",), f"the glossary is in the language of {where.located.file}, so "
            f"{po.file}'s medical terms are not checked",
            "Have a reader of the language check that each medical term is explained where "
            "it is first used.")]
    stream = _sentences(doc)
    findings = [f for term, explanation in doc.glossary.items()
                if (f := _check_term(term, explanation, stream, where)) is not None]
    return not any(f.severity == "error" for f in findings), findings
