# The two commands: `make demo` and `make test`. Both set up .venv from the lock file first.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: demo test install lock bench clean

install: $(STAMP)

# Only the locks decide what is installed: first the pinned installer (requirements-pip.lock),
# then every package by hash, then our own package without touching its dependencies.
$(STAMP): requirements-pip.lock requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed: set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements-pip.lock
	$(PIP) install --quiet --require-hashes --no-deps -r requirements.lock
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	touch $(STAMP)

demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/thucydides ingest samples --db demo.db
	$(BIN)/thucydides stats --db demo.db
	@echo
	@echo "Next, try these (or 'source .venv/bin/activate' and leave out '.venv/bin/'):"
	@echo "  .venv/bin/thucydides events --db demo.db --country RUS      # what Russia did, or had done to it"
	@echo "  .venv/bin/thucydides counts --db demo.db --by country --per month   # what happened, per country and month"
	@echo "  .venv/bin/thucydides events --db demo.db --dyad RUS,GBR     # between Russia and Britain, either way"
	@echo "  .venv/bin/thucydides dyads --db demo.db --by month          # events per dyad and month, by quad class"
	@echo "  .venv/bin/thucydides quotes --db demo.db                    # who said what"
	@echo "  .venv/bin/thucydides explain 'Japan imposed sanctions on North Korea.'   # why an event is coded"
	@echo "  .venv/bin/thucydides analyze samples/japan-sanctions-north-korea.txt    # one article as JSON Lines"
	@echo
	@echo "And look at it in a browser (events, articles with every mark, actors, dyads, map, network, API):"
	@echo "  .venv/bin/thucydides serve --db demo.db       then open http://127.0.0.1:8000/"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python benchmarks/throughput.py

# Regenerate the lock after editing requirements.in (needs network to PyPI).
lock:
	$(PIP) install --quiet uv==0.13.9
	$(BIN)/uv pip compile requirements.in --generate-hashes --python-version 3.11 --python-platform x86_64-manylinux_2_28 -o requirements.lock

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm
