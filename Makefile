# stdkit — two commands do all the set-up on a fresh machine:
#   make run    install what is missing, build in release, check the flagship standard
#   make test   install what is missing, run the whole test suite

SWIFT ?= $(shell command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)
# The project `make run` checks: the flagship standard once it exists, else the minimal example.
STANDARDS ?= $(if $(wildcard standards/stdkit.yml),standards,examples/minimal)
DEBIAN_PACKAGES = pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev cmark-gfm git
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test deps build release check model clean

run: deps release
	.build/release/stdkit check $(STANDARDS)
	.build/release/stdkit model --json $(STANDARDS) > /dev/null
	@echo "make run: $(STANDARDS) checked"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Debian packages: installed only when one is missing (apt-get update once, then install).
deps:
	@missing=""; \
	for package in $(DEBIAN_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y --no-install-recommends $$missing; \
	fi
	@test -x "$(SWIFT)" || { echo "error: Swift 6 is not installed (expected at /opt/swift/usr/bin/swift)"; exit 2; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

check: release
	.build/release/stdkit check $(STANDARDS)

clean:
	rm -rf .build
