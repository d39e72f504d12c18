#!/usr/bin/env python3
"""Makes the corpus's small test photos (deterministic; needs python3-pil).

Landscape photos are 3:2 (600x400), portrait ones 2:3 (400x600); each has a clear
subject (a bright disc with a dark outline) away from the centre so that a crop that
loses it is visible on the pages and cards. Run from anywhere: writes next to itself.
"""
import os
from PIL import Image, ImageDraw

HERE = os.path.dirname(os.path.abspath(__file__))


def photo(path, size, subject, sky, ground, fmt):
    w, h = size
    img = Image.new("RGB", size, sky)
    d = ImageDraw.Draw(img)
    for y in range(h // 2, h):  # a simple gradient ground
        t = (y - h // 2) / (h / 2)
        d.line([(0, y), (w, y)], fill=tuple(int(ground[i] * (1 - 0.4 * t)) for i in range(3)))
    d.polygon([(0, h // 2), (w // 4, h // 3), (w // 2, h // 2)], fill=(90, 110, 130))
    d.polygon([(w // 3, h // 2), (2 * w // 3, h // 4), (w, h // 2)], fill=(70, 90, 115))
    sx, sy = subject
    r = min(w, h) // 8
    d.ellipse([sx * w - r, sy * h - r, sx * w + r, sy * h + r], fill=(250, 200, 60), outline=(40, 30, 20), width=4)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if fmt == "JPEG":
        img.save(path, fmt, quality=70, optimize=True)
    else:
        img.quantize(32).save(path, fmt, optimize=True)


SHOTS = {
    # report folder: [(file, size, subject, sky, ground, format)]
    "qinglan-2024": [
        ("images/science-city.jpg", (600, 400), (0.70, 0.35), (150, 190, 230), (70, 120, 80), "JPEG"),
        ("images/lab-portrait.jpg", (400, 600), (0.45, 0.30), (200, 210, 225), (120, 110, 100), "JPEG"),
        ("images/port.png", (600, 400), (0.30, 0.40), (170, 200, 230), (60, 90, 140), "PNG"),
    ],
    "tingzhou-2023": [
        ("images/river-park.jpg", (600, 400), (0.25, 0.30), (160, 200, 235), (80, 130, 90), "JPEG"),
    ],
    "lanshan-2025": [
        ("images/chip-plant.jpg", (400, 600), (0.55, 0.65), (190, 200, 220), (100, 100, 110), "JPEG"),
    ],
    "haicheng-2024": [
        ("images/photo-1.jpg", (600, 400), (0.65, 0.30), (150, 190, 230), (70, 120, 80), "JPEG"),
        ("images/photo-2.jpg", (400, 600), (0.50, 0.25), (200, 210, 225), (120, 110, 100), "JPEG"),
    ],
    "donglin-2025": [
        ("images/photo-1.jpg", (600, 400), (0.30, 0.35), (150, 190, 230), (70, 120, 80), "JPEG"),
        ("images/photo-2.jpg", (400, 600), (0.55, 0.30), (200, 210, 225), (120, 110, 100), "JPEG"),
        ("images/photo-3.png", (600, 400), (0.75, 0.45), (170, 200, 230), (60, 90, 140), "PNG"),
    ],
}

def logo(path):
    """A round emblem on a transparent ground: a gold ring around a white wave."""
    img = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse([8, 8, 232, 232], fill=(138, 21, 56, 255), outline=(212, 160, 23, 255), width=14)
    d.polygon([(50, 150), (90, 100), (120, 135), (150, 90), (190, 150)], fill=(255, 255, 255, 255))
    d.rectangle([50, 160, 190, 172], fill=(212, 160, 23, 255))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    img.save(path, "PNG", optimize=True)


if __name__ == "__main__":
    for folder, shots in SHOTS.items():
        for name, size, subject, sky, ground, fmt in shots:
            photo(os.path.join(HERE, folder, name), size, subject, sky, ground, fmt)
    logo(os.path.join(HERE, "tingzhou-2023", "brand", "logo.png"))
