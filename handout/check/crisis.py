"""The crisis panel: a handout whose reader may be in crisis says where to get help now, in
the lines of the clinic's country.

A handout needs it when the content file says `crisis: true`, or when its text speaks of
suicide, self-harm, overdose or wanting to die (each language's `crisis_words`, in
handout/resources/locales/): what the text says, not what its topic is called. Its lines
are the clinic's country's (handout/resources/countries/); another country's, printed for
this clinic, is an error wherever it stands.
"""

from __future__ import annotations

from handout.check.findings import Finding, Where
from handout.check.passages import Part, printed
from handout.common.countries import Country, countries, country, crisis_words, line_pattern
from handout.input.loader import Loc
from handout.input.model import Document


def first_mention(doc: Document) -> tuple[Part, str] | None:
    """The first printed text that shows a reader may be in crisis, and the words."""
    words = crisis_words(doc.language)
    if words is None:
        return None
    for part in printed(doc):
        found = words.search(part.text)
        if found:
            end = part.text.find(" ", found.end())
            return part, part.text[found.start():end if end > 0 else None].strip(".,;:!?)")
    return None


def _example(land: Country, level: str, language: str) -> str:
    heading = land.heading(level, language) or land.heading(level, "en") or ""
    return f'`level: {level}` (without a `heading:` it prints, for {land.name}: "{heading}")'


def panel_findings(doc: Document, where: Where) -> list[Finding]:
    """A handout for readers who may be in crisis has a crisis and an emergency tier."""
    mention = None if doc.crisis else first_mention(doc)
    if not doc.crisis and mention is None:
        return []
    land = country(doc.clinic.country)
    loc: Loc = ("crisis",)
    if mention is None:
        why = "this handout says `crisis: true`, so"
    else:
        part, words = mention
        why, loc = f'the text speaks of "{words}", so a reader may be in crisis:', part.loc
    if doc.help is None:
        fix = (f"Add `help:` with `tiers:`, one of {_example(land, 'crisis', doc.language)} "
               f"and one of {_example(land, 'emergency', doc.language)}. A tier written "
               "without `heading:` prints the lines of the clinic's country.")
        return [where.error(loc, f"{why} it needs a \"When to get help\" panel with a crisis "
                            "tier", fix)]
    levels = {tier.level for tier in doc.help.tiers}
    out: list[Finding] = []
    if "crisis" not in levels:
        out.append(where.error(("help", "tiers"), f"{why} the help panel needs a crisis tier",
                               f"Add a tier of {_example(land, 'crisis', doc.language)}."))
    if "emergency" not in levels:
        out.append(where.warning(("help", "tiers"), "the help panel has no emergency tier",
                                 f"Add a tier of {_example(land, 'emergency', doc.language)}."))
    return out


def line_findings(doc: Document, where: Where) -> list[Finding]:
    """Another country's crisis line printed for this clinic: a reader would dial a number
    that does not answer where they are."""
    land = country(doc.clinic.country)
    owners = {line: other for other in countries() for line in other.lines}
    tiers = doc.help.tiers if doc.help is not None else []
    out = []
    for part in printed(doc):
        for match in line_pattern().finditer(part.text):
            other = owners[match.group()]
            if match.group() in land.lines:
                continue
            heading = None
            if part.loc[:2] == ("help", "tiers") and part.loc[-1] == "heading":
                heading = land.heading(tiers[int(part.loc[2])].level, doc.language)
            fix = (f'Leave out this `heading:` to print, for {land.name}: "{heading}".'
                   if heading else
                   f"Write {_calls(land, doc.language)} instead: each prints the clinic "
                   "country's line, so one topic file serves clinics in any country.")
            out.append(where.error(
                part.loc, f"{match.group()} is a crisis line of {other.name}, but the clinic "
                f"is in {land.name} (its clinic file's `country:`), where the "
                f"lines are {land.summary}", fix))
    return out


def _calls(land: Country, language: str) -> str:
    """`{crisis_line}` ("call Samaritans free on 116 123" here) or `{emergency_line}`..."""
    calls = land.placeholders(language)
    return " or ".join(f'`{key}` ("{value}" here)' for key, value in sorted(calls.items()))


def crisis_findings(doc: Document, where: Where) -> list[Finding]:
    return [*panel_findings(doc, where), *line_findings(doc, where)]
