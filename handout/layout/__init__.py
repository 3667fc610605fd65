"""Stage 4, layout: the validated model as ReportLab flowables on themed pages (pure
functions of the model and the theme), with the checks that need the fonts.
"""
