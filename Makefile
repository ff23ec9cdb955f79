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

## Benchmarks (print figures and ratios; read ../shared when present). See bench/README.md.
bench: $(STAMP)
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/actors_eval.py
	$(BIN)/python bench/code_speed.py
	$(BIN)/python bench/ingest_throughput.py --n 300
	$(BIN)/python bench/generalisation.py

eval: $(STAMP)
	$(BIN)/accord eval

clean:
	rm -rf $(VENV) accord.db accord.db-wal accord.db-shm
