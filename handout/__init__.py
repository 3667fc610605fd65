"""handout: one YAML content file in, a printable patient-education handout (PDF) out."""

__version__ = "0.1.0"
