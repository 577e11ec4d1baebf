"""A backup restores the database and the uploaded photos exactly as they were."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command

from providers.models import Provider
from tests.providers.factories import PublishedProviderFactory


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_round_trip_database_and_media(tmp_path, settings):
    provider = PublishedProviderFactory(display_name="Robin Backup")
    provider.photo.save("photo.webp", ContentFile(b"pretend-webp-bytes"), save=True)
    photo_path = Path(settings.MEDIA_ROOT) / provider.photo.name

    call_command("backup", "--to", str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    assert (folder / "database.dump").stat().st_size > 0

    # Disaster: the listing and its photo are gone.
    Provider.objects.all().delete()
    photo_path.unlink()

    call_command("restore", str(folder), "--yes")

    restored = Provider.objects.get(display_name="Robin Backup")
    assert restored.offices.count() == 1
    assert restored.search_document  # derived data came back too
    assert photo_path.read_bytes() == b"pretend-webp-bytes"


def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not found"):
        call_command("restore", str(tmp_path), "--yes")
