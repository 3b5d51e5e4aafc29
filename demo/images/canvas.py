"""The drawing ground shared by every picture: palettes, gradients, softening, finishing."""

import io
import random

from PIL import Image, ImageFilter, ImageFont

Colour = tuple[int, int, int]

# Each palette runs from deep to light, with one accent: (deep, mid, light, accent).
PALETTES: tuple[tuple[Colour, Colour, Colour, Colour], ...] = (
    ((30, 42, 56), (84, 104, 122), (214, 205, 186), (178, 122, 78)),  # slate and sand
    ((58, 28, 32), (128, 72, 66), (226, 214, 196), (196, 160, 96)),  # oxblood and parchment
    ((22, 52, 54), (72, 116, 112), (222, 218, 204), (200, 140, 90)),  # teal and bone
    ((44, 48, 30), (110, 112, 76), (232, 226, 200), (170, 90, 60)),  # olive and cream
    ((34, 34, 40), (96, 92, 98), (220, 212, 200), (190, 150, 70)),  # charcoal and ochre
    ((26, 34, 64), (92, 98, 136), (226, 216, 214), (170, 96, 104)),  # navy and rose
)


def gradient(size, top: Colour, bottom: Colour) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(
        Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask
    ).convert("RGBA")


def soften(layer: Image.Image, radius: float, factor: int = 4) -> Image.Image:
    """A Gaussian blur done at a fraction of the size: the same softness, far cheaper."""
    # Premultiplied alpha, so transparent pixels do not bleed black into the edges.
    small = layer.convert("RGBa").reduce(factor)
    blurred = small.filter(ImageFilter.GaussianBlur(radius / factor))
    return blurred.resize(layer.size, Image.Resampling.BICUBIC).convert("RGBA")


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for name in ("DejaVuSerif-Bold.ttf", "LiberationSerif-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def centred_text(draw, text, centre, size, colour):
    draw.text(centre, text, font=font(size), fill=colour, anchor="mm")


def finish(picture: Image.Image, rng: random.Random, quality: int) -> bytes:
    """Grain and a soft vignette, then JPEG bytes."""
    width, height = picture.size
    grain = Image.frombytes("L", picture.size, rng.randbytes(width * height))
    grain = grain.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
    picture = Image.blend(picture, grain, 0.05)
    edge = (
        Image.radial_gradient("L").resize(picture.size).point(lambda v: int(max(0, v - 140) * 0.7))
    )
    picture = Image.composite(Image.new("RGB", picture.size, (0, 0, 0)), picture, edge)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()
