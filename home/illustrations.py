"""Landscape illustrations for demo and test content, drawn with Pillow (no downloads).

Each picture is seeded by its title, so every item gets its own scene and the same one on every
run: the sky and light (time of day), the hills' shape, and a subject taken from the title's words
(wind and solar, a street with cyclists, a town's skyline, a village with trees and gardens).
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw

from django.core.files.images import ImageFile

# (name, sky top, sky bottom, sun, hills far → near, ground)
LIGHTS = [
    ("morning", "#9fd3e6", "#f6e7c8", "#fff4c2", ["#a9c7b5", "#7fae93", "#4f8a6a"], "#3f7555"),
    ("midday", "#5aa9d6", "#cfe8f2", "#fffbe6", ["#9cc3a8", "#6ea882", "#3f8a5c"], "#2f6f49"),
    ("evening", "#39476f", "#f2a46b", "#ffd27a", ["#8e6f85", "#6a5670", "#45405a"], "#363349"),
    ("overcast", "#a9b4bd", "#e3e6e3", "#f4f4ef", ["#a3aea6", "#7f9186", "#5c7466"], "#4a5f52"),
]
SUBJECTS = [
    (
        "wind turbines and solar panels",
        ("energy", "solar", "heat", "power", "retrofit", "carbon", "climate", "wind"),
    ),
    ("a street with cyclists", ("bike", "cycl", "transport", "travel", "street", "lane", "bus")),
    (
        "a town's skyline",
        (
            "data",
            "cloud",
            "digital",
            "record",
            "council",
            "website",
            "it ",
            "software",
            "housing",
            "city",
        ),
    ),
    ("a village with trees and gardens", ()),
]
BUILDING_COLOURS = ["#e8e1d5", "#d9cbb4", "#c7d3d9", "#b9c4b0", "#e6d3c3", "#cfc6da"]
ROOF_COLOURS = ["#8a3b00", "#9b1d42", "#5a3d8a", "#3d5a80", "#6b4f3a"]


def rng_for(title):
    """A generator seeded by the title: the same picture for the same item on every run."""
    return random.Random(hashlib.sha256(title.encode()).hexdigest())  # noqa: S311 (not security)


def subject_of(title):
    words = f" {title.lower()} "
    for name, keys in SUBJECTS:
        if any(key in words for key in keys):
            return name
    return SUBJECTS[-1][0]


SCENE = "Illustration: {subject}, {light} light"


def describe(title):
    """The picture's alternative text: what the scene shows."""
    light = rng_for(title).choice(LIGHTS)[0]
    return SCENE.format(subject=subject_of(title), light=light)


def picture(title, width=1200, height=675):
    """The scene for `title` as a PNG file for an image field."""
    rng = rng_for(title)
    light = rng.choice(LIGHTS)
    canvas = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(canvas)
    _sky(draw, width, height, light)
    horizon = int(height * rng.uniform(0.58, 0.7))
    sun_x, sun_y = rng.uniform(0.15, 0.85) * width, rng.uniform(0.12, 0.35) * height
    radius = height * 0.07
    draw.ellipse((sun_x - radius, sun_y - radius, sun_x + radius, sun_y + radius), fill=light[3])
    for layer, colour in enumerate(light[4]):
        _ridge(draw, rng, width, height, horizon - int(height * (0.22 - 0.08 * layer)), colour)
    draw.rectangle((0, horizon, width, height), fill=light[5])
    subject = subject_of(title)
    if subject.startswith("wind"):
        _energy(draw, rng, width, height, horizon)
    elif subject.startswith("a street"):
        _street(draw, rng, width, height, horizon)
    elif subject.startswith("a town"):
        _skyline(draw, rng, width, height, horizon)
    else:
        _village(draw, rng, width, height, horizon)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    slug = hashlib.sha256(title.encode()).hexdigest()[:12]
    return ImageFile(buffer, name=f"illustration-{slug}.png")


def _mix(start, end, share):
    a, b = (tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5)) for colour in (start, end))
    return tuple(round(x + (y - x) * share) for x, y in zip(a, b, strict=True))


def _sky(draw, width, height, light):
    for y in range(height):
        draw.line((0, y, width, y), fill=_mix(light[1], light[2], y / height))


def _ridge(draw, rng, width, height, base, colour):
    """A line of hills: a few sine waves of seeded length and phase."""
    waves = [
        (rng.uniform(0.5, 2.5), rng.uniform(0, math.tau), rng.uniform(10, 40)) for _ in range(3)
    ]
    points = [
        (
            x,
            base
            - sum(
                amp * math.sin(x / width * math.tau * freq + phase) for freq, phase, amp in waves
            ),
        )
        for x in range(0, width + 20, 20)
    ]
    draw.polygon([*points, (width, height), (0, height)], fill=colour)


def _energy(draw, rng, width, height, horizon):
    for _ in range(rng.randint(3, 5)):
        x, scale = rng.uniform(0.05, 0.95) * width, rng.uniform(0.6, 1.2)
        top = horizon - height * 0.42 * scale
        draw.polygon(
            [(x - 5 * scale, horizon), (x + 5 * scale, horizon), (x + 2, top), (x - 2, top)],
            fill="#f4f6f5",
        )
        start = rng.uniform(0, math.tau)
        for blade in range(3):
            angle = start + blade * math.tau / 3
            length = height * 0.16 * scale
            tip = (x + math.cos(angle) * length, top + math.sin(angle) * length)
            side = (
                x + math.cos(angle + 0.2) * length * 0.25,
                top + math.sin(angle + 0.2) * length * 0.25,
            )
            draw.polygon([(x, top), side, tip], fill="#ffffff")
        draw.ellipse((x - 5, top - 5, x + 5, top + 5), fill="#dfe5e2")
    rows = rng.randint(2, 3)
    for row in range(rows):
        y = horizon + (height - horizon) * (0.2 + 0.25 * row)
        panel_h = (height - horizon) * 0.16
        for column in range(rng.randint(5, 9)):
            x = width * 0.04 + column * width * 0.11 + row * 18
            draw.polygon(
                [
                    (x, y + panel_h),
                    (x + width * 0.09, y + panel_h),
                    (x + width * 0.1, y),
                    (x + width * 0.015, y),
                ],
                fill="#22385a",
                outline="#9fb6d6",
            )


