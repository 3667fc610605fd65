"""The hard caps that keep a list printable, as opposed to reading advice.

A list inside a box (a section's box, the key points, a help tier) is one unbreakable block,
so it must fit one page in the tallest variant: large print (18 pt) on letter paper. The
estimate counts lines, not characters: twelve items just too long for one line fill 24 lines
with only 700 characters. Advice such as "7 items or fewer" is `handout check`'s to give.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# Characters on a line of a boxed list in large print: about 50, fewer where words wrap
# early or the text is bold, so the estimate errs toward more lines.
LINE_CHARS = 45
# Lines of a boxed list that fit one page, with the space after each item. Measured
# (letter, large print): 21 one-line items fit and 22 do not; 11 two-line items, not 12;
# 6 four-line items, not 7.
PAGE_LINES = 25
ITEM_GAP = 0.25  # the space after an item, in lines

# Any list, boxed or not: a plain list flows across pages, so this cap only stops a runaway
# list (a pasted document) from filling pages. Fewer is better: the check warns over 7.
LIST_ITEMS = 20
LIST_ADVICE = "At most 20; 7 or fewer are easier to remember (`handout check` warns over 7)."


def lines(text: str) -> int:
    """Lines `text` takes in a boxed list in large print (at least one)."""
    return max(1, math.ceil(len(text) / LINE_CHARS))


def boxed_lines(texts: Sequence[str], heading: str = "") -> float:
    """Lines a boxed list (and the heading printed in the same block, if any) takes."""
    head = lines(heading) if heading else 0
    return head + sum(lines(text) + ITEM_GAP for text in texts)


def overflow(texts: Sequence[str], heading: str = "") -> str:
    """Why the list cannot fit a page, or "" when it fits."""
    needed = boxed_lines(texts, heading)
    if needed <= PAGE_LINES:
        return ""
    return (f"this boxed list takes about {math.ceil(needed)} lines in large print; at most "
            f"{PAGE_LINES} fit on a page: shorten the items or move some out of the box")
