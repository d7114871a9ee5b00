# The portal's commands. `make help` lists them; `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
# Compiled catalogues (.mo) are build output: made from the committed .po files.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard locale/*/LC_MESSAGES/django.po))

.DEFAULT_GOAL := help
.PHONY: help install run test lint format messages check-messages fonts index seed check-migrations

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-17s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the lock file changes. uv, when installed, installs the same locked
# versions several times faster. Both compile the bytecode at install: skipping it would
# only move the cost to every process where PYTHONDONTWRITEBYTECODE is set (containers, CI).
UV := $(shell command -v uv 2>/dev/null)
$(VENV)/.installed: requirements.lock | $(BIN)/python
ifneq ($(UV),)
	$(UV) pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
else
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
endif
	touch $@

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po $(VENV)/.installed
	$(BIN)/pybabel compile --statistics -i $< -o $@

install: $(VENV)/.installed $(CATALOGUES) fonts ## Create .venv and install the locked dependencies

run: install ## Set up, migrate, load the demo (empty database only) and serve on http://127.0.0.1:$(PORT)
	$(MANAGE) migrate --no-input
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# Background work runs in the request by default (TASKS_BACKEND=immediate), so `make run` needs
# no worker. With TASKS_BACKEND=database (production: deploy/env.example) this runs the queue.
.PHONY: worker stack-up stack-down
worker: install ## Run background tasks (index updates, cache purges) when TASKS_BACKEND=database
	$(MANAGE) db_worker --queue-name '*'

stack-up: install ## Start the production stack on this machine: PostgreSQL, Redis, OpenSearch, gunicorn, worker, Varnish
	scripts/stack/up.sh

stack-down: ## Stop what `make stack-up` started
	scripts/stack/down.sh

# axe-core (the accessibility test) and Lighthouse (bench/), reinstalled only when the lock
# file changes. Without npm, `make test` still runs and the accessibility test skips, saying so.
NPM := $(shell command -v npm 2>/dev/null)
node_modules/.installed: package-lock.json
	$(NPM) ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: node-tools
ifneq ($(NPM),)
node-tools: node_modules/.installed ## Install axe-core and Lighthouse for the browser checks (needs Node 20+)
else
node-tools:
	@echo "npm not found: the accessibility test will skip. Install Node.js 20+ for it."
endif

test: install node-tools ## Run the whole test suite (honours DATABASE_URL, SEARCH_URL and PYTEST_ARGS)
	$(BIN)/pytest -n auto $(PYTEST_ARGS)

check-migrations: install ## Fail if models changed without a migration
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

lint: install ## Ruff lint and format check, djhtml on templates
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check $$(git ls-files '*.html')

format: install ## Format Python and templates
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml $$(git ls-files '*.html')

messages: install ## Update the .po catalogues from the code and templates
	$(MANAGE) makemessages --all --no-obsolete --no-location --ignore='.venv/*' --ignore='build/*' --ignore='node_modules/*'

check-messages: install ## Fail if `make messages` would change the catalogues (needs gettext)
	scripts/check-messages.sh

fonts: ## Fetch the OFL Ethiopic font for Amharic and Tigrinya pages (npm or Debian package)
	scripts/fonts.sh

seed: install ## Load the demo content into an empty database (changes nothing on a site with content)
	$(MANAGE) load_demo

index: install ## Rebuild the search indexes (Wagtail's, and the cluster's when SEARCH_URL is set)
	$(MANAGE) update_index
	if [ -n "$$SEARCH_URL" ]; then $(MANAGE) search_rebuild; fi

.PHONY: backup restore
backup: $(VENV)/.installed ## Back up the database and uploaded files to backups/ (docs/backup.md)
	scripts/backup.sh backup

restore: $(VENV)/.installed ## Restore one: make restore BACKUP=backups/portal-<time>.tar.gz
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/portal-<time>.tar.gz" >&2; exit 2; }
	scripts/backup.sh restore "$(BACKUP)"
