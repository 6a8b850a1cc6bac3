# Quick start: `make demo` (code the sample corpus, then serve the dashboard), `make test`
# (the whole suite).
# Both create .venv with the package and its dependencies on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint docs clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/tacitus demo --corpus samples --store tacitus-data
	$(BIN)/tacitus serve --store tacitus-data

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check tacitus tests
	$(BIN)/ruff format --check tacitus tests
	$(BIN)/mypy tacitus

docs: $(STAMP)
	$(BIN)/python -m tacitus.cli.docs > docs/cli.md

clean:
	rm -rf $(VENV) tacitus-data build *.egg-info
