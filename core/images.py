"""Uploaded images: checked, made upright, stripped of every piece of metadata (GPS included), resized.

Used for provider photos and blog hero images. `open_upload()` refuses anything that is not a real JPEG, PNG or
WebP of sensible size with a message a person can act on; the variant helpers write fresh WebP files from the
pixels alone, so nothing of the original file (EXIF, XMP, ICC, comments) survives.
"""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
# 40 megapixels: more than any phone camera, far less than a decompression bomb.
MAX_PIXELS = 40_000_000
# MPO is a JPEG with more pictures after the first (depth maps, previews), as many phones write: the first is the photo.
ALLOWED_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
WEBP_QUALITY = 82

Image.MAX_IMAGE_PIXELS = MAX_PIXELS


def open_upload(uploaded) -> Image.Image:
    """The uploaded file as an upright RGB image, or ValidationError saying what is wrong with it."""
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            "This image is %(size)s MB; please choose one under 8 MB.",
            code="too_large",
            params={"size": f"{size / 1024 / 1024:.1f}"},
        )
    data = uploaded.read()
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError("This image is too large; please choose one under 8 MB.", code="too_large")
    not_an_image = ValidationError(
        "This file is not an image we can use. Please upload a JPEG, PNG or WebP photo.", code="invalid_image"
    )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(data))
            if probe.format not in ALLOWED_FORMATS:
                raise not_an_image
            width, height = probe.size
            if width * height > MAX_PIXELS:
                raise _too_many_pixels(width, height)
            probe.verify()  # structural check; the image must be reopened afterwards
            image = Image.open(io.BytesIO(data))
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        # Raised by Image.open itself for huge images, before `probe` exists: no size to report.
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise not_an_image from error
    image = ImageOps.exif_transpose(image)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    if image.mode == "RGBA":
        background = Image.new("RGB", image.size, (255, 255, 255))
        background.paste(image, mask=image.getchannel("A"))
        image = background
    return image


def _too_many_pixels(width=None, height=None) -> ValidationError:
    if width is None:
        return ValidationError(
            "This image has too many pixels to process. Please upload a smaller copy (under 40 megapixels).",
            code="too_many_pixels",
        )
    return ValidationError(
        "This image is %(width)s × %(height)s pixels, which is too large to process. "
        "Please upload a smaller copy (under 40 megapixels).",
        code="too_many_pixels",
        params={"width": width, "height": height},
    )


def _encode(image: Image.Image) -> ContentFile:
    # A fresh image from the pixels alone: no EXIF, XMP or ICC data can ride along.
    clean = Image.new("RGB", image.size)
    clean.paste(image)
    buffer = io.BytesIO()
    clean.save(buffer, format="WEBP", quality=WEBP_QUALITY, method=4)
    return ContentFile(buffer.getvalue())


def square_variant(image: Image.Image, size: int) -> ContentFile:
    """A centred square crop, `size` pixels a side, as WebP."""
    return _encode(ImageOps.fit(image, (size, size), Image.Resampling.LANCZOS, centering=(0.5, 0.4)))


def wide_variant(image: Image.Image, width: int, aspect: float = 16 / 9) -> ContentFile:
    """A centred crop at `aspect`, `width` pixels wide (never enlarged), as WebP."""
    width = min(width, image.width)
    height = round(width / aspect)
    return _encode(ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS))
