# Warmtelessen: every target sets up .venv itself (Python 3.11+ is all a machine needs).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.warmtelessen-installed
OUT    ?= output

.PHONY: help setup test demo site app lab lint format clean bench chromium office

help:
	@echo "make demo   - maak het voorbeeldrapport in ./$(OUT)/"
	@echo "make site   - bouw de kennisbank als website in ./$(OUT)/site/ (open index.html)"
	@echo "make test   - draai alle tests (ruff, mypy, pytest, notebooks via papermill)"
	@echo "make lint   - alleen ruff en mypy"
	@echo "make app    - start de web-app op http://127.0.0.1:8866/ (checklist op maat, kennisbank; stoppen: Ctrl-C)"
	@echo "make lab    - open JupyterLab op notebooks/"
	@echo "make bench  - meet de snelheid van de checklist-routes en de site (enkele minuten)"
	@echo "make format - formatteer de code met ruff"
	@echo "make clean  - verwijder .venv en ./$(OUT)/"

# Install once; again only when pyproject.toml or the pinned versions change.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; v = sys.version_info; sys.exit(0 if v >= (3, 11) else "Python 3.11 of nieuwer is nodig, gevonden: %d.%d" % v[:2])'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	@touch $(STAMP)

setup: $(STAMP)

# Browser tests drive Debian's Chromium (Playwright's own browser download is not reachable).
CHROMIUM := $(shell command -v chromium || echo /usr/bin/chromium)

chromium:
	@test -x $(CHROMIUM) || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  { echo "Chromium ontbreekt: installeer het pakket chromium (bijv. sudo apt-get install chromium)"; exit 1; }

# The document tests open every Word, ODT, Excel and ODS file in LibreOffice and check PDFs with
# poppler's pdfinfo/pdftotext/pdffonts (Debian packages; the toolkit itself needs neither).
office:
	@{ command -v soffice >/dev/null && command -v pdfinfo >/dev/null; } || { test "$$(id -u)" = 0 && \
	  command -v apt-get >/dev/null && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null; } || \
	  { echo "LibreOffice of poppler ontbreekt: installeer libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils"; exit 1; }

test: lint chromium office
	$(BIN)/python -m pytest -n auto -q

demo: $(STAMP)
	$(BIN)/warmtelessen checklist --out $(OUT)

site: $(STAMP)
	$(BIN)/warmtelessen site --out $(OUT)/site

app: $(STAMP)
	$(BIN)/warmtelessen app

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(OUT)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py
