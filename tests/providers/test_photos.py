"""Provider photos through `Provider.set_photo()`: checked, upright, stripped of every piece of metadata, resized."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.providers.factories import ProviderFactory

pytestmark = pytest.mark.django_db

RED, BLUE = (220, 30, 30), (30, 30, 220)
ORIENTATION = 0x0112
GPS_IFD = 0x8825


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def encoded(image, fmt, **params):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def phone_photo():
    """A landscape JPEG as a phone stores it: red on top, blue below, with GPS and "rotate 90° clockwise" (6)."""
    image = Image.new("RGB", (400, 200), BLUE)
    image.paste(RED, (0, 0, 400, 100))
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[GPS_IFD] = {1: "N", 2: (42.0, 22.0, 30.0), 3: "W", 4: (71.0, 6.0, 15.0)}
    data = encoded(image, "JPEG", exif=exif, quality=95)
    original = Image.open(io.BytesIO(data))
    assert original.getexif()[ORIENTATION] == 6 and original.getexif().get_ifd(GPS_IFD)  # the test's premise
    return data


def png_header(width, height):
    """A tiny PNG file that claims to be width × height: enough for a decoder to try to allocate the pixels."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def stored(field):
    field.open("rb")
    try:
        return Image.open(io.BytesIO(field.read()))
    finally:
        field.close()


def colour_at(image, x, y):
    r, g, b = image.convert("RGB").getpixel((x, y))
    return "red" if r > 150 and b < 100 else "blue" if b > 150 and r < 100 else f"unclear {r, g, b}"


@pytest.fixture
def provider():
    return ProviderFactory()


def test_a_phone_photo_comes_out_upright_square_and_without_any_metadata(provider):
    provider.set_photo(upload(phone_photo()))
    provider.save()

    for field, size in [(provider.photo, 480), (provider.photo_small, 160)]:
        image = stored(field)
        assert image.format == "WEBP"
        assert image.size == (size, size)
        assert len(image.getexif()) == 0
        assert not {"exif", "xmp", "icc_profile"} & set(image.info)
        # Rotated 90° clockwise as the EXIF asked: the red top edge is now the right-hand side.
        quarter, three_quarters = size // 4, size * 3 // 4
        assert colour_at(image, quarter, quarter) == "blue"
        assert colour_at(image, three_quarters, quarter) == "red"
        assert colour_at(image, quarter, three_quarters) == "blue"
        assert colour_at(image, three_quarters, three_quarters) == "red"
    raw = provider.photo.storage.open(provider.photo.name).read()
    assert b"Exif" not in raw and b"GPS" not in raw
    provider.refresh_from_db()
    assert (provider.photo_width, provider.photo_height) == (480, 480)


def test_photo_file_names_reveal_nothing(provider):
    provider.set_photo(upload(phone_photo(), name="dana-whitfield-home-address.jpg"))
    assert "dana" not in provider.photo.name and "dana" not in provider.photo_small.name
    assert provider.photo.name.startswith("providers/photos/") and provider.photo.name.endswith(".webp")


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "photo.png"), ("WEBP", "photo.webp")])
def test_png_and_webp_are_accepted(provider, fmt, name):
    image = Image.new("RGBA", (300, 300), (30, 120, 90, 255))
    provider.set_photo(upload(encoded(image, fmt), name=name, content_type=f"image/{fmt.lower()}"))
    assert stored(provider.photo).size == (480, 480)
    assert stored(provider.photo_small).size == (160, 160)


def test_a_jpeg_with_a_second_embedded_image_as_phones_write_it_uses_the_first(provider):
    first, second = Image.new("RGB", (400, 400), RED), Image.new("RGB", (400, 400), BLUE)
    data = encoded(first, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(data)).format == "MPO"  # the test's premise: a multi-picture JPEG
    provider.set_photo(upload(data))
    provider.save()
    for field in (provider.photo, provider.photo_small):
        image = stored(field)
        assert image.format == "WEBP"
        assert colour_at(image, image.width // 2, image.height // 2) == "red"


def test_a_transparent_png_gets_a_white_background(provider):
    provider.set_photo(upload(encoded(Image.new("RGBA", (200, 200), (0, 0, 0, 0)), "PNG"), name="p.png"))
    r, g, b = stored(provider.photo).convert("RGB").getpixel((240, 240))
    assert min(r, g, b) > 240


def test_a_text_file_renamed_jpg_is_refused_kindly(provider):
    with pytest.raises(ValidationError) as error:
        provider.set_photo(upload(b"Dear diary, this is not a photo.\n" * 20, name="photo.jpg"))
    assert error.value.messages == ["This file is not an image we can use. Please upload a JPEG, PNG or WebP photo."]
    assert not provider.photo


def test_a_gif_is_refused(provider):
    with pytest.raises(ValidationError, match="JPEG, PNG or WebP"):
        provider.set_photo(upload(encoded(Image.new("RGB", (50, 50)), "GIF"), name="photo.gif"))


def test_a_truncated_jpeg_is_refused(provider):
    with pytest.raises(ValidationError, match="not an image we can use"):
        provider.set_photo(upload(phone_photo()[:600]))


@pytest.mark.parametrize("side", [20_000, 7_000])
def test_an_enormous_image_is_refused_without_decoding_it(provider, side):
    # 20,000 × 20,000 is 400 megapixels (1.2 GB decoded); 7,000 × 7,000 is just over the 40-megapixel limit.
    data = png_header(side, side)
    assert len(data) < 200
    with pytest.raises(ValidationError) as error:
        provider.set_photo(upload(data, name="huge.png"))
    assert "too large" in error.value.messages[0] or "too many pixels" in error.value.messages[0]
    assert "40 megapixels" in error.value.messages[0]
    assert not provider.photo


def test_an_upload_over_8_mb_is_refused_before_it_is_read(provider):
    too_big = upload(b"\xff\xd8\xff" + b"\0" * (8 * 1024 * 1024), name="big.jpg")
    with pytest.raises(ValidationError) as error:
        provider.set_photo(too_big)
    assert error.value.messages == ["This image is 8.0 MB; please choose one under 8 MB."]


def test_replacing_a_photo_deletes_the_old_files(provider):
    provider.set_photo(upload(phone_photo()))
    provider.save()
    storage = provider.photo.storage
    old = [provider.photo.name, provider.photo_small.name]
    assert all(storage.exists(name) for name in old)

    provider.set_photo(upload(encoded(Image.new("RGB", (300, 300), RED), "PNG"), name="new.png"))
    provider.save()
    assert not any(storage.exists(name) for name in old)
    assert storage.exists(provider.photo.name) and storage.exists(provider.photo_small.name)
    assert provider.photo.name not in old


def test_a_refused_replacement_keeps_the_current_photo(provider):
    provider.set_photo(upload(phone_photo()))
    provider.save()
    current = provider.photo.name
    with pytest.raises(ValidationError):
        provider.set_photo(upload(b"not an image", name="x.jpg"))
    assert provider.photo.name == current
    assert provider.photo.storage.exists(current)


def test_remove_photo_deletes_the_files_and_clears_the_fields(provider):
    provider.set_photo(upload(phone_photo()))
    provider.save()
    storage = provider.photo.storage
    names = [provider.photo.name, provider.photo_small.name]

    provider.remove_photo()
    provider.save()
    provider.refresh_from_db()
    assert not provider.photo and not provider.photo_small
    assert (provider.photo_width, provider.photo_height) == (None, None)
    assert not any(storage.exists(name) for name in names)
