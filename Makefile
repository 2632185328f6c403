# thidua — the two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := wsgi
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test install install-dev system-deps db demo worker bench clean

run: install system-deps db demo
	$(BIN)/flask --app wsgi run --host $(HOST) --port $(PORT)

test: install-dev system-deps
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-dev: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'

system-deps:
	bash scripts/system-deps.sh

db: install
	$(BIN)/flask --app wsgi db upgrade

demo: db
	$(BIN)/flask --app wsgi demo

worker: install
	$(BIN)/rq worker --url $${REDIS_URL:-redis://127.0.0.1:6379/0} thidua-pdf

bench: install-dev system-deps demo
	$(BIN)/python benchmarks/bench_pdf.py --certs5000
	$(BIN)/python benchmarks/bench_print_jobs.py
	$(BIN)/python benchmarks/bench_ranking.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
