"""The cards' looks: every size, the picture beside the text, topic colours, the bold and alert
designs, their contrast, text out of a story's overlay zones, and shaped titles in many scripts."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from PIL import Image, ImageChops

from wellread.social.cards.backdrop import article_picture
from wellread.social.cards.colors import MIN_CONTRAST, contrast_ratio
from wellread.social.cards.draw import render_card
from wellread.social.cards.glyphs import font_problems
from wellread.social.cards.layout import load_layout
from wellread.social.cards.model import CARD_SIZES, CardError, CardLayout, CardText
from wellread.social.cards.style import card_look, picture_box

ROOT = Path(__file__).resolve().parents[1]
LAYOUT_FILE = ROOT / "theme" / "cards" / "layout.yml"
PICTURE = ROOT / "content" / "everyday-care" / "handwashing.png"

EN = CardText("Handwashing: how and when to wash your hands",
              "Five steps to wash your hands the right way.", "Everyday care", "wellread health",
              "en", "ltr", "everyday-care")
AR = CardText("غسل اليدين: كيف ومتى تغسل يديك", "خمس خطوات لغسل يديك بالطريقة الصحيحة.",
              "الرعاية اليومية", "wellread health", "ar", "rtl", "everyday-care")
ALERT = CardText("Flu cases are rising in our area. Get your flu shot now.", "", "Urgent",
                 "wellread health", "en", "ltr", alert=True)


@pytest.fixture(scope="module")
def layout() -> CardLayout:
    return load_layout(LAYOUT_FILE)


def card(text: CardText, layout: CardLayout, kind: str, picture: Path | None = None
         ) -> Image.Image:
    return Image.open(io.BytesIO(render_card(text, layout, CARD_SIZES[kind], picture))
                      ).convert("RGB")


def test_the_shipped_layout_makes_every_size(layout: CardLayout) -> None:
    assert layout.sizes == ("landscape", "square", "portrait", "story")
    assert CARD_SIZES["portrait"] == (1080, 1350) and CARD_SIZES["story"] == (1080, 1920)


@pytest.mark.parametrize("kind", list(CARD_SIZES))
@pytest.mark.parametrize("text", [EN, AR], ids=["en", "ar"])
def test_every_size_is_drawn_with_and_without_a_picture(
    layout: CardLayout, text: CardText, kind: str
) -> None:
    for picture in (None, PICTURE):
        assert card(text, layout, kind, picture).size == CARD_SIZES[kind]


@pytest.mark.parametrize("kind", list(CARD_SIZES))
@pytest.mark.parametrize("text", [EN, AR], ids=["en", "ar"])
def test_the_picture_is_beside_the_text_at_full_strength(
    layout: CardLayout, text: CardText, kind: str
) -> None:
    size = CARD_SIZES[kind]
    drawn = card(text, layout, kind, PICTURE)
    box = picture_box(layout.for_size(size), size, text.direction == "rtl")
    look = card_look(layout, text, size, picture=True)
    expected = article_picture(PICTURE, (box[2] - box[0], box[3] - box[1]), look.background)
    region = drawn.crop(box)
    if look.accent_width:  # the topic's bar runs along the start edge, over a tall picture
        bar = (size[0] - look.accent_width, 0) if text.direction == "rtl" else (0, 0)
        bar_box = (*bar, bar[0] + look.accent_width, size[1])
        cut = (bar_box[0] - box[0], 0, bar_box[2] - box[0], box[3] - box[1])
        region.paste((0, 0, 0), cut)
        expected.paste((0, 0, 0), cut)
    assert ImageChops.difference(region, expected).getbbox() is None  # not washed out
    # The text box ends where the picture begins.
    if size[0] > size[1]:
        assert look.margin_end >= box[2] - box[0]
    else:
        assert look.margin_top >= box[3]


def test_a_card_without_a_picture_is_bold_in_its_topics_colour(layout: CardLayout) -> None:
    drawn = card(EN, layout, "landscape")
    assert drawn.getpixel((600, 5)) == (11, 110, 79)  # everyday-care's #0b6e4f
    heart = card(CardText("Heart attack", "", "Heart", "w", "en", "ltr", "heart-health"),
                 layout, "landscape")
    assert heart.getpixel((600, 5)) == (180, 35, 24)  # #b42318
    # A topic without a colour of its own gets the accent colour.
    other = card(CardText("About us", "", "", "w", "en", "ltr", "about"), layout, "landscape")
    assert other.getpixel((600, 5)) == (11, 110, 79)


def test_every_look_keeps_the_contrast_of_its_text(layout: CardLayout) -> None:
    assert layout.bold is not None and layout.alert is not None
    backgrounds = [color for _, color in layout.topic_colors] + [layout.accent_color]
    for paper in backgrounds:
        for ink in (layout.bold.title, layout.bold.description, layout.bold.topic,
                    layout.bold.site_name):
            assert contrast_ratio(ink, paper) >= MIN_CONTRAST, (ink, paper)
    for ink in (layout.alert.title, layout.alert.description, layout.alert.topic,
                layout.alert.site_name):
        assert contrast_ratio(ink, layout.alert.background) >= MIN_CONTRAST
    for text in (EN, AR, ALERT):
        for picture in (None, PICTURE):
            look = card_look(layout, text, CARD_SIZES["square"], picture is not None)
            for ink in (look.title_color, look.description_color, look.topic_color,
                        look.site_name_color):
                assert contrast_ratio(ink, look.background) >= MIN_CONTRAST


def test_a_topic_colour_without_contrast_is_refused(tmp_path: Path) -> None:
    data = yaml.safe_load(LAYOUT_FILE.read_text("utf-8"))
    data["topic_colors"]["vaccines"] = "#ffcc00"  # white text on yellow: 1.6:1
    data["logo"] = None
    path = tmp_path / "layout.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(CardError, match=r"bold\.title #ffffff on topic_colors\.vaccines #ffcc00"):
        load_layout(path)


def test_the_alert_card_has_its_own_colours(layout: CardLayout) -> None:
    assert layout.alert is not None
    drawn = card(ALERT, layout, "square")
    assert drawn.getpixel((540, 5)) == (155, 28, 28)  # #9b1c1c


@pytest.mark.parametrize("picture", [None, PICTURE], ids=["bold", "picture"])
def test_story_text_stays_out_of_the_overlay_zones(
    layout: CardLayout, picture: Path | None
) -> None:
    size = CARD_SIZES["story"]
    long = CardText(" ".join(["Vaccination schedules for every age"] * 4),
                    " ".join(["Who should get which vaccine, and when."] * 6), "Vaccines",
                    "wellread health", "en", "ltr", "vaccines")
    look = card_look(layout, long, size, picture is not None)
    assert look.margin_top >= 250 and look.margin_bottom >= 340
    drawn = card(long, layout, "story", picture)
    plain = Image.new("RGB", size, look.background)
    bar = look.accent_width
    top = 0 if picture is None else picture_box(look, size, False)[3]
    for zone in ((bar, top, size[0], max(top, 250)), (bar, size[1] - 340, size[0], size[1])):
        if zone[1] < zone[3]:
            assert ImageChops.difference(drawn.crop(zone), plain.crop(zone)).getbbox() is None


@pytest.mark.parametrize(("lang", "direction", "title"), [
    ("ar", "rtl", "لقاح الإنفلونزا: ما يجب أن تعرفه"),
    ("fa", "rtl", "واکسن آنفولانزا: آنچه باید بدانید"),
    ("ur", "rtl", "فلو ویکسین: آپ کو کیا جاننا چاہیے"),
    ("zh", "ltr", "流感疫苗\uff1a您需要知道的事"),  # a full-width colon
    ("ja", "ltr", "インフルエンザワクチンについて"),
    ("hi", "ltr", "फ्लू का टीका: क्या जानना ज़रूरी है"),
])
def test_titles_in_every_script_are_drawn_with_their_fonts(
    layout: CardLayout, lang: str, direction: str, title: str
) -> None:
    text = CardText(title, "", "", "wellread health", lang, direction, "vaccines")
    assert font_problems(text, layout) == []
    for kind in CARD_SIZES:
        assert card(text, layout, kind).size == CARD_SIZES[kind]


def test_urdu_is_drawn_in_nastaliq_when_installed(layout: CardLayout) -> None:
    from wellread.social.cards.scripts import script_runs

    runs = script_runs("فلو ویکسین", layout, "ur", "rtl", bold=True)
    assert {run.family for run in runs} == {"urdu"}
    assert {run.family for run in script_runs("فلو", layout, "fa", "rtl")} == {"arabic"}
