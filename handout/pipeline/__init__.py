"""Stage 5, pipeline: content file in, PDF out. `build` runs the stages in order and writes
the file; `parallel` is the one seam where speed lives (work for the second core).

This package's own import is light on purpose: a command starts `parallel` before ReportLab
or pydantic is imported.
"""
