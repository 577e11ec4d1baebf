# Shortcuts; the scripts work without make (a fresh Debian has no make).
.PHONY: run test serve db-start db-stop lint
run:
	scripts/run
test:
	scripts/test
serve:
	scripts/serve
db-start:
	scripts/db start
db-stop:
	scripts/db stop
lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

# make backup  → backups/<timestamp>/{database.dump,media.tar.gz}
# make restore BACKUP=backups/<timestamp>
.PHONY: backup restore messages
backup:
	.venv/bin/python manage.py backup
restore:
	.venv/bin/python manage.py restore $(BACKUP)

# make messages → the Spanish catalog (locale/es) updated from the families' pages, then compiled (needs gettext).
# Translate every new or changed entry (no empty msgstr, no fuzzy: tests/directory/test_spanish_catalog.py).
# The compiled .mo is committed, so setting up needs no gettext.
messages:
	.venv/bin/python manage.py makemessages -l es --no-obsolete --add-location=file --no-wrap \
		-i .venv -i tests -i staticfiles -i media -i bench -i '*/migrations' -i 'templates/admin' -i 'templates/*/admin'
	.venv/bin/python manage.py compilemessages -l es -i .venv
