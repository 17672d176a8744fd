# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PYTEST_ARGS ?=

.PHONY: install run test lint messages

$(VENV)/.installed: requirements.txt requirements-dev.txt tests/events/icaljs/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	# Thunderbird's calendar parser for the calendar tests, where npm exists.
	if command -v npm >/dev/null 2>&1; then npm ci --prefix tests/events/icaljs --no-audit --no-fund --silent; fi
	touch $@

# Deduce's lookup data for the anonymiser, built once (about 10 s) so that no
# request waits for it; rebuilt when a new deduce is installed.
var/anonymisation/.built: $(VENV)/.installed
	$(PY) -m casebook.anonymisation.warm
	touch $@

install: $(VENV)/.installed var/anonymisation/.built

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	# The index holds Dutch stems: rebuilt in case an older checkout made it.
	$(PY) manage.py update_index --verbosity 0
	$(PY) manage.py runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

messages: install
	$(PY) manage.py makemessages -l nl --no-location --ignore=var --ignore=staticfiles --ignore=bench --ignore=tests
	$(PY) manage.py compilemessages -l nl --ignore=.venv --ignore=var
