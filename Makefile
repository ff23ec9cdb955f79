# Accord — two commands do all set-up:  `make run`  and  `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install bench eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $(STAMP)

install: $(STAMP)

## Ingest the embedded example collection into ./accord.db and print a summary.
run: $(STAMP)
	$(BIN)/accord demo --db accord.db

## Run the whole test suite (installs everything first).
test: $(STAMP)
	$(BIN)/python -m pytest -q tests

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

eval: $(STAMP)
	$(BIN)/accord eval

clean:
	rm -rf $(VENV) accord.db accord.db-wal accord.db-shm
