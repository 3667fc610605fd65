"""Named bad inputs a clinic could type. Each must give exit code 2, a located message
(file:line:column), no traceback, and leave the previous PDF byte-for-byte untouched."""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from handout.commands.cli import main
from tests.conftest import CONTENT, ROOT

GOOD = CONTENT.read_text(encoding="utf-8").replace(
    "clinic: assets/clinics/mind-body-7.yaml", "clinic: clinic.yaml")
CLINIC_FILE = ROOT / "assets" / "clinics" / "mind-body-7.yaml"
CLINIC = CLINIC_FILE.read_text(encoding="utf-8").replace(
    "logo: mind-body-7-logo.svg", "logo: assets/clinics/mind-body-7-logo.svg")
PREVIOUS = b"%PDF-1.4 previous good build"
LOCATED = re.compile(r"^(content|clinic)\.yaml:(\d+):(\d+): ", re.MULTILINE)


def line_of(snippet: str, text: str = GOOD) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if snippet in line)


def clinic_line(snippet: str) -> int:
    return line_of(snippet, CLINIC)


def sub(old: str, new: str) -> Callable[[str, Path], str | bytes]:
    def edit(text: str, folder: Path) -> str:
        assert old in text, f"fixture drifted: {old!r} not in content.yaml"
        return text.replace(old, new, 1)
    return edit


