"""The take-home page: the help panel follows the plan on its page when there is room."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from handout.input.model import HelpPanel, HelpTier, Plan
from handout.pipeline.build import read_document, render
from tests.conftest import CONTENT


def test_a_short_help_panel_shares_the_plans_page() -> None:
    """It used to start a page of its own whatever the room left: a KeepTogether inside
    another reports a height of 0xFFFFFF, so ReportLab moved the panel on."""
    doc = read_document(CONTENT)
    short = doc.model_copy(update={
        "plan": Plan(steps=["Eat one fiber food each day."]),
        "help": HelpPanel(tiers=[HelpTier(level="crisis", heading="Call or text 988 if:",
                                          items=["You have thoughts of suicide."])]),
    })
    pdf, _ = render(short, CONTENT.parent)
    with pymupdf.open(stream=pdf) as document:
        pages = [page.get_text().splitlines() for page in document]
    plan = next(i for i, lines in enumerate(pages) if "My plan" in lines)
    assert "When to get help" in pages[plan]


def test_review_dates_close_the_references_when_the_help_page_is_full(tmp_path: Path) -> None:
    """Under the help panel when it leaves room (content.yaml), else after the references:
    never alone on a page of their own."""
    doc = read_document(CONTENT)
    crowded = doc.model_copy(update={"references": doc.references[:6], "help": (
        doc.help.model_copy(update={"tiers": [
            tier.model_copy(update={"items": [*tier.items, *tier.items][:7]})
            for tier in doc.help.tiers]}))})
    for case, help_page_has_it in ((doc, True), (crowded, False)):
        pdf, _ = render(case, CONTENT.parent)
        with pymupdf.open(stream=pdf) as document:
            pages = [" ".join(page.get_text().split()) for page in document]
        [review] = [i for i, text in enumerate(pages) if "Last reviewed:" in text]
        assert ("When to get help" in pages[review]) is help_page_has_it
        assert ("Where this information comes from" in pages[review]) is not help_page_has_it
        assert len(pages[review]) > 400, "the review dates alone on a page"
