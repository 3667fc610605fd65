"""Words for a date that does not exist, such as 2026-02-30.

YAML reads 2026-02-30 as a date and then fails; "write it as YYYY-MM-DD" would not help,
as it already is. Say which part does not exist instead.
"""

from __future__ import annotations

import calendar
import re

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ].*)?$")


def no_such_day(text: str) -> str | None:
    """Why the date `text` (YYYY-MM-DD, maybe with a time) does not exist; None when its
    year, month and day do exist, or it is not written as a date at all."""
    found = _DATE.match(text.strip())
    if found is None:
        return None
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        return f"there is no such month: {month} (a month is 1 to 12, as in YYYY-MM-DD)"
    if year < 1:
        return None
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"there is no such day: {MONTHS[month - 1]} {year} has no day {day}"
    return None
