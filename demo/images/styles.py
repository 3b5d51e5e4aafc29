"""The lead-image styles, each a function that paints a supersampled canvas from a seed."""

import functools
import math
import random
from collections.abc import Callable

from PIL import Image, ImageDraw, ImageFilter

from .canvas import gradient, mix, soften
from .shapes import (
    blob,
    dotted_arc,
    draw_flag,
    draw_ship,
    draw_skyline,
    draw_standing_figure,
    draw_tanker,
    ridge,
    scribble,
    sun,
)

# Flag-like colourings, muted towards the palette when drawn: (bands, vertical).
FLAG_COLOURS = (
    (((0, 51, 153),), False),  # the Union's blue, with its ring of stars
    (((0, 0, 0), (255, 206, 0), (221, 0, 0)), False),
    (((0, 146, 70), (255, 255, 255), (206, 43, 55)), True),
    (((255, 255, 255), (220, 20, 60)), False),
    (((205, 42, 62), (255, 255, 255), (67, 111, 77)), False),
    (((0, 85, 164), (255, 255, 255), (239, 65, 53)), True),
    (((200, 16, 46), (255, 255, 255), (200, 16, 46)), False),
    (((0, 155, 72), (255, 255, 255), (255, 130, 0)), True),
    (((174, 28, 40), (255, 255, 255), (33, 70, 139)), False),
    (((253, 185, 19), (0, 106, 68), (193, 39, 45)), False),
)


def horizon(canvas: Image.Image, rng: random.Random, palette, skyline: bool = False) -> None:
    deep, mid, light, accent = palette
    width, height = canvas.size
    canvas.paste(gradient(canvas.size, mix(mid, light, 0.55), light), (0, 0))
    sun(canvas, rng, accent, light, y=height * rng.uniform(0.25, 0.4))
    ridges = 4
    draw = ImageDraw.Draw(canvas)
    for i in range(ridges):
        base = height * (0.5 + 0.1 * i)
        colour = mix(mix(mid, light, 0.35), deep, i / (ridges - 1))
        points = ridge(rng, width, base, amplitude=height * (0.07 - 0.012 * i))
        draw.polygon([*points, (width, height), (0, height)], fill=colour)
        if skyline and i == ridges - 2:
            draw_skyline(draw, rng, width, base, height, colour)


def skyline(canvas: Image.Image, rng: random.Random, palette) -> None:
    horizon(canvas, rng, palette, skyline=True)


def sea(canvas: Image.Image, rng: random.Random, palette, vessel=draw_ship) -> None:
    deep, mid, light, accent = palette
    width, height = canvas.size
    horizon = height * rng.uniform(0.55, 0.62)
    canvas.paste(gradient(canvas.size, mix(mid, light, 0.5), light), (0, 0))
    sun(canvas, rng, accent, light, y=horizon - height * rng.uniform(0.08, 0.2))
    water = gradient((width, int(height - horizon)), mix(mid, deep, 0.2), deep)
    canvas.paste(water, (0, int(horizon)))
    waves = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(waves)
    for _ in range(260):
        y = rng.uniform(horizon + 6, height)
        depth = (y - horizon) / (height - horizon)
        length = width * rng.uniform(0.02, 0.08) * (0.4 + depth)
        x = rng.uniform(-length, width)
        draw.line(
            (x, y, x + length, y), fill=(*light, int(30 + 50 * depth)), width=2 + int(4 * depth)
        )
    canvas.alpha_composite(waves)
    ship = Image.new("RGBA", canvas.size)
    vessel(ImageDraw.Draw(ship), rng, width, horizon, deep, palette)
    canvas.alpha_composite(ship)


