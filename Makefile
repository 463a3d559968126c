# Sozialplanung for QGIS — every command does its own set-up on a fresh Debian 12 (as root).
SHELL := /bin/bash
.DEFAULT_GOAL := help

SYS_PYTHON := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
SITE := $(shell $(SYS_PYTHON) -c 'import sys; print(f"python{sys.version_info[0]}.{sys.version_info[1]}")' 2>/dev/null)
APT_PACKAGES := qgis python3-qgis qgis-providers python3-venv python3-pip python3-dev \
	qttools5-dev-tools pyqt5-dev-tools xvfb xauth \
	build-essential libgeos-dev libgdal-dev python3-pyproj debootstrap \
	python3-geopandas python3-shapely python3-rasterio \
	postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting osm2pgrouting osmium-tool chromium
# PostgreSQL, PostGIS, pgRouting, osm2pgrouting and osmium: the pgRouting comparison
# (tests/geolib/test_pgrouting.py, bench/bench_pgrouting.py) starts its own server
# (tests/_postgres.py); Debian's "main" cluster that the package creates stays unused.
# Built from source against Debian's GEOS and GDAL, the libraries QGIS itself loads:
# inside qgis_process and QGIS desktop those are in the global symbol scope, and wheels
# bundling other versions of them crash there (GEOS errors, double free at exit).
# pyproj comes from Debian (python3-pyproj, built against Debian's PROJ) for the same reason.
NATIVE := shapely,pyogrio,rasterio
BUILD := build
PLUGIN_DIR := $(BUILD)/qgis-plugins/sozialplanung

# Headless QGIS everywhere; qgis_process.bin because Debian's wrapper passes a flag 3.22 rejects.
export QT_QPA_PLATFORM := offscreen
export QGIS_PROCESS := /usr/bin/qgis_process.bin

# The test matrix: QGIS 3.22 on this Debian 12 host; 3.40 LTR (Debian 13 "trixie") and
# 3.44 (Debian unstable "sid") in Debian roots made with debootstrap (scripts/qgis_root.sh),
# cached under build/roots. In the roots the runtime packages come from Debian alone.
ROOT_SUITES := trixie sid
ROOT_TEST_ENV := QT_QPA_PLATFORM=offscreen OGR_SQLITE_JOURNAL=DELETE SOZIALPLANUNG_REQUIRE_POSTGRES=1 \
	QGIS_PROCESS=/usr/bin/qgis_process.bin PYTHONPATH=/src PYTHONDONTWRITEBYTECODE=1
PYTEST_ARGS ?= -q tests

.PHONY: help setup test test-quick test-host $(addprefix test-,$(ROOT_SUITES)) \
	$(addprefix root-,$(ROOT_SUITES)) test-advice demo plugin lint translations bench clean

help:
	@echo "make demo        run the main job on the bundled Kreis Pinneberg data (writes out/)"
	@echo "make test        lint, then every test on QGIS 3.22 (host), 3.40 (trixie) and 3.44 (sid)"
	@echo "make test-quick  every test on the host's QGIS only (the edit-test loop)"
	@echo "make test-trixie / test-sid   every test on one Debian root"
	@echo "make plugin      build dist/sozialplanung.zip"
	@echo "make bench       run the benchmarks (ratios against peers)"
	@echo "make lint        ruff check and format check, mypy on geolib"

# --- set-up --------------------------------------------------------------------------
$(BUILD)/.apt-stamp: Makefile
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing from Debian:$$missing"; \
		export DEBIAN_FRONTEND=noninteractive; \
		apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
	@mkdir -p $(BUILD) && touch $@

$(VENV)/.stamp: $(BUILD)/.apt-stamp pyproject.toml constraints.txt
	@test -x $(PY) || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
	@echo "Installing Python packages into $(VENV) (the first time builds shapely, pyogrio, rasterio: a few minutes)"
	@$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt \
		--no-binary $(NATIVE) -e '.[test]'
	@touch $@

setup: $(VENV)/.stamp

# --- translations ----------------------------------------------------------------------
sozialplanung_plugin/i18n/sozialplanung_de.qm: sozialplanung_plugin/i18n/sozialplanung_de.ts $(BUILD)/.apt-stamp
	@lrelease -silent $< -qm $@

translations: setup
	@$(PY) scripts/i18n.py update
	@lrelease -silent sozialplanung_plugin/i18n/sozialplanung_de.ts -qm sozialplanung_plugin/i18n/sozialplanung_de.qm

# --- plugin ----------------------------------------------------------------------------
plugin: setup sozialplanung_plugin/i18n/sozialplanung_de.qm
	@$(PY) scripts/build_plugin.py --zip dist/sozialplanung.zip --dir $(PLUGIN_DIR)

# --- the two README commands -----------------------------------------------------------
test:
	@# set-up in parallel: the host's venv builds (CPU) while the roots download (network)
	@$(MAKE) --no-print-directory -j3 setup $(addprefix root-,$(ROOT_SUITES))
	@$(MAKE) --no-print-directory lint
	@$(MAKE) --no-print-directory test-host
	@for suite in $(ROOT_SUITES); do $(MAKE) --no-print-directory test-$$suite || exit 1; done
	@$(MAKE) --no-print-directory test-advice

test-quick: test-host

test-host: plugin
	@echo "== QGIS $$(qgis_process.bin --version 2>/dev/null | sed -n 's/^QGIS \([0-9.]*\).*/\1/p' | head -1) (host, Debian $$(cat /etc/debian_version))"
	@SOZIALPLANUNG_REQUIRE_POSTGRES=1 SOZIALPLANUNG_REQUIRE_PGROUTING=1 $(PY) -m pytest $(PYTEST_ARGS)

# The plugin's printed Debian advice, run in a clean trixie root; then the demo chain and
# the dock in QGIS desktop there (tests/platform).
test-advice: root-trixie plugin
	@echo "== the install advice in a clean Debian 13 root"
	@SOZIALPLANUNG_ROOTS=$(CURDIR)/$(BUILD)/roots $(PY) -m pytest -q tests/platform

$(addprefix root-,$(ROOT_SUITES)): root-%: $(BUILD)/.apt-stamp
	@scripts/qgis_root.sh build $*

$(addprefix test-,$(ROOT_SUITES)): test-%: root-% plugin
	@echo "== QGIS in build/roots/$* (Debian $$(cat build/roots/$*/base/etc/debian_version))"
	@scripts/qgis_root.sh run $* env $(ROOT_TEST_ENV) /opt/venv/bin/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

demo: plugin
	@$(PY) scripts/demo.py

lint: setup
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/ruff format --check .
	@$(VENV)/bin/mypy geolib

bench: plugin
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(BUILD) dist out .pytest_cache .mypy_cache
