"""The clinic's branding and contact details, as a clinic file (or a content file) gives them."""

from __future__ import annotations

from pydantic import Field, field_validator

from handout.common.countries import DEFAULT, code_of, codes
from handout.common.translations import TAG
from handout.input.fields import HEX_COLOUR, Line, Strict, Url


class Colours(Strict):
    primary: str = Field(description="Main brand colour (header band, headings), as #RRGGBB.")
    accent: str = Field(description="Second brand colour (rules, chart marks), as #RRGGBB.")
    tint: str = Field(
        default="#EEF4F8", description="Very light background for boxes, as #RRGGBB."
    )

    @field_validator("primary", "accent", "tint")
    @classmethod
    def _hex(cls, value: str) -> str:
        if not HEX_COLOUR.match(value):
            raise ValueError("a colour is written as # and six hex digits, like #1F4E79")
        return value.upper()


class CallToAction(Strict):
    text: Line = Field(description="What the reader is invited to do, e.g. 'Book a visit'.")
    url: Url = Field(description="Web address the QR code points to; printed beside it too.")


class Clinic(Strict):
    name: Line = Field(description="Clinic name as printed in the header and footer.")
    language: str = Field(default="en", pattern=TAG, description=(
        "The language the tagline, logo_alt and call to action are written in (default "
        "'en'). A handout in another language prints their `translations:` for it."))
    short_name: str = Field(default="", max_length=60, description=(
        "A shorter name for the tightest places: the tri-fold's cover band and the footer "
        "(default: the name). Add one when a long name does not fit there."))
    tagline: str = Field(default="", description="Short line under the name in the header.")
    logo: str = Field(default="", description="Logo file (SVG, PNG or JPG), relative to the "
                      "file it is written in: the clinic file, or content.yaml for a clinic "
                      "written there.")
    logo_alt: str = Field(default="", description="Words that describe the logo.")
    colours: Colours
    phone: Line
    address: str = Field(min_length=1, max_length=300, description=(
        "Street address; a block (`address: |`) of up to 3 lines keeps its lines."))
    website: Url
    website_label: str = Field(default="", description="Website as printed (default: URL).")
    call_to_action: CallToAction
    fonts: dict[str, str] = Field(default_factory=dict, description=(
        "Full font files to print a language or script with, relative to the file they "
        "are written in, e.g. `zh-Hans: fonts/NotoSansSC-Regular.ttf` (also zh-Hant, ko, "
        "vi, ru...): for characters the bundled fonts lack. TrueType (.ttf) only; a "
        "`-Bold` file beside it is its bold."))
    country: str = Field(default=DEFAULT, description=(
        "Where the clinic is, as a two-letter code (US, GB or UK...): its crisis lines go in "
        "the 'When to get help' panel, and `handout check` reports another country's."))
    example: bool = Field(default=False, description=(
        "true for a made-up clinic, such as the shipped examples: every page then prints "
        "\"SAMPLE – not for patients\" and `handout check` warns."))

    @field_validator("country")
    @classmethod
    def _known_country(cls, value: str) -> str:
        code = code_of(value)
        if code is None:
            raise ValueError(
                f"handout does not know the crisis lines of {value!r}; it knows "
                f"{', '.join(codes())}. Use one of them, or leave `country:` out and write "
                "every tier's `heading:` in a `help:` block of the clinic file")
        return code

    @field_validator("address")
    @classmethod
    def _three_lines(cls, value: str) -> str:
        if len([line for line in value.splitlines() if line.strip()]) > 3:
            raise ValueError("an address prints on at most 3 lines; join some of them")
        return value

    @property
    def short(self) -> str:
        """The name for the tightest places: `short_name`, else the name."""
        return self.short_name or self.name

    @property
    def address_lines(self) -> list[str]:
        """The address as its lines (a block scalar's), each trimmed, blank ones dropped."""
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def website_text(self) -> str:
        return self.website_label or self.website.split("://", 1)[1].rstrip("/")
