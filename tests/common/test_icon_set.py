"""The bundled icons, by name: every file has one name, found by name, title or tags."""

from __future__ import annotations

from handout.common import icon_set

ICONS = icon_set.ICON_DIR / icon_set.STYLE


def test_every_bundled_icon_has_one_name_and_a_file() -> None:
    files = sorted(ICONS.glob("*/*.svg"))
    names = icon_set.names()
    assert len(files) == len(names) > 600  # the whole outline set of Health Icons
    for name in names:
        info = icon_set.find(name)
        assert info is not None and info.path.is_file() and info.name == name
    # Six names belong to two icons each: those are written with their category.
    assert icon_set.find("fever") is None
    for name in ("devices/fever", "emotions/fever"):
        assert (info := icon_set.find(name)) is not None and info.name == name
    assert icon_set.find("Body/STOMACH") == icon_set.find("stomach")


def test_icons_are_found_by_name_title_and_tags() -> None:
    assert [i.name for i in icon_set.matching("stom")][:2] == ["stomach", "stomach_cancer"]
    assert "neurology" in [i.name for i in icon_set.matching("brain")]  # a tag, not the name
    assert icon_set.matching("no-such-thing") == []


def test_an_unknown_name_gets_the_likeliest_names() -> None:
    assert icon_set.unknown("stomak") == ("no icon named 'stomak'; did you mean 'stomach'? "
                                          "`handout icons stom` lists icon names")
    assert icon_set.unknown("fever") == ("two icons are called 'fever': write 'devices/fever' "
                                         "(High Temperature) or 'emotions/fever' (Fever)")
    assert icon_set.unknown("brain").startswith("no icon named 'brain'; icons about 'brain':")
