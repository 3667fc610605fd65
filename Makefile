# Two commands set everything up on a fresh machine: `make handout` and `make test`.
# Plain `make` lists the targets: the text after `##` on each target's line.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CONTENT ?= content.yaml
OUT    ?= build/handout.pdf

.PHONY: help handout all watch check test lint preview clean refresh-references schema
.DEFAULT_GOAL := help

help: ## list these targets
	@echo "Type make and one of these:"
	@awk -F ':.*## ' '/^[a-z][a-z-]*:.*## / { printf "  make %-20s %s\n", $$1, $$2 }' $(firstword $(MAKEFILE_LIST))

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps re-run the install only when pyproject.toml changes. An editable install leaves
# the package's bytecode to Python, which writes none where PYTHONDONTWRITEBYTECODE is set
# (as on some CI and build machines): compileall writes it, as pip does for a package it
# copies in (each command then starts about 0.04 s sooner; a stale file is just recompiled).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/python -m compileall -q handout
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q handout
	touch $(VENV)/.installed $@

# The build runs `handout check` first and stops on its errors (see `make check`).
handout: $(VENV)/.installed ## build build/handout.pdf from content.yaml (CONTENT=, OUT=)
	$(BIN)/handout build $(CONTENT) -o $(OUT)

# Rebuild build/handout.pdf each time content.yaml, the clinic file or a logo is saved;
# keep the PDF open beside the editor. Ctrl-C stops it.
watch: $(VENV)/.installed ## rebuild the PDF each time a file is saved; Ctrl-C stops
	$(BIN)/handout watch $(CONTENT) -o $(OUT)

# Every content file x clinic x variant listed in batch.yaml, in parallel:
# build/<clinic>/<language>/<variant>.pdf, then a table of what was built and what failed.
all: $(VENV)/.installed ## build every handout, clinic and variant in batch.yaml
	$(BIN)/handout batch batch.yaml

# Reading level, PEMAT-P / CDC structure, evidence and safety checks of the content file.
check: $(VENV)/.installed ## check reading level, structure, evidence and safety
	$(BIN)/handout check $(CONTENT)

# PNGs of the PDF's pages in build/preview (pypdfium2, a runtime dependency: no dev extras).
preview: handout ## build, then each page as a PNG in build/preview
	$(BIN)/handout preview $(OUT) -o build/preview

lint: $(VENV)/.installed-dev ## ruff and mypy --strict
	$(BIN)/ruff check handout tests bench tools
	$(BIN)/mypy handout bench tools

# Each run gets a temporary folder of its own (runs at once never clean up each other's),
# removed afterwards whatever the result: nothing is left in /tmp. The tests run in one
# process per core (pytest-xdist), at most 4: each builds real PDFs.
test: lint ## lint, then every test
	@tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/handout-test-XXXXXX"); \
	$(BIN)/python -m pytest -q -n auto --maxprocesses=4 --basetemp="$$tmp/pytest"; \
	status=$$?; rm -rf "$$tmp"; exit $$status

# The proof's generated handouts (tests/proof/test_generated.py) with 200 examples instead
# of 8: clinics and content variations built in every format and held to the page rules.
# Minutes, not seconds; the rules the layout breaks today are expected failures.
.PHONY: torture
torture: $(VENV)/.installed-dev ## the proof's generated handouts, 200 examples each
	@tmp=$$(mktemp -d "$${TMPDIR:-/tmp}/handout-torture-XXXXXX"); \
	HANDOUT_TORTURE=1 $(BIN)/python -m pytest -q --basetemp="$$tmp/pytest" \
		tests/proof/test_generated.py; status=$$?; rm -rf "$$tmp"; exit $$status

# Re-render the committed page images the visual test compares against (on purpose only).
refresh-references: $(VENV)/.installed-dev ## redraw the visual test's reference pages
	HANDOUT_REFRESH_REFERENCES=1 $(BIN)/python -m pytest -q tests/layout/test_visual.py

# Speed benchmark (issue 11): a cold build, a rebuild inside `handout watch` (save to new
# PDF) and `handout batch`, in interleaved rounds against the import floor; the medians go
# into the table in bench/RESULTS.md. A benchmark, not a test: it never fails on a slow
# result. Its temporary files live in build/bench-tmp/.
.PHONY: bench
ROUNDS ?= 7
bench: $(VENV)/.installed ## time builds against the import floor (ROUNDS=7)
	$(BIN)/python -m compileall -q handout
	$(BIN)/python bench/run.py --rounds $(ROUNDS)

# Only inside the project, nothing in /tmp or elsewhere: build/ holds the PDFs (the chart
# cache is in the user's cache folder, chart/cache.py, and stays); the bench keeps its temporary folders under build/ too
# (bench/ is to put them there, not in $TMPDIR).
clean: ## remove build/ and the tools' caches (the .venv stays)
	rm -rf build .pytest_cache .mypy_cache .ruff_cache bench/__pycache__

schema: $(VENV)/.installed ## rewrite content.schema.json and clinic.schema.json
	$(BIN)/handout schema -o content.schema.json