def map_plate(canvas: Image.Image, rng: random.Random, palette) -> None:
    deep, mid, light, accent = palette
    width, height = canvas.size
    canvas.paste(gradient(canvas.size, light, mix(light, mid, 0.25)), (0, 0))
    grid = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(grid)
    step = width // 16
    for x in range(0, width, step):
        draw.line((x, 0, x, height), fill=(*mid, 40), width=2)
    for y in range(0, height, step):
        draw.line((0, y, width, y), fill=(*mid, 40), width=2)
    canvas.alpha_composite(grid)

    land = Image.new("L", (width // 4, height // 4))
    land_draw = ImageDraw.Draw(land)
    for _ in range(rng.randint(3, 5)):
        cx, cy = rng.uniform(0, land.width), rng.uniform(0, land.height)
        radius = rng.uniform(0.18, 0.32) * land.width
        land_draw.polygon(blob(rng, cx, cy, radius), fill=255)
    land = land.filter(ImageFilter.GaussianBlur(12)).point(lambda v: 255 if v > 110 else 0)
    land = land.resize(canvas.size, Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(2))
    canvas.paste(Image.new("RGBA", canvas.size, (*mix(mid, light, 0.35), 255)), (0, 0), land)
    coast = land.filter(ImageFilter.FIND_EDGES).point(lambda v: 255 if v > 40 else 0)
    canvas.paste(Image.new("RGBA", canvas.size, (*deep, 255)), (0, 0), coast)

    marks = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(marks)
    for _ in range(3):
        x = rng.uniform(0.1, 0.9) * width
        draw.line(
            ridge(rng, height, x, amplitude=width * 0.03, vertical=True), fill=(*deep, 90), width=4
        )
    places = [(rng.uniform(0.15, 0.85) * width, rng.uniform(0.2, 0.8) * height) for _ in range(4)]
    for start, end in zip(places, places[1:], strict=False):
        dotted_arc(draw, start, end, accent, lift=height * rng.uniform(0.08, 0.2))
    for x, y in places:
        for radius, alpha in ((46, 60), (22, 255)):
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*accent, alpha))
        draw.ellipse((x - 8, y - 8, x + 8, y + 8), fill=light)
    canvas.alpha_composite(marks)


def bands(canvas: Image.Image, rng: random.Random, palette) -> None:
    deep, mid, light, accent = palette
    width, height = canvas.size
    colours = [deep, mix(mid, light, 0.4), mid]
    rng.shuffle(colours)
    slant = rng.uniform(-0.35, 0.35) * height
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, width, height), fill=colours[0])
    for i, colour in enumerate(colours):
        top, bottom = height * i / 3, height * (i + 1) / 3
        draw.polygon(
            [
                (0, top - slant),
                (width, top + slant),
                (width, bottom + slant + 2),
                (0, bottom - slant + 2),
            ],
            fill=colour,
        )
    shapes = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(shapes)
    for _ in range(rng.randint(2, 4)):
        radius = rng.uniform(0.12, 0.3) * height * 2
        x, y = rng.uniform(0.1, 0.9) * width, rng.uniform(0.1, 0.9) * height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*light, 38))
    radius = height * rng.uniform(0.18, 0.26)
    x, y = width * rng.choice((0.22, 0.78)), height * 0.5
    draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(*accent, 215))
    for offset in range(3):
        line_y = height * (0.12 + 0.03 * offset)
        draw.line((width * 0.06, line_y, width * 0.3, line_y), fill=(*light, 120), width=4)
    canvas.alpha_composite(shapes)


def chart(canvas: Image.Image, rng: random.Random, palette) -> None:
    deep, mid, light, accent = palette
    width, height = canvas.size
    canvas.paste(gradient(canvas.size, mix(deep, mid, 0.3), deep), (0, 0))
    glow = Image.new("RGBA", canvas.size)
    radius = height * 0.6
    ImageDraw.Draw(glow).ellipse(
        (width - radius, -radius, width + radius, radius), fill=(*light, 22)
    )
    canvas.alpha_composite(glow)
    layer = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(layer)
    for i in range(1, 6):
        y = height * i / 6
        draw.line((0, y, width, y), fill=(*light, 28), width=2)
    columns = 14
    slot = width / columns
    start, rise = rng.uniform(0.15, 0.25), rng.uniform(0.4, 0.55)
    points = []
    # A series that climbs with some noise, as the captions of the chart pieces say.
    for i in range(columns):
        level = start + rise * i / (columns - 1) + rng.uniform(-0.04, 0.04)
        top = height * (1 - level)
        x = slot * i + slot * 0.2
        draw.rectangle((x, top, x + slot * 0.6, height), fill=(*mid, 150))
        points.append((x + slot * 0.3, top - height * 0.06))
    draw.line(points, fill=(*accent, 255), width=10, joint="curve")
    for x, y in points:
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=(*light, 255))
    canvas.alpha_composite(layer)


