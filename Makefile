# CamReq: every command a newcomer needs on Debian 12 (run as root). See README.md.
PY := .venv/bin/python
PYTEST := env QT_QPA_PLATFORM=offscreen PYTHONPATH=$(CURDIR)/build/plugins \
	QGIS_CUSTOM_CONFIG_PATH=$(CURDIR)/build/qgis-test-profile .venv/bin/pytest --import-mode=importlib
# PGENV runs a command against a throwaway PostGIS; `make test PGENV=env` uses the server your PG* variables name.
PGENV ?= pg_virtualenv
PACKAGE ?= camreq.zip
PLUGIN_DIR := $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins

.PHONY: setup demo test test-unit test-qgis test-db lint format format-check translations schema bench deploy package clean

setup:
	bash scripts/setup.sh

demo: setup
	$(PGENV) $(PY) scripts/demo.py

test: setup
	$(PGENV) $(PYTEST) tests

test-unit: setup
	$(PYTEST) -p no:pytest_qgis tests/unit

test-qgis: setup
	$(PYTEST) tests/qgis

test-db: setup
	$(PGENV) $(PYTEST) tests/db

lint: setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) scripts/check_qt6.py  # Qt5-only forms that QGIS 4 (Qt6) refuses
	.venv/bin/bandit -q -r . -x ./tests,./bench,./scripts,./build,./.venv,./sample

format: setup
	.venv/bin/ruff format .

format-check: setup
	.venv/bin/ruff format --check .

translations:
	bash scripts/update_translations.sh

# docs/schema.sql from a fresh install (after a new migration); PGENV as for the tests.
schema: setup
	$(PGENV) bash scripts/dump_schema.sh

bench: setup
	$(PGENV) $(PY) bench/run.py

deploy: setup
	mkdir -p $(PLUGIN_DIR)
	ln -sfn $(CURDIR) $(PLUGIN_DIR)/camreq
	@echo "Linked $(CURDIR) as $(PLUGIN_DIR)/camreq: restart QGIS and enable CamReq in Plugins > Manage and Install Plugins."

package:
	git archive --format=zip --prefix=camreq/ -o $(PACKAGE) HEAD
	@echo "Wrote $(PACKAGE) (committed files only, without tests, benchmarks and build files)."

clean:
	rm -rf build camreq.zip
