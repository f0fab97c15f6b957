# Two commands for a fresh machine with Python 3.11+:  make run  |  make test
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev migrate bootstrap worker lint bench evaluate clean

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

# Migrate, then load the gazetteer (once) and the actor dictionary (idempotent).
bootstrap: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_gazetteer --if-empty
	$(PY) manage.py load_actors

run: export DEBUG ?= 1
run: bootstrap
	$(PY) manage.py ensure_admin
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

worker: install
	$(VENV)/bin/celery -A conflict_tracker worker --loglevel=INFO

evaluate: install
	$(PY) manage.py evaluate_extraction ../shared/seeds ../shared/seeds/expected.json

clean:
	rm -rf $(VENV) var/
