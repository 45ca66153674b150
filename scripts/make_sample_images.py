"""Draw the two sample illustrations that ship with the bundled content.

Run from the repository root:

    .venv/bin/python scripts/make_sample_images.py

It writes:

- content/vaccines/flu-shot.png        a vaccine needle and a round bandage with a heart
- content/everyday-care/handwashing.png two soapy hands under a running tap

Pillow only, no network, no text in the pictures, and deterministic: every run
writes the same bytes (no timestamps or other metadata in the PNG files).
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1200, 675
SCALE = 2  # draw at twice the size, then shrink: smooth edges without extra tools

# A calm, friendly palette.
CREAM = (250, 246, 238)
SKY = (222, 238, 246)
SKY_DEEP = (196, 224, 238)
TEAL = (46, 134, 140)
TEAL_DARK = (28, 96, 104)
NAVY = (38, 62, 82)
STEEL = (150, 166, 180)
STEEL_LIGHT = (206, 216, 224)
WHITE = (255, 255, 255)
LIQUID = (120, 200, 214)
PEACH = (246, 196, 150)
PEACH_DARK = (226, 164, 112)
CORAL = (232, 110, 110)
SUN = (246, 204, 110)
SKIN = (176, 118, 84)
SKIN_DARK = (146, 92, 64)
WATER = (112, 184, 230)
WATER_LIGHT = (178, 220, 244)
CHROME = (176, 190, 202)
CHROME_DARK = (120, 136, 150)
SOAP = (255, 255, 255, 235)
SOAP_EDGE = (170, 204, 226)


def s(value: float) -> int:
    """Scale a design coordinate (1200x675 space) to the drawing canvas."""
    return round(value * SCALE)


def box(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
    return (s(x0), s(y0), s(x1), s(y1))


def new_canvas(background: tuple[int, int, int]) -> Image.Image:
    return Image.new("RGBA", (s(WIDTH), s(HEIGHT)), (*background, 255))


def finish(image: Image.Image, path: Path) -> None:
    small = image.convert("RGB").resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    path.parent.mkdir(parents=True, exist_ok=True)
    small.save(path, format="PNG", optimize=True)
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def capsule(draw: ImageDraw.ImageDraw, x0, y0, x1, y1, fill, outline=None, width=0) -> None:
    """A rectangle with fully rounded ends, in design coordinates."""
    radius = min(x1 - x0, y1 - y0) / 2
    draw.rounded_rectangle(box(x0, y0, x1, y1), radius=s(radius), fill=fill,
                           outline=outline, width=s(width) if width else 0)


def heart(draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float, fill) -> None:
    """A small heart centred on (cx, cy), about `size` wide, from the classic heart curve."""
    k = size / 34
    points = []
    for i in range(120):
        t = 2 * math.pi * i / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        points.append((s(cx + x * k), s(cy - y * k)))
    draw.polygon(points, fill=fill)


def sparkle(draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float, fill) -> None:
    """A soft four-pointed star."""
    t = size * 0.22
    draw.polygon([(s(cx), s(cy - size)), (s(cx + t), s(cy - t)), (s(cx + size), s(cy)),
                  (s(cx + t), s(cy + t)), (s(cx), s(cy + size)), (s(cx - t), s(cy + t)),
                  (s(cx - size), s(cy)), (s(cx - t), s(cy - t))], fill=fill)


def plus(draw: ImageDraw.ImageDraw, cx: float, cy: float, size: float, fill) -> None:
    arm = size * 0.34
    capsule(draw, cx - size, cy - arm, cx + size, cy + arm, fill)
    capsule(draw, cx - arm, cy - size, cx + arm, cy + size, fill)


def drop(
    draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill, angle: float = 0.0
) -> None:
    """A water drop: a circle with a point, tilted by angle (degrees, 0 = point up)."""
    a = math.radians(angle)
    tip = (cx + math.sin(a) * r * 2.1, cy - math.cos(a) * r * 2.1)
    left = (cx - math.cos(a) * r * 0.92, cy - math.sin(a) * r * 0.92)
    right = (cx + math.cos(a) * r * 0.92, cy + math.sin(a) * r * 0.92)
    draw.polygon([(s(p[0]), s(p[1])) for p in (left, tip, right)], fill=fill)
    draw.ellipse(box(cx - r, cy - r, cx + r, cy + r), fill=fill)


def paste_rotated(
    base: Image.Image, layer: Image.Image, angle: float, centre: tuple[float, float]
) -> None:
    """Rotate a transparent layer about its own centre and place that centre at `centre`."""
    turned = layer.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    x = s(centre[0]) - turned.width // 2
    y = s(centre[1]) - turned.height // 2
    base.alpha_composite(turned, (x, y))


# --------------------------------------------------------------------------- flu shot

def syringe_layer() -> Image.Image:
    """A syringe lying flat, needle to the right, on a transparent layer (design units)."""
    w, h = 760, 200
    layer = Image.new("RGBA", (s(w), s(h)), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    mid = h / 2
    # plunger handle and rod
    capsule(d, 20, mid - 62, 62, mid + 62, TEAL_DARK)
    d.rectangle(box(50, mid - 14, 190, mid + 14), fill=STEEL)
    # barrel: glassy body with liquid inside
    d.rounded_rectangle(box(170, mid - 56, 560, mid + 56), radius=s(22), fill=WHITE,
                        outline=STEEL, width=s(6))
    d.rounded_rectangle(box(300, mid - 44, 552, mid + 44), radius=s(16), fill=LIQUID)
    # rubber stopper at the end of the plunger
    d.rounded_rectangle(box(268, mid - 46, 304, mid + 46), radius=s(10), fill=NAVY)
    # finger flange
    capsule(d, 168, mid - 86, 192, mid + 86, TEAL)
    # measure marks
    for i, x in enumerate(range(330, 540, 30)):
        length = 30 if i % 2 == 0 else 18
        d.rectangle(box(x, mid - 44, x + 5, mid - 44 + length), fill=WHITE)
    # shine on the barrel
    capsule(d, 200, mid - 42, 280, mid - 30, (255, 255, 255, 255))
    # hub and needle
    d.rounded_rectangle(box(556, mid - 26, 604, mid + 26), radius=s(8), fill=TEAL)
    d.polygon([(s(602), s(mid - 7)), (s(740), s(mid - 2)), (s(752), s(mid)),
               (s(740), s(mid + 2)), (s(602), s(mid + 7))], fill=STEEL)
    return layer


def bandage_layer() -> Image.Image:
    """A round adhesive bandage with a small heart on the pad."""
    size = 300
    layer = Image.new("RGBA", (s(size), s(size)), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    c = size / 2
    d.ellipse(box(6, 6, size - 6, size - 6), fill=PEACH, outline=PEACH_DARK, width=s(5))
    # small air holes around the edge
    for k in range(12):
        a = 2 * math.pi * k / 12
        x, y = c + math.cos(a) * 118, c + math.sin(a) * 118
        d.ellipse(box(x - 5, y - 5, x + 5, y + 5), fill=PEACH_DARK)
    d.ellipse(box(c - 78, c - 78, c + 78, c + 78), fill=(252, 232, 214))
    heart(d, c, c - 6, 96, CORAL)
    return layer


def draw_flu_shot(path: Path) -> None:
    img = new_canvas(SKY)
    d = ImageDraw.Draw(img)
    # soft background shapes
    d.ellipse(box(250, 40, 950, 740), fill=SKY_DEEP)
    d.ellipse(box(-160, 430, 300, 890), fill=CREAM)
    d.ellipse(box(940, -180, 1380, 260), fill=CREAM)
    # the syringe, tilted so the needle points down to the right
    paste_rotated(img, syringe_layer(), angle=-24, centre=(490, 300))
    # the bandage, slightly turned, at the lower right
    paste_rotated(img, bandage_layer(), angle=12, centre=(910, 490))
    d = ImageDraw.Draw(img)
    # friendly accents
    plus(d, 150, 560, 34, TEAL)
    plus(d, 1080, 560, 24, TEAL)
    sparkle(d, 980, 210, 30, SUN)
    sparkle(d, 160, 420, 22, SUN)
    sparkle(d, 700, 590, 18, WHITE)
    d.ellipse(box(1040, 330, 1066, 356), fill=CORAL)
    d.ellipse(box(380, 560, 400, 580), fill=TEAL)
    finish(img, path)


# ------------------------------------------------------------------------ handwashing

def limb(draw: ImageDraw.ImageDraw, p0: tuple[float, float], p1: tuple[float, float], width: float,
         fill) -> None:
    """A thick stroke with round ends from p0 to p1 (a finger or a thumb)."""
    draw.line([(s(p0[0]), s(p0[1])), (s(p1[0]), s(p1[1]))], fill=fill, width=s(width))
    for x, y in (p0, p1):
        draw.ellipse(box(x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=fill)


def hand_layer(flip: bool) -> Image.Image:
    """An open hand, palm toward us, fingers up and the thumb out to the left."""
    w, h = 340, 470
    layer = Image.new("RGBA", (s(w), s(h)), (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    # thumb first, so the palm covers its base
    limb(d, (140, 320), (52, 200), 56, SKIN)
    # fingers fan out a little from the top of the palm: (base, tip, width)
    fingers = [((128, 250), (112, 100), 50), ((176, 240), (168, 58), 52),
               ((224, 240), (228, 70), 50), ((268, 256), (286, 128), 44)]
    for base, tip, width in fingers:
        limb(d, base, tip, width, SKIN)
    # palm and wrist
    d.rounded_rectangle(box(100, 210, 296, 392), radius=s(72), fill=SKIN)
    d.rounded_rectangle(box(142, 340, 264, 470), radius=s(30), fill=SKIN)
    # soft details: nails and one palm crease
    for base, tip, width in fingers:
        dx, dy = base[0] - tip[0], base[1] - tip[1]
        length = math.hypot(dx, dy)
        nx, ny = tip[0] + dx / length * 16, tip[1] + dy / length * 16
        r = width * 0.22
        d.ellipse(box(nx - r, ny - r, nx + r, ny + r), fill=(204, 154, 122))
    d.arc(box(128, 236, 268, 344), start=200, end=330, fill=SKIN_DARK, width=s(5))
    d.arc(box(96, 250, 196, 370), start=250, end=330, fill=SKIN_DARK, width=s(4))
    # a thin darker outline, so two overlapping hands stay easy to tell apart
    alpha = layer.getchannel("A")
    outline = Image.new("RGBA", layer.size, (*SKIN_DARK, 0))
    outline.putalpha(alpha.filter(ImageFilter.MaxFilter(9)))
    outline.alpha_composite(layer)
    layer = outline
    if flip:
        layer = layer.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    return layer


def bubble(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float) -> None:
    draw.ellipse(box(cx - r, cy - r, cx + r, cy + r), fill=SOAP, outline=SOAP_EDGE, width=s(3))
    draw.ellipse(box(cx - r * 0.5, cy - r * 0.6, cx - r * 0.1, cy - r * 0.2), fill=WHITE)


def draw_handwashing(path: Path) -> None:
    img = new_canvas(CREAM)
    d = ImageDraw.Draw(img)
    # soft tiles on the wall
    for row in range(4):
        for col in range(7):
            x0 = 30 + col * 170 + (85 if row % 2 else 0) - 85
            y0 = 24 + row * 120
            d.rounded_rectangle(box(x0, y0, x0 + 156, y0 + 106), radius=s(18), fill=(240, 234, 222))
    # big soft circle behind the hands
    d.ellipse(box(330, 110, 870, 650), fill=SKY)
    # tap: pipe from the wall on the right, spout curving down over the middle
    capsule(d, 690, 70, 1000, 122, CHROME)
    d.rounded_rectangle(box(960, 40, 1040, 152), radius=s(18), fill=CHROME_DARK)
    d.rounded_rectangle(box(560, 70, 740, 122), radius=s(26), fill=CHROME)
    d.pieslice(box(548, 70, 652, 174), start=180, end=270, fill=CHROME)
    d.rectangle(box(548, 120, 600, 180), fill=CHROME)
    d.rounded_rectangle(box(540, 170, 608, 196), radius=s(10), fill=CHROME_DARK)
    # tap handle
    d.rounded_rectangle(box(780, 30, 820, 72), radius=s(8), fill=CHROME_DARK)
    capsule(d, 730, 18, 870, 42, TEAL)
    # shine on the tap
    capsule(d, 600, 80, 700, 92, (232, 238, 244))
    # water stream
    d.rounded_rectangle(box(556, 192, 592, 360), radius=s(16), fill=WATER)
    capsule(d, 566, 200, 576, 340, WATER_LIGHT)
    # sink basin at the bottom
    d.rounded_rectangle(box(180, 560, 1020, 720), radius=s(60), fill=WHITE, outline=STEEL_LIGHT,
                        width=s(6))
    d.ellipse(box(560, 600, 640, 630), fill=STEEL_LIGHT)
    # two hands rubbing together under the water
    paste_rotated(img, hand_layer(flip=False), angle=-14, centre=(486, 432))
    paste_rotated(img, hand_layer(flip=True), angle=14, centre=(660, 432))
    d = ImageDraw.Draw(img)
    # soap bubbles
    for cx, cy, r in [(470, 330, 26), (520, 300, 16), (640, 310, 20), (700, 345, 30),
                      (590, 400, 24), (560, 460, 18), (430, 420, 14), (760, 440, 16),
                      (380, 280, 18), (820, 290, 22), (860, 360, 12), (330, 360, 12),
                      (620, 480, 14)]:
        bubble(d, cx, cy, r)
    # splashing drops
    for cx, cy, r in [(400, 220, 12), (330, 330, 10), (790, 230, 12), (850, 320, 10),
                      (290, 460, 11), (880, 470, 11), (250, 250, 8), (930, 380, 8)]:
        drop(d, cx, cy, r, WATER)
    # accents
    sparkle(d, 180, 170, 28, SUN)
    sparkle(d, 1050, 300, 24, SUN)
    sparkle(d, 960, 220, 14, TEAL)
    finish(img, path)


def main() -> None:
    draw_flu_shot(ROOT / "content" / "vaccines" / "flu-shot.png")
    draw_handwashing(ROOT / "content" / "everyday-care" / "handwashing.png")


if __name__ == "__main__":
    main()