def _street(draw, rng, width, height, horizon):
    vanish = width * rng.uniform(0.35, 0.65)
    draw.polygon(
        [
            (vanish - 8, horizon),
            (vanish + 8, horizon),
            (width * 0.95, height),
            (width * 0.05, height),
        ],
        fill="#5b5f66",
    )
    for step in range(8):
        share = step / 8
        y = horizon + (height - horizon) * share
        draw.line(
            (vanish, y, vanish + (width * 0.5 - vanish) * share, y + 12),
            fill="#f2f2f2",
            width=max(2, int(8 * share)),
        )
    draw.polygon(
        [
            (vanish + 8, horizon),
            (vanish + 14, horizon),
            (width * 0.98, height),
            (width * 0.86, height),
        ],
        fill="#2f8f6a",
    )
    for _ in range(rng.randint(2, 4)):
        share = rng.uniform(0.35, 0.9)
        y = horizon + (height - horizon) * share
        x = vanish + (width * rng.uniform(0.2, 0.8) - vanish) * share
        wheel = 30 * share + 6
        colour = rng.choice(ROOF_COLOURS)
        for dx in (-wheel * 1.1, wheel * 1.1):
            draw.ellipse(
                (x + dx - wheel, y - wheel, x + dx + wheel, y + wheel),
                outline="#1b1d21",
                width=max(2, int(4 * share)),
            )
        draw.line(
            (
                x - wheel * 1.1,
                y,
                x,
                y - wheel * 0.2,
                x + wheel * 1.1,
                y,
                x + wheel * 0.2,
                y - wheel * 1.2,
                x,
                y - wheel * 0.2,
            ),
            fill=colour,
            width=max(2, int(5 * share)),
        )
        draw.line(
            (x - wheel * 0.2, y - wheel * 1.3, x, y - wheel * 2.6),
            fill=colour,
            width=max(3, int(10 * share)),
        )
        draw.ellipse(
            (x - wheel * 0.35, y - wheel * 3.3, x + wheel * 0.35, y - wheel * 2.6), fill="#6b4f3a"
        )


def _skyline(draw, rng, width, height, horizon):
    x = -rng.uniform(0, 40)
    while x < width:
        w, h = rng.uniform(0.06, 0.13) * width, rng.uniform(0.18, 0.5) * height
        colour = rng.choice(BUILDING_COLOURS)
        draw.rectangle((x, horizon - h, x + w, horizon + 4), fill=colour)
        for wy in range(int(horizon - h + 14), int(horizon - 10), 22):
            for wx in range(int(x + 8), int(x + w - 12), 18):
                lit = rng.random() < 0.35
                draw.rectangle((wx, wy, wx + 9, wy + 12), fill="#ffd27a" if lit else "#5d6b78")
        x += w + rng.uniform(4, 18)
    for _ in range(rng.randint(5, 9)):
        _tree(
            draw,
            rng,
            rng.uniform(0, width),
            horizon + rng.uniform(0.1, 0.8) * (height - horizon),
            rng.uniform(0.7, 1.3),
        )


def _village(draw, rng, width, height, horizon):
    for _ in range(rng.randint(3, 5)):
        x, scale = rng.uniform(0.02, 0.85) * width, rng.uniform(0.8, 1.3)
        w, h = 130 * scale, 80 * scale
        base = horizon + rng.uniform(0.1, 0.45) * (height - horizon)
        draw.rectangle((x, base - h, x + w, base), fill=rng.choice(BUILDING_COLOURS))
        draw.polygon(
            [(x - 10, base - h), (x + w / 2, base - h - 55 * scale), (x + w + 10, base - h)],
            fill=rng.choice(ROOF_COLOURS),
        )
        draw.rectangle((x + w * 0.42, base - 42 * scale, x + w * 0.58, base), fill="#6b4f3a")
        draw.rectangle(
            (x + w * 0.12, base - h + 18 * scale, x + w * 0.3, base - h + 40 * scale),
            fill="#ffd27a",
        )
    for _ in range(rng.randint(6, 10)):
        _tree(
            draw,
            rng,
            rng.uniform(0, width),
            horizon + rng.uniform(0.05, 0.9) * (height - horizon),
            rng.uniform(0.8, 1.6),
        )


def _tree(draw, rng, x, base, scale):
    draw.rectangle((x - 4 * scale, base - 30 * scale, x + 4 * scale, base), fill="#5b4030")
    green = rng.choice(["#2f6f49", "#3f8a5c", "#4f7d3a", "#25603f"])
    if rng.random() < 0.5:
        draw.polygon(
            [
                (x - 28 * scale, base - 26 * scale),
                (x, base - 110 * scale),
                (x + 28 * scale, base - 26 * scale),
            ],
            fill=green,
        )
    else:
        draw.ellipse(
            (x - 32 * scale, base - 100 * scale, x + 32 * scale, base - 24 * scale), fill=green
        )
