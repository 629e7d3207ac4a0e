PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test setup browser clean

# extractor, then the packaged pipeline models/ (editable: spacy.load("exchange_en") reads models/exchange_en)
$(BIN)/extractor: pyproject.toml models/pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	$(BIN)/pip install -q -e ./models
	touch $(BIN)/extractor

setup: $(BIN)/extractor

run: setup
	$(BIN)/extractor run corpus/sample --output out --force

# Debian's chromium, for the review report's browser tests (they skip without it, except in CI)
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } || \
		echo "chromium could not be installed: the report's browser tests will skip (fail in CI)"

test: setup browser
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) out
