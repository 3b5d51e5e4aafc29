# Newsroom: `make run` serves the demo, `make test` runs the whole suite.
# Both create .venv and install requirements.txt first; `make test` and `make audit` also
# install the test tools outside Python (npm, package.json). See docs/testing.md.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=
# Where `make run` serves: http://127.0.0.1:$(PORT)/
PORT ?= 8000
# Browser tests in `make test`: yes (the default; skipped with a message when Chromium is
# missing) or no (left out, as CI does: it runs them once, in `make test-browser`).
BROWSER_TESTS ?= yes
# Test processes of `make test` (pytest-xdist): one per core by default; 0 runs in one.
TEST_WORKERS ?= auto

ifeq ($(filter $(BROWSER_TESTS),yes no),)
$(error BROWSER_TESTS must be yes or no, not "$(BROWSER_TESTS)")
endif
ifeq ($(BROWSER_TESTS),no)
TEST_SELECTION := -m "not browser"
endif

.PHONY: run test test-browser bench load audit setup test-tools lint format clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Newsroom needs Python 3.11 or newer (found " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

# Test tools outside Python, pinned in package.json: the W3C Nu Html Checker (npm's
# vnu-jar, run with Java) checks the pages' HTML in the suite, Lighthouse scores pages in
# `make audit`. Without npm or Java the HTML validity tests are skipped and say so.
# `make run` needs none of them.
node_modules/.installed: package.json
	@if command -v npm >/dev/null 2>&1; then \
		npm install --no-audit --no-fund --silent && touch $@; \
	else \
		echo "npm not found: the HTML validity tests will be skipped."; \
	fi

setup: $(VENV)/.installed

test-tools: node_modules/.installed

run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	@echo "Newsroom: http://127.0.0.1:$(PORT)/ (the newsroom: http://127.0.0.1:$(PORT)/admin/)"
	@# The task worker (newsletters going out) runs beside the server and stops with it.
	@trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py worker & worker=$$!; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: setup test-tools
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup $(TEST_SELECTION) $(PYTEST_ARGS)

# Only the browser tests (headless Chromium through Playwright), with screenshots kept.
test-browser: setup
	$(VENV)/bin/pytest -m browser -v $(PYTEST_ARGS)

# Speed, measured: gunicorn + PostgreSQL + wrk (apt-get install wrk). Never part of `make test`.
# The corpus (BENCH_ARTICLES articles) is built once in BENCH_DATABASE_URL's database.
BENCH_ARTICLES ?= 100000
bench: setup
	$(PY) -m bench.run --articles $(BENCH_ARTICLES)

# Load: wrk, 64 connections for 60 s on the article and home pages, gunicorn in production
# settings on PostgreSQL (LOAD_DATABASE_URL, default newsroom_load, with the demo content).
# Prints the figures; fails on any error. Never part of `make test`.
load: setup
	$(PY) -m bench.load

# Page quality: axe-core on every kind of page (the browser test), then Lighthouse on the
# article and home pages served by gunicorn in production settings; fails below 95.
audit: setup test-tools
	$(VENV)/bin/pytest -m browser tests/browser/test_accessibility.py $(PYTEST_ARGS)
	$(PY) -m bench.audit

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media staticfiles test-artifacts .pytest_cache
