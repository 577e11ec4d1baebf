"""A listing's photo: a square crop in two sizes under random file names, metadata stripped (core.images).

Used by the live listing (Provider.set_photo) and by edits waiting for review (PendingChange), which stage theirs.
"""

from __future__ import annotations

import secrets

from core.images import open_upload, square_variant

SIZES = (480, 160)  # the photo, and its small version


def photo_path(instance, filename):
    # Random names: a photo's URL reveals nothing and cannot be guessed from the listing.
    return f"providers/photos/{secrets.token_hex(12)}.webp"


def save_square_photos(photo, photo_small, uploaded) -> None:
    """Validates, strips metadata and stores the two squares in the two (unsaved) file fields; ValidationError if
    the upload is unusable."""
    image = open_upload(uploaded)
    for field, size in zip((photo, photo_small), SIZES, strict=True):
        field.save("photo.webp", square_variant(image, size), save=False)
