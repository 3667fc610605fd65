"""`handout check`: readability pinned against textstat, structure, evidence, safety, CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from handout.check import Report
from handout.check import contrast as contrast_module
from handout.check.contrast import darker_shade, shade
from handout.check.readability import prepare, score
from handout.commands.cli import main
from handout.common import colours
from handout.input.clinic import Colours
from handout.input.fields import Point
from handout.input.loader import Located
from handout.input.model import Document, KeyPoints, Section
from tests.check.conftest import check
from tests.conftest import CONTENT, ROOT

HARD = ("Epidemiological investigations have demonstrated considerable heterogeneity "
        "regarding microbiological characteristics, necessitating comprehensive "
        "methodological standardization across international collaborative consortia.")


def messages(report: Report, severity: str = "error") -> list[str]:
    return [f"{f.path}: {f.message}" for f in report.findings if f.severity == severity]


# --- readability ---------------------------------------------------------------------------


def test_textstat_is_the_pinned_offline_version() -> None:
    assert version("textstat") == "0.7.4", "0.7.5+ downloads NLTK data at run time"


@pytest.mark.parametrize(("text", "fk", "smog", "words", "sentences"), [
    ("The cat sat on the mat. It was a very happy cat. Everybody admired its unbelievable "
     "tranquillity.", 5.4, 8.8, 17, 3),
    # textstat does not count "Drink water." as a sentence: 2 words or fewer are skipped.
    ("Eat more fiber. Drink water. Move your body most days. Sleep at the same time each "
     "night.", -0.9, 3.1, 17, 3),
    (HARD, 38.9, None, 17, 1),
])
def test_readability_figures_are_pinned(text: str, fk: float, smog: float | None,
                                        words: int, sentences: int) -> None:
    from textstat.textstat import textstatistics

    s = score(prepare(text))
    assert s is not None
    assert (s.fk_grade, s.smog, s.words, s.sentences) == (fk, smog, words, sentences)
    # The same figure straight from textstat's own counts and the published formula.
    ts = textstatistics()
    grade = (0.39 * ts.lexicon_count(text) / ts.sentence_count(text)
             + 11.8 * ts.syllable_count(text) / ts.lexicon_count(text) - 15.59)
    assert s.fk_grade == round(grade, 1)


@pytest.mark.parametrize(("raw", "prepared"), [
    ("See Dr. Lee at 9 a.m. today.", "See Dr Lee at 9 am today."),
    ("The range was 0.27 wide. Chat at 988lifeline.org now.",
     "The range was 027 wide. Chat at 988lifelineorg now."),
    ("Your gut makes serotonin (seer-uh-TOE-nin). It helps.",
     "Your gut makes serotonin. It helps."),
    ("**Bold** words count once", "Bold words count once."),
])
def test_text_is_prepared_before_scoring(raw: str, prepared: str) -> None:
    assert prepare(raw) == prepared


def test_list_fragments_are_not_scored() -> None:
    assert prepare("Oats, beans and lentils", list_item=True) == ""
    assert prepare("1. Eat oats each day.", list_item=True) == "Eat oats each day."


def test_hardest_words_and_longest_sentences_are_listed() -> None:
    s = score(prepare("Eat oats. " + HARD + " Sleep well each night, and walk."))
    assert s is not None
    assert s.longest[0].startswith("Epidemiological")
    assert "epidemiological" in s.hardest and "oats" not in s.hardest


# --- our own content -----------------------------------------------------------------------


def test_our_content_passes(doc: Document, located: Located) -> None:
    report = check(doc, located)
    assert report.errors == 0, messages(report)
    body = [r for r in report.rows if r.kind == "body"]
    assert body and all(r.scores.fk_grade <= 7 for r in body)
    assert all(r.scores.fk_grade <= 6 for r in report.rows if r.kind == "action")
    assert all(s.value >= 90 for s in report.scores)


def test_older_content_without_targets_stays_valid(doc: Document) -> None:
    data = doc.model_dump(exclude={"checks", "glossary"})
    plain = Document.model_validate(data)
    assert plain.checks.max_grade == 8 and plain.checks.action_max_grade == 6
    assert plain.glossary == {}


SIGNS = ["Feeling sad or empty most of the day", "Loss of interest in things you enjoyed",
         "Trouble sleeping, or sleeping too much"]


def test_a_bullet_only_section_is_graded_from_its_items(doc: Document,
                                                        located: Located) -> None:
    signs = Section(heading="Signs of depression", bullets=SIGNS)
    report = check(doc.model_copy(update={"sections": [*doc.sections, signs]}), located)
    [row] = [r for r in report.rows if r.path == "sections[9]"]
    expected = score(". ".join(SIGNS) + ".")  # each item read as a sentence
    assert expected is not None and (row.name, row.scores) == ("10. Signs of depression",
                                                               expected)
    assert row.scores.fk_grade == 3.4 and row.ok


def test_the_puzzle_and_the_disclaimer_are_graded_too(doc: Document,
                                                      located: Located) -> None:
    rows = {r.path: r for r in check(doc, located).rows}
    assert (rows["puzzle"].name, rows["disclaimer"].name) == ("Word play", "Disclaimer")
    report = check(doc.model_copy(update={"disclaimer": HARD}), located)
    assert ("disclaimer: 'Disclaimer' reads at grade 38.9 (Flesch-Kincaid); the target is 7 "
            "or below") in messages(report)


def test_fragments_stay_out_where_a_section_has_sentences(doc: Document,
                                                          located: Located) -> None:
    signs = Section(heading="Signs of depression", paragraphs=["You may feel low."],
                    bullets=SIGNS)
    report = check(doc.model_copy(update={"sections": [*doc.sections, signs]}), located)
    [row] = [r for r in report.rows if r.path == "sections[9]"]
    assert row.scores == score("You may feel low.")


def test_grade_12_paragraph_fails_with_its_line(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    lines = CONTENT.read_text(encoding="utf-8").splitlines()
    heading = lines.index("  - heading: What the research says so far")
    first = next(i for i in range(heading, len(lines)) if lines[i].startswith("      - "))
    lines.insert(first, f'      - "{HARD}"')
    bad = tmp_path / "content.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    code = main(["check", str(bad)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"content.yaml:{heading + 1}:5: error: sections[2]: " in out
    assert "the target is 7 or below" in out
    assert f"sections[2].paragraphs[0] (line {first + 1}" in out
    assert "epidemiological" in out


def suggested(report: Report) -> dict[str, str]:
    """Per over-target part, the words the fix suggests replacing."""
    lead = " Use everyday words for: "
    return {f.path: f.fix.split(lead)[1].split(".")[0] for f in report.findings
            if lead in f.fix}


def test_words_of_the_title_and_glossary_are_never_suggested_for_replacing(
        doc: Document, located: Located) -> None:
    strict = doc.checks.model_copy(update={"max_grade": 1})
    report = check(doc.model_copy(update={"checks": strict}), located)
    assert "depression" in suggested(report)["intro"]  # the test's premise
    depression = doc.model_copy(update={"title": "Depression and your gut", "checks": strict,
                                         "glossary": {**doc.glossary, "probiotic": "a pill "
                                                      "or food with live bacteria"}})
    words = suggested(check(depression, located))
    assert words["intro"] == "scientists"
    assert words["sections[3]"] == "average, everyone, scientists, bacteria"  # no inflammation
    # No "probiotic" or "probiotics": the glossary's term, in either form.
    assert words["sections[5]"] == "therapy, supplement, limited, vegetables, asparagus"
    assert words["sections[0]"] == "bacteria, together, chemical, messenger"  # no microbiome
    assert not any("depression" in w or "inflammation" in w for w in words.values())


def test_word_forms_cover_simple_plurals() -> None:
    from handout.check.readability import hardest_words, word_forms

    keep = word_forms(["Therapy for depression", "gut-brain axis"])
    assert {"therapies", "depressions", "brain", "axis"} <= keep
    text = "Depressions and therapies affect the depression’s intensity."
    assert hardest_words(text, keep=keep) == ("intensity",)


# --- structure -----------------------------------------------------------------------------


def test_missing_key_points_fail(doc: Document, located: Located) -> None:
    # Validation requires key points; a document built in code can still lack them.
    empty = KeyPoints.model_construct(title="Key points", items=[])
    report = check(doc.model_copy(update={"key_points": empty}), located)
    assert "key_points: no key points: the main message is missing" in messages(report)
    assert any(s.value < 90 for s in report.scores)


def test_list_over_seven_items_warns(doc: Document, located: Located) -> None:
    section = doc.sections[0].model_copy(update={"bullets": [f"Tip {i}." for i in range(8)]})
    report = check(doc.model_copy(update={"sections": [section, *doc.sections[1:]]}), located)
    [finding] = [f for f in report.findings if f.path == "sections[0].bullets"]
    assert (finding.severity, finding.message, finding.fix) == (
        "warning", "this list has 8 items; readers remember about 7",
        "Split it into two lists or shorten it.")
    cdc = next(s for s in report.scores if s.scale == "CDC Clear Communication Index")
    assert cdc.failed == ("lists",)


def test_a_long_list_is_reported_with_every_other_finding(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An 11-item symptom list is valid content: the check names it, and still grades."""
    lines = CONTENT.read_text(encoding="utf-8").splitlines()
    last = lines.index('      - "How will we know if my plan is working?"')
    more = ["Could my sleep be part of this?", "What should I eat each day?",
            "Who can I call after hours?", "Which foods upset the gut?",
            "When should I come back?"]
    lines[last + 1:last + 1] = [f'      - "{q}"' for q in more]
    (tmp_path / "content.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    code = main(["check", str(tmp_path / "content.yaml")])
    out = capsys.readouterr().out
    first = lines.index("    bullets:", last - 8) + 2  # 1-based: the list's first item
    assert (f"content.yaml:{first}:7: warning: sections[7].bullets: this list has 11 items; "
            "readers remember about 7\n    fix: Split it into two lists or shorten it.\n") in out
    assert "\n8. Talk to your care team " in out and "\nKey points " in out
    assert "CDC Clear Communication Index                90   9/10" in out
    assert code == 0


def test_more_than_five_key_points_warn(doc: Document, located: Located) -> None:
    key = KeyPoints(items=[*doc.key_points.items, "Sleep well.", "Walk each day."])
    report = check(doc.model_copy(update={"key_points": key}), located)
    [finding] = [f for f in report.findings if f.path == "key_points.items"]
    assert (finding.severity, finding.message, finding.fix) == (
        "warning", "there are 6 key points; readers take in 3 to 5 main messages",
        "Keep the 5 that matter most and move the others into the sections.")
    assert all(s.ok for s in report.scores)


def without_figure(doc: Document) -> Document:
    sections = [s.model_copy(update={"figure": False}) for s in doc.sections]
    return doc.model_copy(update={"figure": None, "sections": sections})


def visual_items(report: Report) -> set[str]:
    """Which of the two visual items failed (PEMAT-P's "visual", the CDC's "visual_cdc")."""
    return {k for s in report.scores for k in s.failed if k.startswith("visual")}


def test_icons_are_visual_aids_without_a_chart(doc: Document, located: Located) -> None:
    report = check(without_figure(doc), located)
    assert visual_items(report) == set()
    assert all(s.ok for s in report.scores) and report.errors == 0


def test_no_figure_and_no_icon_fails_the_visual_items(doc: Document,
                                                      located: Located) -> None:
    plain = without_figure(doc).model_copy(update={
        "icon": None,
        "sections": [s.model_copy(update={"icon": None, "figure": False,
                                          "blocks": [b for b in s.blocks if b.image is None]})
                     for s in doc.sections],
        "key_points": KeyPoints(items=[p.text for p in doc.key_points.items]),
        "plan": doc.plan.model_copy(update={"steps": [Point(text=p.text)
                                                      for p in doc.plan.steps]}),
        "help": doc.help.model_copy(update={"tiers": [t.model_copy(update={"icon": None})
                                                      for t in doc.help.tiers]})})
    report = check(plain, located)
    assert visual_items(report) == {"visual", "visual_cdc"}
    [finding] = [f for f in report.findings if f.path == "title"]
    title = CONTENT.read_text(encoding="utf-8").splitlines().index(f"title: {doc.title}") + 1
    assert str(finding) == (f"{located.file}:{title}:8: warning: title: the handout has no "
                            "visual aid: no picture, icon or chart")
    assert finding.fix == ("Add an icon by the title, a section heading, a key point or a "
                           "plan step (`icon: NAME`; `handout icons WORD` lists the names), "
                           "a picture (`- image:` in a section's `blocks`) or a `figure`.")


def test_what_is_not_known_must_be_said_where_evidence_is_emerging(
        doc: Document, located: Located) -> None:
    assert doc.evidence == "emerging"
    sections = [s.model_copy(update={"box": None}) for s in doc.sections
                if s.heading not in {"What the research says so far", "When gut bacteria get "
                                     "out of balance", "Inflammation: the body's alarm system"}]
    silent = doc.model_copy(update={"sections": sections, "intro": []})
    report = check(silent, located)
    [finding] = [f for f in report.findings if f.path == "sections"]
    assert (finding.severity, finding.message, finding.fix) == (
        "error", "the handout does not say what is known and what is not known yet",
        "Add a box titled \"What we know, and what we don't know yet\" with a few bullets of "
        "each (asked for because of `evidence: emerging`).")
    for evidence in (None, "established"):
        settled = check(silent.model_copy(update={"evidence": evidence}), located)
        assert not any("not known yet" in f.message for f in settled.findings)
        cdc = next(s for s in settled.scores if s.scale == "CDC Clear Communication Index")
        # Not asked for: the item is not applicable, so 9 of the 10 items count.
        assert cdc.applicable == 9 and "known_unknown" not in cdc.failed


def test_plan_must_speak_to_the_reader(doc: Document, located: Located) -> None:
    plan = doc.plan.model_copy(update={"steps": [Point(text="Patients should eat more fiber."),
                                                 Point(text="A diet is recommended by doctors.")]})
    report = check(doc.model_copy(update={"plan": plan}), located)
    assert "plan.steps: no step tells the reader what to do" in messages(report)
    assert "plan.steps[1]: this reads as passive voice" in messages(report, "warning")


def test_glossary_term_must_be_explained_at_first_use(doc: Document,
                                                      located: Located) -> None:
    key = KeyPoints(items=["**Your microbiome may affect your mood.** Eat fiber each day."])
    report = check(doc.model_copy(update={"key_points": key}), located)
    assert ("key_points.items[0]: 'microbiome' is first used here without being explained"
            in messages(report))


def test_english_wording_items_are_skipped_for_other_languages(doc: Document,
                                                               located: Located) -> None:
    sections = [s.model_copy(update={"box": None}) for s in doc.sections]
    report = check(doc.model_copy(update={"language": "es", "sections": sections,
                                          "intro": []}), located)
    assert not any("not known yet" in m for m in messages(report))
    assert any("are not checked for language 'es'" in m for m in messages(report, "warning"))
    # Spanish is graded by its own formula (INFLESZ), never by an English grade.
    assert report.rows and all(r.formula == "szigriszt_pazos" and r.scores.fk_grade is None
                               for r in report.rows)


# --- evidence and safety -------------------------------------------------------------------


def test_references_without_doi_and_old_reviews_warn(doc: Document,
                                                      located: Located) -> None:
    review = doc.review.model_copy(update={"last_reviewed": dt.date(2023, 1, 1),
                                           "next_review": dt.date(2026, 1, 1)})
    report = check(doc.model_copy(update={"review": review}), located)
    warnings = messages(report, "warning")
    assert "review.last_reviewed: the last review was 3 years ago" in warnings
    assert "review.next_review: the next review is overdue" in warnings
    assert any(m.startswith("references[11]: this article has no DOI") for m in warnings)
    assert report.errors == 0


def test_a_figure_mark_with_no_figure_left_is_an_error(doc: Document,
                                                      located: Located) -> None:
    """Each `figure: true` places the next figure; one figure, so the second places none."""
    first = doc.sections[0].model_copy(update={"figure": True})  # sections[2] has the other
    report = check(doc.model_copy(update={"sections": [first, *doc.sections[1:]]}), located)
    assert ("sections[2].figure: there is no figure left to place here: the handout has 1 "
            "and this is `figure: true` number 2") in messages(report)


def test_low_contrast_colour_gets_a_darker_shade_that_passes(doc: Document,
                                                             located: Located) -> None:
    assert contrast_module.contrast_ratio is colours.contrast_ratio  # one implementation
    low = Colours(primary="#66A3D2", accent="#0B6E4F", tint="#EAF2F8")
    clinic = doc.clinic.model_copy(update={"colours": low})
    report = check(doc.model_copy(update={"clinic": clinic}), located)
    [finding] = [f for f in report.findings if f.path == "clinic.colours.primary"]
    backgrounds = ("#FFFFFF", "#EAF2F8")
    better = darker_shade("#66A3D2", backgrounds)
    assert better is not None and f"Use {better}" in finding.fix
    assert min(colours.contrast_ratio(better, bg) for bg in backgrounds) >= 4.5
    # The nearest: the shade one step lighter still fails.
    step = next(s for s in range(1, 101) if shade("#66A3D2", s) == better)
    assert min(colours.contrast_ratio(shade("#66A3D2", step - 1), bg) for bg in backgrounds) < 4.5


def test_puzzle_answers_must_fit_and_hints_are_not_typed(doc: Document,
                                                         located: Located) -> None:
    assert doc.puzzle is not None and doc.puzzle.word_search is not None
    riddle = doc.puzzle.riddles[0].model_copy(update={"question": "What am I? (9 letters)"})
    puzzle = doc.puzzle.model_copy(update={
        "riddles": [riddle, *doc.puzzle.riddles[1:]],
        "word_search": doc.puzzle.word_search.model_copy(update={"size": 10})})
    report = check(doc.model_copy(update={"puzzle": puzzle}), located)
    assert "puzzle.riddles[0].question: the question has a typed hint" in messages(report)
    assert ("puzzle.word_search.size: inflammation will not fit a 10 x 10 grid, so the grid "
            "grows to 12 x 12") in messages(report, "warning")


def test_a_crisis_handout_needs_a_crisis_panel(doc: Document, located: Located) -> None:
    panel = doc.help.model_copy(update={"tiers": [t for t in doc.help.tiers
                                                  if t.level == "care_team"]})
    report = check(doc.model_copy(update={"help": panel}), located)
    assert ("help.tiers: this handout says `crisis: true`, so the help panel needs a crisis "
            "tier") in messages(report)
    # Not declared, and on a topic no list would know: the text speaks of suicide.
    other = check(doc.model_copy(update={"help": panel, "topic": "nutrition",
                                         "crisis": False}), located)
    assert ('help.tiers: the text speaks of "suicide", so a reader may be in crisis: the help '
            "panel needs a crisis tier") in messages(other)


# --- command line --------------------------------------------------------------------------


def test_check_command_passes_on_our_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CONTENT)]) == 0
    out = capsys.readouterr().out
    assert "Reading level" in out and "CDC Clear Communication Index" in out
    # Warnings only: the references without a DOI, and Mind Body 7's made-up phone number
    # and website (tests/check/test_placeholders.py).
    assert "check passed: " in out and " error" not in out.splitlines()[-1]