def figures(canvas: Image.Image, rng: random.Random, palette) -> None:
    """Two people standing side by side before a colonnade, flags behind them."""
    deep, mid, light, accent = palette
    width, height = canvas.size
    floor = height * 0.8
    backdrop = Image.new("RGBA", canvas.size)
    backdrop.paste(gradient(canvas.size, mix(light, mid, 0.2), mix(light, mid, 0.45)), (0, 0))
    draw = ImageDraw.Draw(backdrop)
    column_width = width / 22
    for i in range(-1, 12):
        x = i * width / 10 + column_width
        draw.rectangle((x, 0, x + column_width, floor), fill=(*mix(light, mid, 0.05), 255))
        draw.rectangle(
            (x + column_width * 0.75, 0, x + column_width, floor),
            fill=(*mix(light, mid, 0.3), 255),
        )
    for flag_x, colour in ((0.3, accent), (0.7, mid)):
        x = width * flag_x
        draw.line((x, height * 0.08, x, floor), fill=deep, width=10)
        draw.polygon(
            [
                (x, height * 0.1),
                (x + width * 0.07, height * 0.12),
                (x + width * 0.06, height * 0.42),
                (x, height * 0.4),
            ],
            fill=colour,
        )
    draw.rectangle((0, floor, width, height), fill=mix(mid, deep, 0.35))
    canvas.alpha_composite(soften(backdrop, 10, factor=2))
    people = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(people)
    for centre, scale in ((0.42, 1.0), (0.58, rng.uniform(0.94, 1.04))):
        draw_standing_figure(
            draw, width * centre, floor + height * 0.08, height * 0.72 * scale, deep
        )
    shadow = Image.new("RGBA", canvas.size)
    ImageDraw.Draw(shadow).ellipse(
        (width * 0.33, floor + height * 0.05, width * 0.67, floor + height * 0.11),
        fill=(*deep, 110),
    )
    canvas.alpha_composite(soften(shadow, 18))
    canvas.alpha_composite(people)


def flags(canvas: Image.Image, rng: random.Random, palette) -> None:
    """A row of national flags on tall poles before the glass front of an office building."""
    deep, mid, light, accent = palette
    width, height = canvas.size
    ground = height * 0.86
    canvas.paste(gradient(canvas.size, mix(mid, light, 0.45), mix(mid, light, 0.75)), (0, 0))
    facade = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(facade)
    pane_w, pane_h = width / 18, height / 9
    for row in range(9):
        for column in range(19):
            x, y = column * pane_w, row * pane_h + height * 0.02
            tone = mix(mix(mid, deep, 0.25), light, rng.uniform(0.05, 0.3))
            draw.rectangle((x + 6, y + 6, x + pane_w - 6, y + pane_h - 6), fill=(*tone, 255))
    draw.rectangle((0, ground, width, height), fill=(*mix(mid, deep, 0.5), 255))
    canvas.alpha_composite(soften(facade, 6, factor=2))
    layer = Image.new("RGBA", canvas.size)
    draw = ImageDraw.Draw(layer)
    order = list(FLAG_COLOURS)
    rng.shuffle(order)
    count = 7
    spacing = width / count
    for i in range(count):
        pole = spacing * (i + 0.5) + rng.uniform(-0.04, 0.04) * spacing
        top = height * rng.uniform(0.06, 0.1)
        draw.line((pole, top, pole, ground + height * 0.04), fill=(*deep, 255), width=12)
        draw.ellipse((pole - 12, top - 16, pole + 12, top + 8), fill=(*light, 255))
        colours, vertical = order[i % len(order)]
        muted = [(*mix(colour, mix(mid, light, 0.4), 0.28), 255) for colour in colours]
        flag_w, flag_h = spacing * 0.74, spacing * 0.49
        sag = draw_flag(draw, rng, pole + 6, top + 12, flag_w, flag_h, muted, vertical)
        if len(colours) == 1:
            cx, cy = pole + 6 + flag_w / 2, top + 12 + flag_h / 2 + sag(pole + 6 + flag_w / 2)
            for star in range(12):
                angle = star / 12 * math.tau
                x = cx + math.cos(angle) * flag_h * 0.3
                y = cy + math.sin(angle) * flag_h * 0.3
                draw.ellipse(
                    (x - 7, y - 7, x + 7, y + 7), fill=(*mix((255, 204, 0), light, 0.2), 255)
                )
    canvas.alpha_composite(layer)


