# The verbs people type. `make site` and `make test` do all set-up on a fresh Debian/Ubuntu machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: site serve check translate messages cards comms test lint bench fuzz realtext system-deps clean

site: system-deps $(STAMP)  ## Build the whole site (every language) into site/
	$(BIN)/wellread build

serve: system-deps $(STAMP)  ## Live preview on http://127.0.0.1:8000: a saved article shows in about a second, with its findings
	$(BIN)/wellread serve --dev-addr 127.0.0.1:8000

check: $(STAMP)  ## Plain-language, privacy and front matter findings for every article and every translation
	$(BIN)/wellread check

messages: system-deps $(STAMP)  ## wellread's own messages (the checker's): extract, update each PO, msgfmt -c
	$(BIN)/python -m wellread.i18n.messages

cards: system-deps $(STAMP)  ## Render every page's social cards in every language (no full build)
	$(BIN)/wellread cards

# The comms team's pack: the site built, then the coming week's posts (START=2027-09-01 WEEKS=13
# for a quarter) in plan/: an overview with the cards, a calendar, Buffer and Hootsuite files.
START ?= $(shell date +%F)
WEEKS ?= 1
comms: site  ## The week's posts in every language (plan/index.html, calendars, scheduler files)
	$(BIN)/wellread plan --start $(START) --weeks $(WEEKS) --out plan

translate: messages  ## Extract messages and update every language's PO files
	$(BIN)/wellread i18n extract
	$(BIN)/wellread i18n update
	$(BIN)/wellread i18n stats
	$(BIN)/wellread i18n check

test: system-deps $(STAMP) node_modules/.installed  ## Lint, then every test (unit, catalogs, end-to-end build, browser)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(BIN)/pytest

bench: $(STAMP)  ## wellread against plain Material and Hugo on a synthetic site (BENCH_N=100: one size)
	@sh scripts/system-deps.sh bench
	$(BIN)/python scripts/bench.py

fuzz: $(STAMP)  ## Property-based tests with 10,000 examples each (make test runs a few)
	HYPOTHESIS_PROFILE=wellread-fuzz $(BIN)/pytest tests/test_fuzz*.py -p no:cacheprovider \
		--hypothesis-show-statistics -q

realtext: $(STAMP)  ## The checker on real public-domain health text: rates, precision, recall (see tests/data/realtext)
	$(BIN)/python scripts/realtext_measure.py
	for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do d=tests/data/realtext/held-out$$([ $$n = 1 ] || echo -$$n); \
	  if [ -d $$d ]; then $(BIN)/python scripts/realtext_measure.py --held-out $$n; fi; done

lint: $(STAMP)  ## ruff, then mypy --strict on core/ and check/ (its settings: pyproject.toml)
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy

system-deps:  ## Fonts, text shaping and gettext from Debian (installed when apt-get is usable)
	@sh scripts/system-deps.sh

# pip compiles the packages it installs, not an editable one: compileall does, or every process
# of every build compiles wellread from source where PYTHONDONTWRITEBYTECODE is set (CI images).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	$(BIN)/python -m compileall -q scripts/wellread
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json  ## axe-core for the browser tests, as pinned
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm is missing: the browser tests need it to install axe-core" >&2; fi

clean:
	rm -rf site plan .cache $(VENV) node_modules .screenshots
