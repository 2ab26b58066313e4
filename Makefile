# The two commands of the README: `make run` and `make test`. Both install what they need.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 \
	libxcb-icccm4 libxcb-keysyms1 libfontconfig1 libdbus-1-3 fonts-dejavu-core xvfb xauth \
	dbus dbus-x11 gnome-keyring libsecret-tools chromium chromium-driver xdg-utils \
	desktop-file-utils at-spi2-core python3-pyatspi

.PHONY: run test lint-ci bench screenshots package packaging-deps sysdeps venv clean

run: venv
	$(PY) -m app --sandbox $(ARGS)

test: venv lint-ci
	$(VENV)/bin/ruff check app tests
	$(VENV)/bin/mypy app/api app/engine
	$(PY) -m pytest $(PYTEST_ARGS)

# The CI workflow: YAML style, then actionlint (expressions, runner labels, action inputs; its
# shellcheck pass is off so the result does not depend on what else is installed).
lint-ci: venv
	$(VENV)/bin/yamllint -c .yamllint.yml --strict .github/workflows
	$(VENV)/bin/actionlint -shellcheck= .github/workflows/*.yml

# Regenerates resources/screenshots/ (English) and resources/screenshots/de/ (German) from the
# real engine and sandbox (offscreen), and the README's first-run picture from a real start on a
# private X server.
SCREENSHOT_TESTS := tests/ui/test_window_screenshots.py tests/ui/test_presenter_screenshots.py
screenshots: venv
	packaging/first_run_screenshot.sh
	VIDEOCONDUIT_LANG=en VIDEOCONDUIT_SCREENSHOTS=1 $(PY) -m pytest -q $(SCREENSHOT_TESTS) tests/ui/test_browser_links.py
	VIDEOCONDUIT_LANG=de VIDEOCONDUIT_SCREENSHOTS=1 $(PY) -m pytest -q $(SCREENSHOT_TESTS)

# `make bench STRICT=1` exits non-zero when a target is missed; ARGS="--quick", "--only P5",
# "--readme" (rewrite README's table from this run) go to tests/perf.
bench: venv
	$(PY) -m tests.perf $(if $(STRICT),--strict) $(ARGS)

# web-ext (lints the Firefox package), pinned by packaging/web-ext/package-lock.json, installed
# into the git-ignored build/web-ext (defined before `package`: make reads prerequisites as it
# parses). npm comes with Node.js (apt, when missing and root).
WEB_EXT := build/web-ext/node_modules/.bin/web-ext
$(WEB_EXT): packaging/web-ext/package.json packaging/web-ext/package-lock.json
	@command -v npm >/dev/null || $(MAKE) --no-print-directory sysdeps SYSTEM_PACKAGES="nodejs npm"
	mkdir -p build/web-ext
	cp packaging/web-ext/package.json packaging/web-ext/package-lock.json build/web-ext/
	cd build/web-ext && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The bundle, .tar.gz, .deb, the browser extension's .zip/.xpi and SHA256SUMS in dist/, then the
# smoke test on the built binary.
package: venv packaging-deps $(WEB_EXT)
	WEB_EXT=$(WEB_EXT) bash packaging/build.sh

# PyInstaller is in requirements.lock; the .deb needs dpkg-shlibdeps (dpkg-dev), the validators of
# its desktop files, and binutils (PyInstaller reads and strips the ELF files with them).
PACKAGING_SYSTEM_PACKAGES := binutils dpkg-dev appstream desktop-file-utils libsecret-tools rpm cpio
packaging-deps:
	@$(MAKE) --no-print-directory sysdeps SYSTEM_PACKAGES="$(PACKAGING_SYSTEM_PACKAGES)"

venv: sysdeps $(STAMP)

# Missing system libraries (Qt's xcb/EGL deps, D-Bus, gnome-keyring, the AT-SPI bus and the system
# Python's pyatspi for the screen-reader test) are installed with apt when we are root (waiting
# for the dpkg lock while another install holds it); otherwise we say what is missing and carry on.
sysdeps:
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing system packages: $$missing"; \
			apt-get -o DPkg::Lock::Timeout=900 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing system packages (install them with apt): $$missing"; \
		fi; \
	fi

$(STAMP): requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist
