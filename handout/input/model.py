"""The validated document model: one pydantic model per concept of content.yaml.

Layout and chart code only ever see these objects, never raw YAML. Field descriptions
double as editor tooltips through the JSON Schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from handout.common.countries import country
from handout.common.fonts import RTL_REFUSAL, rtl_language
from handout.common.translations import TAG, unknown_language
from handout.input.citations import Reference
from handout.input.clinic import Clinic
from handout.input.fields import IconRef, Item, Line, OptionalText, PointRef, Strict, Text
from handout.input.figures import Figure
from handout.input.fits import LIST_ITEMS
from handout.input.loader import Loc
from handout.input.placed import FormatName, Placed, each_format_once, formats_list
from handout.input.sections import Section, fits_in_a_box
from handout.input.targets import Checks
from handout.input.translation import Translation

# The key points box opens page 1: 7 points of two lines still fit there in large print,
# under a one-line title. Readers take in 3 to 5 main messages: `handout check` warns over 5.
KEY_POINTS = 7


class KeyPoints(Strict):
    title: Line = "Key points"
    items: list[PointRef] = Field(min_length=1, max_length=KEY_POINTS)

    _fit = field_validator("items")(fits_in_a_box)


class Plan(Strict):
    title: Line = "My plan"
    intro: OptionalText = ""
    steps: list[PointRef] = Field(min_length=1, max_length=LIST_ITEMS)
    extra_title: str = ""
    extra: OptionalText = Field(
        default="", description="One more tip under the steps (e.g. stress)."
    )


class HelpTier(Strict):
    level: Literal["emergency", "crisis", "care_team"]
    heading: Line = Field(default="", description=(
        "What to do, e.g. 'Call or text 988 (Suicide & Crisis Lifeline) if:'. Leave it out "
        "of an emergency or crisis tier to print the lines of the clinic's country."))
    icon: IconRef | None = Field(
        default=None, description="Instead of the level's own icon (ambulance, phone, doctor).")
    items: list[Item] = Field(min_length=1, max_length=LIST_ITEMS)

    _fit = field_validator("items")(fits_in_a_box)


class HelpPanel(Strict):
    title: Line = "When to get help"
    tiers: list[HelpTier] = Field(min_length=1, max_length=4)


class Riddle(Strict):
    question: Line
    # One word, its written parts apart where the language writes them so (Vietnamese
    # "loạn khuẩn"): the grid hides the letters run together.
    answer: Annotated[str, Field(pattern=r"^[^\W\d_]+(?: [^\W\d_]+)*$", min_length=2,
                                 max_length=16)]


class WordSearch(Strict):
    title: Line = "Word search"
    size: int = Field(default=11, ge=6, le=15)
    words: list[Annotated[str, Field(pattern=r"^[^\W\d_]+$")]] = Field(
        default_factory=list, description="Words hidden besides the riddle answers."
    )


class Puzzle(Placed):
    title: Line = "Word play"
    intro: OptionalText = ""
    riddles: list[Riddle] = Field(min_length=1, max_length=6)
    word_search: WordSearch | None = None


class Review(Strict):
    last_reviewed: dt.date
    reviewer: Line
    credentials: Line
    next_review: dt.date

    @model_validator(mode="after")
    def _order(self) -> Review:
        if self.next_review <= self.last_reviewed:
            raise ValueError("next_review must come after last_reviewed")
        return self


class Document(Strict):
    """The whole handout."""

    @field_validator("language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        rtl = rtl_language(value)
        if rtl:
            raise ValueError(RTL_REFUSAL.format(what=f"{rtl}, language: {value}",
                                                fix="Make this handout in another language"))
        problem = unknown_language(value)
        if problem:
            raise ValueError(problem)
        return value

    language: str = Field(
        default="en", pattern=TAG,
        description="Language of the text, a BCP 47 tag: en, es, fr, ht, ko, pt, ru, tl, vi, "
        "zh-Hans, zh-Hant, or one with a region (es-MX, pt-BR); picks the layout's fixed "
        "words, and is the PDF's /Lang.",
    )
    topic: str = Field(default="", description="What the handout is about, e.g. 'sleep'.")
    crisis: bool = Field(default=False, description=(
        "true when a reader may be in crisis: the handout must then have 'When to get help' "
        "with a crisis tier and an emergency tier. `handout check` also asks for them when "
        "the text speaks of suicide, self-harm, overdose..."))
    formats: list[FormatName] = Field(
        default_factory=lambda: list[FormatName](["document"]), min_length=1,
        description="The formats this handout is printed in: document (loose pages), "
        "booklet (folded, half-letter or A5), trifold or sheet (2 pages). `handout build` "
        "makes the first unless --format picks another; `handout check` lays each one "
        "out to see that it fits.")
    pages: int = Field(
        default=8, ge=4, le=16, multiple_of=4,
        description="The most pages a booklet may have (a multiple of 4); fitting uses "
        "fewer when the content allows.")
    evidence: Literal["emerging", "established"] | None = Field(
        default=None, description="'emerging' when the research is new: `handout check` then "
        "asks the handout to say what is known and what is not known yet.")
    title: Line
    icon: IconRef | None = Field(default=None, description="An icon beside the title.")
    subtitle: Annotated[str, Field(max_length=200)] = ""
    keywords: list[Line] = Field(default_factory=list)
    clinic: Clinic
    key_points: KeyPoints
    intro: list[Text] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    figure: Figure | None = Field(
        default=None, description="One chart, Fig. 1 (`figures` holds more than one).")
    figures: list[Figure] = Field(
        default_factory=list, max_length=6,
        description="Charts, numbered Fig. 1, Fig. 2... in this order. Each `figure: true` "
        "in a section places the next one; the others print after the last section.")
    plan: Plan | None = Field(
        default=None, description="'My plan': steps with tick boxes. Leave it out for a topic "
        "without one (the check then looks for `steps` or a `checklist` in the sections).")
    help: HelpPanel | None = Field(
        default=None, description="'When to get help'. A handout whose reader may be in "
        "crisis (`crisis: true`, or text about suicide, self-harm...) must have one, with a "
        "crisis tier.")
    puzzle: Puzzle | None = None
    references: list[Reference] = Field(
        default_factory=list, description="The sources of its health statements: articles, "
        "books, reports and web pages.")
    review: Review
    disclaimer: Text
    translation: Translation | None = Field(default=None, description=(
        "In a translation (content.es.yaml): the file it translates and its review."))
    checks: Checks = Field(default_factory=Checks, description="Targets for `handout check`.")
    glossary: dict[Line, Text] = Field(
        default_factory=dict,
        description="Medical term -> plain explanation. `handout check` requires each term to "
        "be explained where the handout first uses it; not printed.",
    )

    _formats_list = model_validator(mode="before")(formats_list)
    _each_once = field_validator("formats")(each_format_once)

    @property
    def format(self) -> str:
        """The format `handout build` makes first (and alone, with -o and one format)."""
        return self.formats[0]

    @field_validator("help")
    @classmethod
    def _country_lines(cls, panel: HelpPanel | None,
                       info: ValidationInfo) -> HelpPanel | None:
        """A tier without a heading prints the lines of the clinic's country."""
        clinic, language = info.data.get("clinic"), info.data.get("language", "en")
        if panel is None or not isinstance(clinic, Clinic):
            return panel
        land, tiers = country(clinic.country), []
        for n, tier in enumerate(panel.tiers):
            if not tier.heading:
                heading = land.heading(tier.level, language)
                if heading is None:
                    raise ValueError(
                        f"tiers[{n}] has no heading: write one (only an emergency or crisis "
                        f"tier takes its heading from the clinic's country, {land.name})")
                tiers.append(tier.model_copy(update={"heading": heading}))
            else:
                tiers.append(tier)
        return panel.model_copy(update={"tiers": tiers})

    @field_validator("figures")
    @classmethod
    def _one_way(cls, figures: list[Figure], info: ValidationInfo) -> list[Figure]:
        if figures and info.data.get("figure") is not None:
            raise ValueError("this handout has both `figure` and `figures`: move the "
                             "`figure` into the `figures` list (as its first item)")
        return figures

    def all_figures(self) -> list[tuple[Loc, Figure]]:
        """Fig. 1, Fig. 2... with where each is written: `figures`, or the one `figure`."""
        if self.figures:
            return [(("figures", k), figure) for k, figure in enumerate(self.figures)]
        return [(("figure",), self.figure)] if self.figure is not None else []
