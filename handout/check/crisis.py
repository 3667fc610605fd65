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
    return (f"Add a tier with `level: {level}`; without a `heading:` it prints the lines of "
            f"{land.name}, the clinic's country: \"{heading}\".")


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
        fix = f"Add `help:` with `tiers:`. {_example(land, 'crisis', doc.language)}"
        return [where.error(loc, f"{why} it needs a \"When to get help\" panel with a crisis "
                            "tier", fix)]
    levels = {tier.level for tier in doc.help.tiers}
    out: list[Finding] = []
    if "crisis" not in levels:
        out.append(where.error(("help", "tiers"), f"{why} the help panel needs a crisis tier",
                               _example(land, "crisis", doc.language)))
    if "emergency" not in levels:
        out.append(where.warning(("help", "tiers"), "the help panel has no emergency tier",
                                 _example(land, "emergency", doc.language)))
    return out


def line_findings(doc: Document, where: Where) -> list[Finding]:
    """Another country's crisis line printed for this clinic: a reader would dial a number
    that does not answer where they are."""
    land = country(doc.clinic.country)
    owners = {line: other for other in countries() for line in other.lines}
    out = []
    for part in printed(doc):
        for match in line_pattern().finditer(part.text):
            line = match.group()
            other = owners[line]
            if line in land.lines or other == land:
                continue
            out.append(where.error(
                part.loc, f"{line} is a crisis line of {other.name}, but the clinic is in "
                f"{land.name} (`country: {land.code}` in its clinic file), where the lines are "
                f"{_listed(land.lines)}",
                "Write the clinic country's lines here; in the help panel, leave out an "
                "emergency or crisis tier's `heading:` to print them, or give the clinic file "
                "its own `help:` block."))
    return out


def _listed(lines: tuple[str, ...]) -> str:
    numbers = [line for line in lines if any(c.isdigit() for c in line) and "-" not in line
               and "." not in line]
    return ", ".join(numbers[:-1]) + f" and {numbers[-1]}" if len(numbers) > 1 else numbers[0]


def crisis_findings(doc: Document, where: Where) -> list[Finding]:
    return [*panel_findings(doc, where), *line_findings(doc, where)]
