"""Icons by name in the content model: both ways of writing an item or an icon, and a
located did-you-mean error for a name that is not an icon."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from handout.common.errors import ContentError
from handout.input.fields import Icon, Point
from handout.input.model import Document, KeyPoints, Section
from handout.input.sources import load_content
from handout.input.validate import parse_document
from tests.conftest import CONTENT, content_data


def test_todays_plain_text_items_still_work() -> None:
    """Key points and plan steps written as plain text, as before icons, read unchanged."""
    data = content_data()
    for part, key in (("key_points", "items"), ("plan", "steps")):
        data[part][key] = [item["text"] if isinstance(item, dict) else item
                           for item in data[part][key]]
    doc = Document.model_validate(data)
    assert all(point.icon is None for point in doc.key_points.items)
    assert doc.plan.steps[0] == Point(text=data["plan"]["steps"][0])


def test_an_icon_by_name_or_with_alt_text() -> None:
    section = Section.model_validate({"heading": "Your gut", "icon": "Stomach"})
    assert section.icon == Icon(name="stomach")  # spelled as the icon set spells it
    described = Section.model_validate(
        {"heading": "Your gut", "icon": {"name": "stomach", "alt": "A stomach"}})
    assert described.icon == Icon(name="stomach", alt="A stomach")
    points = KeyPoints.model_validate({"items": ["Plain.", {"text": "With.", "icon": "phone"}]})
    assert [p.icon for p in points.items] == [None, Icon(name="phone")]


@pytest.mark.parametrize(("value", "where", "message"), [
    ("stomak", ("icon",), "no icon named 'stomak'; did you mean 'stomach'? "
                          "`handout icons stomak` lists it"),
    ("sleeping", ("icon",), "no icon named 'sleeping'; did you mean 'sleepy'? "
                            "`handout icons sleeping` lists it"),
    ({"name": "ambulanse"}, ("icon", "name"), "did you mean 'ambulance'?"),
    ("fever", ("icon",), "two icons are called 'fever': write 'devices/fever' (High "
                         "Temperature) or 'emotions/fever' (Fever)"),
    ("brain", ("icon",), "no icon named 'brain'; did you mean 'child_cognition', 'neurology' "
                         "or 'neuro_surgery'? `handout icons brain` lists these and 2 more"),
])
def test_an_unknown_icon_says_what_was_meant(value: object, where: tuple[str, ...],
                                             message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Section.model_validate({"heading": "Your gut", "icon": value})
    [error] = caught.value.errors()
    assert error["loc"] == where
    assert message in error["msg"]


def test_an_unknown_icon_in_the_file_is_reported_at_its_line(tmp_path: Path) -> None:
    text = CONTENT.read_text(encoding="utf-8").replace(
        "clinic: assets/clinics/", f"clinic: {CONTENT.parent}/assets/clinics/")
    assert "      icon: neurology\n" in text and "    icon: stomach\n" in text
    text = text.replace("      icon: neurology\n", "      icon: neurolgy\n")
    text = text.replace("    icon: stomach\n", "    icon: stomak\n")
    path = tmp_path / "content.yaml"
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    with pytest.raises(ContentError) as caught:
        parse_document(load_content(path))
    found = {(p.path, p.line, p.column): p.message for p in caught.value.problems}
    key_point = lines.index("      icon: neurolgy") + 1
    section = lines.index("    icon: stomak") + 1
    assert "did you mean 'neurology'?" in found["key_points.items[0].icon", key_point, 13]
    assert "did you mean 'stomach'?" in found["sections[0].icon", section, 11]
