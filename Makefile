# The README's commands. `make run` shows the dashboard on the default timeline; `make test` runs every test.
# Both do all set-up on a fresh machine (a virtualenv in .venv; Debian's Chromium for browser tests).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: setup browser run test lint format
setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

# Debian's Chromium drives the browser tests and the PNG/SVG/PDF exports (kaleido finds it by itself).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install -y chromium'" >&2; exit 1; fi; }

run: setup
	$(PY) -m streamlit run dashboard/app.py --server.port $(PORT)

test: setup browser
	$(PY) -m pytest

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .
