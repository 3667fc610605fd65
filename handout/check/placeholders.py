"""Placeholders and made-up values, each a warning where it is written: in the content file
or in the clinic file (input/fictional.py says what counts). While any remain, a build
marks every page "SAMPLE – not for patients"; the fix says so."""

from __future__ import annotations

from pathlib import Path

from handout.check.findings import Finding, Where
from handout.common.translations import strings as words
from handout.input.fictional import Fictional, fictional_in, placeholder_logo, strings
from handout.input.model import Document


def _without_clinic_values(text: str, doc: Document) -> str:
    """Text of the content file with the clinic's name, phone and website taken out: the
    content's {clinic}, {phone} and {website} print them, and a made-up one is reported
    once, in the clinic file."""
    clinic = doc.clinic
    for value in (clinic.name, clinic.phone, clinic.website):
        text = text.replace(value, " ")
    return text


def _said(found: list[Fictional]) -> list[str]:
    """The starter's words in one field, in one clause: '"A" and "B" are the starter's
    placeholder text'."""
    quoted = list(dict.fromkeys(f.what for f in found if f.starter))
    if not quoted:
        return []
    names = " and ".join([", ".join(quoted[:-1]), quoted[-1]] if len(quoted) > 1 else quoted)
    return [f"{names} {'are' if len(quoted) > 1 else 'is'} the starter's placeholder text"]


def placeholder_findings(doc: Document, where: Where) -> list[Finding]:
    """One warning per field that holds the starter's placeholder text, a made-up phone
    number or a web address kept for examples; and one for a clinic that says it is an
    example, or that still has the starter's logo."""
    located = where.located
    mark = words(doc.language)("sample_mark")  # as the handout prints it
    sample = f'While any placeholder is left, every page prints "{mark}".'
    out: list[Finding] = []
    for loc, text in strings(located.data):
        if loc == ("clinic", "logo"):
            continue  # a file path (the logo's own check is below)
        found = fictional_in(text if loc[:1] == ("clinic",) else
                             _without_clinic_values(text, doc))
        if not found:
            continue
        what = "; ".join(dict.fromkeys(_said(found) + [f.what for f in found
                                                        if not f.starter]))
        fixes = " ".join(dict.fromkeys(f.fix for f in found))
        out.append(where.warning(loc, what, f"{fixes} {sample}"))
    if doc.clinic.logo and placeholder_logo(Path(doc.clinic.logo)):
        out.append(where.warning(("clinic", "logo"), "this is the starter's placeholder logo",
                                 "Put your clinic's logo (SVG, PNG or JPG) in the clinic "
                                 f"file's folder and name it here. {sample}"))
    if doc.clinic.example:
        out.append(where.warning(("clinic", "example"), "this clinic file says it is a "
                                 "made-up example (example: true)", "Build with your own "
                                 "clinic file (--clinic, or `clinic:` in the content file). "
                                 f'Every page of this one prints "{mark}".'))
    return out
