# Knowledge Hub. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# make run SEARCH=elasticsearch: the hub on a local osmem-server (development only).
SEARCH ?= database
OSMEM_ADDR ?= 127.0.0.1:0
ifeq ($(filter $(SEARCH),database elasticsearch),)
$(error SEARCH is "database" (the default) or "elasticsearch", not "$(SEARCH)")
endif
# Two workers for the machine's two cores; PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= 2
.DEFAULT_GOAL := help

.PHONY: help install system-deps messages migrate demo run serve worker test screenshots lint format lock bench-search bench-relevance bench-pages bench-servers bench-export audit clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml constraints.txt
	$(PY) -m pip install --quiet --upgrade "pip>=25"
	$(PY) -m pip install --quiet -c constraints.txt -e ".[test]"
	touch $@

install: $(VENV)/.installed messages ## Create .venv and install the pinned dependencies
	@true

messages: $(VENV)/.installed ## Compile the interface translations in locale/
	@command -v msgfmt >/dev/null || bash scripts/install-system-deps.sh gettext
	$(PY) manage.py compilemessages --ignore=.venv -v0

system-deps: ## Install the Debian packages the tests use (gettext, chromium) when missing
	bash scripts/install-system-deps.sh gettext chromium

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --no-input -v0

demo: migrate ## install + migrate + demo content + search index, no server
	$(PY) manage.py load_demo_content  # its last step (search/demo.py) rebuilds the search index

run: demo ## Everything above, then serve on http://127.0.0.1:8000 (SEARCH=elasticsearch: on osmem-server)
	@echo "The hub: http://$(HOST):$(PORT)/   the admin: http://$(HOST):$(PORT)/admin/ (user admin)"
ifeq ($(SEARCH),elasticsearch)
	$(PY) scripts/run_with_osmem.py --addr $(OSMEM_ADDR) -- $(PY) manage.py runserver $(HOST):$(PORT)
else
	$(PY) manage.py runserver $(HOST):$(PORT)
endif

worker: install ## Run the task worker (TASKS_BACKEND=database); WORKER_ARGS="--batch" drains the queue and exits
	TASKS_BACKEND=$${TASKS_BACKEND:-database} $(PY) manage.py db_worker --queue-name '*' $(WORKER_ARGS)

test: install system-deps ## Install what the tests need, then run the whole suite
	$(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

screenshots: install system-deps ## PNGs of every public page type at 390 and 1280 px in tests/output/screenshots/
	$(PY) -m pytest -n 0 -q tests/browser/test_screenshots.py

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

lock: $(VENV)/bin/python ## Re-pin constraints.txt from a fresh resolve of pyproject.toml
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet --upgrade "pip>=25" && .venv-lock/bin/pip install --quiet -e ".[test]"
	.venv-lock/bin/pip freeze --exclude-editable | sort > constraints.txt && rm -rf .venv-lock

bench-search: install ## Search benchmark (10k and 100k lessons; SQLite, PostgreSQL, osmem, Wagtail's backend)
	$(PY) -m bench.search_bench $(BENCH_ARGS)

bench-export: install ## Lessons export at 10k and 100k generated lessons: time and peak memory
	$(PY) -m bench.export_lessons_bench $(BENCH_ARGS)

bench-relevance: install ## Judged queries: recall@10, MRR, nDCG@10 per engine and kind (BENCH_ARGS="--verbose")
	$(PY) -m bench.relevance.run $(BENCH_ARGS)

bench-pages: install ## Load test of the public pages: gunicorn + wrk (BENCH_ARGS="--duration 10 --bakerydemo PATH")
	bash scripts/install-system-deps.sh wrk
	$(PY) bench/pages_bench.py $(BENCH_ARGS)

bench-servers: install ## Two gunicorn servers on PostgreSQL + Redis, 50 clients, an editor publishing: errors, stale pages
	$(PY) bench/two_servers.py $(BENCH_ARGS)

audit: install ## Lighthouse (mobile) on one page of every type; scores go to bench/RESULTS.md by hand
	@command -v node >/dev/null || { echo "audit needs Node.js 20 and npm"; exit 1; }
	bash scripts/install-system-deps.sh chromium
	npm ci --no-audit --no-fund
	$(PY) bench/lighthouse_audit.py $(AUDIT_ARGS)

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 static_collected tests/output var bench/out node_modules