def test_check_json_parses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(CONTENT), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["errors"] == 0
    assert {s["scale"] for s in data["scores"]} >= {"CDC Clear Communication Index"}
    assert all(r["fk_grade"] <= r["target"] for r in data["readability"])


def test_build_refuses_over_check_errors(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    text = CONTENT.read_text(encoding="utf-8").replace("max_grade: 7 ", "max_grade: 2 ", 1)
    bad = tmp_path / "content.yaml"
    bad.write_text(text, encoding="utf-8")
    (tmp_path / "assets").symlink_to(ROOT / "assets")
    out = tmp_path / "h.pdf"
    assert main(["build", str(bad), "-o", str(out)]) == 2
    captured = capsys.readouterr()  # the check's findings are diagnostics here: stderr
    assert captured.out == ""
    assert "the target is 2 or below" in captured.err
    assert "--allow-check-errors" in captured.err and not out.exists()
    assert main(["build", str(bad), "-o", str(out), "--allow-check-errors"]) == 0
    assert out.read_bytes().startswith(b"%PDF-")


def test_summary_names_the_clinic_file_its_error_is_in(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    clinic = (ROOT / "assets/clinics/mind-body-7.yaml").read_text(encoding="utf-8")
    clinic = clinic.replace('primary: "#1F4E79"', 'primary: "#7FA7CF"', 1)  # 2.2:1 on white
    (tmp_path / "clinic.yaml").write_text(clinic.replace(
        "logo: mind-body-7-logo.svg", f"logo: {ROOT}/assets/clinics/mind-body-7-logo.svg"))
    (tmp_path / "content.yaml").write_text(CONTENT.read_text(encoding="utf-8").replace(
        "clinic: assets/clinics/mind-body-7.yaml", "clinic: clinic.yaml"), encoding="utf-8")
    (tmp_path / "assets").mkdir()  # content.yaml's picture
    (tmp_path / "assets" / "pictures").symlink_to(ROOT / "assets" / "pictures")
    # The clinic's 3 warnings: its made-up phone number, website and booking address.
    last = "check failed: 1 error, 3 warnings in clinic.yaml; 2 warnings in content.yaml"
    assert main(["build", "content.yaml", "-o", "h.pdf"]) == 2
    err = capsys.readouterr().err  # a build's check summary is a diagnostic: stderr
    assert "clinic.yaml:10:12: error: clinic.colours.primary: the primary colour #7FA7CF" in err
    assert err.splitlines()[-2] == last  # then the refusal
    assert main(["check", "content.yaml"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == last


def test_check_needs_no_network(tmp_path: Path) -> None:
    """textstat must not download anything (0.7.5+ fetches NLTK data): run with no way out."""
    (tmp_path / "nltk_data").mkdir()
    blocked = ("import socket, sys\n"
               "def refuse(*a, **k): raise OSError('network used')\n"
               "socket.socket.connect = refuse\n"
               "socket.create_connection = refuse\n"
               "from handout.commands.cli import main\n"
               f"code = main(['check', {str(CONTENT)!r}])\n"
               "assert 'nltk' not in sys.modules\n"
               "sys.exit(code)\n")
    env = {**os.environ, "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
           "NLTK_DATA": str(tmp_path / "nltk_data"), "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "check passed" in done.stdout
