"""A reference: a journal article, a book, a report or a web page, by people or by an
organisation. The full list prints each whole; the small formats' "Sources" line names each
by its author and year ("Sender et al., 2016", "National Institute of Mental Health, 2024")."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from handout.input.fields import Strict, Text

Kind = Literal["article", "book", "report", "web"]

# One author as Vancouver style writes a person: a surname and up to three initials
# ("Sender R", "D'Ambrosio C", "Gray JA"); "et al" stands for the rest. Authors written any
# other way ("National Institute of Mental Health") are an organisation, named whole.
_PERSON = re.compile(r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)* [A-Z]{1,3}|et al\.?")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _isbn_digits(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def isbn_valid(value: str) -> bool:
    """An ISBN-10 or ISBN-13 whose check digit (the last) is right."""
    digits = _isbn_digits(value)
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        return sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(digits)) % 10 == 0
    return False


class Reference(Strict):
    text: Text = Field(description=(
        "The source as the full list prints it. An article: 'Authors. Title. Journal. "
        "Year;volume:pages.' A book, report or web page: 'Author or organisation. Title. "
        "Publisher; Year.'"))
    kind: Kind | None = Field(default=None, description=(
        "article (a journal paper), book, report or web (a web page). Default: book when "
        "it has an ISBN, else article. `handout check` asks each kind for what finds it: "
        "an article its DOI or URL, a book its ISBN or URL, a web page its URL."))
    organisation: str = Field(default="", max_length=150, description=(
        "The organisation that wrote it, e.g. 'National Institute of Mental Health': the "
        "short Sources line names it whole. Default: the authors that open `text`, a "
        "person's surname ('Sender et al.') or an organisation's whole name."))
    year: int | None = Field(default=None, ge=1800, le=2100, description=(
        "The year it was published, for the short Sources line. Default: the first year "
        "in `text` after the authors."))
    publisher: str = Field(default="", max_length=150, description=(
        "Who published it (a book or report); printed after `text` unless it says it."))
    isbn: str = Field(default="", description=(
        "A book's ISBN (10 or 13 digits, hyphens allowed), as on its back cover or "
        "copyright page; printed after `text`."))
    doi: str = Field(default="", pattern=r"^(10\.\d{4,9}/\S+)?$")
    url: str = Field(default="", pattern=r"^(https?://\S+)?$")

    @field_validator("isbn")
    @classmethod
    def _isbn(cls, value: str) -> str:
        if value and not isbn_valid(value):
            raise ValueError(
                f"{value!r} is not an ISBN: an ISBN has 10 or 13 digits and its last digit "
                "checks the others; copy it again from the back cover or copyright page")
        return value

    @property
    def source_kind(self) -> Kind:
        """The kind written, or the one its identifiers show."""
        return self.kind or ("book" if self.isbn else "article")

    @property
    def authors(self) -> str:
        """The authors as `text` opens with them ("Sender R, Fuchs S, Milo R")."""
        return self.text.split(". ", 1)[0].strip().rstrip(".")

    @property
    def by_organisation(self) -> bool:
        return bool(self.organisation) or not all(
            _PERSON.fullmatch(a.strip()) for a in re.split(r",| and | y ", self.authors))

    def short(self) -> str:
        """Author and year for the short Sources line: "Sender et al., 2016",
        "National Institute of Mental Health, 2024" ("" for an unknown year is left out)."""
        if self.by_organisation:
            name = self.organisation or self.authors
        else:
            people = [a for a in re.split(r",| and | y ", self.authors) if a.strip()]
            name = people[0].strip().rsplit(" ", 1)[0] + (" et al." if len(people) > 1 else "")
        rest = self.text[len(self.authors):]
        found = _YEAR.search(rest)
        year = self.year or (int(found.group()) if found else None)
        return f"{name}, {year}" if year else name

    def printed(self) -> str:
        """`text`, with the publisher and the ISBN after it where it does not say them."""
        out = self.text
        extra = [part for part in (self.publisher, self.isbn and f"ISBN {self.isbn}")
                 if part and part not in out]
        if extra:
            out = out.rstrip() if out.rstrip().endswith(".") else out.rstrip() + "."
            out += "".join(f" {part}." for part in extra)
        return out
