# The two commands of the README's quick start:
#   make demo   installs briefing and generates the briefing for 2026-02-03 from samples/articles
#   make test   installs the test extras and runs the tests, on SQLite and PostgreSQL (what CI runs)
# The interpreter the virtualenv is made from: the distribution's optimised python3 where it is
# there, else python3 on PATH (scripts/pick-python says why); `make PYTHON=... demo` picks another.
ifeq ($(origin PYTHON),undefined)
PYTHON := $(shell scripts/pick-python)
endif
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test test-postgresql test-wheel install install-test lint typecheck golden clean

demo: install
	$(BIN)/briefing generate --date 2026-02-03
	@echo "Open output/2026-02-03/ (briefing.md, briefing.html, briefing.pdf, briefing.eml)"

# Pure Python, installed in editable mode: reinstall only when the project's metadata changed.
BUILD_INPUTS := pyproject.toml

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: $(BUILD_INPUTS)
	PYTHON=$(PYTHON) scripts/install-system-deps
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: $(BUILD_INPUTS)
	PYTHON=$(PYTHON) scripts/install-system-deps --test
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

lint: install-test
	$(BIN)/ruff check .

typecheck: install-test
	$(BIN)/mypy briefing

test: install-test
	$(BIN)/ruff check .
	$(BIN)/mypy briefing
	$(MAKE) test-wheel
	$(BIN)/python -m pytest -q
	$(MAKE) test-postgresql

# The tests that take a store again, on a throwaway PostgreSQL server
# (scripts/start-test-postgres installs Debian's postgresql when it is missing).
test-postgresql: install-test
	scripts/with-test-postgres $(BIN)/python -m pytest -q -m postgresql

# The wheel, installed in a clean venv outside the checkout, makes a briefing (scripts/test-wheel).
test-wheel: install-test
	scripts/test-wheel $(PYTHON)

clean:
	rm -rf $(VENV) data output/*/ output/index.* build
