# The two commands a newcomer needs: `make test` and `make demo`. Everything else sets itself up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_STAMP := $(VENV)/.installed-run

.PHONY: test test-all demo run run-all lint typecheck bench bench-search bench-notify bench-workers clean

$(STAMP): pyproject.toml  ## the test and lint tools too
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP) $(RUN_STAMP)

$(RUN_STAMP): pyproject.toml  ## only what the program itself needs (demo, run)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[browser]'  # the browser tier, used when Chromium is installed
	touch $(RUN_STAMP)

test: $(STAMP)  ## the suite CI runs (slow soak tests excluded)
	$(BIN)/pytest -m "not slow" -q

test-all: $(STAMP)  ## everything, including slow soak tests
	$(BIN)/pytest -q

bench-search: $(STAMP)  ## search benchmark, 100k notices (1M run: benchmarks/README.md#search)
	$(BIN)/python benchmarks/search_bench.py --size 100000

bench: $(STAMP)  ## crawler/daemon and notify benchmarks, quick sizes (full: benchmarks/README.md); prints tables
	$(BIN)/python benchmarks/bench.py --quick
	$(BIN)/python benchmarks/notify_bench.py --quick

bench-notify: $(STAMP)  ## notify benchmark, 10k and 100k notices x 1k and 10k subscriptions, SQLite (1M: benchmarks/README.md#notify)
	$(BIN)/python benchmarks/notify_bench.py --notices 10000,100000 --subscriptions 1000,10000

demo: $(RUN_STAMP)  ## crawl the bundled snapshots from a local mirror; run twice to see "0 new"
	$(BIN)/policywatch demo

run: $(RUN_STAMP)  ## the daemon
	$(BIN)/policywatch run

run-all: $(RUN_STAMP)  ## the daemon and the subscriber web service (policywatch web) together; Ctrl-C stops both
	$(BIN)/policywatch web & web=$$!; trap 'kill $$web 2>/dev/null' EXIT INT TERM; $(BIN)/policywatch run

bench-workers: $(STAMP)  ## crawl workers on PostgreSQL: 300 channels on 60 hosts, 3 worker processes (benchmarks/README.md#workers)
	$(BIN)/python benchmarks/workers_bench.py

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy crawler parsers store notifier policywatch scheduler.py

clean:
	rm -rf $(VENV) .demo .pytest_cache .mypy_cache .ruff_cache
