"""Backups: the database with pg_dump (custom format) and uploaded media as a tar archive, side by side in one
folder per backup. Restoring replaces the database's contents and the media folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

DUMP_NAME = "database.dump"
MEDIA_NAME = "media.tar.gz"


def _connection_env(alias="default"):
    """libpq environment variables for a database alias, so no password ever appears in a process list."""
    db = connections[alias].settings_dict
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env, db["NAME"]


def _tool(name):
    """The newest installed PostgreSQL client tool (it must not be older than the server)."""
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), key=lambda p: int(p.parts[-3]))
    return str(candidates[-1]) if candidates else (shutil.which(name) or name)


def create_backup(destination: Path, alias="default") -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    folder = Path(destination) / stamp
    folder.mkdir(parents=True, exist_ok=False)
    env, name = _connection_env(alias)
    subprocess.run(  # noqa: S603
        [_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(folder / DUMP_NAME), name],
        env=env,
        check=True,
    )
    media_root = Path(settings.MEDIA_ROOT)
    with tarfile.open(folder / MEDIA_NAME, "w:gz") as archive:
        if media_root.exists():
            archive.add(media_root, arcname="media")
    return folder


def restore_backup(folder: Path, alias="default") -> None:
    folder = Path(folder)
    if not (folder / DUMP_NAME).exists():
        raise FileNotFoundError(f"{folder / DUMP_NAME} not found: is this a backup folder?")
    connections[alias].close()
    env, name = _connection_env(alias)
    subprocess.run(  # noqa: S603
        [
            _tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            name,
            str(folder / DUMP_NAME),
        ],
        env=env,
        check=True,
    )
    media_archive = folder / MEDIA_NAME
    if media_archive.exists():
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(media_archive) as archive:
            staging = media_root.parent / f".{media_root.name}-restoring"
            shutil.rmtree(staging, ignore_errors=True)
            archive.extractall(staging, filter="data")
            shutil.rmtree(media_root, ignore_errors=True)
            restored = staging / "media"
            if restored.exists():
                restored.rename(media_root)
            else:
                media_root.mkdir(parents=True, exist_ok=True)
            shutil.rmtree(staging, ignore_errors=True)
