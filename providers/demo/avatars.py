"""Abstract demo portraits: a soft two-colour gradient, a few translucent circles and the provider's initials.

Deliberately not faces: demo listings must never look like real people. The picture goes through the same
processing as an uploaded photo (core.images.square_variant): square crops written as fresh WebP files
with no metadata.
"""

from __future__ import annotations

import random
from functools import cache

from PIL import Image, ImageDraw, ImageFont, ImageOps

from core.images import square_variant
from providers.models import Provider

SIZE = 480  # the larger of the two sizes Provider.set_photo() stores

# Gentle pairs: (light, deeper) colours that keep white initials readable.
PALETTES = [
    ((244, 214, 196), (176, 98, 82)),  # clay
    ((214, 232, 222), (74, 128, 110)),  # sage
    ((220, 226, 244), (82, 96, 160)),  # dusk blue
    ((246, 226, 190), (170, 112, 52)),  # honey
    ((236, 214, 232), (134, 78, 128)),  # plum
    ((210, 234, 238), (56, 120, 134)),  # lagoon
    ((238, 222, 210), (120, 92, 78)),  # cocoa
    ((226, 236, 206), (102, 130, 62)),  # fern
]


@cache
def _font(size: int) -> ImageFont.ImageFont:
    # Pillow's bundled font: no system fonts needed.
    return ImageFont.load_default(size=size)


@cache
def _gradient() -> Image.Image:
    return Image.linear_gradient("L").resize((SIZE, SIZE))


def portrait(rng, initials: str) -> Image.Image:
    """A SIZE × SIZE RGB picture; the same rng state always draws the same picture."""
    light, deep = rng.choice(PALETTES)
    shade = _gradient().rotate(rng.choice([0, 45, 90, 135, 180, 225, 270, 315]), fillcolor=128)
    picture = ImageOps.colorize(shade, black=deep, white=light).convert("RGBA")

    shapes = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(shapes)
    for _ in range(rng.randint(2, 4)):
        radius = rng.randint(SIZE // 6, SIZE // 2)
        x, y = rng.randint(0, SIZE), rng.randint(0, SIZE)
        tone = light if rng.random() < 0.6 else deep
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*tone, rng.randint(40, 90)))
    picture = Image.alpha_composite(picture, shapes)

    text = ImageDraw.Draw(picture)
    font = _font(SIZE // 3)
    centre = (SIZE // 2, SIZE // 2)
    text.text((centre[0] + 3, centre[1] + 4), initials, font=font, anchor="mm", fill=(*deep, 150))
    text.text(centre, initials, font=font, anchor="mm", fill=(255, 255, 255, 240))
    return picture.convert("RGB")


def attach_photo(row: dict, seed: str) -> None:
    """Draws a provider's portrait and stores it as Provider.set_photo() stores an upload: two WebP squares,
    under the photo fields' own random names and storage; sets the row's photo columns."""
    picture = portrait(random.Random(seed), Provider(display_name=row["display_name"]).initials)
    for field_name, size in (("photo", SIZE), ("photo_small", 160)):
        field = Provider._meta.get_field(field_name)
        row[field_name] = field.storage.save(field.generate_filename(None, "photo.webp"), square_variant(picture, size))
    row["photo_width"] = row["photo_height"] = SIZE
