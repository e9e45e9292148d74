# GALA — developer commands. `make help` lists them.
# Everything runs inside .venv, created on first use from pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install up studio studio-check client-ts bench-studio smoke api worker migrate test test-fast lint typecheck contract client composition bench bench-api bench-pipeline bench-render bench-speech bench-lipsync bench-avatar avatar-sheets spec clean bench-scale test-deploy compose-up bench-startup bench-preview bench-batch

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# The web studio (frontend/, docs/studio.md) is built where npm exists; elsewhere /studio says how.
NPM          := $(shell command -v npm 2>/dev/null)
FRONTEND     := frontend
STUDIO_DEPS  := $(FRONTEND)/node_modules/.installed
STUDIO_BUILD := $(FRONTEND)/dist/index.html
STUDIO_SRC   := $(shell find $(FRONTEND)/src -type f 2>/dev/null) $(FRONTEND)/index.html \
                $(FRONTEND)/vite.config.ts $(FRONTEND)/tsconfig.json openapi/gala.yaml
ifneq ($(NPM),)
STUDIO_IF_NPM := $(STUDIO_BUILD)
else
STUDIO_IF_NPM := no-npm-note
endif

install: $(STAMP) $(STUDIO_IF_NPM) ## Create .venv and install GALA with its development tools (and build the studio where npm exists)

up: $(STAMP) $(STUDIO_IF_NPM) ## The main job: API + worker on embedded defaults on :8080 (studio at /studio), render hello into out/, keep serving
	$(BIN)/gala up --smoke --out out

$(STUDIO_DEPS): $(FRONTEND)/package.json $(FRONTEND)/package-lock.json
	cd $(FRONTEND) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(STUDIO_BUILD): $(STUDIO_DEPS) $(STUDIO_SRC)
	cd $(FRONTEND) && npm run --silent build

.PHONY: no-npm-note
no-npm-note:
	@echo "note: npm not found, so the web studio is not built; /studio says how (docs/studio.md)"

studio: $(STUDIO_BUILD) ## Build the web studio (React, frontend/) into frontend/dist, served at /studio; needs Node.js 20 + npm

studio-check: $(STUDIO_IF_NPM) ## The studio's type check, Vitest component tests and first-load size budget (300 KB gz)
ifneq ($(NPM),)
	cd $(FRONTEND) && npx tsc --noEmit && npx vitest run && node scripts/size.mjs
endif

client-ts: $(STUDIO_DEPS) ## Regenerate the studio's TypeScript client types (frontend/src/api/schema.d.ts) from the contract
	cd $(FRONTEND) && node scripts/client.mjs

smoke: $(STAMP) ## Smoke test: bring a temporary platform up, render hello, check it, print "Smoke test OK"
	$(BIN)/gala smoke --out out

api: $(STAMP) ## Serve only the API (settings from the environment)
	$(BIN)/gala api

worker: $(STAMP) ## Run only a worker (settings from the environment)
	$(BIN)/gala worker

migrate: $(STAMP) ## Migrate the database to the latest schema
	$(BIN)/gala migrate

test: lint typecheck studio-check $(STAMP) ## The whole test suite: lint, types, architecture, the studio's checks, then pytest (its e2e included)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## pytest without the browser and contract tests
	$(BIN)/python -m pytest -m "not browser" --ignore=tests/contract

lint: $(STAMP) ## ruff (lint and format check) and the import contracts
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: $(STAMP) ## mypy (strict on renderer/ and gala.storage)
	$(BIN)/mypy src/gala renderer worker

contract: $(STAMP) ## Schemathesis over every operation and the stateful phase
	$(BIN)/python -m pytest tests/contract -v

spec: $(STAMP) ## Validate openapi/gala.yaml as OpenAPI 3.1
	$(BIN)/gala check-spec

composition: $(STAMP) ## Regenerate the composition schemas in openapi/gala.yaml from the clip registry (renderer/clips)
	$(BIN)/python -m gala.composition_contract

client: $(STAMP) ## Regenerate the Python client (clients/python/gala_client) from the contract
	rm -rf clients/python/gala_client
	$(BIN)/openapi-python-client generate --path openapi/gala.yaml --meta none \
	  --config clients/openapi-python-client.yaml --output-path clients/python/gala_client --overwrite

bench: bench-pipeline bench-api bench-render bench-speech bench-lipsync bench-avatar ## All benchmarks

bench-batch: $(STAMP) ## A 200-row batch vs 200 single jobs, fair-scheduling wait, SSE latency (embedded; Redis+PostgreSQL)
	$(BIN)/python -m bench.batch_bench

bench-api: $(STAMP) ## API throughput with validation on vs off (uvicorn + wrk on 127.0.0.1)
	$(BIN)/python -m bench.api_bench

bench-pipeline: $(STAMP) ## Queue overhead (embedded vs Redis) and the hello render's wall time
	$(BIN)/python -m bench.pipeline_bench

bench-render: $(STAMP) ## Reference render: GALA vs a hand-written ffmpeg command vs MoviePy (time, peak RSS)
	$(BIN)/python -c "import moviepy" 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python -m bench.render_bench

bench-speech: $(STAMP) ## Speech synthesis speed (x realtime) for 60 s and 600 s of Spanish and English
	$(BIN)/python -m bench.speech_bench

bench-lipsync: $(STAMP) ## Lip-sync of the built-in presenter, a puppet and a photo from decoded media (60 s), drift over 10 min
	$(BIN)/python -m bench.lipsync_bench

avatar-sheets: $(STAMP) ## Contact sheets of a rendered clip per avatar model kind (builtin, puppet, photo) in out/avatar-sheets/
	$(BIN)/python -m bench.avatar_sheets

bench-avatar: $(STAMP) ## A 60 s 720p30 presenter video: wall vs duration, with vs without the avatar, synthesis speed, RSS at 600 s
	$(BIN)/python -m bench.avatar_bench

bench-startup: $(STAMP) ## API start-up: seconds until /health answers, and RSS (median of 5; TREE=dir for another checkout)
	$(BIN)/python -m bench.startup_bench $(if $(TREE),--tree $(TREE))

bench-preview: $(STAMP) ## Preview latency through the API: 30 quote_card frames, p50/p95 (TREE=dir for another checkout)
	$(BIN)/python -m bench.preview_bench $(if $(TREE),--tree $(TREE))

bench-studio: $(STAMP) $(STUDIO_BUILD) ## Preview round trips at 720p seen from Chromium through the studio, every gallery example (p50/p95)
	$(BIN)/python -m bench.studio_bench

bench-scale: $(STAMP) ## Throughput of 20 short renders, 1 render worker vs 2 (Redis + PostgreSQL on loopback)
	$(BIN)/python -m bench.scale_bench

test-deploy: $(STAMP) ## infra/ checks (compose, Dockerfile) and the split topology (needs GALA_TEST_* for the latter)
	$(BIN)/python -m pytest tests/deploy -v

compose-up: ## The production path: the full stack under docker compose (API :8080, Swagger UI :8081)
	cd infra && docker compose up --build

clean: ## Remove the virtualenv, caches, the studio's packages and build, and the local data directory
	rm -rf $(VENV) .mypy_cache .ruff_cache data out $(FRONTEND)/node_modules $(FRONTEND)/dist
