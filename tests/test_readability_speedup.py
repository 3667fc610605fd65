"""textstat is imported without pkg_resources (issue 6), and scores nothing differently.

Each case runs in a fresh interpreter: whether textstat or pkg_resources is already imported
is exactly what decides which path `_textstat()` takes, and this test process may have either.
The expected figures were taken from textstat 0.7.4 imported the ordinary way (with the real
pkg_resources), before the stand-in existed.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from typing import Any

import pytest

from tests.conftest import ROOT

TEXTS = [
    "The cat sat on the mat. It was a very happy cat. Everybody admired its unbelievable "
    "tranquillity.",
    "Depression is common. Talk therapy and medicine both help many people. Call 988 if you "
    "feel unsafe.",
    "Epidemiological investigations have demonstrated considerable heterogeneity regarding "
    "microbiological characteristics, necessitating comprehensive methodological "
    "standardization across international collaborative consortia.",
    "Take your medicine every day. Do not stop on your own. Ask Dr. Lee at 9 a.m. about side "
    "effects.",
]
# Per text, unrounded: flesch_kincaid_grade, smog_index, syllable_count, lexicon_count,
# sentence_count, polysyllabcount, difficult_words, dale_chall_readability_score (the last
# two read textstat's easy-word list through pkg_resources.resource_stream).
RAW = [
    [5.361176470588237, 8.841846274778883, 27, 17, 3, 3, 3, 6.704037254901962],
    [3.278823529411767, 7.793537801064561, 24, 17, 3, 2, 4, 8.56168431372549],
    [38.93411764705883, 0.0, 69, 17, 1, 15, 15, 18.41205294117647],
    [-0.00999999999999801, 3.1291, 22, 20, 3, 0, 1, 7.125166666666667],
]
# Per text: our rounded Scores (fk_grade, smog, words, sentences, words_per_sentence,
# polysyllable_share, hardest).
SCORES = [
    [5.4, 8.8, 17, 3, 5.7, 0.176, ["unbelievable", "tranquillity", "everybody"]],
    [3.3, 7.8, 17, 3, 5.7, 0.118, ["depression", "therapy"]],
    [38.9, None, 17, 1, 17.0, 0.882, ["microbiological", "epidemiological", "investigations",
                                       "characteristics", "necessitating"]],
    [-0.0, 3.1, 20, 3, 6.7, 0.0, []],
]

SCRIPT = """
import json, sys, warnings
if sys.argv[1] == "real-first":
    import pkg_resources
    assert hasattr(pkg_resources, "working_set")
from handout.check.readability import _textstat, prepare, score
stats = _textstat()
from textstat import textstat as module_level  # textstat's own instance
ts_module = sys.modules["textstat.textstat"]
out = {"raw": [], "scores": []}
for text in json.loads(sys.argv[2]):
    p = prepare(text)
    out["raw"].append([stats.flesch_kincaid_grade(p), stats.smog_index(p),
                       stats.syllable_count(p), stats.lexicon_count(p), stats.sentence_count(p),
                       stats.polysyllabcount(p), stats.difficult_words(p),
                       stats.dale_chall_readability_score(p)])
    s = score(p)
    out["scores"].append([s.fk_grade, s.smog, s.words, s.sentences, s.words_per_sentence,
                          s.polysyllable_share, list(s.hardest)])
# One dictionary for textstat's own instance and ours: pyphen parses it once.
out["one_dictionary"] = module_level.pyphen.hd is stats.pyphen.hd
out["left_in_sys_modules"] = "pkg_resources" in sys.modules
out["textstat_uses_real"] = ts_module.pkg_resources is sys.modules.get("pkg_resources")
# A later import gets the real pkg_resources, whatever textstat holds.
import pkg_resources
out["later_import_is_real"] = hasattr(pkg_resources, "working_set")
# No easy-word list for German: textstat must see FileNotFoundError and fall back to English.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    stats.set_lang("de")
    out["de_difficult"] = stats.difficult_words(prepare(json.loads(sys.argv[2])[0]))
out["de_warned"] = any("no easy words vocabulary" in str(w.message) for w in caught)
print(json.dumps(out))
"""


@cache
def run(mode: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-c", SCRIPT, mode, json.dumps(TEXTS)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.mark.parametrize("mode", ["fresh", "real-first"])
def test_scores_are_unchanged(mode: str) -> None:
    out = run(mode)
    assert out["raw"] == RAW
    assert out["scores"] == SCORES
    assert out["one_dictionary"] is True
    assert out["later_import_is_real"] is True
    assert out["de_difficult"] == RAW[0][6]
    assert out["de_warned"] is True


def test_stand_in_is_not_left_in_sys_modules() -> None:
    out = run("fresh")
    assert out["left_in_sys_modules"] is False
    assert out["textstat_uses_real"] is False  # textstat holds the stand-in


def test_real_pkg_resources_already_imported_is_used() -> None:
    out = run("real-first")
    assert out["left_in_sys_modules"] is True
    assert out["textstat_uses_real"] is True
