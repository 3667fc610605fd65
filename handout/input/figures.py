"""A chart of the handout (Fig. 1, Fig. 2...): its kind, words and numbers."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from handout.input.fields import Line, Strict, Text
from handout.input.placed import Placed


class IntervalRow(Strict):
    label: Line
    estimate: float = Field(allow_inf_nan=False)
    low: float = Field(allow_inf_nan=False)
    high: float = Field(allow_inf_nan=False)
    studies: int | None = Field(default=None, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> IntervalRow:
        if not self.low <= self.estimate <= self.high:
            raise ValueError("low <= estimate <= high must hold")
        return self


class BarGroup(Strict):
    label: Line
    value: float = Field(ge=0, allow_inf_nan=False)
    error: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    n: int | None = Field(default=None, ge=1, description="How many people the bar stands "
                          "for; printed under its label as '40 people'.")


class Figure(Placed):
    kind: Literal["interval", "bars"] = Field(
        description="'interval': dots with ranges around a zero line; 'bars': group bars."
    )
    title: Line
    caption: Text
    source: str = Field(
        default="", description="Where the numbers come from (required unless illustrative)."
    )
    alt_text: Text = Field(description="What the chart shows, in words, for screen readers.")
    illustrative: bool = Field(
        default=False, description="True when the numbers are not from a cited study."
    )
    axis_label: str = ""
    left_label: str = Field(default="", description="interval: what left of zero means.")
    right_label: str = Field(default="", description="interval: what right of zero means.")
    rows: list[IntervalRow] = Field(default_factory=list, max_length=8)
    groups: list[BarGroup] = Field(default_factory=list, max_length=6)

    @model_validator(mode="after")
    def _data_matches_kind(self) -> Figure:
        if self.kind == "interval" and not self.rows:
            raise ValueError("an 'interval' chart needs 'rows'")
        if self.kind == "bars" and not self.groups:
            raise ValueError("a 'bars' chart needs 'groups'")
        if not self.illustrative and not self.source:
            raise ValueError("a chart with real numbers needs a 'source' (or illustrative: true)")
        return self


