# imgaug2 developer commands (GNU make). Needs only python3 on the PATH.
#   make demo    augment the bundled sample photo, write demo_out/, check replay
#   make test    run the test suite (PYTEST_ARGS="-k name -x" to narrow it down)
#   make bench   run the benchmark scripts in benchmarks/ (they print, never fail)

PYTHON      ?= python3
VENV        ?= .venv
PY          := $(VENV)/bin/python
PIP         := $(PY) -m pip
PIP_FLAGS   ?= --progress-bar off
PYTEST_ARGS ?=

# Stamp files: reinstall only when the packaging metadata changed.
STAMP_RUN   := $(VENV)/.stamp-install
STAMP_TEST  := $(VENV)/.stamp-test

.PHONY: all demo test bench venv clean distclean help

all: test

help:
	@sed -n '2,4p' Makefile

venv: $(PY)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP_RUN): pyproject.toml | $(PY)
	$(PIP) install $(PIP_FLAGS) -e .
	@touch $@

# torch is pinned through the constraints file (a local CPU wheel satisfies the pin).
$(STAMP_TEST): pyproject.toml constraints-test.txt | $(PY)
	$(PIP) install $(PIP_FLAGS) -e ".[test]" -c constraints-test.txt
	@touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	$(PY) -m imgaug2.demo

test: $(STAMP_TEST)
	$(PY) -m pytest -q -p no:randomly $(PYTEST_ARGS)

bench: $(STAMP_RUN)
	$(PY) benchmarks/overhead.py
	$(PY) benchmarks/throughput.py

clean:
	rm -rf demo_out build dist .pytest_cache .hypothesis
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) src/*.egg-info
