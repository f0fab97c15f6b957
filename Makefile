# Two commands for a fresh machine with Python 3.11+:  make run  |  make test
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate bootstrap worker lint bench bench-smoke evaluate clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Local settings for make run, make worker and any manage.py command typed by hand; written once, never
# overwritten (edit it, or delete it to get a new one). Variables set in the shell still win.
.env:
	@printf '# Local development settings, written by make (see .env.example for every variable).\nDEBUG=1\nSECRET_KEY=%s\n' \
		"$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote $@ (DEBUG=1 and a generated SECRET_KEY)."

# Migrate, then load the gazetteer (once) and the actor dictionary (idempotent).
bootstrap: install .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_gazetteer --if-empty
	$(PY) manage.py load_actors

run: bootstrap
	$(PY) manage.py ensure_admin
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

# The production worker command (docker/worker-entrypoint.sh) from the runtime venv. Start the web app with
# the same REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379/0 make run) so uploads are queued for it.
worker: install .env
	PATH="$(CURDIR)/$(VENV)/bin:$$PATH" WORKER_EMBEDDED_BEAT=1 sh docker/worker-entrypoint.sh

# The style (ruff: lint and format), as .ci/run checks it. `ruff format .` fixes the layout.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

evaluate: install
	$(PY) manage.py evaluate_extraction ../shared/seeds ../shared/seeds/expected.json

clean:
	rm -rf $(VENV) var/

# Each benchmark at a tiny size, each on a database of its own: a schema change that breaks one fails CI.
# Figures printed here mean nothing (tiny sizes, a busy CI machine); bench/*.py at full size are the measures.
BENCH_PG ?= postgres://postgres@127.0.0.1:5432
bench-smoke: install-dev
	DATABASE_URL=$(BENCH_PG)/ct_smoke_parse $(PY) bench/parse_throughput.py --articles 10 --rounds 1 \
		$(if $(wildcard ../shared/seeds),--corpus ../shared/seeds) --events 300 --batch-size 4 --cold-names
	$(PY) bench/api_latency.py --pg $(BENCH_PG) --database ct_smoke_api --events 3000 --requests 3
	BENCH_DATABASE_URL=$(BENCH_PG)/ct_smoke_map $(PY) bench/map_render.py --events 200 --runs 1
	BENCH_DATABASE_URL=$(BENCH_PG)/ct_smoke_map $(PY) bench/events_list.py --events 200 --requests 3
	$(PY) bench/load.py --pg $(BENCH_PG) --database ct_smoke_load --events 100 --clients 2 --duration 3 --redis-db 12
	$(PY) bench/e2e_burst.py --pg $(BENCH_PG) --database ct_smoke_burst --uploads 10 --redis-db 11
	$(PY) bench/e2e_burst.py --pg $(BENCH_PG) --database ct_smoke_burst --idle --uploads 3 --pause 0.1 --redis-db 11
