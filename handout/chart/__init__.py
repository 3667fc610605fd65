"""Fig. 1 drawn with matplotlib, straight to vector PDF operators (or SVG).

The chart is placed 1:1 at print width, so every size below is a real point on paper: no text
under 10 pt (../shared/handout-standards.md). Marks keep 3:1 contrast on white and never rely
on hue alone: one series per chart, direct labels, and hatching on alternate bars, so the chart
survives a black-and-white photocopy.

Modules: style (fonts, colours, fixed words), sizes (text sizes, measuring, wrapping),
geometry (shared plot furniture), interval and bars (the two kinds), render (matplotlib),
pdf_ops (a matplotlib renderer that writes PDF operators), art (a chart request and the drawn
chart), data (the figure as plain data, so a separate drawing process needs no pydantic),
cache (drawn charts kept on disk).

Nothing here imports pydantic or ReportLab at module level, and matplotlib only when a chart
is drawn. The package itself imports none of its modules: a build whose chart comes from the
cache loads only art, cache and data.
"""
