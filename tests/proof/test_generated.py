"""Generated handouts held to the same rules: Hypothesis makes clinics (names of 3-60
characters; US, international and extension phones; website URLs and labels of 15-90
characters; 1-3 address lines; logos of extreme aspect ratios) and variations of
content.yaml (which sections, how long each list), and each example is built in every
format. Each build either keeps every rule (pages.py) or is refused with a ContentError
whose every problem names file:line:column. A silent defect fails.

The seed is fixed (derandomize), so a run is repeatable: one explicit example (EXTENSION: a
phone with "ext. 3307", a long website label, three address lines, a wide logo) and 8
drawn, or 200 with HANDOUT_TORTURE=1 (`make torture`). No shrinking: the first
counterexample is reported as it was drawn (a shrink would cost a build per format per step).
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from handout.common.errors import ContentError
from handout.pipeline.build import Options, build
from tests.proof.conftest import ROOT, Outcome, located
from tests.proof.pages import RULES, check, read, tokens

EXAMPLES = 200 if os.environ.get("HANDOUT_TORTURE") == "1" else 8
FORMATS = ("document", "booklet", "trifold", "sheet")
BASE: dict[str, Any] = yaml.safe_load((ROOT / "content.yaml").read_text(encoding="utf-8"))
CLINIC: dict[str, Any] = yaml.safe_load(
    (ROOT / "assets" / "clinics" / "mind-body-7.yaml").read_text(encoding="utf-8"))
PICTURES = ROOT / "assets" / "pictures"


# --- What Hypothesis draws ------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    """One generated handout: its clinic, its logo's size, its content's variations."""

    paper: str
    name: str
    phone: str
    website: str
    website_label: str
    booking: str
    address: tuple[str, ...]
    logo: tuple[int, int]  # width, height of the SVG
    sections: tuple[int, ...]  # which of content.yaml's sections, in order
    lengths: tuple[int, ...] = field(default=())  # items kept: key points, steps, tiers...
    picture: str = "full"  # the width of content.yaml's picture: full, half or third

    def clinic(self) -> dict[str, Any]:
        data = {key: value for key, value in CLINIC.items() if key != "translations"}
        data.update(name=self.name, phone=self.phone, website=self.website,
                    address="\n".join(self.address), logo="logo.svg",
                    call_to_action={"text": CLINIC["call_to_action"]["text"],
                                    "url": self.booking})
        if self.website_label:
            data["website_label"] = self.website_label
        return data

    def content(self) -> dict[str, Any]:
        data: dict[str, Any] = yaml.safe_load(yaml.safe_dump(BASE))  # a deep copy
        data["clinic"] = "clinic.yaml"
        data["sections"] = [data["sections"][i] for i in self.sections]
        lists = _lists(data)
        for (owner, key), count in zip(lists, self.lengths, strict=False):
            items = owner[key]
            owner[key] = [items[i % len(items)] for i in range(count)]
        for section in data["sections"]:
            for block in section.get("blocks", []):
                if "image" in block:
                    block["image"]["width"] = self.picture
        return data

    def logo_svg(self) -> str:
        w, h = self.logo
        r = min(w, h) / 2
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
                f'viewBox="0 0 {w} {h}"><rect width="{w}" height="{h}" fill="#0B6E4F"/>'
                f'<circle cx="{r}" cy="{r}" r="{r * 0.8:.1f}" fill="#FFFFFF"/></svg>')

    def write(self, folder: Path) -> Path:
        """The content file, clinic file, logo and picture in `folder`; the content's path."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "assets").mkdir(exist_ok=True)
        shutil.copytree(PICTURES, folder / "assets" / "pictures", dirs_exist_ok=True)
        (folder / "logo.svg").write_text(self.logo_svg(), encoding="utf-8")
        for name, data in (("clinic.yaml", self.clinic()), ("content.yaml", self.content())):
            (folder / name).write_text(yaml.safe_dump(data, allow_unicode=True,
                                                      sort_keys=False), encoding="utf-8")
        return folder / "content.yaml"


