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
.PHONY: backup restore
backup:
	.venv/bin/python manage.py backup
restore:
	.venv/bin/python manage.py restore $(BACKUP)
