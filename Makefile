# Sciatica self-care assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
BIN       := $(VENV)/bin
RASA      := $(BIN)/rasa
STAMP     := $(VENV)/.installed
MODEL     := models/sciatica.tar.gz
DOMAIN    := domain
PIP       := $(BIN)/python -m pip install --quiet --disable-pip-version-check
# Warnings about package folders this machine's pip configuration names but lacks.
PIP_NOISE := is ignored: it is neither
MODEL_INPUTS := config.yml $(shell find $(DOMAIN) data -name '*.yml' 2>/dev/null) $(shell find sciatica_rasa -name '*.py' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help install train run shell test lint format validate test-stories test-unit scenarios bench-safety clean

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements.lock pyproject.toml
	@echo "Installing pinned dependencies into $(VENV) (first time: a few minutes)..."
	@PY=$$(scripts/find-python.sh) && { [ -x $(BIN)/python ] || $$PY -m venv $(VENV); }
	$(PIP) -r requirements.txt -c requirements.lock > $(VENV)/pip.log 2>&1 || { grep -v "$(PIP_NOISE)" $(VENV)/pip.log; exit 1; }
	$(PIP) --no-deps --no-build-isolation -e . > $(VENV)/pip.log 2>&1 || { grep -v "$(PIP_NOISE)" $(VENV)/pip.log; exit 1; }
	$(BIN)/python -c "import rasa, rasa_sdk, spacy, spacy_lookups_data, sciatica"
	@touch $@

install: $(STAMP) ## Create .venv and install pinned dependencies (no-op when nothing changed)

$(MODEL): $(STAMP) $(MODEL_INPUTS)
	$(RASA) train --domain $(DOMAIN) --config config.yml --data data --out models --fixed-model-name sciatica
	@touch $@

train: $(MODEL) ## Train the model when data, config or domain changed

run: $(MODEL) ## Install, train if needed, start action + Rasa servers, print where to chat
	@scripts/run.sh

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

test: validate lint test-stories ## Everything CI runs: validate, lint, conversation tests, unit and end-to-end tests
	$(BIN)/pytest -rfE

BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(PIP) -r requirements-bench.txt -c requirements.lock > $(VENV)/pip.log 2>&1 || { grep -v "$(PIP_NOISE)" $(VENV)/pip.log; exit 1; }
	@touch $@

bench-safety: $(BENCH_STAMP) ## Red-flag detector vs keyword and medspaCy ConText baselines (writes docs/red-flags.md)
	$(BIN)/python -m bench.safety --write docs/red-flags.md

clean: ## Remove trained models, results and the local tracker database
	rm -rf models/*.tar.gz var/results var/*.db
