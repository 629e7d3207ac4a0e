PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup clean

$(BIN)/extractor: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(BIN)/extractor

setup: $(BIN)/extractor

run: setup
	$(BIN)/extractor run corpus/sample --output out --force

test: setup
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out
