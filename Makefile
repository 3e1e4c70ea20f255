# Zonesite. `make site` builds the site into site/, `make test` runs every test, `make serve`
# previews with live reload. Each target sets up .venv with the pinned requirements first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)

# Material prints an end-of-life notice on every build; editors need not see it (see README).
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test check verify export new-news new-fiche new-zone new-actieplan schemas newsletter browser office clean

site: $(STAMP)
	$(BIN)/mkdocs build --strict

ZONESITE := PYTHONPATH=hooks $(BIN)/python -m zonesite

# Check all content without building the site: every problem at once, as file:line: field: problem.
check: $(STAMP)
	@$(ZONESITE) check

# The gate before publishing, for any zone: builds into a temporary folder, then checks internal links,
# that no draft or embargoed text got out, and accessibility (axe-core in Chromium) of the zone's pages.
verify: $(STAMP) browser node_modules/.installed
	@$(ZONESITE) verify

# make new-news TITLE="Trefdag mantelzorgers" → news/JJJJ/JJJJ-MM-DD-trefdag-mantelzorgers.md (a draft)
# Values are read from the environment ($$TITLE), not pasted into the shell line: a title with
# quotes or `;` stays text.
new-news: $(STAMP)
	@$(ZONESITE) new-news --title "$$TITLE"

# make new-fiche PLAN=actieplan-2025 ID=2.1 TITLE="…" → plans/actieplan-2025/fiches/2-1-….yml
# Without ID (zones that do not number their actions) → plans/actieplan-2025/fiches/<titel>.yml
new-fiche: $(STAMP)
	@$(ZONESITE) new-fiche --plan "$$PLAN" --id "$$ID" --title "$$TITLE"

# make new-zone NAME="Eerstelijnszone …" [YEAR=2025] → the example becomes the empty site of a new zone
# (runs once), with an action plan for YEAR (default: this year). Values come from the environment.
new-zone: $(STAMP)
	@$(ZONESITE) new-zone --name "$$NAME" --year "$${YEAR:-}"

# make new-actieplan YEAR=2027 → plans/actieplan-2027/actieplan.yml under the policy plan of that year.
new-actieplan: $(STAMP)
	@$(ZONESITE) new-actieplan --year "$${YEAR:-}"

# make export OUT=../zone-export → the public site as plain files that an engine without hooks builds
# (README: "Een andere bouwmotor").
export: $(STAMP)
	@test -n "$(OUT)" || { echo "Geef een map mee: make export OUT=../zone-export"; exit 2; }
	@$(ZONESITE) export --out "$(OUT)"

# Regenerate hooks/schemas/*.schema.json after changing a model (a test checks they are in sync).
schemas: $(STAMP)
	@$(ZONESITE) schemas

# make newsletter MONTH=2026-11 → builds the site and prints the email to paste into the mailing tool.
newsletter: site
	@test -n "$(MONTH)" || { echo "Geef de maand mee: make newsletter MONTH=JJJJ-MM"; exit 2; }
	@test -f site/nieuwsbrief/$(MONTH)/email.html || { \
	  echo "Geen nieuwsbrief voor $(MONTH): er is in die maand geen gepubliceerd nieuws."; \
	  echo "Bestaande maanden: $$(ls site/nieuwsbrief | grep -E '^[0-9]{4}-[0-9]{2}$$' | tr '\n' ' ')"; exit 1; }
	@echo "HTML: $(CURDIR)/site/nieuwsbrief/$(MONTH)/email.html"
	@echo "Tekst: $(CURDIR)/site/nieuwsbrief/$(MONTH)/email.txt"

# --dirty: after a save only the pages and files that changed are written again (a second or two,
# also with 1,000s of news items); the menu catches up on the next start.
serve: $(STAMP)
	$(BIN)/mkdocs serve --livereload --dirty

test: $(STAMP) browser office node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadfile -q tests

# The browser tests drive Debian's Chromium; install it when it is missing and we may.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "Chromium installeren voor de browsertests…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Let op: chromium ontbreekt, de browsertests worden overgeslagen (apt-get install chromium)."; \
	  fi; }

# The submission documents' tests render the Word file to PDF with LibreOffice Writer and look at
# PDF pages with poppler's pdftoppm; install them when missing and we may.
office:
	@command -v soffice >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "LibreOffice Writer en poppler-utils installeren voor de tests van de indieningsdocumenten…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer poppler-utils >/dev/null; \
	  else \
	    echo "Let op: soffice of pdftoppm ontbreekt, tests van de indieningsdocumenten worden overgeslagen (apt-get install libreoffice-writer poppler-utils)."; \
	  fi; }

# Test tools pinned in package-lock.json: axe-core and Lighthouse (accessibility), doiuse-email (the newsletter
# against caniemail data).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	npm ci --no-audit --no-fund --silent
	touch $@

$(STAMP): requirements.txt
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "python3-venv ontbreekt; installeren…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && \
	  $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

clean:
	rm -rf site .pytest_cache test-artifacts

# Performance benchmark on synthetic content in a temporary copy (~10 min): writes bench/RESULTS.md.
.PHONY: bench
bench: $(STAMP)
	$(BIN)/python bench/run.py
