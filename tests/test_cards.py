"""Social card rendering: size, determinism, fitting, right-to-left, fonts and layout checks."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image, ImageChops

from wellread.social.cards.colors import contrast_ratio
from wellread.social.cards.draw import render_card
from wellread.social.cards.fingerprint import card_fingerprint
from wellread.social.cards.glyphs import font_problems, missing_glyphs
from wellread.social.cards.layout import load_layout
from wellread.social.cards.lines import ELLIPSIS
from wellread.social.cards.model import CARD_SIZES, CardError, CardLayout, CardText
from wellread.social.cards.plan import title_lines
from wellread.social.cards.scripts import script_runs

LAYOUT_FILE = Path(__file__).resolve().parents[1] / "theme" / "cards" / "layout.yml"


@pytest.fixture(scope="module")
def shipped() -> CardLayout:
    return load_layout(LAYOUT_FILE)


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> CardLayout:
    """The shipped layout's plain look (dark text on white, no logo), which most tests measure:
    the bold, topic-coloured look has tests of its own."""
    return load_layout(write_layout(tmp_path_factory.mktemp("plain"), PLAIN, merge=False))


PLAIN = {"bold": None, "logo": None}


def english(**changes: str) -> CardText:
    fields = {
        "title": "Flu vaccine: what to know",
        "description": "Who should get it, when, and where.",
        "topic": "Vaccines",
        "site_name": "wellread health",
        "lang": "en",
        "direction": "ltr",
    }
    return CardText(**(fields | changes))


def arabic(**changes: str) -> CardText:
    fields = {
        "title": "لقاح COVID-19: ما يجب أن تعرفه",
        "description": "من يجب أن يحصل عليه، ومتى، وأين.",
        "topic": "اللقاحات",
        "site_name": "wellread health",
        "lang": "ar",
        "direction": "rtl",
    }
    return CardText(**(fields | changes))


def open_png(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data)).convert("RGB")


def palette_card(text: CardText, layout: CardLayout, size: tuple[int, int]) -> Image.Image:
    """The card as drawn before it is written: palette indices with their palette."""
    from wellread.social.cards.draw import _card_indices
    from wellread.social.cards.plan import _plan

    plan = _plan(text, layout, size)
    index, palette = _card_indices(plan, layout.for_size(size), size)
    index.putpalette(palette)
    return index


def ink_box(image: Image.Image, background: str) -> tuple[int, int, int, int] | None:
    """Bounding box of everything that is not background."""
    plain = Image.new("RGB", image.size, background)
    return ImageChops.difference(image, plain).getbbox()


def write_layout(tmp_path: Path, change: dict[str, Any], merge: bool = True) -> Path:
    """A copy of the shipped layout with some sections changed (merged) or replaced."""
    data = yaml.safe_load(LAYOUT_FILE.read_text(encoding="utf-8"))
    if data.get("logo"):  # the copy is elsewhere: its logo stays the shipped one
        data["logo"]["path"] = str(LAYOUT_FILE.parent / data["logo"]["path"])
    for key, value in change.items():
        if merge and isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = data[key] | value
        else:
            data[key] = value
    path = tmp_path / "layout.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def text_area_cleared(image: Image.Image, layout: CardLayout, rtl: bool) -> Image.Image:
    """The card with the text box and the accent bar painted over in the background color."""
    width, height = image.size
    start, end = layout.margin_start, layout.margin_end
    left, right = (end, width - start) if rtl else (start, width - end)
    cleared = image.copy()
    cleared.paste(
        layout.background, (left, layout.margin_top, right, height - layout.margin_bottom)
    )
    bar = (
        (width - layout.accent_width, 0, width, height)
        if rtl
        else (0, 0, layout.accent_width, height)
    )
    cleared.paste(layout.background, bar)
    return cleared


def test_card_is_1200_by_630_png_by_default(layout: CardLayout) -> None:
    data = render_card(english(), layout)
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert Image.open(io.BytesIO(data)).size == (1200, 630)


def test_square_card_has_the_requested_size(layout: CardLayout) -> None:
    assert open_png(render_card(english(), layout, (1080, 1080))).size == (1080, 1080)


def test_same_input_gives_identical_bytes(layout: CardLayout) -> None:
    assert render_card(arabic(), layout) == render_card(arabic(), layout)


def test_fingerprint_is_stable_and_follows_the_text(layout: CardLayout) -> None:
    first = card_fingerprint(english(), layout, (1200, 630))
    assert first == card_fingerprint(english(), layout, (1200, 630))
    assert len(first) == 64
    assert first != card_fingerprint(english(title="Measles"), layout, (1200, 630))
    assert first != card_fingerprint(english(), layout, (1080, 1080))


def test_a_cards_cache_key_does_not_depend_on_the_sites_folder(tmp_path: Path) -> None:
    # A CI runner restores .cache/ into a fresh clone, in another folder, with new file times.
    one, two = tmp_path / "one", tmp_path / "two"
    shutil.copytree(LAYOUT_FILE.parent, one)
    shutil.copytree(LAYOUT_FILE.parent, two)
    (one / "fonts").mkdir()  # a folder of the site's own fonts (here empty) is searched first
    (two / "fonts").mkdir()
    os.utime(two / "logo.png", ns=(1, 1))
    layouts = [load_layout(folder / "layout.yml") for folder in (one, two)]
    for size in CARD_SIZES.values():
        for text in (english(), arabic()):
            assert card_fingerprint(text, layouts[0], size) == card_fingerprint(
                text, layouts[1], size)


def test_a_logo_edited_while_serving_gives_new_cache_keys(tmp_path: Path) -> None:
    # The same process (`wellread serve`) loads the same layout again after the edit.
    shutil.copytree(LAYOUT_FILE.parent, tmp_path / "cards")
    before = card_fingerprint(english(), load_layout(tmp_path / "cards" / "layout.yml"),
                              (1200, 630))
    Image.new("RGB", (60, 20), "#7a1f5c").save(tmp_path / "cards" / "logo.png")
    after = card_fingerprint(english(), load_layout(tmp_path / "cards" / "layout.yml"),
                             (1200, 630))
    assert after != before


def test_long_title_is_shortened_with_an_ellipsis(layout: CardLayout) -> None:
    title = "Vaccination schedules for children, adolescents and adults " * 6
    lines = title_lines(english(title=title), layout)
    assert len(lines) == layout.title.max_lines
    assert lines[-1].endswith(ELLIPSIS)
    assert not lines[-1].endswith(" " + ELLIPSIS)


def test_short_title_keeps_the_largest_size_and_no_ellipsis(layout: CardLayout) -> None:
    assert title_lines(english(title="Measles"), layout) == ["Measles"]


@pytest.mark.parametrize("size", [(1200, 630), (1080, 1080)])
@pytest.mark.parametrize("make", [english, arabic])
def test_long_text_never_leaves_the_margins(layout: CardLayout, make: Any, size: Any) -> None:
    text = make(
        title="Supercalifragilisticexpialidociousvaccinationschedulesforeveryone " * 5,
        description="Who should get it, when, and where; and what it costs. " * 10,
        topic="Vaccines and immunization schedules for every age group",
        site_name="wellread health, a very long name for a health site",
    )
    image = open_png(render_card(text, layout, size))
    cleared = text_area_cleared(image, layout, text.direction == "rtl")
    assert ink_box(cleared, layout.background) is None


def test_arabic_card_is_right_aligned(layout: CardLayout) -> None:
    text = arabic(title="لقاح الإنفلونزا", description="", topic="", site_name="")
    image = open_png(render_card(text, layout))
    width = image.width
    text_right = width - layout.margin_start
    text_left = layout.margin_end
    left, _, right, _ = ink_box(image.crop((0, 0, width - layout.accent_width, 630)), "#ffffff")
    assert text_right - 12 <= right <= text_right
    # The title is shorter than a line: the left part of the text box stays empty.
    assert left > text_left + 200


def test_arabic_card_has_the_accent_bar_on_the_right(layout: CardLayout) -> None:
    image = open_png(render_card(arabic(), layout))
    accent = tuple(int(layout.accent_color[i : i + 2], 16) for i in (1, 3, 5))
    assert image.getpixel((image.width - 2, 300)) == accent
    assert image.getpixel((1, 300)) != accent


def test_english_card_is_left_aligned(layout: CardLayout) -> None:
    text = english(title="Measles", description="", topic="", site_name="")
    image = open_png(render_card(text, layout))
    left, _, right, _ = ink_box(image.crop((layout.accent_width, 0, 1200, 630)), "#ffffff")
    assert layout.margin_start <= left + layout.accent_width <= layout.margin_start + 12
    assert right < 1200 - layout.margin_end - 200


def test_latin_word_in_arabic_title_gets_a_latin_run(layout: CardLayout) -> None:
    runs = script_runs("لقاح COVID-19: ما يجب", layout, "ar", "rtl")
    assert [(run.text, run.family, run.rtl) for run in runs] == [
        ("لقاح ", "arabic", True),
        ("COVID-19", "latin", False),
        (": ما يجب", "arabic", True),
    ]


def test_arabic_title_with_latin_word_has_no_missing_glyphs(layout: CardLayout) -> None:
    assert missing_glyphs("لقاح COVID-19 (مجاني)…", layout, "ar", "rtl") == ""


def test_arabic_only_font_would_draw_latin_letters_as_boxes(
    layout: CardLayout, tmp_path: Path
) -> None:
    arabic_fonts = {"arabic": yaml.safe_load(LAYOUT_FILE.read_text("utf-8"))["fonts"]["arabic"]}
    arabic_only = load_layout(write_layout(tmp_path, {"fonts": arabic_fonts}, merge=False))
    assert set("COVID") <= set(missing_glyphs("لقاح COVID-19", arabic_only, "ar", "rtl"))


def test_chinese_title_breaks_between_characters(layout: CardLayout) -> None:
    text = english(
        title="流感疫苗：接种前您需要了解的一切，包括谁应该接种、何时接种以及在哪里接种。",  # noqa: RUF001
        lang="zh",
    )
    lines = title_lines(text, layout)
    assert len(lines) >= 2
    assert "".join(lines) == text.title
    # Closing punctuation never starts a line.
    assert not any(line[0] in "，。、：）" for line in lines)  # noqa: RUF001
    assert missing_glyphs(text.title, layout, "zh") == ""


def test_spanish_accents_decomposed_or_not_draw_the_same(layout: CardLayout) -> None:
    composed = english(title="Vacunación: qué debe saber", lang="es")
    decomposed = english(title="Vacunacio\u0301n: que\u0301 debe saber", lang="es")
    assert render_card(composed, layout) == render_card(decomposed, layout)


def test_low_contrast_layout_is_refused(tmp_path: Path) -> None:
    path = write_layout(tmp_path, {"colors": {"description": "#bbbbbb"}})
    with pytest.raises(CardError, match=r"colors\.description .* 4\.5:1"):
        load_layout(path)


def test_unknown_layout_key_is_named(tmp_path: Path) -> None:
    path = write_layout(tmp_path, {"title": {"max_line": 2}})
    with pytest.raises(CardError, match=r"title\.max_line"):
        load_layout(path)


def test_bad_color_names_the_key(tmp_path: Path) -> None:
    path = write_layout(tmp_path, {"colors": {"accent": "green"}})
    with pytest.raises(CardError, match=r"colors\.accent must be a color"):
        load_layout(path)


def test_missing_script_font_is_a_warning_and_the_card_is_still_drawn(tmp_path: Path) -> None:
    fonts = yaml.safe_load(LAYOUT_FILE.read_text("utf-8"))["fonts"]
    fonts["cjk"]["bold"] = "NotoSansCJK-Missing.ttc"
    broken = load_layout(write_layout(tmp_path, {"fonts": fonts}))
    text = english(title="流感疫苗", lang="zh")
    problems = font_problems(text, broken)
    assert any("NotoSansCJK-Missing.ttc" in p and "apt-get install fonts-noto-cjk" in p
               for p in problems)
    assert render_card(text, broken).startswith(b"\x89PNG")


def test_no_fallback_font_at_all_is_an_error_naming_the_package(tmp_path: Path) -> None:
    fonts = yaml.safe_load(LAYOUT_FILE.read_text("utf-8"))["fonts"]
    for family in fonts.values():  # other families draw Latin too: take them all away
        family["regular"] = family["bold"] = "NotoSans-Missing.ttf"
    broken = load_layout(write_layout(tmp_path, {"fonts": fonts}))
    with pytest.raises(CardError, match=r"NotoSans-Missing\.ttf.*apt-get install fonts-noto-core"):
        render_card(english(description="Plain text"), broken)


def test_missing_font_for_an_unused_script_does_not_matter(tmp_path: Path) -> None:
    fonts = yaml.safe_load(LAYOUT_FILE.read_text("utf-8"))["fonts"]
    fonts["cjk"]["regular"] = "NotoSansCJK-Missing.ttc"
    broken = load_layout(write_layout(tmp_path, {"fonts": fonts}))
    assert render_card(english(), broken).startswith(b"\x89PNG")


def test_bad_direction_is_refused(layout: CardLayout) -> None:
    with pytest.raises(CardError, match="ltr, rtl"):
        render_card(english(direction="right"), layout)


def test_logo_is_drawn_inside_the_margins(tmp_path: Path) -> None:
    Image.new("RGB", (40, 20), "#0b6e4f").save(tmp_path / "logo.png")
    with_logo = load_layout(write_layout(
        tmp_path, {"logo": {"path": "logo.png", "height": 40}, "bold": None}
    ))
    image = open_png(render_card(english(), with_logo))
    assert image.getpixel((1200 - with_logo.margin_end - 5, 630 - with_logo.margin_bottom - 5)) == (
        11,
        110,
        79,
    )
    assert ink_box(text_area_cleared(image, with_logo, rtl=False), "#ffffff") is None


def test_a_logo_changed_on_disk_is_drawn_as_it_is_now(tmp_path: Path) -> None:
    # The scaled logo and its palette are kept between cards; an edited logo file (a preview
    # while the theme changes) is read again.
    Image.new("RGB", (40, 20), "#0b6e4f").save(tmp_path / "logo.png")
    with_logo = load_layout(write_layout(
        tmp_path, {"logo": {"path": "logo.png", "height": 40}, "bold": None}
    ))
    corner = (1200 - with_logo.margin_end - 5, 630 - with_logo.margin_bottom - 5)
    assert open_png(render_card(english(), with_logo)).getpixel(corner) == (11, 110, 79)
    Image.new("RGB", (60, 20), "#7a1f5c").save(tmp_path / "logo.png")
    assert open_png(render_card(english(), with_logo)).getpixel(corner) == (122, 31, 92)


def test_black_on_white_contrast_is_21() -> None:
    assert contrast_ratio("#000000", "#ffffff") == 21
    assert contrast_ratio("#ffffff", "#ffffff") == 1


def test_contrast_of_a_mid_grey_matches_wcag() -> None:
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_scrim_color_without_contrast_is_refused(tmp_path: Path) -> None:
    path = write_layout(tmp_path, {"article_image": {"scrim": "#336699"}})
    with pytest.raises(CardError, match=r"article_image\.scrim #336699 has a contrast"):
        load_layout(path)


def test_unknown_square_key_is_named(tmp_path: Path) -> None:
    path = write_layout(tmp_path, {"square": {"title": {"max_size": 90, "colour": "#000000"}}})
    with pytest.raises(CardError, match=r"square\.title\.colour"):
        load_layout(path)


def test_square_cards_use_the_square_title_size(layout: CardLayout) -> None:
    square = dict(layout.variants)["square"]
    assert layout.for_size((1080, 1080)).title.max_size == square.title.max_size
    assert layout.for_size((1200, 630)) is layout
    assert square.title.max_size > layout.title.max_size
    # Square cards may use more lines (5) than landscape ones (3), at the larger size.
    title = "Vaccination schedules for children, adolescents and adults in every season"
    assert len(title_lines(english(title=title), layout, (1080, 1080))) == 5
    assert len(title_lines(english(title=title), layout)) == 3


@pytest.mark.parametrize("text", [english(), arabic()], ids=["en", "ar"])
@pytest.mark.parametrize("size", [(1200, 630), (1080, 1080)], ids=["landscape", "square"])
def test_palette_card_looks_the_same_as_one_drawn_in_full_color(
    layout: CardLayout, text: CardText, size: tuple[int, int]
) -> None:
    from wellread.social.cards.draw import _full_color_card
    from wellread.social.cards.plan import _plan

    plan = _plan(text, layout, size)
    sized = layout.for_size(size)
    palette = palette_card(text, layout, size).convert("RGB")
    full = _full_color_card(plan, sized, size, None)
    assert Image.open(io.BytesIO(render_card(text, layout, size))).mode == "P"
    # Every pixel within 2 levels of the RGB drawing: the soft edges of letters are kept.
    assert max(high for _low, high in ImageChops.difference(palette, full).getextrema()) <= 2
    assert ink_box(palette, layout.background) == ink_box(full, layout.background)


@pytest.mark.parametrize("text", [english(), arabic()], ids=["en", "ar"])
def test_the_card_file_holds_exactly_the_drawn_pixels(layout: CardLayout, text: CardText) -> None:

    for size in ((1200, 630), (1080, 1080)):
        drawn = palette_card(text, layout, size)
        written = Image.open(io.BytesIO(render_card(text, layout, size)))
        written.load()  # reads every chunk and checks each CRC
        assert (written.size, written.mode) == (size, "P")
        assert written.getpalette() == drawn.getpalette()
        assert written.tobytes() == drawn.tobytes()


def test_a_card_comes_out_as_the_same_bytes_whatever_was_drawn_before(
    layout: CardLayout, tmp_path: Path
) -> None:
    # A long build reuses memory that earlier cards and pages dirtied, and a language's cards
    # may be drawn in this process or in fresh worker processes: the bytes must not change
    # (once, in CI, two builds gave the same pixels as different bytes; the PNG writer's
    # compressor was replaced then).
    from wellread.social.batch import CardJob, render_batch

    first = render_card(english(), layout, (1080, 1080))
    for n in range(12):
        scratch = [bytes([n]) * 300_000, bytearray(os.urandom(200_000))]
        render_card(english(title=f"Another card {n}", description="Other words " * n), layout,
                    (1080, 1080))
        del scratch
        assert render_card(english(), layout, (1080, 1080)) == first
    jobs = [CardJob(english(title=f"Card {n}"), (1080, 1080), tmp_path / f"{n}.png")
            for n in range(5)] + [CardJob(english(), (1080, 1080), tmp_path / "same.png")]
    render_batch(jobs, layout, tmp_path / "cache", workers=2)  # drawn in spawned processes
    assert (tmp_path / "same.png").read_bytes() == first


# Cards as this renderer draws them, with what else goes into their cache key (Pillow, raqm, the
# PNG writer, the font files). A change to the drawing code that moves a pixel without a new
# _RENDERER_VERSION would let the card cache hand out cards that a build with an empty cache
# draws differently: the same site would no longer build to the same bytes.
DRAWN_CARDS = Path(__file__).resolve().parent / "data" / "card-digests.json"


def _drawing_environment(layout: CardLayout) -> dict[str, Any]:
    import PIL
    from PIL import features

    from wellread.core.cache import file_digest
    from wellread.social.cards import fingerprint

    fonts = {}
    for family in layout.fonts:
        for bold in (False, True):
            path = fingerprint._find_font_file(layout, family, bold)
            fonts[path.name] = file_digest(str(path))
    return {
        "renderer": fingerprint._RENDERER_VERSION, "pillow": PIL.__version__,
        "raqm": features.version("raqm"), "png": fingerprint._png_writer(), "fonts": fonts,
    }


def test_a_card_with_the_same_cache_key_has_the_same_bytes(shipped: CardLayout) -> None:
    import hashlib
    import json

    texts = {"en": english(), "ar": arabic(), "es": english(title="Vacunas: qué saber", lang="es")}
    drawn = {
        f"{name}-{kind}": hashlib.sha256(render_card(text, shipped, size)).hexdigest()
        for name, text in texts.items() for kind, size in CARD_SIZES.items()
    }
    environment = _drawing_environment(shipped)
    if os.environ.get("WELLREAD_RECORD_CARDS"):
        record = {"environment": environment, "cards": drawn}
        DRAWN_CARDS.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n")
    recorded = json.loads(DRAWN_CARDS.read_text(encoding="utf-8"))
    if recorded["environment"] != environment:
        pytest.skip("recorded with other fonts, Pillow or renderer version: after a deliberate "
                    "change, record again with WELLREAD_RECORD_CARDS=1")
    changed = sorted(name for name, digest in drawn.items() if recorded["cards"][name] != digest)
    assert not changed, (
        f"new bytes under the same cache key ({', '.join(changed)}): raise _RENDERER_VERSION in "
        "wellread/social/cards/fingerprint.py, then record with WELLREAD_RECORD_CARDS=1"
    )