def _lists(data: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    """Every list whose length the example varies: (its owner, its key), in a fixed order."""
    out: list[tuple[dict[str, Any], str]] = [(data["key_points"], "items"),
                                             (data["plan"], "steps")]
    out += [(tier, "items") for tier in data["help"]["tiers"]]
    out += [(section, "bullets") for section in data["sections"] if section.get("bullets")]
    return out


LIST_COUNT = len(_lists(yaml.safe_load(yaml.safe_dump(BASE))))
LETTERS = "abcdefghijklmnopqrstuvwxyzéñü"
names = st.from_regex(rf"[A-Z][A-Za-z{LETTERS}&' .-]{{1,58}}[a-z7]", fullmatch=True)
_us = st.from_regex(r"\(555\) 01[0-9]-[0-9]{4}", fullmatch=True)
_world = st.from_regex(r"\+(44 20 7946 0[0-9]{3}|61 2 5550 [0-9]{4}|49 30 901820[0-9]{2}"
                       r"|1 555 01[0-9] [0-9]{4}|353 1 555 [0-9]{4})", fullmatch=True)
_ext = st.from_regex(r" ext\. [0-9]{2,5}", fullmatch=True)
phones = st.one_of(_us, _world, st.tuples(st.one_of(_us, _world), _ext).map("".join))
_host = st.from_regex(r"[a-z][a-z0-9-]{1,40}[a-z0-9]", fullmatch=True)
_path = st.lists(st.from_regex(r"[a-z][a-z0-9-]{1,14}", fullmatch=True), max_size=3)
websites = st.builds(lambda host, path: f"https://www.{host}.example" +
                     "".join("/" + p for p in path), _host, _path
                     ).filter(lambda url: 15 <= len(url) <= 90)
labels = st.one_of(st.just(""), st.builds(lambda host, path: f"{host}.example" +
                                          "".join("/" + p for p in path), _host, _path
                                          ).filter(lambda text: 15 <= len(text) <= 90))
_line = st.from_regex(r"[1-9][0-9]{0,3} [A-Z][a-z]{2,14} (Road|Street|Way)|Suite [0-9]{1,3}"
                      r"|[A-Z][a-z]{3,12},? [A-Z]{2} [0-9]{5}", fullmatch=True)
addresses = st.lists(_line, min_size=1, max_size=3).map(tuple)
logos = st.builds(lambda long, short, wide: (long, short) if wide else (short, long),
                  st.integers(300, 1200), st.integers(8, 40), st.booleans())
_count = len(BASE["sections"])
sections = st.lists(st.integers(0, _count - 1), min_size=1, max_size=_count,
                    unique=True).map(lambda found: tuple(sorted(found)))
# Key points up to the 7 the model takes; every other list up to 9 items.
lengths = st.tuples(st.integers(1, 7), st.lists(st.integers(1, 9), min_size=LIST_COUNT - 1,
                                                max_size=LIST_COUNT - 1)
                    ).map(lambda drawn: (drawn[0], *drawn[1]))


@st.composite
def examples(draw: st.DrawFn) -> Example:
    website = draw(websites)
    booking = website + "/" + draw(st.from_regex(r"[a-z]{3,20}(/[a-z]{3,12}){0,2}",
                                                 fullmatch=True))
    return Example(draw(st.sampled_from(["letter", "a4"])), draw(names), draw(phones),
                   website, draw(labels), booking, draw(addresses), draw(logos),
                   draw(sections), draw(lengths), draw(st.sampled_from(["full", "half", "third"])))


# Always tried first: an extension phone, a long label, three address lines, a wide logo,
# and the picture a third wide with text beside it.
EXTENSION = Example(
    "letter", "Mind Body 7 Family Wellness",
    "(555) 010-0107 ext. 3307", "https://www.mindbody7.example",
    "www.mindbody7.example/patients/handouts/gut-and-mood", "https://www.mindbody7.example/book",
    ("700 Wellness Way", "Suite 7", "Springfield"), (1200, 40),
    tuple(range(len(BASE["sections"]))), (4, 6, 4, 4, 5, 4, 6), "third")


# --- Builds, shared by the rules ------------------------------------------------------------


class Generated:
    """Builds an example in a format the first time it is asked for; the outcome after."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.made: dict[tuple[Example, str], Outcome] = {}
        self.written: dict[Example, Path] = {}

    def __call__(self, example: Example, fmt: str) -> Outcome:
        if example not in self.written:
            self.written[example] = example.write(self.folder / f"ex{len(self.written)}")
        content = self.written[example]
        if (example, fmt) not in self.made:
            out = content.parent / f"{fmt}.pdf"
            try:
                build(content, out, Options(format=fmt, paper=example.paper, check=False,
                                            cache_dir=self.folder / "charts"))
            except ContentError as exc:
                self.made[example, fmt] = Outcome(None, None, exc)
            else:
                self.made[example, fmt] = Outcome(read(out, fmt), tokens(content), None)
        return self.made[example, fmt]


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return Generated(tmp_path_factory.mktemp("generated"))


# Rules the current layout breaks on generated handouts: rule -> the first counterexample
# (EXTENSION first, then 8 drawn with the fixed seed). Not strict: another seed or more
# examples may pass or fail. None today: a one-section sheet's right column, once 81%
# empty and not refused, is seen by the build (layout/formats/zones.every_frame) and its
# text set larger into it.
FAILING: dict[str, str] = {}


def _marks(rule: str) -> list[pytest.MarkDecorator]:
    reason = FAILING.get(rule)
    return [pytest.mark.xfail(strict=False, reason=reason)] if reason else []


@pytest.mark.parametrize("rule", [pytest.param(r, marks=_marks(r)) for r in RULES])
def test_generated_handouts_keep_the_rule_or_are_refused_with_a_location(
        generated: Generated, rule: str) -> None:
    @settings(derandomize=True, max_examples=EXAMPLES, deadline=None, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
    @given(drawn=examples())
    @example(drawn=EXTENSION)
    def keeps(drawn: Example) -> None:
        for fmt in FORMATS:
            outcome = generated(drawn, fmt)
            if outcome.refusal is not None:
                assert not located(outcome.refusal), \
                    f"{fmt}: a refusal without file:line:column: {located(outcome.refusal)}"
                continue
            assert outcome.printed is not None and outcome.tokens is not None
            violations = check(outcome.printed, rule, outcome.tokens)
            assert not violations, "\n".join(violations)

    keeps()
