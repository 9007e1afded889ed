# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HASH   := $(shell cksum < pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint demo bench dist clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# One stamp per set of extras and version of pyproject.toml: reinstall only when it changes.
$(VENV)/.installed-%-$(HASH): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e ".[$(subst +,$(comma),$*)]"
	touch $@

comma := ,
TEST_STAMP  := $(VENV)/.installed-test-$(HASH)
BENCH_STAMP := $(VENV)/.installed-test+bench-$(HASH)

OUT ?= out

## Open the desktop app with the sample article loaded and extracted. First the start-up
## check: the system libraries Qt's xcb plugin needs (installed when root or `sudo -n` can,
## else one sentence with the apt line); with no display at all, the demo goes into $(OUT)/.
run: $(TEST_STAMP)
	@$(BIN)/python -m briefgen.ui.platform_check --install --demo-dir $(OUT); status=$$?; \
	if [ $$status -eq 0 ]; then exec $(BIN)/briefgen gui --sample; \
	elif [ $$status -eq 3 ]; then exec $(BIN)/briefgen demo -o $(OUT); \
	else exit $$status; fi

## Lint, type-check and run the whole test suite, headless.
test: $(TEST_STAMP)
	$(BIN)/ruff check briefgen tests benchmarks
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check briefgen tests benchmarks
	$(BIN)/mypy

## Render the sample article with every built-in template into out/.
demo: $(TEST_STAMP)
	$(BIN)/briefgen demo -o $(OUT)

bench: $(BENCH_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

## A self-contained program folder (PyInstaller, one folder) and its .tar.gz in dist/, built in
## its own environment (.venv-dist, without the test tools), then started in an empty
## environment (`env -i`, no Python on PATH): `--version` and `demo`. Slow (minutes): not in CI.
DIST_VENV := .venv-dist
dist:
	test -x $(DIST_VENV)/bin/python || $(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/python -m pip install --quiet . "pyinstaller>=6.10,<7"
	$(DIST_VENV)/bin/python packaging/build.py --smoke

clean:
	rm -rf $(VENV) $(DIST_VENV) build dist $(OUT) .pytest_cache .mypy_cache .ruff_cache
