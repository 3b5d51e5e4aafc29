"""Editorial illustrations for the demo, drawn with Pillow.

Each picture is a pure function of its seed: muted duotone compositions (horizons, skylines,
seas, maps, flag-like bands, charts, two standing figures) for lead images, and silhouette or
monogram plates for portraits. They are drawn at twice the size and scaled down, so edges
stay smooth, then given a little grain so they read as prints rather than vector art.
Being pure, each is drawn once per process: loading the demo again (its tests do) reuses
the bytes.
"""

import functools
import random

from PIL import Image, ImageDraw

from .canvas import PALETTES, centred_text, finish, gradient, mix
from .shapes import draw_bust
from .styles import STYLES

LEAD_SIZE = (1600, 900)
PORTRAIT_SIZE = (400, 400)
SUPERSAMPLE = 2


@functools.cache
def lead_image(style: str, seed: str) -> bytes:
    """A 1600×900 JPEG in one of the named styles, the same for the same seed."""
    rng = random.Random(f"lead:{seed}")
    palette = rng.choice(PALETTES)
    width, height = (side * SUPERSAMPLE for side in LEAD_SIZE)
    canvas = Image.new("RGBA", (width, height))
    STYLES[style](canvas, rng, palette)
    picture = canvas.convert("RGB").resize(LEAD_SIZE, Image.Resampling.LANCZOS)
    return finish(picture, rng, quality=85)


@functools.cache
def portrait(initials: str, seed: str) -> bytes:
    """A 400×400 JPEG plate: a head-and-shoulders silhouette or a monogram, by seed."""
    rng = random.Random(f"portrait:{seed}")
    deep, mid, light, accent = rng.choice(PALETTES)
    size = PORTRAIT_SIZE[0] * SUPERSAMPLE
    canvas = gradient((size, size), mix(light, mid, 0.15), mix(light, mid, 0.55))
    layer = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(layer)
    centre = size / 2
    ring = size * 0.42
    draw.ellipse(
        (centre - ring, centre - ring, centre + ring, centre + ring),
        outline=(*accent, 150),
        width=size // 90,
    )
    if rng.random() < 0.5:
        draw_bust(draw, centre, size * 0.9, deep, shoulders=size * 0.36)
        plate_top = size * 0.78
        draw.rectangle((0, plate_top, size, size), fill=(*deep, 235))
        centred_text(draw, initials, (centre, (plate_top + size) / 2), size // 9, light)
    else:
        disc = size * 0.3
        draw.ellipse((centre - disc, centre - disc, centre + disc, centre + disc), fill=deep)
        inner = disc * 0.86
        draw.ellipse(
            (centre - inner, centre - inner, centre + inner, centre + inner),
            outline=(*accent, 220),
            width=size // 160,
        )
        centred_text(draw, initials, (centre, centre), int(disc * 0.8), light)
    canvas.alpha_composite(layer)
    picture = canvas.convert("RGB").resize(PORTRAIT_SIZE, Image.Resampling.LANCZOS)
    return finish(picture, rng, quality=88)
