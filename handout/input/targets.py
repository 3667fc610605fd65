"""A content file's targets for `handout check` (`checks:`): grades, scores, the source
language of a translation."""

from __future__ import annotations

from pydantic import Field, field_validator

from handout.common.translations import TAG, base_language, languages
from handout.input.fields import Strict


class Checks(Strict):
    """Targets for `handout check`: plain-language grades and the structure score."""

    max_grade: float = Field(
        default=8, ge=1, le=16,
        description="Highest Flesch-Kincaid grade for the intro and each body section.",
    )
    action_max_grade: float = Field(
        default=6, ge=1, le=16,
        description="Highest grade for key points, 'My plan' and 'When to get help'.",
    )
    min_inflesz: float = Field(
        default=55, ge=0, le=100,
        description="Spanish: lowest INFLESZ score (Szigriszt-Pazos, 0-100, higher is easier) "
        "for the intro and each body section; 55 is 'normal' on the INFLESZ scale.",
    )
    action_min_inflesz: float = Field(
        default=65, ge=0, le=100,
        description="Spanish: lowest INFLESZ score for key points, 'My plan' and 'When to get "
        "help'; 65 is 'fairly easy', what patient texts aim for.",
    )
    min_score: int = Field(
        default=90, ge=0, le=100,
        description="Lowest PEMAT-P / CDC Clear Communication Index score (out of 100).",
    )
    translated_from: str = Field(
        default="", pattern=TAG.replace("^", "^(?:", 1).replace("$", ")?$"),
        description="The language this file was translated from, e.g. 'en': `handout "
        "check` warns about any part still in it. Default: 'en' for a file in another "
        "language, none for an English one.")

    @field_validator("translated_from")
    @classmethod
    def _known_source(cls, value: str) -> str:
        if value and base_language(value) not in languages():
            raise ValueError(f"the check tells apart only the languages handout prints "
                             f"({', '.join(languages())}); use one of them")
        return value
