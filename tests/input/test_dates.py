"""A date that does not exist is named as such, down to the month's last day."""

from __future__ import annotations

import pytest

from handout.input.dates import no_such_day


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-02-30", "there is no such day: February 2026 has no day 30"),
    ("2026-02-29", "there is no such day: February 2026 has no day 29"),
    ("2026-04-31", "there is no such day: April 2026 has no day 31"),
    ("2026-01-00", "there is no such day: January 2026 has no day 0"),
    ("2026-02-30 10:00", "there is no such day: February 2026 has no day 30"),
    ("2026-00-10", "there is no such month: 0 (a month is 1 to 12, as in YYYY-MM-DD)"),
    ("2024-02-29", None),  # a leap year
    ("2026-12-31", None),
    ("20/11/2026", None),  # not written as a date: the caller's own words apply
])
def test_no_such_day(text: str, expected: str | None) -> None:
    assert no_such_day(text) == expected
