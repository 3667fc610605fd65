"""The `handout` command line: build, check, watch, batch, new, schema, preview.
"""
