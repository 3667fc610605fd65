"""Placeholders and made-up contact details: text no patient should be handed.

The starter (`handout new`) and the shipped examples print a clinic that does not exist:
"Your Clinic Name", phone numbers from the ranges kept for films and examples
(555-0100 to 555-0199), web addresses under the names kept for examples (`.example`,
example.com/.net/.org: RFC 2606 and RFC 6761) and "Reviewer's name". A patient who calls
such a number reaches no one. `handout check` reports each one where it is written
(check/placeholders.py), and a build prints "SAMPLE – not for patients" on every page while
any remain (layout/page.py), as it does for a clinic file that says `example: true`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handout.common.resources import RESOURCES
from handout.input.loader import Loc

STARTER_LOGO = RESOURCES / "starter" / "clinic-logo.svg"


@dataclass(frozen=True)
class Fictional:
    """One placeholder or made-up value: what it is (quoted as written) and what to do;
    `starter`: the starter's placeholder words (`what` is then just the words, quoted)."""

    what: str
    fix: str
    starter: bool = False


# The starter's placeholder words (handout/resources/starter/), lower case, with the fix.
STARTER_TEXT = (
    ("your clinic name", "Put in your clinic's name."),
    ("replace this line", "Put in your clinic's own short tagline, or delete the line."),
    ("example street", "Put in your clinic's street address."),
    ("your town", "Put in your clinic's town."),
    ("reviewer's name", "Put in the name of the clinician who reviewed this handout."),
    ("credentials, e.g.", "Put in the reviewer's credentials, e.g. MD or RN."),
)
_STARTER = re.compile("|".join(re.escape(text) for text, _ in STARTER_TEXT), re.IGNORECASE)

# A web address under a name kept for examples: anything.example, or example.com/.net/.org
# (with any subdomain). "for example." has no dot before it, so it is not one.
_DOMAIN = re.compile(r"(?<![\w.-])(?:[a-z0-9-]+\.)*(?:[a-z0-9-]+\.example|example\.(?:com|net|org))"
                     r"(?![\w-]|\.[a-z0-9])", re.IGNORECASE)

# Something written like a phone number: digits with spaces, dots, dashes or brackets
# between them, perhaps after a +. Runs inside longer numbers (DOIs, pages) are not taken.
_PHONE = re.compile(r"(?<![\w./-])\+?\(?\d[\d ().-]{5,}\d(?![\w/-]|\.\d)")
# The UK's numbers for TV and radio drama (Ofcom), national form, and Australia's (ACMA).
_UK_DRAMA = re.compile(r"^(?:02079460|01[2-6]14960|011[3-8]4960|01632960|07700900|"
                       r"08081570|09098790|03069990)")
_AU_FICTION = re.compile(r"^0[2378](?:5550|7010)\d{4}$")


def phone_reason(written: str) -> str | None:
    """Why the phone number `written` is made up, or None when it may be real."""
    digits = re.sub(r"\D", "", written)
    international = written.lstrip().startswith("+")
    if international and not digits.startswith("1"):
        return _abroad(digits)
    if digits.startswith("0"):  # a national number: the UK's or Australia's
        return _abroad("44" + digits[1:]) or _abroad("61" + digits[1:])
    return _north_american(digits[1:] if len(digits) == 11 and digits[0] == "1" else digits)


def _abroad(digits: str) -> str | None:
    """The UK's numbers for TV and radio drama, Australia's for fiction; international
    digits (country code first)."""
    if digits.startswith("44") and _UK_DRAMA.match("0" + digits[2:]):
        return "the UK keeps it for TV and radio drama (Ofcom)"
    if digits.startswith("61") and _AU_FICTION.match("0" + digits[2:]):
        return "Australia keeps it for films and examples (ACMA)"
    return None


def _north_american(digits: str) -> str | None:
    """555-0100 to 555-0199, and the area code 555, which has no numbers."""
    if len(digits) not in (7, 10):
        return None
    area, exchange, line = digits[:-7], digits[-7:-4], digits[-4:]
    if exchange == "555" and 100 <= int(line) <= 199:
        return "555-0100 to 555-0199 are kept for films and examples"
    if area == "555":
        return "no phone number has the area code 555"
    return None


def fictional_in(text: str) -> list[Fictional]:
    """The placeholders and made-up values in one piece of text, in the order written."""
    found: list[tuple[int, Fictional]] = []
    for match in _STARTER.finditer(text):
        fix = next(fix for words, fix in STARTER_TEXT if words == match.group().lower())
        found.append((match.start(), Fictional(f'"{match.group()}"', fix, starter=True)))
    for match in _DOMAIN.finditer(text):
        found.append((match.start(), Fictional(
            f'"{match.group()}" is a made-up web address: names ending in .example, and '
            "example.com, .net and .org, are kept for examples and open no website",
            "Put in your clinic's real web address.")))
    for match in _PHONE.finditer(text):
        reason = phone_reason(match.group())
        if reason is not None:
            found.append((match.start(), Fictional(
                f'"{match.group().strip()}" is a made-up phone number ({reason}): a patient '
                "who calls it reaches no one", "Put in your clinic's real phone number.")))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def strings(data: Any, loc: Loc = ()) -> Iterator[tuple[Loc, str]]:
    """Every string in plain data (dicts, lists, scalars), with where it is."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*loc, i))


def placeholder_logo(path: Path) -> bool:
    """Whether the logo file at `path` is the starter's placeholder logo."""
    try:
        return path.is_file() and path.read_bytes() == STARTER_LOGO.read_bytes()
    except OSError:
        return False


def is_sample(data: Any, logo: Path | None) -> bool:
    """Whether a handout (as plain data: the model dumped) still holds a placeholder or a
    made-up value, or says its clinic is an example: then every page says it is a sample."""
    if isinstance(data, dict) and isinstance(data.get("clinic"), dict) \
            and data["clinic"].get("example"):
        return True
    if logo is not None and placeholder_logo(logo):
        return True
    return any(fictional_in(text) for loc, text in strings(data)
               if loc != ("clinic", "logo"))  # a file path, as in the check
