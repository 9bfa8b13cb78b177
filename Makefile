# stdkit — two commands do all the set-up on a fresh machine:
#   make run    install what is missing, build in release, check the flagship standard
#   make test   install what is missing, run the whole test suite

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
# The project `make run` checks and publishes: the flagship standard.
STANDARDS ?= standards
SITE ?= _site
# Chromium and CJK fonts let the browser test look at the published site as a reader would;
# python3-jsonschema validates the CASE export against the 1EdTech schemas; LibreOffice (writer,
# no GUI), python3-docx and poppler-utils open, read and render the exported Word files and PDFs;
# the TrueType CJK fonts (AR PL UMing, WenQuanYi Zen Hei) are the ones a PDF export embeds by name.
# Neovim is the real editor `stdkit lsp` is tested with (Tests/Editors); python3-pynvim drives it
# as a UI for the screenshot in docs/editors.md. Selenium (python3-selenium, for Debian's python3)
# with Chromium's own driver (chromium-driver) uses the editor of `stdkit serve` as a person would.
DEBIAN_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev libjemalloc-dev cmark-gfm libxml2-dev git python3 python3-jsonschema chromium fonts-noto-cjk zlib1g-dev libreoffice-writer-nogui python3-docx poppler-utils fonts-arphic-uming fonts-wqy-zenhei neovim python3-pynvim chromium-driver python3-selenium
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test deps build release check model browser-test serve-test screenshot-serve neovim-test screenshot-neovim sanitize fuzz bench bench-catalogue bench-docx clean

run: deps release
	.build/release/stdkit check $(STANDARDS)
	.build/release/stdkit build $(STANDARDS) -o $(SITE)
	@echo "make run: $(STANDARDS) checked and published: $(abspath $(SITE))/index.html"

# The tests make their folders in the system's temporary folder: in one of its own for each run
# (TMPDIR), removed when the run ends, passed or failed, so that runs leave nothing behind.
test: deps
	$(SWIFT) build --build-tests
	@folder=$$(mktemp -d "$${TMPDIR:-/tmp}/stdkit-test.XXXXXX") && \
	  { TMPDIR="$$folder" $(SWIFT) test --skip-build; status=$$?; rm -rf "$$folder"; exit $$status; }
	@if command -v chromium > /dev/null; then Tests/Browser/browser-test.sh .build/debug/stdkit; else echo "browser test skipped: chromium is missing"; fi
	@if command -v chromium > /dev/null && command -v chromedriver > /dev/null; then Tests/Browser/serve-test.sh .build/debug/stdkit; else echo "serve test skipped: chromium or chromedriver is missing"; fi
	@if command -v nvim > /dev/null; then Tests/Editors/neovim-test.sh .build/debug/stdkit; else echo "neovim test skipped: nvim is missing"; fi

# The test suite under AddressSanitizer, then ThreadSanitizer, each in its own build folder.
# Leaks are not reported: Foundation's Process leaks a little, and a leak report makes the
# stdkit processes some tests start exit 1.
sanitize: deps
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build/sanitize-address
	$(SWIFT) test --sanitize=thread --scratch-path .build/sanitize-thread

# libFuzzer over parsing (front matter, Markdown, items, references), the diff and the merge
# (with its verifier), FUZZ_SECONDS each (Tests/Fuzz/run.sh). The target exists only in this build.
FUZZ_SECONDS ?= 60
fuzz: deps
	STDKIT_FUZZ=1 $(SWIFT) build -c release -Xswiftc -sanitize=fuzzer -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld \
	  --product stdkit-fuzz --scratch-path .build/fuzz
	Tests/Fuzz/run.sh $(FUZZ_SECONDS)

# stdkit side by side with cmark-gfm and Hugo (installs them); figures into bench/RESULTS.md.
bench: deps
	bench/run.sh

# `stdkit catalogue` over 1,000 generated school projects (bench/generate-schools.py): wall time,
# peak memory against the largest project's; figures into bench/RESULTS.md.
bench-catalogue: deps
	bench/catalogue-bench.sh

# `stdkit export --format docx` of the flagship programme with all its courses, 10 runs of the
# release build: median and max; figures into bench/RESULTS.md (goal under 2 s, DESIGN §10).
bench-docx: deps release
	bench/docx-bench.sh

# `stdkit lsp` on the 10,000-document generated project, driven over stdio as an editor does:
# ready time, 100 edits each timed to its diagnostics (median, p95, max), peak memory; figures
# into bench/RESULTS.md (goal: p95 under 100 ms, ready under 3 s, DESIGN §10).
.PHONY: bench-lsp
bench-lsp: deps
	bench/lsp-bench.sh

# `stdkit serve` on the 10,000-document generated project, driven over HTTP as the browser editor
# does: ready time, 100 saves each timed to its findings (median, p95, max), the `changed` event,
# the page served again, peak memory; figures into bench/RESULTS.md (DESIGN §10).
.PHONY: bench-serve
bench-serve: deps
	bench/serve-bench.sh

# Opens the published flagship in headless Chromium (screenshots and DOM checks).
browser-test: deps build
	Tests/Browser/browser-test.sh .build/debug/stdkit

# The editor of `stdkit serve` in headless Chromium through Selenium, on a copy of the flagship
# (Tests/Browser/serve-test.py: save, findings, a merge, two browsers, 新建, 提交, the token, live
# reload); screenshots in .build/screenshots/serve-*.png.
serve-test: deps build
	Tests/Browser/serve-test.sh .build/debug/stdkit

# Tests/Browser/screenshots/serve-*.png (kept in git, shown in docs/serve.md) again, from a run
# of the serve test.
screenshot-serve: deps build
	SCREENSHOTS=Tests/Browser/screenshots Tests/Browser/serve-test.sh .build/debug/stdkit

# Headless Neovim's LSP client against `stdkit lsp` on a copy of the flagship (Tests/Editors).
neovim-test: deps build
	Tests/Editors/neovim-test.sh .build/debug/stdkit

# docs/screenshots/neovim-diagnostic.png again: Neovim embedded, its screen drawn by Chromium.
screenshot-neovim: deps build
	/usr/bin/python3 Tests/Editors/neovim-screenshot.py .build/debug/stdkit docs/screenshots/neovim-diagnostic.png

# Debian packages: installed only when one is missing (apt-get update once, then install).
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing || exit 2; \
	fi
	@test -x "$(SWIFT)" || { echo "error: Swift 6 is not installed (expected at /opt/swift/usr/bin/swift)"; exit 2; }

build: deps
	$(SWIFT) build

# The release build links the Swift runtime and Foundation into the executable
# (--static-swift-stdlib, RELEASE_FLAGS): a command starts in half the time, and calls into the
# runtime are direct (bench/RESULTS.md). The static Foundation links the system's libxml2.
RELEASE_FLAGS = --static-swift-stdlib
release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS)

check: release
	.build/release/stdkit check $(STANDARDS)

clean:
	rm -rf .build
