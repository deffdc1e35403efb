# The two commands: `make run` (serve the demo) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-requirements
DEV_STAMP := $(VENV)/.dev-requirements
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for make test / test-postgres (the machines have 2 cores).
PYTEST_WORKERS ?= 2
# Generated cases for bench/bench_cases.py and bench/bench_dashboards.py (their SQLite database,
# var/bench-cases.sqlite3, is built once, then reused; see the README for how long that takes).
BENCH_CASES ?= 1000000
# The same dashboard again on a throwaway PostgreSQL cluster, whose cases are generated each run.
BENCH_PG_CASES ?= 100000

.PHONY: run install install-dev migrate demo messages test test-postgres verify audit lint format bench ci clean

run: install migrate demo
	@echo "Serving on http://$(HOST):$(PORT)/ (German) and http://$(HOST):$(PORT)/en/ (English); admin at /admin/"
	$(MANAGE) runserver $(HOST):$(PORT)

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3 -m venv failed; installing Debian's python3-venv"; rm -rf $(VENV); \
	  apt-get update -qq && apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(DEV_STAMP): requirements-dev.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(RUN_STAMP)

install: $(RUN_STAMP)

install-dev: $(DEV_STAMP)
	@command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

migrate: install
	@mkdir -p var
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

# Rebuild the translation catalogues after changing strings (needs Debian's gettext).
messages: install-dev
	$(MANAGE) makemessages -l de -l en --ignore ".venv/*" --ignore "var/*"
	$(MANAGE) compilemessages --ignore ".venv/*"

test: install-dev
	$(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

test-postgres: install-dev
	bash scripts/with-postgres.sh $(BIN)/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The proof tests (access matrix, escaping, fuzzing, faults), with their figures at the end; the
# fuzzing sends new random inputs each time here (make test sends the same ones every run).
verify: install-dev
	FUZZ_EXPLORE=1 $(BIN)/pytest -n $(PYTEST_WORKERS) -m proof $(PYTEST_ARGS)

# bandit (no high findings) and pip-audit (where the advisory database can be reached).
AUDIT_STAMP := .venv-audit/.requirements
$(AUDIT_STAMP): requirements-audit.txt
	@$(PYTHON) -m venv .venv-audit
	.venv-audit/bin/pip install --quiet -r requirements-audit.txt
	@touch $@

audit: $(AUDIT_STAMP)
	$(PYTHON) scripts/audit.py

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=website.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-dev
	@command -v wrk >/dev/null || { echo "Installing Debian's wrk for the load benchmarks"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	@status=0; for b in bench/bench_*.py; do BENCH_CASES=$(BENCH_CASES) $(BIN)/python $$b || status=1; done; \
	echo "Again on PostgreSQL:"; bash scripts/with-postgres.sh $(BIN)/python bench/bench_intake_load.py || status=1; \
	bash scripts/with-postgres.sh $(BIN)/python bench/bench_dashboards.py $(BENCH_PG_CASES) || status=1; \
	exit $$status

ci: lint test test-postgres

clean:
	rm -rf $(VENV) var static_collected
