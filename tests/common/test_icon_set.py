"""The bundled icons, by name: every file has one name, found by name, title or tags."""

from __future__ import annotations

import re

import pytest

from handout.commands.icon_search import icon_listing
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
                                          "`handout icons stomak` lists it")
    assert icon_set.unknown("fever") == ("two icons are called 'fever': write 'devices/fever' "
                                         "(High Temperature) or 'emotions/fever' (Fever)")
    assert icon_set.unknown("pill") == ("no icon named 'pill'; did you mean 'pill_1', "
                                        "'pills_2' or 'pills_3'? `handout icons pill` lists "
                                        "these and 16 more")
    assert icon_set.unknown("xyzzy") == (
        "no icon named 'xyzzy'; `handout icons WORD` lists the icons whose name or "
        "subject has WORD in it, e.g. `handout icons heart`")


@pytest.mark.parametrize("word", ["sleeping", "stomak", "brain", "pill", "stomach_pain"])
def test_an_unknown_name_is_offered_what_handout_icons_lists(word: str) -> None:
    """One search: the names offered for `icon: WORD` are among those `handout icons WORD`
    lists, and each listed name is one of them (issue 19: `icon: sleeping` was offered
    'sling' or 'spleen' while `handout icons sleeping` found `sleepy`)."""
    listed, _ = icon_listing(word)
    names = [line.split()[0] for line in listed.splitlines() if line and line[0] != " "][:-2]
    offered = re.findall(r"'([\w/-]+)'", icon_set.unknown(word).split("did you mean ")[1])
    assert offered and set(offered) <= set(names)
    assert len(names) == len(icon_set.search(word)[0])
