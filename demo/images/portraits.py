"""Portraits for the demo's actors, drawn with Pillow from a seed.

People get an illustrated head and shoulders in colour: skin, hair, clothes and background
chosen by the seed, so each person looks different and the same on every run. States get a
flag-like plate, organisations an emblem, groups a monogram, from an ``Emblem``.
"""

import math
import random
from dataclasses import dataclass

from PIL import Image, ImageColor, ImageDraw

from .canvas import Colour, centred_text, gradient, mix

BACKGROUNDS: tuple[Colour, ...] = (
    (38, 84, 94),  # deep teal
    (150, 94, 48),  # ochre
    (122, 46, 42),  # brick
    (52, 72, 118),  # slate blue
    (86, 98, 58),  # olive
    (96, 60, 92),  # plum
    (46, 104, 86),  # pine
    (140, 112, 70),  # sand
)
SKIN_BY_NAME: dict[str, Colour] = {
    "fair": (241, 206, 178),
    "light": (232, 196, 170),
    "medium": (226, 184, 150),
    "olive": (204, 156, 120),
    "brown": (176, 124, 90),
}
HAIR_BY_NAME: dict[str, Colour] = {
    "black": (40, 32, 28),
    "dark": (78, 56, 40),
    "brown": (120, 92, 62),
    "grey": (168, 160, 150),
    "white": (214, 208, 198),
    "blond": (206, 172, 108),
}
JACKETS: tuple[Colour, ...] = ((30, 36, 52), (44, 44, 48), (58, 50, 44), (28, 44, 70), (64, 70, 76))
TIES: tuple[Colour, ...] = ((150, 30, 40), (36, 70, 140), (170, 140, 60), (60, 100, 70))


@dataclass(frozen=True)
class Sitter:
    """What an illustrated portrait keeps of a person: hair (one of ``HAIR_BY_NAME``), its
    style (cap, parted, receding, long), glasses, a tie or an open collar, and a skin tone (one
    of ``SKIN_BY_NAME``)."""

    hair: str
    style: str
    glasses: bool = False
    tie: bool = True
    skin: str = "light"


@dataclass(frozen=True)
class Emblem:
    """A plate for a state or an organisation: colours as hex strings, in equal bands
    (horizontal unless ``vertical``), and an optional ``device`` drawn over them."""

    colours: tuple[str, ...]
    vertical: bool = False
    device: str = ""
    monogram: str = ""


