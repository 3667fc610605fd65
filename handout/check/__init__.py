"""`handout check`: plain-language, structure, evidence and safety checks of a content file.

Every check is a pure function from the validated `Document` (and the file positions that
`loader.Located` keeps) to located findings; `runner` gathers them, `report` prints them.
"""

from handout.check.findings import Finding
from handout.check.runner import Report, check_file, run_checks

__all__ = ["Finding", "Report", "check_file", "run_checks"]
