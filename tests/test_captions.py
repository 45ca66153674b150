"""Share captions: limits per platform, counting rules, hashtags and what gets cut first."""

from __future__ import annotations

import pytest

from wellread.core.urls import web_addresses
from wellread.social.captions import (
    ELLIPSIS,
    PLATFORMS,
    CaptionError,
    caption_for,
    caption_length,
    captions_for,
    email_for,
    hashtag,
    platform_rules,
    sms_segments,
)

URL = "https://health.example.org/en/vaccines/flu-shot-what-to-know/"
LONG_TEXT = (
    "Get your flu shot this fall. It is free at most clinics and pharmacies, and it protects "
    "you and the people around you, including babies and older adults, from serious illness. "
) * 16
TAGS = ("flu shot", "Vaccines", "public health")


def test_every_platform_has_rules_in_the_data_file() -> None:
    rules = platform_rules()
    assert set(rules) == set(PLATFORMS)
    assert rules["facebook"].hard_limit == 63206
    assert (rules["linkedin"].limit, rules["linkedin"].hard_limit) == (700, 3000)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_long_text_caption_is_within_the_platform_limit(platform: str) -> None:
    caption = caption_for(platform, LONG_TEXT, URL, TAGS)
    assert caption_length(platform, caption) <= platform_rules()[platform].limit
    # Not cut to nothing either: the text fills most of the room (all of an SMS's 2 segments).
    limit = platform_rules()[platform].limit
    assert caption_length(platform, caption) >= (limit if limit < 30 else limit - 30)


@pytest.mark.parametrize("platform", [p for p in PLATFORMS if p != "instagram"])
def test_url_is_always_kept_whole(platform: str) -> None:
    caption = caption_for(platform, LONG_TEXT, URL, TAGS)
    assert URL in caption.split("\n\n")


@pytest.mark.parametrize("platform", PLATFORMS)
def test_long_text_is_cut_at_a_word_with_an_ellipsis(platform: str) -> None:
    text = caption_for(platform, LONG_TEXT, URL, TAGS).split("\n\n")[0]
    assert text.endswith(ELLIPSIS)
    assert LONG_TEXT.startswith(text.removesuffix(ELLIPSIS))
    assert LONG_TEXT[len(text) - 1] in " ,."


def test_hashtags_are_dropped_before_the_text_is_cut() -> None:
    # 249 characters: with the URL (2 + 23) it fits X's 280; with even one hashtag it does not.
    text = ("word " * 50).strip()
    caption = caption_for("x", text, URL, TAGS)
    assert caption == f"{text}\n\n{URL}"


def test_last_hashtags_go_first() -> None:
    text = "a" * 240  # 240 + 2 + 23 + 2 + len("#FluShot") = 275: room for one hashtag
    caption = caption_for("x", text, URL, TAGS)
    assert caption == f"{text}\n\n{URL}\n\n#FluShot"


def test_x_counts_a_url_as_23() -> None:
    assert caption_length("x", URL) == 23
    assert caption_length("x", f"Read {URL} now") == len("Read ") + 23 + len(" now")


def test_x_counts_a_bare_domain_as_at_least_23() -> None:
    assert caption_length("x", "see cdc.gov") == len("see ") + 23


def test_x_counts_chinese_characters_as_two() -> None:
    assert caption_length("x", "流感疫苗") == 8
    assert caption_length("x", "لقاح") == 4


def test_mastodon_counts_a_url_as_23_but_bluesky_as_written() -> None:
    assert caption_length("mastodon", URL) == 23
    assert caption_length("bluesky", URL) == len(URL)


def test_bluesky_counts_an_emoji_family_as_one() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    assert len(family) == 7
    assert caption_length("bluesky", family) == 1
    assert caption_length("bluesky", "e\u0301") == 1  # e + combining acute
    assert caption_length("bluesky", "\U0001f1fa\U0001f1f8\U0001f1eb\U0001f1f7") == 2  # two flags
    assert caption_length("bluesky", "\u2764\ufe0f") == 1  # heart + variation selector


def test_x_counts_an_emoji_family_as_two() -> None:
    assert caption_length("x", "\U0001f468\u200d\U0001f469\u200d\U0001f467") == 2


def test_arabic_hashtag_is_built_from_an_arabic_tag() -> None:
    assert hashtag("لقاح") == "#لقاح"
    assert hashtag("لقاح الإنفلونزا!") == "#لقاح_الإنفلونزا"


def test_hashtags_drop_spaces_and_punctuation_and_keep_capitals() -> None:
    assert hashtag("flu shot") == "#FluShot"
    assert hashtag("COVID-19 vaccine") == "#COVID19Vaccine"
    assert hashtag("mRNA") == "#mRNA"
    assert hashtag("#vacunación") == "#vacunación"
    assert hashtag("टीका") == "#टीका"


def test_tag_without_letters_is_an_error() -> None:
    with pytest.raises(CaptionError, match="'2024' has no letters"):
        caption_for("x", "Flu", URL, ["2024"])


def test_repeated_hashtags_appear_once() -> None:
    assert caption_for("x", "Flu", URL, ["Flu shot", "flu-shot"]).endswith("\n\n#FluShot")


