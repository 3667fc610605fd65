"""What every model shares: the strict base, the capped kinds of text, icons by name."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from handout.common import icon_set

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


def _known(name: str) -> str:
    """An icon's name as the icon set spells it; a did-you-mean error for any other."""
    info = icon_set.find(name)
    if info is None:
        raise ValueError(icon_set.unknown(name))
    return info.name


IconName = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_known)]


class Icon(Strict):
    """An icon of the bundled Health Icons set (`handout icons WORD` lists their names)."""

    name: IconName = Field(description="The icon's name, e.g. 'stomach'.")
    alt: Annotated[str, Field(max_length=150)] = Field(
        default="", description="What the icon shows, for screen readers. Leave it out when "
        "the text beside it says it all: the icon is then decoration.")


def _named(value: object) -> object:
    """`icon: stomach` is short for `icon: {name: stomach}`; the name is checked here so
    that an unknown one is reported at `icon`, where it was written."""
    if isinstance(value, str):
        return {"name": _known(value)}
    if isinstance(value, dict | Icon):
        return value
    raise PydanticCustomError("string_type", "expected an icon's name")


IconRef = Annotated[Icon, BeforeValidator(_named, json_schema_input_type=IconName | Icon)]


class Point(Strict):
    """A list item with an icon. A plain text item is a point without one."""

    text: Item
    icon: IconRef | None = None


def _text_only(value: object) -> object:
    """A plain text item is a point without an icon; anything but text or a group of keys
    is reported as not text, as it was before items could have icons."""
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict | Point):
        return value
    raise PydanticCustomError("string_type", "expected text")


PointRef = Annotated[Point, BeforeValidator(_text_only, json_schema_input_type=Item | Point)]
