"""What every stage uses: errors, colours, fixed words per language, the bundled fonts,
and the one way output files are written.
"""