def test_unknown_platform_error_lists_valid_names() -> None:
    with pytest.raises(CaptionError, match="x, bluesky, mastodon, facebook, linkedin") as error:
        caption_for("myspace", "Flu", URL)
    assert "'myspace'" in str(error.value)


def test_relative_url_is_refused() -> None:
    with pytest.raises(CaptionError, match="absolute http"):
        caption_for("x", "Flu", "/en/flu/")


def test_url_longer_than_the_limit_is_an_error() -> None:
    with pytest.raises(CaptionError, match="Bluesky"):
        caption_for("bluesky", "Flu", "https://example.org/" + "a" * 400)


def test_arabic_text_is_kept_in_order_and_cut_at_a_word() -> None:
    text = "احصل على لقاح الإنفلونزا هذا الخريف. إنه مجاني في معظم العيادات. " * 20
    caption = caption_for("x", text, URL, ["لقاح"])
    first = caption.split("\n\n")[0]
    assert text.startswith(first.removesuffix(ELLIPSIS))
    assert first.endswith(ELLIPSIS)
    assert caption_length("x", caption) <= 280


def test_chinese_text_is_cut_between_characters() -> None:
    text = "流感疫苗：接种前您需要了解的一切。" * 30  # noqa: RUF001
    caption = caption_for("x", text, URL)
    first = caption.split("\n\n")[0]
    assert first.endswith(ELLIPSIS)
    assert caption_length("x", caption) <= 280
    assert len(first) > 100


def test_captions_for_gives_every_platform() -> None:
    assert list(captions_for("Flu", URL)) == list(PLATFORMS)


def test_full_caption_exact_output() -> None:
    caption = caption_for(
        "mastodon",
        "Get your flu shot this fall.  It is free at most clinics.\n",
        URL,
        ["flu shot", "Vaccines", "vaccines", "salud pública"],
    )
    assert caption == (
        "Get your flu shot this fall.  It is free at most clinics.\n"
        "\n"
        "https://health.example.org/en/vaccines/flu-shot-what-to-know/\n"
        "\n"
        "#FluShot #Vaccines #SaludPública"
    )


def test_instagram_says_where_the_link_is_and_keeps_five_hashtags() -> None:
    tags = ["one", "two", "three", "four", "five", "six", "seven"]
    caption = caption_for("instagram", "Get your flu shot.", URL, tags, link_note="Link in bio.")
    assert caption == "Get your flu shot.\n\nLink in bio.\n\n#one #two #three #four #five"
    assert "http" not in caption


def test_whatsapp_and_sms_have_no_hashtags() -> None:
    for platform in ("whatsapp", "sms"):
        assert caption_for(platform, "Flu", URL, TAGS) == f"Flu\n\n{URL}"


def test_sms_counts_segments_gsm_or_utf16() -> None:
    assert sms_segments("a" * 160) == 1
    assert sms_segments("a" * 161) == 2  # split messages carry 153 each
    assert sms_segments("a" * 306) == 2
    assert sms_segments("€" * 80) == 1  # extension characters take two units
    assert sms_segments("€" * 81) == 2
    assert sms_segments("ل" * 70) == 1
    assert sms_segments("ل" * 71) == 2  # 67 each when split
    assert sms_segments("a" * 134 + "…") == 3  # one character outside GSM-7 makes it UTF-16


def test_long_arabic_sms_is_cut_to_two_segments() -> None:
    text = "احصل على لقاح الإنفلونزا هذا الخريف. إنه مجاني في معظم العيادات. " * 5
    caption = caption_for("sms", text, URL)
    assert caption_length("sms", caption) == 2
    assert caption.endswith(f"{ELLIPSIS}\n\n{URL}")


def test_campaign_parameters_name_the_platform_only_when_asked() -> None:
    assert "utm_" not in "".join(captions_for("Flu", URL).values())
    caption = caption_for("mastodon", "Flu", URL + "?a=1", campaign="autumn")
    assert caption == f"Flu\n\n{URL}?a=1&utm_source=mastodon&utm_medium=social&utm_campaign=autumn"


def test_email_has_the_title_as_subject_and_text_with_link_as_body() -> None:
    email = email_for("Flu vaccine: what to know", "Get your flu shot.", URL)
    assert email == {"subject": "Flu vaccine: what to know", "body": f"Get your flu shot.\n\n{URL}"}


def test_long_email_subject_is_cut_at_a_word() -> None:
    subject = email_for("Vaccination schedules for every age " * 5, "Text", URL)["subject"]
    assert len(subject) <= 78
    assert subject.endswith("age…") or subject.endswith(f"every{ELLIPSIS}")



@pytest.mark.parametrize(
    "tag", ["https://spam.example/pills", "www.spam.example", "spam.example/x", "hxxp://spam"]
)
def test_tag_holding_a_web_address_is_not_made_a_hashtag(tag: str) -> None:
    with pytest.raises(CaptionError, match="holds the web address"):
        hashtag(tag)
    with pytest.raises(CaptionError, match="holds the web address"):
        captions_for("Flu", URL, ["flu", tag])


def test_web_addresses_finds_links_a_platform_would_make() -> None:
    text = "See https://a.example/x or www.b.example, cdc.gov/flu and ftp://c.example; not 38.5."
    assert web_addresses(text) == [
        "https://a.example/x", "ftp://c.example;", "www.b.example", "cdc.gov/flu"
    ]
