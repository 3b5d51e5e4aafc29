"""The shapes the styles are built from: ridges, coastlines, a sun, ships, people."""

import math

from PIL import Image, ImageDraw

from .canvas import mix


def ridge(rng, length, base, amplitude, vertical=False):
    """A wandering line across the picture: hills, borders, coastlines."""
    points, offset, drift = [], 0.0, 0.0
    steps = 48
    for i in range(steps + 1):
        drift = drift * 0.7 + rng.uniform(-1, 1) * 0.3
        offset = max(-1.0, min(1.0, offset + drift * 0.5))
        along = length * i / steps
        across = base + offset * amplitude
        points.append((across, along) if vertical else (along, across))
    return points


def blob(rng, cx, cy, radius):
    sides = 18
    return [
        (
            cx + math.cos(2 * math.pi * i / sides) * radius * rng.uniform(0.55, 1.2),
            cy + math.sin(2 * math.pi * i / sides) * radius * rng.uniform(0.55, 1.2),
        )
        for i in range(sides)
    ]


def sun(canvas, rng, accent, light, y):
    """A pale disc in a soft halo; the halo is a radial gradient pasted over its own box."""
    width, height = canvas.size
    x = width * rng.uniform(0.2, 0.8)
    radius = height * rng.uniform(0.08, 0.13)
    halo = int(radius * 3)
    falloff = Image.radial_gradient("L").resize((2 * halo, 2 * halo), Image.Resampling.BILINEAR)
    mask = falloff.point(lambda v: int(max(0, 128 - v) * 0.75))
    canvas.paste(Image.new("RGBA", mask.size, (*light, 255)), (int(x) - halo, int(y) - halo), mask)
    ImageDraw.Draw(canvas).ellipse(
        (x - radius, y - radius, x + radius, y + radius), fill=(*mix(accent, light, 0.35), 255)
    )


def draw_skyline(draw, rng, width, base, height, colour):
    x = rng.uniform(0, width * 0.05)
    while x < width:
        block = rng.uniform(0.02, 0.06) * width
        rise = rng.uniform(0.04, 0.18) * height
        top = base - rise
        draw.rectangle((x, top, x + block, base + height * 0.1), fill=colour)
        ornament = rng.random()
        if ornament < 0.12:
            draw.ellipse((x, top - block * 0.5, x + block, top + block * 0.5), fill=colour)
        elif ornament < 0.22:
            mid_x = x + block / 2
            draw.polygon(
                [(x + block * 0.3, top), (mid_x, top - rise * 0.6), (x + block * 0.7, top)],
                fill=colour,
            )
        x += block + rng.uniform(0, 0.012) * width


def draw_ship(draw, rng, width, horizon, colour, palette):
    length = width * rng.uniform(0.32, 0.42)
    left = width * rng.uniform(0.12, 0.5)
    waterline = horizon + (width * 0.02)
    hull = length * 0.07
    draw.polygon(
        [
            (left, waterline - hull),
            (left + length, waterline - hull),
            (left + length * 0.95, waterline + hull * 0.4),
            (left + length * 0.03, waterline + hull * 0.4),
        ],
        fill=colour,
    )
    bridge_x = left + length * 0.08
    draw.rectangle(
        (bridge_x, waterline - hull * 3.4, bridge_x + length * 0.07, waterline - hull), fill=colour
    )
    draw.rectangle(
        (
            bridge_x + length * 0.02,
            waterline - hull * 4.2,
            bridge_x + length * 0.04,
            waterline - hull * 3.4,
        ),
        fill=colour,
    )
    tones = [palette[1], palette[3], mix(palette[1], palette[2], 0.4)]
    x = bridge_x + length * 0.1
    while x < left + length * 0.9:
        stack = rng.randint(1, 3)
        box = length * 0.045
        for level in range(stack):
            top = waterline - hull - box * 0.55 * (level + 1)
            draw.rectangle((x, top, x + box * 0.95, top + box * 0.52), fill=rng.choice(tones))
        x += box


