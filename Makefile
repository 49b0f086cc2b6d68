# Two commands do all the set-up: `make demo` and `make test`.
# Both create (or reuse) .venv and install what they need; nothing is downloaded at run time.
PYTHON ?= python3.11
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
DEVSTAMP = $(VENV)/.installed-dev

.PHONY: demo test lint typecheck eval bench screenshot clean install check-install

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The demo needs only the package; tests also need the web, Ray and eval extras.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $(STAMP)

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev,web,ray,eval]"
	@touch $(STAMP) $(DEVSTAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/newsprism demo -o newsprism-demo

test: $(DEVSTAMP)
	bash scripts/install-chromium.sh
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -q
	PYTHON=$(PYTHON) bash scripts/check-install.sh

# A fresh venv with the stock pip of $(PYTHON), `pip install .`, import: as a new user installs.
check-install:
	PYTHON=$(PYTHON) bash scripts/check-install.sh

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests benchmarks scripts

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

eval: $(DEVSTAMP)
	$(BIN)/python -m pytest -q tests/eval

bench: $(DEVSTAMP)
	$(BIN)/python benchmarks/bench_pipeline.py

screenshot: demo
	$(BIN)/python scripts/screenshot.py newsprism-demo/brief.html docs/img/brief.png

clean:
	rm -rf newsprism-demo newsprism-brief .pytest_cache .mypy_cache .ruff_cache
