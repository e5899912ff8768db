# Quick start:  make site   builds the site into site/ (mkdocs build --strict)
#               make test   runs the tests
#
# Or with Zensical: make site-zensical   (digest build, zensical build --strict, then the
#                                         search index: digest search-index site)
#
# Both create .venv (python3 -m venv) if it is missing and install the pinned
# packages of requirements.lock plus this project (editable) into it; they
# install again whenever requirements.lock or pyproject.toml change.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed-stamp
LOCK_VENV := build/lock-venv
PIP := $(BIN)/python -m pip --disable-pip-version-check

# Material for MkDocs prints an end-of-life banner on each run unless this is set.
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help install system-packages site site-dirty site-zensical serve test lint lock clean distclean screenshots

help:
	@echo "make site       build the site into site/ (strict: any warning fails)"
	@echo "make site-zensical  the same site, built by Zensical instead of MkDocs"
	@echo "make site-dirty rebuild only the pages whose sources changed (mkdocs --dirty)"
	@echo "make test       run the tests"
	@echo "make screenshots  PNGs of every page type, 1280x800 and 390x844, light and dark"
	@echo "make serve      preview the site at http://127.0.0.1:8000, rebuilt on change"
	@echo "make lint       ruff check and ruff format --check"
	@echo "make lock       regenerate requirements.lock from pyproject.toml"
	@echo "make clean      remove site/, build/ and caches; distclean also removes .venv"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(INSTALLED): requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -r requirements.lock
	$(PIP) install --quiet --no-deps -e .
	touch $@

install: $(INSTALLED)

# mkdocs.yml's hook runs the pipeline (digest build) into build/docs/ before MkDocs reads it.
site: $(INSTALLED)
	$(BIN)/mkdocs build --strict

# Zensical reads the same mkdocs.yml but runs no hooks: the pipeline runs first.
# After a change to a few sources: the pipeline rewrites only the pages whose Markdown
# changed, and MkDocs rebuilds only those (--dirty). Pages of a paper removed since the
# last full build stay in site/ until the next `make site`.
site-dirty: $(INSTALLED)
	$(BIN)/mkdocs build --dirty

site-zensical: $(INSTALLED)
	$(BIN)/digest build
	$(BIN)/zensical build --strict
	$(BIN)/digest search-index site

serve: $(INSTALLED)
	$(BIN)/mkdocs serve

# The tests also drive real clients: Debian's chromium (browser tests through playwright),
# bibtex/biber (BibTeX client checks) and pandoc (references through CSL, --citeproc).
# Installed with apt-get when missing and running as root (CI, fresh machines); otherwise
# those tests say what to install.
SYSTEM_TOOLS := chromium bibtex biber pandoc
SYSTEM_PACKAGES := chromium biber texlive-binaries texlive-base pandoc

# $(call missing_tools,TOOLS) sets the shell variable `missing` to the TOOLS not on PATH;
# $(call apt_install,PACKAGES,ELSE) then installs PACKAGES with apt-get when something is
# missing and we are root, and otherwise says what to install and runs ELSE.
missing_tools = missing=""; \
	for tool in $(1); do command -v $$tool >/dev/null || missing="$$missing $$tool"; done
apt_install = if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing$$missing (apt-get: $(1))"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(1) >/dev/null; \
	else echo "missing$$missing: install $(1) (Debian)"; $(2); fi

system-packages:
	@$(call missing_tools,$(SYSTEM_TOOLS)); $(call apt_install,$(SYSTEM_PACKAGES),true)

# On both cores (pytest-xdist); PYTEST_ARGS= runs them in one process.
PYTEST_ARGS ?= -n 2
test: $(INSTALLED) system-packages
	$(BIN)/pytest $(PYTEST_ARGS)

# Screenshots of every page type (home, papers, a paper and a passage in it, the Compare
# pages and the heatmap, a theme, the bibliography, the map, health, about, a source) at
# 1280x800 and 390x844, in the light and the dark palette, into build/screenshots/ (not
# tracked): to look at after a change to the templates, stylesheet or scripts.
SCREENSHOTS := build/screenshots
screenshots: site system-packages
	$(BIN)/python scripts/screenshots.py site $(SCREENSHOTS)

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

