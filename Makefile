# Werkbrug: `make run` to try it, `make test` to check it. Both create .venv when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app
export WERKBRUG_ENV ?= development

.PHONY: run test install install-test translations migrate demo clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# Compiled message catalogues (web/translations/*/LC_MESSAGES/messages.mo) are built, not committed.
TRANSLATIONS := $(patsubst %.po,%.mo,$(wildcard web/translations/*/LC_MESSAGES/messages.po))

%.mo: %.po $(VENV)/.installed
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@

translations: $(TRANSLATIONS)
install: $(VENV)/.installed translations
install-test: $(VENV)/.installed-test translations

instance/werkbrug.cfg:
	mkdir -p instance
	$(BIN)/python -c "import secrets; print(f'SECRET_KEY = {secrets.token_hex(32)!r}')" > $@

migrate: install instance/werkbrug.cfg
	$(FLASK) db upgrade

demo: migrate
	$(FLASK) seed demo --if-empty

# The web server and, beside it, the worker (`flask queue work`: suggestion refreshes, mail, the
# scheduled duties) on the SQLite queue in instance/. Ctrl+C stops both.
run: demo
	@echo "Werkbrug runs at http://127.0.0.1:5000 with its worker beside it (stop both with Ctrl+C)"
	@trap 'kill -TERM $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  $(FLASK) queue work & worker=$$!; \
	  $(FLASK) run --host 127.0.0.1 --port 5000

# The suite runs on SQLite; when TEST_DATABASE_URL is set it runs again on that PostgreSQL database
# (browser tests only once). bandit fails the run on any medium or high finding (justify a
# false positive with `# nosec BXXX` and a comment saying why). WERKBRUG_TEST_ARGS passes extra
# pytest arguments, e.g. "-k import".
test: install-test
	$(BIN)/ruff check .
	$(BIN)/bandit -q -r app.py models web matching seed -ll
	env -u TEST_DATABASE_URL WERKBRUG_ENV=testing $(BIN)/python -m pytest $(WERKBRUG_TEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== The suite again on PostgreSQL"; \
	  WERKBRUG_ENV=testing $(BIN)/python -m pytest -m "not browser" $(WERKBRUG_TEST_ARGS); \
	fi

clean:
	rm -rf $(VENV) instance/werkbrug.sqlite* .pytest_cache $(TRANSLATIONS)
