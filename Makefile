# crm: plain-text CRM. `make demo` shows it on sample-workspace, `make test` runs every test.
# Both install what they need (libgit2-dev, python3-yaml) when it is missing.

export PATH := $(PATH):/opt/swift/usr/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)
SWIFT_FLAGS ?=

.PHONY: all deps build test demo bench clean

all: build

# System packages the build and the tests need, installed only when missing.
deps:
	@missing=""; \
	pkg-config --exists libgit2 2>/dev/null || missing="$$missing libgit2-dev pkg-config"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	command -v git >/dev/null || missing="$$missing git"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import yaml; yaml.CBaseLoader' 2>/dev/null || { \
		echo "installing: python3-yaml"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml; \
		python3 -c 'import yaml; yaml.CBaseLoader' 2>/dev/null || python3 -m pip install --quiet pyyaml; }

build: deps
	swift build $(SWIFT_FLAGS)

test: deps
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build $(SWIFT_FLAGS)

bench: deps
	swift build -c release --product crm-bench $(SWIFT_FLAGS)
	.build/release/crm-bench

clean:
	rm -rf .build
