"""The automatable PEMAT-P / CDC items, each a pure function of the document.

Each returns an `Outcome`: passed, failed or not applicable, with located findings saying
what to change. Wording heuristics (voice, who is addressed) live in `wording.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from handout.check import wording
from handout.check.findings import Finding, Where
from handout.check.passages import blocks
from handout.check.terms import term_findings
from handout.check.visuals import visual_aids
from handout.input.model import Document
from handout.input.sections import section_blocks

MAX_SECTION_WORDS = 200  # "short chunks": about half a page at 14 pt


@dataclass(frozen=True)
class Outcome:
    """One item: passed, failed, or not applicable (None), and the findings behind it."""

    passed: bool | None
    findings: tuple[Finding, ...] = ()


def _outcome(findings: list[Finding]) -> Outcome:
    return Outcome(not findings, tuple(findings))


def _purpose(doc: Document, where: Where) -> Outcome:
    if doc.intro:
        return Outcome(True)
    return _outcome([where.warning(("intro",), "no intro: the purpose is not stated at the start",
                                   "Add one or two sentences saying what the handout is about.")])


def _summary(doc: Document, where: Where) -> Outcome:
    n, most = len(doc.key_points.items), wording.MAX_KEY_POINTS
    if not n:
        return _outcome([where.error(("key_points",), "no key points: the main message is "
                                     "missing", "Add 3 to 5 short key points; they print "
                                     "first, in a box.")])
    if n <= most:
        return Outcome(True)
    # Advice, not a rule: the summary is there, so the item passes.
    return Outcome(True, (where.warning(("key_points", "items"), f"there are {n} key points; "
                                        f"readers take in 3 to {most} main messages",
                                        f"Keep the {most} that matter most and move the others "
                                        "into the sections."),))


def _emphasis(doc: Document, where: Where) -> Outcome:
    if any("**" in item.text for item in doc.key_points.items):
        return Outcome(True)
    return _outcome([where.warning(("key_points", "items"), "no key point is in bold",
                                   "Put the main action in **double stars** so it stands out.")])


def _headings(doc: Document, where: Where) -> Outcome:
    return _outcome([
        where.warning(("sections", i, "heading"), f"the heading {s.heading!r} says little",
                      "Use a heading that tells the reader what the section says.")
        for i, s in enumerate(doc.sections) if wording.vague_heading(s.heading)])


def _chunks(doc: Document, where: Where) -> Outcome:
    out = []
    for block in blocks(doc):
        words = sum(len(p.text.split()) for p in block.parts)
        if block.loc[0] == "sections" and words > MAX_SECTION_WORDS:
            out.append(where.warning(block.loc, f"{block.name!r} has {words} words",
                                     f"Split it into sections of {MAX_SECTION_WORDS} words "
                                     "or fewer, each with its own heading."))
    return _outcome(out)


def _lists(doc: Document, where: Where) -> Outcome:
    # Advice (the schema's own cap only keeps the page from overflowing): a warning, shown
    # with every other finding; the CDC item still fails, so the score counts it.
    most = wording.MAX_LIST
    out = [where.warning(loc, f"this list has {n} items; readers remember about {most}",
                         "Split it into two lists or shorten it.")
           for loc, n in wording.lists(doc) if n > most]
    return _outcome(out)


def _action(doc: Document, where: Where) -> Outcome:
    if doc.plan is None:  # the sections' own steps or checklist, if any, are the actions
        doable = [t for s in doc.sections for _, b in section_blocks(s)
                  for t in (b.steps or []) + (b.checklist or [])]
        if any(wording.addresses_reader(t) or t.lower().startswith("i ") for t in doable):
            return Outcome(True)
        return _outcome([where.error(("sections",), "nothing tells the reader what to do",
                                     "Add `plan:` (\"My plan\", steps with tick boxes), or a "
                                     "`steps` or `checklist` block in a section.")])
    steps = [(i, step.text) for i, step in enumerate(doc.plan.steps)]
    out = [where.warning(("plan", "steps", i), "this step talks about the reader, not to them",
                         'Address the reader: "Eat ...", not "Patients should eat ...".')
           for i, step in steps if wording.third_person(step)]
    if not any(wording.addresses_reader(s) and not wording.passive(s) for _, s in steps):
        out.append(where.error(("plan", "steps"), "no step tells the reader what to do",
                               'Start at least one step with a verb, e.g. "Eat one fiber food '
                               'each day."'))
    return _outcome(out)


def _active(doc: Document, where: Where) -> Outcome:
    out = [where.warning(p.loc, "this reads as passive voice",
                         'Say who does it: "Your care team will check ...", not "... will be '
                         'checked".')
           for b in blocks(doc) if b.loc in {("key_points",), ("plan",)} for p in b.parts
           if wording.passive(p.text)]
    return _outcome(out)


def _terms(doc: Document, where: Where) -> Outcome:
    passed, findings = term_findings(doc, where)
    return Outcome(passed, tuple(findings))


def _numbers(doc: Document, where: Where) -> Outcome:
    # A figure's own words and caption (its numbers are the chart's, not the text's).
    figures = {place for loc, _ in doc.all_figures() for place in (loc, (*loc, "caption"))}
    out = [where.warning(p.loc, "a decimal number in the text is hard to picture",
                         'Use whole numbers or "1 in 3" wording; keep exact figures for Fig. 1.')
           for b in blocks(doc) if b.loc not in figures for p in b.parts
           if p.loc[-1] != "credit" and wording.decimal(p.text)]  # "CC BY 4.0" is a name
    return _outcome(out)


def _steps(doc: Document, where: Where) -> Outcome:
    out = [where.warning(("plan", "steps", i), f"this step has {n} words",
                         f"Keep each step to one action in {wording.MAX_STEP_WORDS} words or "
                         "fewer; make two steps if needed.")
           for i, step in enumerate(doc.plan.steps if doc.plan is not None else [])
           if (n := len(step.text.split())) > wording.MAX_STEP_WORDS]
    return _outcome(out)


def _tool(doc: Document, where: Where) -> Outcome:
    # "My plan" always prints as a checklist with tick boxes: the tangible tool PEMAT asks
    # for; without a plan, a checklist block in a section is one.
    if doc.plan is not None:
        return Outcome(bool(doc.plan.steps))
    return Outcome(any(b.checklist for s in doc.sections for _, b in section_blocks(s)))


def _visual(doc: Document, where: Where) -> Outcome:
    # PEMAT-P's "visual aids" and the CDC index's "a visual supports the message" alike.
    if not visual_aids(doc):
        return _outcome([where.warning(("title",), "the handout has no visual aid: no "
                                       "picture, icon or chart",
                                       "Add an icon by the title, a section heading, a key "
                                       "point or a plan step (`icon: NAME`; `handout icons "
                                       "WORD` lists the names), a picture (`- image:` in a "
                                       "section's `blocks`) or a `figure`.")])
    out = [where.warning((*loc, "alt_text"), "the alt text says too little",
                         "Describe in words what the chart shows and what it means.")
           for loc, fig in doc.all_figures()
           if len(fig.alt_text.split()) < 8 or fig.alt_text.strip() == fig.title.strip()]
    return _outcome(out)


def _chart_how(doc: Document, where: Where) -> Outcome:
    figures = doc.all_figures()
    if not figures:
        return Outcome(None)
    return _outcome([where.warning((*loc, "caption"), "the caption does not say how to "
                                   "read the chart", 'Begin it "How to read this chart: each '
                                   'dot is ...".')
                     for loc, fig in figures if not wording.explains_chart(fig.caption)])


def _known_unknown(doc: Document, where: Where) -> Outcome:
    if doc.evidence != "emerging":
        return Outcome(None)  # asked for only where the content says the research is new
    text = " ".join(p.text for b in blocks(doc) for p in b.parts)
    if wording.says_known(text) and wording.says_unknown(text):
        return Outcome(True)
    return _outcome([where.error(("sections",), "the handout does not say what is known and "
                                 "what is not known yet", "Add a box titled \"What we know, and "
                                 "what we don't know yet\" with a few bullets of each (asked "
                                 "for because of `evidence: emerging`).")])


def _contact(doc: Document, where: Where) -> Outcome:
    if doc.help is None:
        return _outcome([where.warning(("title",), "nothing says when to contact the care "
                                       "team", "Add `help:` (\"When to get help\") with a "
                                       "tier of level: care_team, its phone number and when "
                                       "to call.")])
    if any(t.level == "care_team" for t in doc.help.tiers):
        return Outcome(True)
    return _outcome([where.warning(("help", "tiers"), "the help panel does not say when to "
                                   "contact the care team", "Add a tier with level: care_team, "
                                   "its phone number and when to call.")])


# How each item is named in the report (PEMAT-P / CDC wording, shortened).
LABELS = {
    "purpose": "purpose stated at the start", "summary": "key points first",
    "emphasis": "key points emphasised", "headings": "informative headings",
    "chunks": "short sections", "lists": "lists of 7 items or fewer",
    "action": "a call to action for the reader", "active": "active voice",
    "terms": "medical terms explained", "numbers": "clear numbers",
    "steps": "actions in explicit steps", "tool": "a checklist to use",
    "visual": "a clear visual", "visual_cdc": "a visual supports the message",
    "chart_how": "how to read the chart", "known_unknown": "what is and is not known",
    "contact": "when to contact the care team",
}

Item = Callable[[Document, Where], Outcome]
ITEMS: dict[str, Item] = {
    "purpose": _purpose, "summary": _summary, "emphasis": _emphasis, "headings": _headings,
    "chunks": _chunks, "lists": _lists, "action": _action, "active": _active, "terms": _terms,
    "numbers": _numbers, "steps": _steps, "tool": _tool, "visual": _visual,
    "visual_cdc": _visual, "chart_how": _chart_how, "known_unknown": _known_unknown,
    "contact": _contact,
}
