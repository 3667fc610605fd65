"""The low-vision print rules in the rack formats, from the rendered pages: contrast under
every text span, nothing under 10 pt, body at 12 pt or more (fitting's floor)."""

from __future__ import annotations

from collections import Counter

import pymupdf
import pytest

from tests.layout.formats.conftest import Builder, Print
from tests.layout.test_print_quality import low_contrast, spans

# The Spanish tri-fold on A4: on Letter it is refused (a panel a quarter empty).
PRINTS = {f"{fmt}-{who}": Print(content, fmt, "a4" if (fmt, who) == ("trifold", "es")
                                else "letter", riverside=who == "riverside")
          for fmt in ("booklet", "trifold", "sheet")
          for who, content in (("en", "en"), ("es", "es"), ("riverside", "en"))}


@pytest.mark.parametrize("case", list(PRINTS))
def test_every_text_span_has_contrast_on_what_is_under_it(rack: Builder, case: str) -> None:
    with pymupdf.open(rack(PRINTS[case])) as pdf:
        failures = low_contrast(pdf)
    assert not failures, failures


@pytest.mark.parametrize("case", list(PRINTS))
def test_no_text_under_10pt_and_the_body_at_12_or_more(rack: Builder, case: str) -> None:
    with pymupdf.open(rack(PRINTS[case])) as pdf:
        sizes = Counter(round(span["size"], 1) for page in pdf for _, span in spans(page))
    assert min(sizes) >= 9.95, sorted(sizes)[:3]
    assert sizes.most_common(1)[0][0] >= 12
