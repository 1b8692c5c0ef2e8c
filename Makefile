# crm: plain-text CRM. `make demo` shows it on sample-workspace, `make test` runs every test.
# Both install what they need (libgit2-dev, python3-yaml) when it is missing.

export PATH := $(PATH):/opt/swift/usr/bin
# The date sample-workspace's records are dated relative to; `make sample-workspace` regenerates them.
SAMPLE_TODAY := 2026-11-22
CRM := CRM_TODAY=$(SAMPLE_TODAY) .build/debug/crm -C sample-workspace
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo >/dev/null && [ "$$(id -u)" != 0 ] && echo sudo)
SWIFT_FLAGS ?=

.PHONY: all deps build test soak demo bench sample-workspace fuzz fuzz-build clean

all: build

# System packages the build and the tests need, installed only when missing.
deps:
	@missing=""; \
	pkg-config --exists libgit2 2>/dev/null || missing="$$missing libgit2-dev pkg-config"; \
	command -v python3 >/dev/null || missing="$$missing python3"; \
	command -v git >/dev/null || missing="$$missing git"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	command -v khard >/dev/null || missing="$$missing khard"; \
	/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing="$$missing python3-icalendar"; \
	command -v zsh >/dev/null || missing="$$missing zsh"; \
	command -v fish >/dev/null || missing="$$missing fish"; \
	command -v script >/dev/null || missing="$$missing bsdutils"; \
	command -v unzip >/dev/null || missing="$$missing unzip"; \
	[ -x /usr/sbin/sshd ] || missing="$$missing openssh-server"; \
	command -v ssh >/dev/null || missing="$$missing openssh-client"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -x /usr/sbin/fcgiwrap ] || missing="$$missing fcgiwrap"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	command -v radicale >/dev/null || missing="$$missing radicale"; \
	command -v vdirsyncer >/dev/null || missing="$$missing vdirsyncer"; \
	command -v nvim >/dev/null || missing="$$missing neovim"; \
	command -v emacs >/dev/null || missing="$$missing emacs-nox"; \
	[ -x /usr/bin/tmux ] || missing="$$missing tmux"; \
	command -v vim >/dev/null || missing="$$missing vim-nox"; \
	[ -e /usr/share/vim-ale/plugin/ale.vim ] || missing="$$missing vim-ale"; \
	[ -n "$$(ls -d /usr/share/emacs/site-lisp/elpa-src/eglot-* 2>/dev/null)" ] || missing="$$missing elpa-eglot"; \
	[ -n "$$(ls -d /usr/share/emacs/site-lisp/elpa-src/yaml-mode-* 2>/dev/null)" ] || missing="$$missing elpa-yaml-mode"; \
	[ -e /usr/lib/x86_64-linux-gnu/libxml2.so.2 ] || [ -e /usr/lib/aarch64-linux-gnu/libxml2.so.2 ] || missing="$$missing libxml2"; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi
	@python3 -c 'import yaml; yaml.CBaseLoader' 2>/dev/null || { \
		echo "installing: python3-yaml"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-yaml; \
		python3 -c 'import yaml; yaml.CBaseLoader' 2>/dev/null || python3 -m pip install --quiet pyyaml; }
	@python3 -c 'import jsonschema' 2>/dev/null || { \
		echo "installing: python3-jsonschema"; \
		$(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema; \
		python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema; }
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
		echo "installing: chromium (the dashboard's browser test)"; \
		{ $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		echo "chromium could not be installed here; the dashboard's browser test will be skipped"; }

build: deps
	swift build $(SWIFT_FLAGS)

test: deps
	swift build --build-tests $(SWIFT_FLAGS)
	swift test --skip-build $(SWIFT_FLAGS)

# The long runs `make test` keeps short: four processes writing one workspace for SOAK_SECONDS
# (the suite runs a few seconds), and a workspace of 1,000,000 empty files (the suite: 100,000).
SOAK_SECONDS ?= 60
# How long crm writers race a user's `git commit -am` and a deleted cache (the suite: 3 s).
RACE_SECONDS ?= 30
soak: deps
	swift build --build-tests $(SWIFT_FLAGS)
	CRM_SOAK_SECONDS=$(SOAK_SECONDS) swift test --skip-build --filter SoakTests $(SWIFT_FLAGS)
	CRM_RACE_SECONDS=$(RACE_SECONDS) swift test --skip-build --filter RaceTests $(SWIFT_FLAGS)
	CRM_LARGE_TESTS=1 swift test --skip-build --filter HostileHugeInputTests/millionFiles $(SWIFT_FLAGS)

# Builds crm and shows it on sample-workspace: a customer's whole picture, then a list.
demo: deps
	swift build --product crm $(SWIFT_FLAGS)
	@echo '$$ crm show strojirny-novak'
	@$(CRM) show strojirny-novak
	@echo
	@echo "\$$ crm list complaint --where 'status in (open, in-progress) and severity >= high' --sort -severity,opened"
	@$(CRM) list complaint --where 'status in (open, in-progress) and severity >= high' --sort -severity,opened
	@echo
	@echo '$$ crm report call --by channel --per quarter at'
	@$(CRM) report call --by channel --per quarter at
	@echo
	@echo 'Try: .build/debug/crm -C sample-workspace help   (dates are relative to $(SAMPLE_TODAY): export CRM_TODAY=$(SAMPLE_TODAY))'
	@echo '     .build/debug/crm -C sample-workspace ui     (the workspace in a full-screen terminal interface; q quits)'

# Rewrites sample-workspace's records for SAMPLE_TODAY (make sample-workspace SAMPLE_TODAY=2027-06-01).
sample-workspace:
	swift build --product crm-dev $(SWIFT_FLAGS)
	.build/debug/crm-dev sample-workspace sample-workspace --today $(SAMPLE_TODAY)

bench: deps
	@command -v rg >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep; }
	swift build -c release --product crm $(SWIFT_FLAGS)
	swift build -c release --product crm-dev $(SWIFT_FLAGS)
	.build/release/crm-dev bench --record docs/performance.md

# libFuzzer targets (Fuzz/), each run for FUZZ_TIME seconds in turn: `make fuzz FUZZ_TIME=600`,
# `make fuzz FUZZ_TARGETS="fuzz-csv fuzz-json"`. Fails on a crash, a timeout (1 s) or 2 GB of memory;
# the inputs are left in .build-fuzz/artifacts/. Not part of `make test`.
FUZZ_TIME ?= 60
FUZZ_TARGETS ?= fuzz-record fuzz-roundtrip fuzz-query fuzz-csv fuzz-vcard fuzz-icalendar fuzz-json fuzz-mail fuzz-accounting fuzz-lsp
FUZZ_SWIFT := swift build -c release --package-path Fuzz --scratch-path .build-fuzz \
	-Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library

fuzz-build:
	$(FUZZ_SWIFT) $(SWIFT_FLAGS)

fuzz: fuzz-build
	Fuzz/run $(FUZZ_TIME) $(FUZZ_TARGETS)

clean:
	rm -rf .build .build-fuzz
