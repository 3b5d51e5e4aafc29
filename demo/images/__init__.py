"""Editorial illustrations for the demo, drawn with Pillow.

Each picture is a pure function of its seed: muted duotone compositions (horizons, skylines,
seas with a container ship or a tanker, maps, flag-like bands, charts, two standing figures,
a row of flags, a signed document) for lead images, and illustrated heads or flag-like
emblems for portraits (portraits.py). They are drawn at twice the size and scaled down, so
edges stay smooth, then given a little grain so they read as prints rather than vector art.
Being pure, each is drawn once per process: loading the demo again (its tests do) reuses
the bytes.
"""

import functools
import random

from PIL import Image, ImageDraw

from .canvas import PALETTES, finish
from .portraits import Emblem, Sitter, background, emblem, person
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
def portrait(plate: Sitter | Emblem, seed: str) -> bytes:
    """A 400×400 JPEG: an illustrated head and shoulders for a ``Sitter``, or the flag-like
    plate of a state or the emblem of an organisation for an ``Emblem``."""
    rng = random.Random(f"portrait:{seed}")
    size = PORTRAIT_SIZE[0] * SUPERSAMPLE
    if isinstance(plate, Sitter):
        # Drawn larger and cropped close, so the face still reads in a 40 px chip.
        large = int(size * 1.3)
        canvas = background(large, rng)
        person(ImageDraw.Draw(canvas), large, rng, plate)
        left, top = (large - size) // 2, int(large * 0.1)
        canvas = canvas.crop((left, top, left + size, top + size))
    else:
        canvas = background(size, rng)
        emblem(ImageDraw.Draw(canvas), size, plate)
    picture = canvas.convert("RGB").resize(PORTRAIT_SIZE, Image.Resampling.LANCZOS)
    return finish(picture, rng, quality=88)
