# Shared set-up for scripts/run and scripts/test: sourced, not run.
# Idempotent: a second run reinstalls nothing and keeps the data.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'Error: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }
have_apt() { command -v apt-get >/dev/null 2>&1; }

APT_UPDATED=""
# apt_install PACKAGE... : installs Debian packages when we are root on Debian, otherwise names them and stops.
apt_install() {
    if is_root && have_apt; then
        if [ -z "$APT_UPDATED" ]; then
            say "apt-get update"
            apt-get update -qq
            APT_UPDATED=1
        fi
        say "Installing $*"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    else
        die "the Debian package(s) '$*' are needed: install them (sudo apt-get install $*) and run this again."
    fi
}

find_python() {
    for candidate in "${PYTHON:-}" python3.11 python3.12 python3; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(not ((3, 11) <= sys.version_info[:2] < (3, 13)))' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    die "Python 3.11 is needed (Debian package python3)."
}

ensure_venv() {
    if [ ! -x "$PY" ]; then
        local python
        python="$(find_python)"
        say "Creating .venv with $python"
        if ! "$python" -m venv "$VENV" 2>/dev/null; then
            rm -rf "$VENV"
            apt_install python3-venv
            "$python" -m venv "$VENV"
        fi
    fi
    # Reinstall only when the lock file changed since the last install.
    local stamp="$VENV/.requirements.sha256"
    local want
    want="$(sha256sum requirements.lock | cut -d' ' -f1)"
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        say "Installing locked dependencies (requirements.lock)"
        "$PY" -m pip install --quiet --disable-pip-version-check --upgrade pip
        "$PY" -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
        echo "$want" >"$stamp"
    fi
}

ensure_postgres_binaries() {
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
        apt_install postgresql postgresql-contrib
    fi
    # contrib ships pg_trgm and unaccent, which the migrations create.
    if ! ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
        apt_install postgresql-contrib
    fi
}

ensure_chromium() {
    [ -x /usr/bin/chromium ] || apt_install chromium
}

# Uses DATABASE_URL when set; otherwise starts (or reuses) the project-local cluster.
ensure_database() {
    if [ -z "${DATABASE_URL:-}" ]; then
        ensure_postgres_binaries
        "$PY" -m core.localdb start
    fi
}
