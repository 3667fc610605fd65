"""The take-home page: the help panel follows the plan on its page when there is room."""

from __future__ import annotations

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
