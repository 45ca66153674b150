"""Cards in five scripts: every character of each title has a glyph in the font drawing it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from wellread.social.cards.draw import render_card
from wellread.social.cards.glyphs import font_problems, missing_glyphs
from wellread.social.cards.layout import load_layout
from wellread.social.cards.model import CardLayout, CardText
from wellread.social.cards.scripts import script_runs

LAYOUT_FILE = Path(__file__).resolve().parents[1] / "theme" / "cards" / "layout.yml"

TITLES = {
    "en": ("Flu vaccine: what to know", "ltr", {"latin"}),
    "es": ("Vacuna contra la gripe: lo que debe saber (¿cuándo?)", "ltr", {"latin"}),
    "ar": ("لقاح COVID-19: ما يجب أن تعرفه", "rtl", {"arabic", "latin"}),
    "hi": ("फ्लू का टीका: क्या जानना ज़रूरी है", "ltr", {"devanagari"}),
    "zh": ("流感疫苗：您需要了解的知识（2026 年）", "ltr", {"cjk"}),  # noqa: RUF001
}


@pytest.fixture(scope="module")
def layout() -> CardLayout:
    return load_layout(LAYOUT_FILE)


def card_text(lang: str) -> CardText:
    title, direction, _ = TITLES[lang]
    return CardText(title, "", "", "wellread health", lang, direction)


@pytest.mark.parametrize("lang", sorted(TITLES))
def test_every_character_of_the_title_has_a_glyph_in_its_font(
    layout: CardLayout, lang: str
) -> None:
    title, direction, _ = TITLES[lang]
    assert missing_glyphs(title, layout, lang, direction) == ""
    assert font_problems(card_text(lang), layout) == []


@pytest.mark.parametrize("lang", sorted(TITLES))
def test_each_script_is_drawn_with_its_own_font_family(layout: CardLayout, lang: str) -> None:
    title, direction, families = TITLES[lang]
    for bold in (False, True):
        used = {run.family for run in script_runs(title, layout, lang, direction, bold)}
        assert used == families


def test_a_character_no_font_has_is_reported(layout: CardLayout) -> None:
    # U+0F00 (Tibetan) is in no font the layout lists.
    assert missing_glyphs("Flu ༀ", layout, "en") == "ༀ"
    problems = font_problems(CardText("Flu ༀ", "", "", "", "en", "ltr"), layout)
    assert len(problems) == 1 and "'ༀ'" in problems[0]


def test_missing_font_is_a_warning_naming_the_debian_package(
    layout: CardLayout, tmp_path: Path
) -> None:
    data = yaml.safe_load(LAYOUT_FILE.read_text("utf-8"))
    data["fonts"]["devanagari"]["regular"] = "NotInstalled-Regular.ttf"
    data["fonts"]["devanagari"]["bold"] = "NotInstalled-Bold.ttf"
    data["fonts"]["devanagari"]["package"] = "fonts-noto-extra"
    data["logo"] = None  # the copy is elsewhere; the logo is not what this test is about
    path = tmp_path / "layout.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    broken = load_layout(path)
    problems = font_problems(card_text("hi"), broken)
    assert any(
        "devanagari" in p and "sudo apt-get install fonts-noto-extra" in p for p in problems
    )
    # The card is still drawn (with boxes) instead of failing the build.
    assert Image.open(io.BytesIO(render_card(card_text("hi"), broken))).size == (1200, 630)
    # Text that does not need the missing font gets no warning.
    assert font_problems(card_text("en"), broken) == []


# Letters of the sample's scripts, marks, digits, punctuation, and characters no font has.
_MIXED = "aé Zñ ل م ة ً ّ क ि ् 流 感 ： 1 9 - : ? ! ( ) « » ༀ 𓀀 ᚠ \u0301 \u200d 😷"  # noqa: RUF001


@given(st.lists(st.sampled_from(_MIXED.split()), min_size=1, max_size=12).map(" ".join),
       st.sampled_from(["en", "ar", "hi", "zh"]), st.sampled_from(["ltr", "rtl"]))
@settings(max_examples=300, deadline=None)
def test_the_quick_font_check_reports_every_glyph_the_card_cannot_draw(
    title: str, lang: str, direction: str
) -> None:
    layout = load_layout(LAYOUT_FILE)
    problems = font_problems(CardText(title, "", "", "", lang, direction), layout)
    missing = missing_glyphs(title, layout, lang, direction)
    assert any("no installed font has a glyph" in p for p in problems) == bool(missing)


@pytest.mark.parametrize("lang", sorted(TITLES))
def test_words_drawn_one_at_a_time_sit_where_the_whole_line_puts_them(
    layout: CardLayout, lang: str
) -> None:
    from PIL import ImageChops, ImageDraw, ImageStat

    from wellread.social.cards.draw import _draw_line, _DrawCanvas
    from wellread.social.cards.lines import _Block
    from wellread.social.cards.plan import _Box

    title, direction, _ = TITLES[lang]
    block = _Block(layout, CardText(title, "", "", "", lang, direction), 60, True)
    by_word, whole = Image.new("L", (1600, 200)), Image.new("L", (1600, 200))
    canvas = _DrawCanvas(ImageDraw.Draw(by_word))
    _draw_line(canvas, block, title, _Box(40, 1560, 0, 200), 120, 255)
    x = 40.0 if direction == "ltr" else 1560 - sum(p.advance for p in block.place(title))
    for part in block.place(title):
        ImageDraw.Draw(whole).text(
            (round(x), 120), part.run.text, font=part.font, fill=255, anchor="ls",
            direction="rtl" if part.run.rtl else "ltr", language=lang,
        )
        x += part.advance
    word_box, line_box = by_word.getbbox(), whole.getbbox()
    assert word_box is not None and line_box is not None
    assert all(abs(a - b) <= 1 for a, b in zip(word_box, line_box, strict=True))
    # At most a pixel's shift at the edge of a word: the same ink, nearly the same pixels.
    assert ImageStat.Stat(by_word).sum[0] == pytest.approx(ImageStat.Stat(whole).sum[0], rel=0.01)
    assert ImageStat.Stat(ImageChops.difference(by_word, whole)).mean[0] < 1.5
