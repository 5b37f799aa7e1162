# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: install run test test-fast test-deps lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(BIN)/donghaeng data load
	$(BIN)/donghaeng serve

# Test-only system packages from Debian: chromium for the browser tests, PostgreSQL for the
# store tests on a real server; axe-core from npm. No browser or binary downloads.
APT_NEEDS := $(if $(shell command -v chromium),,chromium) $(if $(wildcard /usr/share/fonts/truetype/nanum),,fonts-nanum) \
             $(if $(wildcard /usr/lib/postgresql/*/bin/initdb),,postgresql)
test-deps:
	@if [ -n "$(strip $(APT_NEEDS))" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_NEEDS) >/dev/null; fi
	@if [ ! -d tests/web/node_modules/axe-core ]; then npm ci --prefix tests/web --no-audit --no-fund --silent; fi

test: install test-deps
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not slow and not browser"

lint: install
	$(BIN)/ruff check donghaeng tests

clean:
	rm -rf var/*.sqlite3* .pytest_cache
