"""Every build proves its own pages: after the last layout pass, before anything is written,
what the layout placed is read back (each block's page, frame, rectangle, box and lines,
recorded by layout/placing.py) and held to the rules a clinic would check by eye
(../shared/print-formats.md):

- no heading as the last thing on a page, column or panel, and no heading or box title
  whose last line is one word (in Chinese, Japanese and Korean, one letter: kinsoku.words);
- no phone number, date, price or "988 now" split across lines, and no word cut because
  it is wider than its line (ReportLab cuts such a word where the line ends);
- nothing past its column or panel, so nothing outside the safe area (the frames lie in
  it: tests/proof/test_build_proof.py); no two boxes nearer than the theme's gap allows;
  no box, help tier, plan or figure (a unit kept whole) drawn in two frames
  (layout/proof_boxes.py);
- no page, column or panel a quarter empty or more (a document's last page excepted:
  it ends where its text does).

Each finding is located at the part of the content file it comes from.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from itertools import pairwise

from reportlab.platypus import Flowable, Paragraph

from handout.input.loader import Loc
from handout.layout.blocks import Heading
from handout.layout.kinsoku import words
from handout.layout.measure import lines_of
from handout.layout.placing import Block
from handout.layout.proof_boxes import (
    BOX_GAP,
    NEAREST_BOXES,
    Broken,
    boxes_apart,
    outside_frame,
    paragraphs,
    split_units,
)
from handout.layout.spread import MOST_EMPTY, FrameEnd
from handout.layout.unbroken import NBSP, protected

__all__ = ["BOX_GAP", "EMPTY_REFUSED", "GAP_LINES", "Block", "Broken", "prove"]

# A page or panel a quarter empty is refused like an overflow: the layout spreads, splits
# long boxes, floats figures, grows text and pulls callouts, so a page it still cannot
# fill is the content's to change.
EMPTY_REFUSED = True
GAP_LINES = 3  # a stretch of up to this many body lines between blocks reads as space
# What to change when the clinic's phone number cannot be set whole where it is printed.
SHORTER = ("write it shorter (e.g. without the country code for local readers), or shorten "
           "the text around it")


def prove(placed: Sequence[Block], ends: Sequence[FrameEnd],
          names: dict[tuple[int, str], str], *, last_page_ends: bool, pitch: float = 0.0,
          locs: dict[tuple[int, str], Loc] | None = None,
          owners: Mapping[str, Loc] | None = None,
          nearest: float = NEAREST_BOXES) -> list[Broken]:
    """The rules these pages break. `ends`: each frame's height, the height it had
    left unused and where its blocks printed; `names`: how to name each frame ("page 3",
    "the flap"); `last_page_ends`: the last page may end part-way (a document's);
    `pitch`: the body text's line pitch; `locs`: the part laid out as each frame began;
    `owners`: where a protected word is written when not in the part being laid out (the
    clinic's phone number, in the clinic file); `nearest`: the points boxes keep between
    them (the theme's gap, BOX_GAP of it)."""
    owners = owners or {}
    out: list[Broken] = []
    story = [p for p in placed if not p.pulled]  # a callout follows no heading
    for n, p in enumerate(story):
        where = names.get((p.page, p.frame), f"page {p.page}")
        lines = lines_of(p.flowable)
        if _is_heading(p.flowable):
            after = story[n + 1] if n + 1 < len(story) else None
            if after is not None and (after.page, after.frame) != (p.page, p.frame):
                out.append(Broken(p.loc, where, f'the heading "{" ".join(lines)}" is the '
                                  f"last line of {where}; its text starts on the next"))
            if len(lines) > 1 and words(lines[-1]) == 1:
                out.append(Broken(p.loc, where, f'the heading "{" ".join(lines)}" ends '
                                  f'on one word ("{lines[-1]}") on {where}'))
        for para in paragraphs(p.flowable):
            split = _split_tokens(para)
            out += [Broken(owners[token], where, f'"{token}" is split across two lines on '
                           f"{where}; {SHORTER}", says_what_to_do=True) if token in owners
                    else Broken(p.loc, where, f'"{token}" is split across two lines on {where}')
                    for token in split]
            for word in _cut_words(para):
                owner = next((t for t in owners if _within(word, t)), None)
                if not any(_within(word, t) for t in split):
                    out.append(Broken(owners[owner] if owner else p.loc, where, (
                        f'"{owner or word}" is wider than its line on {where}, so it is cut '
                        "in two; " + (SHORTER if owner else "shorten it or the words around "
                                      "it")), says_what_to_do=True))
    out += outside_frame(placed, names) + boxes_apart(placed, names, nearest) + \
        split_units(placed, names)
    return out + _empty(story, ends, names, last_page_ends=last_page_ends,
                        allowed=GAP_LINES * pitch, locs=locs or {})


def _empty(placed: Sequence[Block], ends: Sequence[FrameEnd],
           names: dict[tuple[int, str], str], *, last_page_ends: bool, allowed: float,
           locs: dict[tuple[int, str], Loc]) -> list[Broken]:
    """Each page, column or panel a quarter empty or more, measured as the proof
    measures the printed page (FrameEnd.empty), and located at the part that moved on to
    the next one and left that room (else the part the frame holds)."""
    out = []
    last_page = max((end.page for end in ends), default=0)
    order = [(end.page, end.frame) for end in ends]
    first: dict[tuple[int, str], Block] = {}  # the first block of each frame that prints
    last: dict[tuple[int, str], Block] = {}  # and the last
    # A mark or a choice takes no room: a frame holding only those has nothing printed
    # (a booklet's blank page before its back cover is passed by, not moved on from).
    for p in (p for p in placed if p.rect is None or p.rect[3] > 0):
        first.setdefault((p.page, p.frame), p)
        last[(p.page, p.frame)] = p
    for n, end in enumerate(ends):
        key = (end.page, end.frame)
        if last_page_ends and end.page == last_page:
            continue
        empty = end.empty(allowed)
        if empty <= MOST_EMPTY * end.height:
            continue
        where = names.get(key, f"page {end.page}")
        after = next((first[k] for k in order[n + 1:] if k in first), None)
        before = next((last[k] for k in reversed(order[:n]) if k in last), None)
        if key not in first and before is not None:  # passed by: nothing was placed in it
            loc, why = before.loc, ("the text ends before it (the pages or panels are "
                                    "fixed: a booklet's come in fours); add to this part "
                                    "or the parts before it (a paragraph, a picture, a "
                                    "section)")
        elif after is not None:
            there = names.get((after.page, after.frame), f"page {after.page}")
            loc, why = after.loc, (f"this part, next, does not fit the room and starts on "
                                   f"{there}: add to the part before it (a paragraph, a "
                                   "picture)")
        else:
            loc, why = locs.get(key, ()), "add to the part on it (a paragraph, a picture)"
        out.append(Broken(loc, where, f"{where} is {empty / end.height:.0%} empty "
                          f"({empty:.0f} pt with nothing printed); {why}",
                          refused=EMPTY_REFUSED, says_what_to_do=True))
    return out


def _is_heading(f: Flowable) -> bool:
    """A section's heading, or a paragraph set as one (a sources or box title)."""
    return isinstance(f, Heading) or (
        isinstance(f, Paragraph) and getattr(f.style, "name", "") in HEADING_STYLES)


HEADING_STYLES = {"h1", "h2"}


def _source(para: Paragraph) -> str:
    """The paragraph's source markup as a reader sees it (its frags are gone once laid
    out), no-break spaces as spaces, as lines_of gives its lines."""
    marked = re.sub(r"<br\s*/?>", "\n", str(getattr(para, "text", "")))
    return html.unescape(re.sub(r"<[^>]*>", "", marked)).replace(NBSP, " ")


def _split_tokens(para: Paragraph) -> list[str]:
    """The protected words (layout/unbroken.py) of a paragraph that no one line holds
    whole: broken at a space, or cut inside (ReportLab cuts a word wider than its line)."""
    lines = lines_of(para)
    if len(lines) < 2:
        return []
    text = _source(para)
    return [token for start, end in protected(text)
            if not any((token := text[start:end]) in line for line in lines)]


def _cut_words(para: Paragraph) -> list[str]:
    """The words of a paragraph that ReportLab cut between two lines, as they are too wide
    for one: the end of a line and the start of the next make one word of the source, and
    are not two. Not in Chinese, Japanese and Korean, whose lines break between letters."""
    lines = lines_of(para)
    if len(lines) < 2 or getattr(para.style, "wordWrap", None) == "CJK":
        return []
    words = set(_source(para).split())
    return [end + start for a, b in pairwise(lines) if a.split() and b.split()
            and (end := a.split()[-1]) + (start := b.split()[0]) in words
            and not (end in words and start in words)]


def _within(word: str, token: str) -> bool:
    """Whether a cut `word` is part of `token` (the clinic's phone number, with the
    punctuation after it in the text)."""
    core = word.strip(",.;:!?)")
    return bool(core) and (core in token or token in word)
