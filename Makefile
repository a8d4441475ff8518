# Sciatica self-care assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
RASA      := $(BIN)/rasa
STAMP     := $(VENV)/.installed
MODEL     := models/sciatica.tar.gz
WEB_STAMP := web/dist/.built
CHROMIUM  := /usr/bin/chromium
DOMAIN    := domain
PIP       := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# Warnings about package folders this machine's pip configuration names but lacks.
PIP_NOISE := is ignored: it is neither
MODEL_INPUTS := config.yml $(shell find $(DOMAIN) data -name "*.yml" 2>/dev/null) sciatica_rasa/nlu.py sciatica_rasa/text_model.py sciatica_rasa/policy.py sciatica_rasa/constants.py sciatica/redflag_check.py sciatica/data/red_flags.yml

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install web browser train run run-prod shell test test-prod lint format validate test-stories test-unit test-browser scenarios bench-safety bench purge purge-prod k8s-validate audit clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements.lock pyproject.toml
	@echo "Installing pinned dependencies into $(VENV) (first time: a few minutes)..."
	@PY=$$(scripts/find-python.sh) && { [ -x $(BIN)/python ] || $$PY -m venv $(VENV); }
	$(PIP) -r requirements.txt -c requirements.lock > $(VENV)/pip.log 2>&1 || { grep -v "$(PIP_NOISE)" $(VENV)/pip.log; exit 1; }
	$(PIP) --no-deps --no-build-isolation -e . > $(VENV)/pip.log 2>&1 || { grep -v "$(PIP_NOISE)" $(VENV)/pip.log; exit 1; }
	$(BIN)/python -c "import rasa, rasa_sdk, spacy, spacy_lookups_data, sciatica"
	@touch $@

install: $(STAMP) $(WEB_STAMP) ## Create .venv, install pinned dependencies and build the chat page (no-op when nothing changed)

# The chat page: rasa-webchat and the Inter font from the npm registry (package-lock.json).
$(WEB_STAMP): web/package.json web/package-lock.json web/build.mjs
	@echo "Installing the chat page's npm packages (rasa-webchat, font, playwright-core)..."
	cd web && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	cd web && node build.mjs
	@touch $@

web: $(WEB_STAMP) ## Install and build the chat page (web/dist)

# Debian's Chromium for the browser test (Playwright never downloads a browser).
$(CHROMIUM):
	@echo "Installing Debian's chromium for the browser test..."
	@SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get install -y -q chromium >/dev/null 2>&1 \
	  || { $$SUDO apt-get update -q >/dev/null && $$SUDO apt-get install -y -q chromium >/dev/null; }
	@$(CHROMIUM) --version

browser: $(CHROMIUM) ## Install Debian's chromium (for the browser test)

$(MODEL): $(STAMP) $(MODEL_INPUTS)
	$(RASA) train --domain $(DOMAIN) --config config.yml --data data --out models --fixed-model-name sciatica
	@touch $@

train: $(MODEL) ## Train the model when data, config or domain changed

run: $(MODEL) $(WEB_STAMP) ## Install, train if needed, start action + Rasa servers, print where to chat
	@scripts/run.sh

run-prod: $(MODEL) $(WEB_STAMP) ## Production mode: PostgreSQL, Redis, nginx (Debian packages), 2 Rasa + 2 action servers
	@scripts/run-prod.sh

shell: $(MODEL) ## Chat in the terminal (starts the action server if it is not running)
	@scripts/shell.sh

validate: $(STAMP) ## Check domain, data and stories for inconsistencies
	$(RASA) data validate --domain $(DOMAIN) --data data --config config.yml --fail-on-warnings

lint: $(STAMP) ## Ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test-stories: $(MODEL) ## Conversation tests (tests/conversations) against the trained model
	$(RASA) test core --model $(MODEL) --stories tests/conversations --fail-on-prediction-errors --e2e --out var/results --no-plot

scenarios: $(STAMP) ## Play scenarios/*.yml against the running assistant (start it with make run)
	$(BIN)/python scripts/scenarios.py

test-unit: $(STAMP) ## Fast unit tests only
	$(BIN)/pytest -m "not e2e" -q

test-prod: $(MODEL) $(WEB_STAMP) ## Production mode under faults, load and bad input (installs PostgreSQL, Redis, nginx)
	$(BIN)/pytest -rfE tests/prod

test-browser: $(MODEL) $(WEB_STAMP) $(CHROMIUM) ## The chat page in headless Chromium (Playwright)
	$(BIN)/pytest -rfE tests/e2e/test_web_widget.py

test: validate lint k8s-validate test-stories $(WEB_STAMP) $(CHROMIUM) ## Everything CI runs: validate, lint, manifests, conversation tests, unit, end-to-end, browser and production tests
	$(BIN)/pytest -rfE

BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(PIP) -r requirements-bench.txt -c requirements.lock > $(VENV)/pip.log 2>&1 || { grep -v "$(PIP_NOISE)" $(VENV)/pip.log; exit 1; }
	@touch $@

bench-safety: $(BENCH_STAMP) ## Red-flag detector vs keyword and medspaCy ConText baselines (writes docs/red-flags.md)
	$(BIN)/python -m bench.safety --write docs/red-flags.md

bench: $(BENCH_STAMP) ## Benchmarks: NLU cross-validation, dialogue, load and cost against Rasa's default config (writes docs/benchmarks.md; not run in CI)
	$(BIN)/python -m bench

purge: $(STAMP) ## Delete conversations idle longer than SCIATICA_RETENTION_DAYS (default 180) from the local store
	@source scripts/env.sh && $(BIN)/python -m sciatica_rasa.purge --endpoints endpoints.yml

purge-prod: $(STAMP) ## The same for production mode's PostgreSQL (run daily, e.g. from cron)
	@source scripts/prod/env.sh && $(BIN)/python -m sciatica_rasa.purge --endpoints endpoints.prod.yml

k8s-validate: ## Validate deploy/kubernetes and lint deploy/Dockerfile, offline (own venv .venv-k8s)
	scripts/validate-k8s.sh

audit: ## Known vulnerabilities in the pinned Python and npm dependencies (own venv .venv-audit; docs/security.md)
	scripts/audit.sh

clean: ## Remove trained models, results and the local tracker database
	rm -rf models/*.tar.gz var/results var/*.db
