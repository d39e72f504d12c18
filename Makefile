# Folio — two commands set everything up on a fresh machine:
#   make        install missing system packages, build, render Reports/ningbo-2022
#   make test   the same install step, then the test suite
SHELL := /bin/bash
SWIFT ?= swift
# Release builds link the Swift runtime and Foundation statically: folio starts in about
# 9 ms instead of 20 (dynamic symbol lookup of the Swift libraries was half of a no-op
# build), and the binary runs without the Swift toolchain (it still needs the Debian
# libraries of `make deps`). RELEASE_FLAGS= builds a dynamically linked one.
RELEASE_FLAGS ?= --static-swift-stdlib
REPORT ?= Reports/ningbo-2022
OUT ?= out/ningbo-2022
FOLIO ?= ./.build/release/folio
FUZZ_CASES ?= 100000
FUZZ_WORKERS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian packages the build, the tools and the tests need (python3: `make install` writes
# the man page with tools/manpage.py; libcurl: the static link of Foundation's networking,
# which the HTTP server package FlyingFox imports).
APT_PACKAGES := libcairo2-dev libpango1.0-dev libharfbuzz-dev libpng-dev libdeflate-dev libjpeg62-turbo-dev zlib1g-dev fonts-noto-cjk libcurl4-openssl-dev \
	poppler-utils qpdf ghostscript libgs-common icc-profiles-free pkg-config liblcms2-dev python3
# What the checkers of `make test` need: colour (ArgyllCMS, LittleCMS), a second and third
# PDF reader (MuPDF; PDFium comes from PyPI), a real browser for the preview test, groff
# to format the installed man page.
TEST_APT_PACKAGES := argyll liblcms2-dev liblcms2-utils mupdf-tools chromium groff-base
# PyPI modules of the tests: PDF/UA checkers, PDFium, spreadsheets, the browser driver.
# (Playwright is pointed at Debian's chromium; it never downloads a browser of its own.)
TEST_PIP_PACKAGES := pdfua outloud pypdfium2 openpyxl playwright fonttools pikepdf
BENCH_PACKAGES := hyperfine time

# Installs the Debian packages of $(1) that are not installed yet.
define install_missing
missing=""; for p in $(1); do \
  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "installing:$$missing"; \
  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
fi
endef

# Installs the PyPI modules of $(1) whose import fails ($(2): the import names, same order).
define pip_missing
missing=""; set -- $(2); for p in $(1); do m="$$1"; shift; \
  python3 -c "import $$m" 2>/dev/null || missing="$$missing $$p"; \
done; \
if [ -n "$$missing" ]; then \
  echo "installing from PyPI:$$missing"; \
  python3 -m pip install -q $$missing 2>/dev/null || python3 -m pip install -q --user $$missing || \
  { echo "make: cannot install the PyPI modules$$missing (python3 -m pip install$$missing)" >&2; exit 1; }; \
fi
endef

.PHONY: all deps test-deps check-imports bench-deps build render test bench bench-cards fuzz docs-images completions clean \
	install install-files uninstall man

all: deps build render

deps:
	@$(call install_missing,$(APT_PACKAGES))

build: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

render: build
	./.build/release/folio build $(REPORT) --out $(OUT)

# The checkers the tests run: Debian packages and PyPI modules.
test-deps: deps
	@$(call install_missing,$(TEST_APT_PACKAGES))
	@$(call pip_missing,$(TEST_PIP_PACKAGES),pdfua outloud pypdfium2 openpyxl playwright fontTools pikepdf)

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Every module imports only what Package.swift declares it depends on (a separate build
# folder: the check changes the build's flags).
check-imports: deps
	$(SWIFT) build --build-tests --scratch-path .build-importcheck --explicit-target-dependency-import-check error

# Folio vs the Typst peer (../shared/peers) side by side: full, one-event edit and no-op
# builds, a generated 1,000-event report, peak memory; the table goes to out/bench.md.
# The card section (cards per second per preset, PNG bytes per card, encoder settings)
# follows in the same file.
bench: deps bench-deps test-deps
	SWIFT=$(SWIFT) RELEASE_FLAGS="$(RELEASE_FLAGS)" bench/bench.sh
	SWIFT=$(SWIFT) RELEASE_FLAGS="$(RELEASE_FLAGS)" bench/cards.sh > out/bench-cards.txt
	{ echo; echo '## Cards (bench/cards.sh)'; echo; echo '```'; cat out/bench-cards.txt; echo '```'; } >> out/bench.md
	@cat out/bench-cards.txt
	SWIFT=$(SWIFT) RELEASE_FLAGS="$(RELEASE_FLAGS)" bench/image-memory.sh | tee out/bench-images.txt
	{ echo; echo '## Images (bench/image-memory.sh)'; echo; echo '```'; cat out/bench-images.txt; echo '```'; } >> out/bench.md
	rm -rf /tmp/folio-serve-bench && mkdir -p /tmp/folio-serve-bench && cp -r $(REPORT) /tmp/folio-serve-bench/report
	python3 bench/serve-latency.py $(FOLIO) /tmp/folio-serve-bench/report /tmp/folio-serve-bench/out | tee out/bench-serve.txt
	{ echo; echo '## folio serve (bench/serve-latency.py)'; echo; echo '```'; cat out/bench-serve.txt; echo '```'; } >> out/bench.md

# Card throughput per preset and the PNG encoder table (bench/cards.sh).
bench-cards: deps bench-deps
	SWIFT=$(SWIFT) RELEASE_FLAGS="$(RELEASE_FLAGS)" bench/cards.sh

# The Typst peer runs through Typst's Python binding (PyPI `typst`, the version measured).
TYPST_PY ?= typst==0.15.2

bench-deps:
	@$(call install_missing,$(BENCH_PACKAGES))
	@python3 -c 'import typst' 2>/dev/null || { echo "installing the Typst peer's Python module: $(TYPST_PY)"; \
	  python3 -m pip install -q "$(TYPST_PY)" || python3 -m pip install -q --user "$(TYPST_PY)" || \
	  { echo "make bench: the Typst peer needs the Python module typst: python3 -m pip install $(TYPST_PY)" >&2; exit 1; }; }

# The README's pictures, made from the default report so they never go stale: an event
# page with its charts (DOCS_PAGE) and that event's cards (DOCS_CARD), each well under 300 KB.
DOCS_PAGE ?= 7
DOCS_CARD ?= 06-hitech-enterprises
docs-images: build test-deps
	rm -rf /tmp/folio-docs && mkdir -p docs/images
	$(FOLIO) build $(REPORT) --out /tmp/folio-docs --cards square,wechat-cover --scale 0.5 --force -q
	pdftoppm -r 40 -png -singlefile -f 1 -l 1 /tmp/folio-docs/brochure.pdf docs/images/page-cover
	pdftoppm -r 40 -png -singlefile -f 3 -l 3 /tmp/folio-docs/brochure.pdf docs/images/page-contents
	pdftoppm -r 60 -png -singlefile -f $(DOCS_PAGE) -l $(DOCS_PAGE) /tmp/folio-docs/brochure.pdf docs/images/page-event
	cp /tmp/folio-docs/cards/square/$(DOCS_CARD).png docs/images/card-square.png
	cp /tmp/folio-docs/cards/wechat-cover/$(DOCS_CARD).png docs/images/card-wechat-cover.png
	rm -rf /tmp/folio-docs-serve && mkdir -p /tmp/folio-docs-serve/Reports && cp -r $(REPORT) /tmp/folio-docs-serve/Reports/
	python3 Tests/FolioServeTests/screenshot.py $(FOLIO) /tmp/folio-docs-serve/Reports/$(notdir $(REPORT)) /tmp/folio-docs-serve/out docs/images/preview.png
	@ls -l docs/images/*.png

# Shell completion scripts from swift-argument-parser, into out/completions/ (README: Commands).
completions: build
	mkdir -p out/completions
	./.build/release/folio --generate-completion-script bash > out/completions/folio.bash
	./.build/release/folio --generate-completion-script zsh > out/completions/_folio
	./.build/release/folio --generate-completion-script fish > out/completions/folio.fish

# Installing: the binary in $(PREFIX)/bin, Folio's own folders (Layouts/, Fonts/, and
# Profiles/ when there is one) in $(PREFIX)/share/folio, where the installed binary finds
# them (../share/folio from its real path), completions where bash, zsh and fish look, and
# the man page. DESTDIR is prepended to every path (for packaging). `make uninstall`
# removes exactly what `make install` put there. `install-files` installs $(FOLIO_BIN)
# without building (the tests install the debug binary this way).
PREFIX ?= /usr/local
DESTDIR ?=
FOLIO_BIN ?= .build/release/folio
RESOURCE_FOLDERS := Layouts Fonts Profiles
BIN_DIR = $(DESTDIR)$(PREFIX)/bin
SHARE_DIR = $(DESTDIR)$(PREFIX)/share/folio
BASH_DIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSH_DIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISH_DIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
MAN_DIR = $(DESTDIR)$(PREFIX)/share/man/man1

install: build
	$(MAKE) install-files FOLIO_BIN=.build/release/folio

install-files:
	install -d "$(BIN_DIR)" "$(SHARE_DIR)" "$(BASH_DIR)" "$(ZSH_DIR)" "$(FISH_DIR)" "$(MAN_DIR)"
	install -m 755 "$(FOLIO_BIN)" "$(BIN_DIR)/folio"
	for d in $(RESOURCE_FOLDERS); do \
	  if [ -d "$$d" ]; then rm -rf "$(SHARE_DIR)/$$d" && cp -R "$$d" "$(SHARE_DIR)/$$d"; fi; \
	done
	"$(FOLIO_BIN)" --generate-completion-script bash > "$(BASH_DIR)/folio"
	"$(FOLIO_BIN)" --generate-completion-script zsh > "$(ZSH_DIR)/_folio"
	"$(FOLIO_BIN)" --generate-completion-script fish > "$(FISH_DIR)/folio.fish"
	"$(FOLIO_BIN)" --experimental-dump-help | python3 tools/manpage.py > "$(MAN_DIR)/folio.1"
	@echo "installed folio in $(BIN_DIR); its files in $(SHARE_DIR)"

uninstall:
	rm -f "$(BIN_DIR)/folio" "$(BASH_DIR)/folio" "$(ZSH_DIR)/_folio" "$(FISH_DIR)/folio.fish" "$(MAN_DIR)/folio.1"
	rm -rf "$(SHARE_DIR)"

# The man page alone, into out/man/folio.1 (`man -l out/man/folio.1` shows it). It is made
# from the binary's own description of its commands (--experimental-dump-help, the input
# of swift-argument-parser's generate-manual plugin, which would build every product of
# the package in release mode first).
man: build
	mkdir -p out/man
	./.build/release/folio --experimental-dump-help | python3 tools/manpage.py > out/man/folio.1

# Many more fuzz cases than `make test` runs (see Sources/folio-fuzz): mutated reports and
# layouts through `folio check`, in worker processes watched for crashes and hangs.
# FUZZ_CASES=1000000 make fuzz for a longer run; inputs that fail are saved in out/fuzz.
fuzz: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product folio-fuzz
	./.build/release/folio-fuzz --cases $(FUZZ_CASES) --workers $(FUZZ_WORKERS) --out out/fuzz

clean:
	rm -rf .build out
