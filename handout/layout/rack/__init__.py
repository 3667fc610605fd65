"""The rack formats: a folded booklet, a tri-fold and a one-sheet, fitted to their pages."""
