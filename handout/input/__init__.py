"""Stage 1, input: read YAML with line and column positions, mount the clinic file, validate
into the typed model, and the JSON Schema editors use. Nothing here draws.
"""
