# Peer-learning portal. `make run` and `make test` work on a fresh clone with only python3.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install browser-tools run serve test test-fast lint format migrate demo lock clean bench-search search-engine search-engine-stop backup restore load-test bench

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $(STAMP)

install: $(STAMP) ## Create .venv and install the pinned dependencies

migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

demo: migrate ## Load demo content (idempotent)
	$(MANAGE) load_demo_content

run: migrate ## Serve the demo site on 127.0.0.1:8000 (SQLite; the engine at SEARCH_URL, if set, indexed first)
	$(MANAGE) load_demo_content --if-empty
	$(if $(SEARCH_URL),$(MANAGE) update_index -v0)
	$(MANAGE) runserver 127.0.0.1:8000

serve: install ## Serve with gunicorn, production settings and whitenoise (needs SECRET_KEY, ALLOWED_HOSTS)
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=portal.settings.production $(MANAGE) migrate --noinput
	DJANGO_SETTINGS_MODULE=portal.settings.production $(BIN)/gunicorn --config gunicorn.conf.py

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund

browser-tools: node_modules/.package-lock.json ## Install the Nu HTML Checker the browser tests run (npm; needs Java)

test: install browser-tools ## Run the whole test suite: the suite, then the browser journeys on a database of their own
	$(BIN)/pytest -m "not browser"
	$(BIN)/pytest -m browser

test-fast: install ## Run the suite without the browser journeys
	$(BIN)/pytest -m "not browser"

lint: install ## ruff (lint and format check) and djhtml on the templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	find templates -name '*.html' | xargs $(BIN)/djhtml --check
	# bandit: medium and high findings; the baseline lists reviewed ones (see README, Security).
	$(BIN)/bandit -q -r portal home news casestudies knowledge search members questions notifications \
		localization operations demo peers workgroups moderation reviews -x tests,migrations -ll -b scripts/bandit-baseline.json

format: install ## Apply ruff format and djhtml
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	find templates -name '*.html' | xargs $(BIN)/djhtml

bench: install ## Load-test the demo site under gunicorn: visitors (page cache warm, off), a member, autosave hit rate (needs wrk)
	$(BIN)/python bench/site_bench.py

backup: install ## Back up the database and media into backups/<timestamp>/
	$(MANAGE) backup

restore: install ## Restore a backup: make restore BACKUP=backups/<timestamp> (replaces database and media)
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=backups/<timestamp>" && exit 1)
	$(MANAGE) restore $(BACKUP)

load-test: install ## A bounded mixed load (2.5 minutes) against gunicorn on 127.0.0.1:8765
	$(BIN)/python bench/mixed_load.py --duration $${DURATION:-150}

lock: ## Re-pin requirements.txt from pyproject.toml in a scratch virtualenv
	rm -rf /tmp/portal-lock && $(PYTHON) -m venv /tmp/portal-lock
	$(PYTHON) -c 'import tomllib; d = tomllib.load(open("pyproject.toml", "rb")); \
		print("\n".join(d["project"]["dependencies"] + d["dependency-groups"]["dev"]))' \
		> /tmp/portal-lock/requirements.in
	/tmp/portal-lock/bin/pip install --quiet -r /tmp/portal-lock/requirements.in
	/tmp/portal-lock/bin/pip freeze --exclude pip > requirements.txt

clean: ## Remove the virtualenv, database, media and caches
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache

search-engine: ## Start OpenSearch 2.19 on 127.0.0.1:9200 from Maven Central jars (docs/search.md)
	bash scripts/search-engine.sh start

search-engine-stop: ## Stop that node and delete its data
	bash scripts/search-engine.sh stop

bench-search: install ## Search relevance (known items) and speed per backend: N articles (default 10000)
	$(BIN)/python bench/search_bench.py --n $${N:-10000}