def png(width: int, height: int) -> bytes:
    """A valid, blank grayscale PNG of the given size (no image library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                              0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def with_logo(name: str, data: bytes) -> Callable[[str, Path], str]:
    def edit(text: str, folder: Path) -> str:
        (folder / name).write_bytes(data)
        return text.replace("logo: assets/clinics/mind-body-7-logo.svg", f"logo: {name}", 1)
    return edit


def inline_clinic(logo: str) -> Callable[[str, Path], str]:
    """The clinic written inside the content file (`clinic:` then its lines, indented)."""
    def edit(text: str, folder: Path) -> str:
        block = CLINIC.replace("logo: assets/clinics/mind-body-7-logo.svg", logo)
        block = block[:block.index("\ntranslations:")]  # a clinic file's own key
        indented = "".join(f"  {line}\n" if line else "\n" for line in block.splitlines())
        return text.replace("clinic: clinic.yaml\n", "clinic:\n" + indented, 1)
    return edit


def long_key_points(text: str, folder: Path) -> str:
    """Three key points of 450 characters: each allowed, together too tall for the box."""
    start = text.index("key_points:")
    end = text.index("\n\n", start)
    items = "".join(f'    - "{"A long key point. " * 25}"\n' for _ in range(3))
    return text[:start] + "key_points:\n  title: Key points\n  items:\n" + items + text[end:]


def boxed_bullets(n: int, item: str) -> Callable[[str, Path], str]:
    """The "What we know" box with `n` copies of `item` as its bullets."""
    def edit(text: str, folder: Path) -> str:
        start = text.index("      bullets:\n", text.index("title: What we know")) + 15
        end = text.index("\n\n", start)
        return text[:start] + "".join(f'        - "{item}"\n' for _ in range(n)) + text[end:]
    return edit


BOMB = "\n".join(["a: &a [x, x, x, x, x, x, x, x, x]"]
                 + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, "
                    f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
                    for i in range(9)])


@dataclass(frozen=True)
class Case:
    name: str
    edit: Callable[[str, Path], str | bytes]
    message: str
    line: int | None = None
    file: str = "content"  # which file the edit applies to, and the error names


CASES = [
    Case("typo_in_key", sub("\ntitle:", "\ntitel:"), "unknown key 'titel'; did you mean 'title'?",
         line_of("title: Your gut")),
    Case("duplicate_key", sub("\ntitle: Your", "\ntitle: Other\ntitle: Your"),
         "'title' appears twice", line_of("title: Your gut") + 1),
    Case("python_tag", sub("title: Your gut and your mood",
                           "title: !!python/object/apply:os.system ['echo hacked']"),
         "tag:yaml.org,2002:python/object/apply:os.system is not allowed"),
    Case("unknown_tag", sub("title: Your gut", "title: !shout Your gut"), "!shout is not allowed"),
    Case("alias_bomb", lambda t, f: BOMB, "too many values"),
    Case("latin1_bytes",
         lambda t, f: t.replace("title: Your", "title: Caf\u00e9", 1).encode("latin-1"),
         "not UTF-8", line_of("title: Your gut")),
    Case("control_character", sub("title: Your gut", "title: Your\x07 gut"),
         "invisible control character (U+0007)", line_of("title: Your gut")),
    Case("unclosed_bracket", sub("title: Your gut", "title: [Your gut"), "YAML syntax"),
    Case("tab_indent", sub("  title: Key points", "\ttitle: Key points"),
         "content.yaml:{}:1: a tab: indent with spaces (YAML does not allow tabs; most editors "
         "can put spaces when you press Tab)".format(line_of("  title: Key points")),
         line_of("  title: Key points")),
    Case("empty_file", lambda t, f: "# nothing here\n", "the file is empty"),
    Case("top_level_list", lambda t, f: "- title: x\n", "expected a group of 'key: value' lines"),
    Case("missing_title", sub("title: Your gut and your mood\n", ""), "'title' is missing"),
    Case("empty_title", sub("title: Your gut and your mood", 'title: ""'), "this text is empty",
         line_of("title: Your gut")),
    Case("title_is_list", sub("title: Your gut and your mood", "title: [Your, gut]"),
         "expected text, got a list", line_of("title: Your gut")),
    Case("title_is_yes", sub("title: Your gut and your mood", "title: yes"),
         "expected text, got true/false", line_of("title: Your gut")),
    Case("phone_is_number", sub("phone: (555) 010-0107", "phone: 5550100107"),
         "expected text, got a number", clinic_line("phone: (555)"), "clinic"),
    Case("sections_is_mapping", sub("sections:\n", "sections:\n  first: x\nold_sections:\n"),
         "expected a list"),
    # 7 items is reading advice (a check warning); 20 is the cap that keeps pages in bounds.
    Case("too_many_steps", sub('  steps:\n', '  steps:\n' + '    - "Walk."\n' * 15),
         "plan.steps: too many items: at most 20; split the list or shorten it",
         line_of("  steps:") + 1),
    Case("too_many_bullets", sub('    bullets:\n', '    bullets:\n' + '      - "Oats."\n' * 17),
         "sections[5].bullets: too many items: at most 20; split the list or shorten it",
         line_of("    bullets:") + 1),
    Case("colour_name", sub('primary: "#1F4E79"', "primary: blue"), "a colour is written as #",
         clinic_line("primary:"), "clinic"),
    Case("colour_unquoted", sub('primary: "#1F4E79"', "primary: #1F4E79"),
         "clinic.colours.primary: '#' starts a comment in YAML, so this value is empty; put it "
         'in quotes: primary: "#1F4E79"', clinic_line("primary:"), "clinic"),
    Case("colour_left_empty", sub('primary: "#1F4E79"', "primary:"),  # "# dark blue" follows
         "clinic.colours.primary: expected text, got nothing", clinic_line("primary:"),
         "clinic"),
    Case("colour_short", sub('primary: "#1F4E79"', 'primary: "#12345"'), "a colour is written",
         file="clinic"),
    Case("website_no_scheme", sub("website: https://www.mindbody7.example",
                                  "website: mindbody7"), "website", file="clinic"),
    Case("clinic_file_missing", sub("clinic: clinic.yaml", "clinic: clinics/nope.yaml"),
         "no clinic file at", line_of("clinic: clinic.yaml")),
    Case("clinic_typo", sub("tagline:", "tagLine:"), "did you mean 'tagline'?",
         clinic_line("tagline:"), "clinic"),
    Case("impossible_date", sub("last_reviewed: 2026-11-20", "last_reviewed: 2026-13-40"),
         "review.last_reviewed: there is no such month: 13 (a month is 1 to 12, as in "
         "YYYY-MM-DD)", line_of("last_reviewed:")),
    Case("no_such_day", sub("last_reviewed: 2026-11-20", "last_reviewed: 2026-02-30"),
         "review.last_reviewed: there is no such day: February 2026 has no day 30",
         line_of("last_reviewed:")),
    Case("no_such_day_quoted", sub("last_reviewed: 2026-11-20", 'last_reviewed: "2025-02-29"'),
         "review.last_reviewed: there is no such day: February 2025 has no day 29",
         line_of("last_reviewed:")),
    Case("date_with_slashes", sub("last_reviewed: 2026-11-20", "last_reviewed: 20/11/2026"),
         "review.last_reviewed: expected a date written as YYYY-MM-DD",
         line_of("last_reviewed:")),
    Case("review_order", sub("next_review: 2027-11-20", "next_review: 2025-01-01"),
         "next_review must come after last_reviewed"),
    Case("chart_infinite", sub("estimate: -0.16", "estimate: .inf"), "not .inf or .nan",
         line_of("estimate: -0.16")),
    Case("chart_low_above", sub("low: -0.58", "low: 0.9"), "low <= estimate <= high"),
    Case("chart_no_source", sub('  source: "Nikolova', '  not_source: "Nikolova'),
         "unknown key 'not_source'; did you mean 'source'?"),
    Case("chart_kind", sub("kind: interval", "kind: pie"), "kind"),
    Case("riddle_answer_spaces", sub("answer: dysbiosis", "answer: gut bugs 2"), "answer"),
    Case("unknown_language", sub("language: en", "language: de"), "no layout wording for 'de'",
         line_of("language: en")),
    Case("evidence_word", sub("evidence: emerging", "evidence: new"),
         "evidence: input should be 'emerging' or 'established'", line_of("evidence:")),
    Case("help_level", sub("level: care_team", "level: doctor"), "level"),
    Case("icon_typo", sub("    icon: stomach", "    icon: stomak"),
         "sections[0].icon: no icon named 'stomak'; did you mean 'stomach'?",
         line_of("    icon: stomach")),
    Case("icon_typo_in_key_point", sub("      icon: neurology", "      icon: neurolgy"),
         "key_points.items[0].icon: no icon named 'neurolgy'; did you mean 'neurology'?",
         line_of("      icon: neurology")),
    Case("icon_typo_with_alt", sub("      icon: walking",
                                   "      icon: {name: walkng, alt: A person walking}"),
         "plan.steps[5].icon.name: no icon named 'walkng'; did you mean 'walking'?",
         line_of("      icon: walking")),
    Case("icon_is_a_list", sub("    icon: stomach", "    icon: [stomach, colon]"),
         "sections[0].icon: expected text, got a list", line_of("    icon: stomach")),
    Case("key_point_is_number", sub('    - text: "Your gut and your brain', '    - 42\n'
                                    '    - text: "Your gut and your brain'),
         "key_points.items[0]: expected text, got a number", line_of("    - text: \"Your gut")),
    Case("logo_missing", sub("logo: assets/clinics/mind-body-7-logo.svg", "logo: nope.png"),
         "clinic.logo: no file at nope.png; check the name (it is relative to the clinic file, "
         "clinic.yaml)", clinic_line("logo: assets"), "clinic"),
    Case("logo_missing_inline_clinic", inline_clinic("logo: nope.png"),
         "clinic.logo: no file at nope.png; check the name (it is relative to the content "
         "file)", line_of("clinic: clinic.yaml") + clinic_line("logo: assets")),
    Case("logo_not_image", with_logo("fake.png", b"this is not a picture"),
         "not a readable PNG or JPEG", clinic_line("logo: assets"), "clinic"),
    Case("logo_huge", with_logo("huge.png", png(7000, 2)), "7000 x 2 pixels", file="clinic"),
    Case("logo_bad_svg", with_logo("bad.svg", b"<svg><unclosed"), "not a readable SVG",
         file="clinic"),
    Case("emoji", sub("title: Your gut and your mood", "title: Your gut and your mood \U0001F600"),
         "no font can print", line_of("title: Your gut")),
    Case("cjk", sub("title: Your gut and your mood", "title: \u8178\u3068\u6c17\u5206"),
         "no font can print"),
    Case("control_char", sub("title: Your gut and your mood", 'title: "Your gut\\x07"'),
         "no font can print"),
    Case("giant_word", sub("title: Your gut and your mood", "title: " + "a" * 50_000),
         "over the limit of 150 here; shorten it"),
    Case("boxed_list_too_long", long_key_points,
         "key_points.items: this boxed list takes about 31 lines in large print; at most 25 "
         "fit on a page: shorten the items or move some out of the box",
         GOOD.splitlines().index("key_points:") + 4),
    # Twelve items just too long for one line: 700 characters, yet 24 lines and gaps.
    Case("boxed_list_too_many_lines", boxed_bullets(12, "Eat one more fiber food each day, "
                                                        "like oats or beans now."),
         "sections[6].box.bullets: this boxed list takes about 27 lines in large print",
         line_of("We know:** Your gut and brain")),
    Case("long_heading", sub("title: Your gut and your mood", "title: " + "Gut " * 60),
         "over the limit of 150 here; shorten it"),
    Case("clinic_name_too_wide", sub("name: Mind Body 7", "name: " + "W" * 60),
         "too long for the header band", clinic_line("name: Mind"), "clinic"),
    # The grid grows to hold its longest word; 16 letters make it too tall for the page.
    # A 16-letter word grows the grid to 16 x 16, which now prints on a page of its own;
    # a 40-letter one no page holds.
    Case("word_search_word_too_long",
         sub("      - fiber", "      - gastroenterologicalpsychoneuroimmunology"),
         "puzzle: the puzzle does not fit on one page"),
    Case("puzzle_too_tall", sub("    - question: \"I am the word for", "\n".join(
        [f'    - question: "{"Long riddle text that goes on. " * 16}"\n      answer: gut'] * 3
        + ['    - question: "I am the word for'])), "puzzle"),
    Case("oversized_file", lambda t, f: t + "# " + "x" * 1_100_000 + "\n",
         "a content file must be under"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # as a clinic runs it: in the folder of its files
    # Only the bundled fonts: a system font would print the emoji case on some machines.
    monkeypatch.setenv("HANDOUT_SYSTEM_FONTS", "0")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    content, clinic = tmp_path / "content.yaml", tmp_path / "clinic.yaml"
    content.write_text(GOOD, encoding="utf-8")
    clinic.write_text(CLINIC, encoding="utf-8")
    target = clinic if case.file == "clinic" else content
    edited = case.edit(target.read_text(encoding="utf-8"), tmp_path)
    if isinstance(edited, bytes):
        target.write_bytes(edited)
    else:
        target.write_text(edited, encoding="utf-8")
    out = tmp_path / "out" / "handout.pdf"
    out.parent.mkdir()
    out.write_bytes(PREVIOUS)

    code = main(["build", str(content), "-o", str(out)])
    err = capsys.readouterr().err

    assert code == 2, err
    assert "Traceback" not in err
    assert case.message in err, err
    located = LOCATED.findall(err.replace(str(tmp_path) + "/", ""))
    assert located, f"no file:line:column in {err!r}"
    assert located[0][0] == case.file, err
    if case.line is not None:
        assert int(located[0][1]) == case.line, err
    assert out.read_bytes() == PREVIOUS
    left = sorted(p.name for p in out.parent.iterdir())
    assert left == ["handout.pdf"], "stray temp file"
