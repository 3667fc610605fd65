"""Trust checks: the figure is honest and placed once, sources are findable, review is recent."""

from __future__ import annotations

import datetime as dt

from handout.check.findings import Finding, Where
from handout.input.model import Document
from handout.input.sections import figure_marks

MAX_REVIEW_AGE_DAYS = 2 * 365 + 1  # older than two years: warn (issue 4)
MAX_REVIEW_GAP_DAYS = 3 * 365 + 1  # NHS / PIF TICK: review at least every three years


def figure_findings(doc: Document, where: Where) -> list[Finding]:
    """Caption, alt text and source (or the illustrative label) of each figure; each
    `figure: true` places one, and says where."""
    figures, out = doc.all_figures(), []
    marks = [("sections", i, *loc) for i, loc in figure_marks(doc.sections)]
    for n, (loc, fig) in enumerate(figures, start=1):
        if not fig.caption.strip():
            out.append(where.error((*loc, "caption"), f"Fig. {n} has no caption",
                                   "Say what the chart shows and how to read it."))
        if not fig.alt_text.strip():
            out.append(where.error((*loc, "alt_text"), f"Fig. {n} has no alt text",
                                   "Describe the chart in words for readers who cannot see "
                                   "it."))
        if not fig.illustrative and not fig.source.strip():
            out.append(where.error((*loc, "source"), f"Fig. {n} has real numbers but no "
                                   "source", "Add `source`, or set `illustrative: true` if the "
                                   "numbers are made up."))
        if n > len(marks):
            out.append(where.warning(loc, f"no section says where Fig. {n} goes; it prints "
                                     "after the last section", "Add `figure: true` to the "
                                     "section the chart belongs to (the n-th `figure: true` "
                                     "places Fig. n)."))
    if not figures:
        return [where.warning(mark, "there is no `figure` to place here",
                              "Remove `figure: true`, or add the `figure`.") for mark in marks]
    return out + [where.error(mark, f"there is no figure left to place here: the handout "
                              f"has {len(figures)} and this is `figure: true` number "
                              f"{n}", "Remove this `figure: true`, or add the chart to "
                              "`figures`.")
                  for n, mark in enumerate(marks, start=1) if n > len(figures)]


# What finds each kind of source, and how to add it: (what it lacks, the fix).
_LOOK_UP = {
    "article": ("this article has no DOI or URL", "Add `doi: 10.xxxx/...` (or `url:`) as "
                "shown on the paper's journal page."),
    "book": ("this book has no ISBN or URL", "Add `isbn:` as printed on its back cover or "
             "copyright page (or `url:`, the publisher's page for it)."),
    "report": ("this report has no URL, DOI or ISBN", "Add `url:`, the web address where the "
               "report can be read (or its `doi:` or `isbn:`)."),
    "web": ("this web page has no URL", "Add `url:`, the page's address as your browser "
            "shows it (https://...)."),
}


def reference_findings(doc: Document, where: Where) -> list[Finding]:
    """Every reference can be found, in the way its kind is found: an article by its DOI or
    URL, a book by its ISBN or URL, a report or web page by its URL."""
    if not doc.references:
        return [where.warning(("references",), "the handout lists no "
                              "references", "Add the sources of its health statements under "
                              "`references:`, each with `doi`, `isbn` or `url`.")]
    out = []
    for i, ref in enumerate(doc.references):
        if ref.doi or ref.url or ref.isbn:
            continue
        message, fix = _LOOK_UP[ref.source_kind]
        out.append(where.warning(("references", i), f"{message}, so a reader cannot look it "
                                 "up", fix))
    return out


def review_findings(doc: Document, where: Where, today: dt.date) -> list[Finding]:
    """The review dates are real, recent, and the next review is not overdue."""
    review, out = doc.review, []
    age = (today - review.last_reviewed).days
    if age < 0:
        out.append(where.warning(("review", "last_reviewed"), "the last review date is in the "
                                 "future", "Write the date the review actually took place."))
    elif age > MAX_REVIEW_AGE_DAYS:
        out.append(where.warning(("review", "last_reviewed"), f"the last review was {age // 365} "
                                 "years ago", "Have a clinician review the content, then "
                                 "update both review dates."))
    if review.next_review < today:
        out.append(where.warning(("review", "next_review"), "the next review is overdue",
                                 "Review the content now and set a new next_review date."))
    if (review.next_review - review.last_reviewed).days > MAX_REVIEW_GAP_DAYS:
        out.append(where.warning(("review", "next_review"), "the next review is more than "
                                 "three years after the last", "Set next_review within three "
                                 "years of last_reviewed."))
    return out


def evidence(doc: Document, where: Where, today: dt.date) -> list[Finding]:
    return [*figure_findings(doc, where), *reference_findings(doc, where),
            *review_findings(doc, where, today)]
