"""What every model shares: the strict base and the capped kinds of text."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

HEX_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")

# Length caps keep every piece printable: a paragraph of 1,500 characters is about 20
# lines, a heading of 150 about 3; longer input gets a located error, never a LayoutError.
Text = Annotated[str, Field(min_length=1, max_length=1500)]
Item = Annotated[str, Field(min_length=1, max_length=600)]
Line = Annotated[str, Field(min_length=1, max_length=150)]
OptionalText = Annotated[str, Field(max_length=1500)]
Url = Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]


class Strict(BaseModel):
    """Base for every model: unknown keys are errors (typos are caught), text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)
