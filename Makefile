VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test check screenshots bench clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

run: $(STAMP)
	@$(PY) -m compileall -q planner  # bytecode for a quick start, even where Python writes none
	$(VENV)/bin/planner

test: $(STAMP)
	$(PY) -m pytest -q

check: $(STAMP)
	$(VENV)/bin/ruff check planner tests benchmarks
	$(VENV)/bin/ruff format --check planner tests benchmarks
	$(VENV)/bin/mypy planner
	$(VENV)/bin/lint-imports

screenshots: $(STAMP)
	$(PY) -m planner.tui.screenshots screenshots
	PLANNER_BROWSER_SHOT=$(CURDIR)/screenshots/browser.png $(PY) -m pytest -q -p no:cacheprovider tests/test_serve_browser.py -k chromium

bench: $(STAMP)
	$(PY) benchmarks/bench_load.py
	$(PY) benchmarks/bench_schedule.py
	$(PY) benchmarks/bench_store.py
	$(PY) benchmarks/bench_practice.py
	$(PY) benchmarks/bench_short.py
	$(PY) benchmarks/startup.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