def person(draw: ImageDraw.ImageDraw, size: int, rng: random.Random, sitter: Sitter) -> None:
    """Head and shoulders, facing the viewer, on a ``size`` square already painted."""
    centre = size / 2
    skin = SKIN_BY_NAME[sitter.skin]
    hair = HAIR_BY_NAME[sitter.hair]
    jacket = rng.choice(JACKETS)
    head_w, head_h = size * 0.17, size * 0.215
    head_y = size * 0.42
    if sitter.style == "long":
        draw.rounded_rectangle(
            (
                centre - head_w * 1.25,
                head_y - head_h * 1.05,
                centre + head_w * 1.25,
                head_y + head_h * 1.35,
            ),
            radius=head_w,
            fill=hair,
        )
    # Shoulders and jacket.
    draw.ellipse((centre - size * 0.42, size * 0.7, centre + size * 0.42, size * 1.35), fill=jacket)
    # Neck, shirt and tie (or an open collar).
    draw.rectangle(
        (centre - head_w * 0.42, head_y + head_h * 0.6, centre + head_w * 0.42, size * 0.78),
        fill=mix(skin, (0, 0, 0), 0.12),
    )
    shirt = (244, 242, 236)
    draw.polygon(
        [
            (centre - size * 0.11, size * 0.72),
            (centre + size * 0.11, size * 0.72),
            (centre, size * 0.95),
        ],
        fill=shirt,
    )
    if sitter.tie:
        tie = rng.choice(TIES)
        draw.polygon(
            [
                (centre - size * 0.022, size * 0.75),
                (centre + size * 0.022, size * 0.75),
                (centre + size * 0.035, size * 0.93),
                (centre, size * 0.97),
                (centre - size * 0.035, size * 0.93),
            ],
            fill=tie,
        )
        draw.polygon(
            [
                (centre - size * 0.03, size * 0.72),
                (centre + size * 0.03, size * 0.72),
                (centre + size * 0.02, size * 0.76),
                (centre - size * 0.02, size * 0.76),
            ],
            fill=mix(tie, (0, 0, 0), 0.2),
        )
    else:
        draw.polygon(
            [
                (centre - size * 0.05, size * 0.72),
                (centre + size * 0.05, size * 0.72),
                (centre, size * 0.82),
            ],
            fill=mix(skin, (0, 0, 0), 0.12),
        )
    # Lapels.
    draw.polygon(
        [
            (centre - size * 0.13, size * 0.72),
            (centre - size * 0.02, size * 0.98),
            (centre - size * 0.2, size * 0.98),
        ],
        fill=mix(jacket, (255, 255, 255), 0.08),
    )
    draw.polygon(
        [
            (centre + size * 0.13, size * 0.72),
            (centre + size * 0.02, size * 0.98),
            (centre + size * 0.2, size * 0.98),
        ],
        fill=mix(jacket, (255, 255, 255), 0.08),
    )
    # Ears and face.
    for side in (-1, 1):
        ex = centre + side * head_w * 0.98
        draw.ellipse(
            (
                ex - head_w * 0.16,
                head_y - head_h * 0.05,
                ex + head_w * 0.16,
                head_y + head_h * 0.32,
            ),
            fill=mix(skin, (0, 0, 0), 0.06),
        )
    draw.ellipse((centre - head_w, head_y - head_h, centre + head_w, head_y + head_h), fill=skin)
    # Hair on top: a cap, a receding line or a side parting.
    style = sitter.style
    top = head_y - head_h * 1.08
    if style == "receding":
        draw.chord(
            (centre - head_w * 1.02, top, centre + head_w * 1.02, head_y + head_h * 0.4),
            180,
            360,
            fill=hair,
        )
        draw.ellipse(
            (
                centre - head_w * 0.7,
                top + head_h * 0.12,
                centre + head_w * 0.7,
                head_y + head_h * 0.2,
            ),
            fill=skin,
        )
    else:
        draw.chord(
            (centre - head_w * 1.06, top, centre + head_w * 1.06, head_y + head_h * 0.7),
            180,
            360,
            fill=hair,
        )
        if style == "parted":
            x = centre + rng.choice((-1, 1)) * head_w * 0.35
            draw.polygon(
                [
                    (x, top + head_h * 0.1),
                    (centre + (x - centre) * 2.4, head_y - head_h * 0.2),
                    (x + (centre - x) * 0.2, head_y - head_h * 0.45),
                ],
                fill=hair,
            )
    # Eyes, brows and, for some, glasses: enough to give the face a gaze.
    eye_y = head_y + head_h * 0.05
    ink = (40, 34, 32)
    for side in (-1, 1):
        ex = centre + side * head_w * 0.4
        draw.ellipse(
            (ex - size * 0.012, eye_y - size * 0.012, ex + size * 0.012, eye_y + size * 0.012),
            fill=ink,
        )
        draw.line(
            (ex - size * 0.03, eye_y - size * 0.04, ex + size * 0.03, eye_y - size * 0.043),
            fill=mix(hair, ink, 0.5),
            width=max(2, size // 120),
        )
    if sitter.glasses:
        for side in (-1, 1):
            ex = centre + side * head_w * 0.4
            draw.ellipse(
                (ex - size * 0.045, eye_y - size * 0.035, ex + size * 0.045, eye_y + size * 0.035),
                outline=ink,
                width=max(2, size // 160),
            )
        draw.line(
            (
                centre - head_w * 0.2,
                eye_y - size * 0.01,
                centre + head_w * 0.2,
                eye_y - size * 0.01,
            ),
            fill=ink,
            width=max(2, size // 160),
        )
    draw.arc(
        (
            centre - size * 0.04,
            head_y + head_h * 0.35,
            centre + size * 0.04,
            head_y + head_h * 0.55,
        ),
        20,
        160,
        fill=mix(skin, (110, 40, 40), 0.45),
        width=max(2, size // 140),
    )


def _star(draw, cx, cy, radius, colour, points=5, inner=0.42, turn=-math.pi / 2):
    vertices = []
    for i in range(points * 2):
        r = radius if i % 2 == 0 else radius * inner
        angle = turn + i * math.pi / points
        vertices.append((cx + math.cos(angle) * r, cy + math.sin(angle) * r))
    draw.polygon(vertices, fill=colour)


def emblem(draw: ImageDraw.ImageDraw, size: int, plate: Emblem) -> None:
    """A flag-like plate filling a ``size`` square, with its device."""
    colours = [ImageColor.getrgb(colour) for colour in plate.colours]
    bands = 13 if plate.device == "stripes" else len(colours)
    for i in range(bands):
        colour = colours[i % len(colours)]
        start, end = size * i / bands, size * (i + 1) / bands
        box = (start, 0, end, size) if plate.vertical else (0, start, size, end)
        draw.rectangle(box, fill=colour)
    c = size / 2
    white, gold = (244, 241, 234), (255, 204, 0)
    device = plate.device
    if device == "stripes":
        draw.rectangle((0, 0, size * 0.5, size * 7 / 13), fill=(60, 59, 110))
        for row in range(5):
            for column in range(6):
                x, y = size * (0.05 + column * 0.08), size * (0.06 + row * 0.1)
                _star(draw, x, y, size * 0.02, white)
    elif device == "star":
        _star(draw, size * 0.25, size * 0.25, size * 0.08, gold)
    elif device == "stars":
        _star(draw, size * 0.22, size * 0.26, size * 0.13, gold)
        for dx, dy in ((0.42, 0.1), (0.5, 0.2), (0.5, 0.34), (0.42, 0.44)):
            _star(draw, size * dx, size * dy, size * 0.04, gold)
    elif device == "crescent":
        draw.ellipse(
            (c - size * 0.28, c - size * 0.25, c + size * 0.22, c + size * 0.25), fill=white
        )
        draw.ellipse(
            (c - size * 0.18, c - size * 0.2, c + size * 0.22, c + size * 0.2), fill=colours[0]
        )
        _star(draw, c + size * 0.2, c, size * 0.1, white, turn=math.pi)
    elif device == "union":
        red = (200, 16, 46)
        for a, b in (((0, 0), (size, size)), ((size, 0), (0, size))):
            draw.line((*a, *b), fill=white, width=int(size * 0.12))
            draw.line((*a, *b), fill=red, width=int(size * 0.04))
        draw.rectangle((c - size * 0.11, 0, c + size * 0.11, size), fill=white)
        draw.rectangle((0, c - size * 0.11, size, c + size * 0.11), fill=white)
        draw.rectangle((c - size * 0.065, 0, c + size * 0.065, size), fill=red)
        draw.rectangle((0, c - size * 0.065, size, c + size * 0.065), fill=red)
    elif device == "wheel":
        radius = size * 0.12
        draw.ellipse(
            (c - radius, c - radius, c + radius, c + radius),
            outline=(0, 0, 128),
            width=max(3, size // 90),
        )
        for i in range(24):
            angle = i * math.tau / 24
            draw.line(
                (c, c, c + math.cos(angle) * radius, c + math.sin(angle) * radius),
                fill=(0, 0, 128),
                width=max(1, size // 400),
            )
    elif device == "shield":
        x, y, w = size * 0.24, size * 0.22, size * 0.2
        draw.rounded_rectangle(
            (x, y, x + w, y + w * 1.25),
            radius=w * 0.4,
            fill=(238, 28, 37),
            outline=white,
            width=max(3, size // 100),
        )
        draw.rectangle((x + w * 0.44, y + w * 0.2, x + w * 0.56, y + w), fill=white)
        for level, half in ((0.42, 0.24), (0.62, 0.32)):
            draw.rectangle(
                (x + w * (0.5 - half), y + w * level, x + w * (0.5 + half), y + w * (level + 0.1)),
                fill=white,
            )
    elif device == "ring":
        for i in range(12):
            angle = i * math.tau / 12
            _star(
                draw,
                c + math.cos(angle) * size * 0.3,
                c + math.sin(angle) * size * 0.3,
                size * 0.045,
                gold,
            )
    elif device == "compass":
        draw.ellipse(
            (c - size * 0.2, c - size * 0.2, c + size * 0.2, c + size * 0.2),
            outline=white,
            width=max(3, size // 80),
        )
        _star(draw, c, c, size * 0.34, white, points=4, inner=0.22)
    elif device == "globe":
        radius = size * 0.26
        for ring in (1.0, 0.66, 0.33):
            r = radius * ring
            draw.ellipse((c - r, c - r, c + r, c + r), outline=white, width=max(3, size // 110))
        draw.line((c - radius, c, c + radius, c), fill=white, width=max(3, size // 110))
        draw.line((c, c - radius, c, c + radius), fill=white, width=max(3, size // 110))
        for side in (-1, 1):
            draw.arc(
                (
                    c - radius * 1.6 + side * 0,
                    c - radius * 1.55,
                    c + radius * 1.6,
                    c + radius * 1.55,
                ),
                60 if side > 0 else 240,
                120 if side > 0 else 300,
                fill=white,
                width=max(3, size // 110),
            )
    elif plate.monogram:
        # A monogram on a rule, for organisations and groups without a flag.
        ink = mix(colours[0], white, 0.85)
        draw.line(
            (size * 0.2, size * 0.68, size * 0.8, size * 0.68), fill=ink, width=max(3, size // 120)
        )
        text = plate.monogram
        centred_text(
            draw, text, (c, c - size * 0.04), int(size * (0.26 if len(text) < 4 else 0.18)), ink
        )


def background(size: int, rng: random.Random) -> Image.Image:
    tone = rng.choice(BACKGROUNDS)
    return gradient((size, size), mix(tone, (255, 255, 255), 0.18), mix(tone, (0, 0, 0), 0.12))