def document(canvas: Image.Image, rng: random.Random, palette) -> None:
    """The last page of a signed agreement lying on a desk: typed text, signatures, a seal."""
    deep, mid, light, accent = palette
    width, height = canvas.size
    canvas.paste(gradient(canvas.size, mix(deep, mid, 0.35), deep), (0, 0))
    page_w, page_h = int(height * 0.7), int(height * 0.92)
    paper = (246, 240, 226)
    page = Image.new("RGBA", (page_w, page_h), (*paper, 255))
    draw = ImageDraw.Draw(page)
    margin = page_w * 0.1
    ink = (58, 56, 64)
    y = page_h * 0.08
    draw.rectangle((page_w * 0.3, y, page_w * 0.7, y + 14), fill=(*ink, 255))
    y += page_h * 0.06
    for _paragraph in range(3):
        lines = rng.randint(3, 5)
        for line in range(lines):
            end = page_w - margin if line < lines - 1 else rng.uniform(0.4, 0.8) * page_w
            draw.rectangle((margin, y, end, y + 8), fill=(*mix(ink, paper, 0.35), 255))
            y += 24
        y += 22
    blue = (34, 52, 110)
    for column in range(2):
        for row in range(2):
            left = margin + column * (page_w - 2 * margin) / 2
            baseline = y + page_h * 0.1 + row * page_h * 0.15
            scribble(draw, rng, left + 10, baseline, (page_w - 2 * margin) * 0.36, blue, 5)
            draw.line(
                (left, baseline + 16, left + (page_w - 2 * margin) * 0.42, baseline + 16),
                fill=(*ink, 255),
                width=3,
            )
            draw.rectangle(
                (left, baseline + 30, left + page_w * 0.22, baseline + 38),
                fill=(*mix(ink, paper, 0.5), 255),
            )
    seal = page_w * 0.09
    cx, cy = page_w * 0.5, page_h * 0.9
    draw.ellipse((cx - seal, cy - seal, cx + seal, cy + seal), fill=(*accent, 255))
    draw.ellipse(
        (cx - seal * 0.75, cy - seal * 0.75, cx + seal * 0.75, cy + seal * 0.75),
        outline=(*mix(accent, paper, 0.4), 255),
        width=5,
    )
    page = page.rotate(rng.uniform(-5, 5), expand=True, resample=Image.Resampling.BICUBIC)
    left = int(width * rng.uniform(0.28, 0.4))
    top = int((height - page.height) / 2)
    shadow = Image.new("RGBA", canvas.size)
    shadow.paste(Image.new("RGBA", page.size, (0, 0, 0, 150)), (left + 24, top + 30), page)
    canvas.alpha_composite(soften(shadow, 30))
    canvas.alpha_composite(page, (left, top))


STYLES: dict[str, Callable[[Image.Image, random.Random, tuple], None]] = {
    "horizon": horizon,
    "skyline": skyline,
    "sea": sea,
    "tanker": functools.partial(sea, vessel=draw_tanker),
    "map": map_plate,
    "bands": bands,
    "chart": chart,
    "figures": figures,
    "flags": flags,
    "document": document,
}