lock:
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip --disable-pip-version-check install --quiet -e '.[dev,devcorpus,refcorpus]'
	{ sed -n '/^# ---/q;p' requirements.lock; echo '# ---'; \
	  $(LOCK_VENV)/bin/python -m pip freeze --exclude-editable; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf $(LOCK_VENV)

# build/docs/.digest-output is tracked (so that a fresh clone has docs_dir): put back empty.
# .cache/ is Zensical's.
clean:
	rm -rf site build .cache .pytest_cache .ruff_cache .hypothesis
	mkdir -p build/docs && touch build/docs/.digest-output
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)

# Development corpus for cleaning (issue 9): renders the composed documents with TeX Live
# and pandoc, extracts their text with poppler, pypdfium2 and pdfminer.six (the `devcorpus`
# extra, pinned in requirements.lock) and rewrites tests/gold/devcorpus/. The Debian
# packages are installed with apt-get when missing and running as root; otherwise the
# target says what to install and fails.
DEVCORPUS_TOOLS := pdflatex xelatex pandoc pdftotext pdfinfo kpsewhich
DEVCORPUS_PACKAGES := pandoc poppler-utils lmodern texlive-latex-base \
  texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended texlive-xetex

.PHONY: devcorpus
devcorpus: $(INSTALLED)
	@$(call missing_tools,$(DEVCORPUS_TOOLS)); \
	for sty in titlesec fancyhdr lastpage lmodern; do \
	  kpsewhich $$sty.sty >/dev/null 2>&1 || missing="$$missing $$sty.sty"; done; \
	$(call apt_install,$(DEVCORPUS_PACKAGES),exit 1)
	$(BIN)/python scripts/devcorpus/generate.py

# The raw-text forms of the item corpus (issue 13): renders each
# tests/gold/itemcorpus/<paper>/paper.md with pandoc and LaTeX and extracts paper.txt
# with pdftotext (the same tools as devcorpus), keeping paper.pdf.
.PHONY: itemcorpus
itemcorpus: $(INSTALLED)
	@$(call missing_tools,pdflatex xelatex pandoc pdftotext); \
	$(call apt_install,$(DEVCORPUS_PACKAGES),exit 1)
	$(BIN)/python scripts/devcorpus/itempapers.py

# The reference parser's model (issue 10): renders synthetic records through the
# training CSL styles (citeproc-py, the `refcorpus` extra) and BibTeX styles, adds
# real strings labelled by hand (AnyStyle's and GROBID's) and the hand-labelled
# development gold and
# trains the CRF into scripts/digest/references/model/. About 2 minutes of rendering
# and 7 of training on one core; seeded, so the same model.
# `make refgold` rewrites the generated held-out and dev gold (tests/gold/references/).
REF_TRAIN := build/refcorpus/train.jsonl
# Real strings labelled by hand (AnyStyle's datasets, BSD-2-Clause): one in ten kept for dev.
REF_REAL := build/refcorpus/anystyle.jsonl
REF_REAL_DEV := build/refcorpus/anystyle_dev.jsonl
# Real strings cut out of PDFs, labelled by hand (GROBID's citation corpus, Apache-2.0).
REF_PDF := build/refcorpus/grobid.jsonl
REF_PDF_DEV := build/refcorpus/grobid_dev.jsonl
REFMODEL_PACKAGES := texlive-binaries texlive-bibtex-extra texlive-science texlive-publishers
REF_GOLD := tests/gold/references/corpus.yml tests/gold/references/other_styles.yml \
	tests/gold/references/real_papers_dev.yml
.PHONY: refmodel refgold
refmodel: $(INSTALLED)
	@missing=""; command -v bibtex >/dev/null || missing=" bibtex"; \
	for bst in plainyr aiaa achemso jpe; do \
	  kpsewhich $$bst.bst >/dev/null 2>&1 || missing="$$missing $$bst.bst"; done; \
	$(call apt_install,$(REFMODEL_PACKAGES),exit 1)
	$(BIN)/python scripts/refcorpus/generate.py train $(REF_TRAIN)
	$(BIN)/python scripts/refcorpus/anystyle.py $(REF_REAL) --dev $(REF_REAL_DEV)
	$(BIN)/python scripts/refcorpus/grobid.py $(REF_PDF) --dev $(REF_PDF_DEV)
	$(BIN)/python scripts/refcorpus/train.py $(REF_TRAIN) $(REF_REAL) $(REF_PDF) \
	  --gold $(wildcard $(REF_GOLD))

refgold: $(INSTALLED)
	$(BIN)/python scripts/refcorpus/generate.py heldout tests/gold/references/heldout
	$(BIN)/python scripts/refcorpus/generate.py dev tests/gold/references/generated_dev
