# smmanalytics: `make help` lists the targets. Everything runs inside .venv, created on demand.
# this file's path, spaces and all (make -f "<path>/Makefile"): read before any include
SELF   := $(MAKEFILE_LIST)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DATA   ?= data/sample/maison-seve
PERIOD ?= latest
OUT    ?= reports
WORKERS ?= auto
# pytest-xdist workers; each module's tests run on one, which makes its module fixtures once
XDIST  := -n $(WORKERS) --dist loadfile
export PATH := $(abspath $(BIN)):$(PATH)
export MPLBACKEND := Agg

.DEFAULT_GOAL := help
# a recipe that fails removes its half-made target, so that the next make makes it again
.DELETE_ON_ERROR:
.PHONY: help install env report reports test test-fast test-explore lint format bench sample notebooks clean

## help: list the targets
help:
	@grep -E '^## ' "$(SELF)" | sed -e 's/^## /  /'

# the stamp, written last, says .venv is complete: a python without pip or packages is not
$(STAMP): pyproject.toml
	$(PYTHON) tools/bootstrap_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

## install: create .venv if missing and install the package with its test and dev extras
# and the package's bytecode: where PYTHONDONTWRITEBYTECODE is set (this machine's shell sets
# it) every process compiles the package's modules again on import (2.1 s → 1.2 s an import:
# each report's kernel, each `smm` command, each test worker); compileall writes what changed
install: $(STAMP)
	@$(BIN)/python -m compileall -q src

## env: same as install (conda users: `conda env create -f environment.yml`)
env: install

## report: write the sample brand's latest complete monthly report under reports/, print the PDF path
report: install
	@$(BIN)/smm report monthly --data "$(DATA)" --period "$(PERIOD)" --out "$(OUT)"

## reports: alias of report
reports: report

## test: run the whole suite, notebooks included, on every CPU (what CI runs; WORKERS=N for N, 0 for none); lists the 25 slowest tests
test: install
	$(BIN)/python -m pytest -q $(XDIST) --durations=25

## test-fast: the suite without notebook executions and slow statistical checks
test-fast: install
	$(BIN)/python -m pytest -q $(XDIST) -m "not notebooks and not slow"

## test-explore: the property tests with new examples drawn (make test draws the same ones each run)
test-explore: install
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -q $(XDIST) -m "not notebooks and not slow"

## lint: ruff over the package, tests and tools; notebooks must have no outputs
lint: install
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/nbstripout --verify notebooks/*.ipynb

## format: apply ruff's fixes and strip notebook outputs
format: install
	$(BIN)/ruff check --fix src tests tools benchmarks
	$(BIN)/nbstripout notebooks/*.ipynb

## bench: run the performance benchmarks, print their tables, keep them in benchmarks/results/ and README.md
bench: install
	$(BIN)/python benchmarks/run.py

## sample: regenerate data/sample/maison-seve byte for byte
sample: install
	$(BIN)/smm sample --out "$(DATA)"

## notebooks: rewrite the report notebooks from tools/make_notebooks.py
notebooks: install
	$(BIN)/python tools/make_notebooks.py

## clean: remove caches and the report outputs under OUT, saying which (keeps .venv and other files)
clean:
	rm -rf .pytest_cache .hypothesis .ruff_cache .cache build dist
	$(PYTHON) tools/clean_reports.py "$(OUT)"