def draw_standing_figure(draw, centre, feet, height, colour):
    head = height * 0.065
    top = feet - height
    draw.ellipse((centre - head * 0.85, top, centre + head * 0.85, top + head * 2), fill=colour)
    shoulder_y = top + head * 2.3
    half = height * 0.13
    draw.rounded_rectangle(
        (centre - half, shoulder_y, centre + half, feet - height * 0.42),
        radius=half * 0.5,
        fill=colour,
    )
    draw.polygon(
        [
            (centre - half * 0.9, feet - height * 0.5),
            (centre + half * 0.9, feet - height * 0.5),
            (centre + half * 0.7, feet),
            (centre - half * 0.7, feet),
        ],
        fill=colour,
    )


def dotted_arc(draw, start, end, colour, lift):
    (x1, y1), (x2, y2) = start, end
    control = ((x1 + x2) / 2, min(y1, y2) - lift)
    for i in range(0, 41):
        t = i / 40
        x = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * control[0] + t**2 * x2
        y = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * control[1] + t**2 * y2
        draw.ellipse((x - 5, y - 5, x + 5, y + 5), fill=(*colour, 230))


def draw_tanker(draw, rng, width, horizon, colour, palette):
    """A crude-oil tanker: a long, low hull, the bridge at the stern, pipes along the deck."""
    length = width * rng.uniform(0.46, 0.56)
    left = width * rng.uniform(0.1, 0.4)
    waterline = horizon + (width * 0.02)
    hull = length * 0.045
    deck = waterline - hull
    draw.polygon(
        [
            (left, deck - hull * 0.5),
            (left + length * 0.06, deck),
            (left + length, deck),
            (left + length * 0.98, waterline + hull * 0.5),
            (left + length * 0.04, waterline + hull * 0.5),
        ],
        fill=colour,
    )
    stern = left + length * 0.86
    draw.rectangle((stern, deck - hull * 3.2, stern + length * 0.1, deck), fill=colour)
    draw.rectangle(
        (stern + length * 0.015, deck - hull * 4.0, stern + length * 0.085, deck - hull * 3.2),
        fill=colour,
    )
    funnel = stern + length * 0.06
    draw.rectangle(
        (funnel, deck - hull * 5.2, funnel + length * 0.025, deck - hull * 4.0), fill=palette[3]
    )
    pipe = mix(palette[1], palette[2], 0.3)
    draw.line(
        (left + length * 0.08, deck - hull * 0.35, stern, deck - hull * 0.35),
        fill=pipe,
        width=max(2, int(hull * 0.18)),
    )
    for i in range(1, 7):
        x = left + length * 0.08 + (stern - left - length * 0.08) * i / 7
        draw.rectangle((x - hull * 0.1, deck - hull * 0.9, x + hull * 0.1, deck), fill=pipe)
    draw.line(
        (left + length * 0.05, deck, left + length * 0.05, deck - hull * 2.6),
        fill=colour,
        width=max(3, int(hull * 0.2)),
    )


def draw_flag(draw, rng, left, top, width, height, colours, vertical):
    """A flag stirring in the wind: equal bands of ``colours``, each edge a gentle wave."""
    wave = height * 0.08
    phase = rng.uniform(0, math.tau)

    def sag(x):
        return math.sin(phase + (x - left) / width * math.pi * 1.6) * wave * (x - left) / width

    bands = len(colours)
    steps = 12
    for i, colour in enumerate(colours):
        if vertical:
            x0, x1 = left + width * i / bands, left + width * (i + 1) / bands
            xs = [x0 + (x1 - x0) * s / steps for s in range(steps + 1)]
            points = [(x, top + sag(x)) for x in xs] + [
                (x, top + height + sag(x)) for x in reversed(xs)
            ]
        else:
            y0, y1 = top + height * i / bands, top + height * (i + 1) / bands
            xs = [left + width * s / steps for s in range(steps + 1)]
            points = [(x, y0 + sag(x)) for x in xs] + [(x, y1 + sag(x)) for x in reversed(xs)]
        draw.polygon(points, fill=colour)
    return sag


def scribble(draw, rng, left, baseline, width, colour, stroke):
    """A handwritten signature: a run of loops along a baseline."""
    points, x = [], left
    while x < left + width:
        rise = rng.uniform(0.3, 1.0)
        for step in range(8):
            angle = step / 8 * math.tau
            points.append(
                (
                    x + math.cos(angle) * width * 0.03 + step * width * 0.006,
                    baseline - math.sin(angle) * width * 0.09 * rise,
                )
            )
        x += width * rng.uniform(0.06, 0.12)
    draw.line(points, fill=colour, width=stroke, joint="curve")
