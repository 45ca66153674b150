"""The hidden-character rule: control codes, direction overrides and invisible marks."""

from __future__ import annotations

import pytest

from wellread.check import CheckContext
from wellread.check.hygiene import hidden_character_findings
from wellread.core.article import parse_article


def found(text: str, page: str = "vaccines/flu.md") -> list[tuple[int, int, str, str]]:
    article = parse_article(text, f"content/{page}", page)
    return [
        (f.line, f.column, f.severity.value, f.message)
        for f in hidden_character_findings(article, CheckContext())
    ]


def test_a_right_to_left_override_in_a_title_is_an_error_at_its_line() -> None:
    [(line, column, severity, message)] = found('---\ntitle: "Flu \u202evaccine.exe"\n---\nB.\n')
    assert (line, column, severity) == (2, 1, "error")
    assert message.startswith("'title' has a right-to-left override (U+202E) at character 5")


def test_an_escaped_control_character_in_a_tag_is_an_error() -> None:
    [(line, _, severity, message)] = found('---\ntitle: T\ntags: [flu, "a\\eb"]\n---\nB.\n')
    assert (line, severity) == (3, "error")
    assert "'tags.1' has a control character (U+001B) at character 2" in message


def test_a_vertical_tab_in_the_body_is_an_error_at_its_column() -> None:
    assert found("Wash\x0byour hands.\n")[0][:3] == (1, 5, "error")


def test_punctuation_saved_in_another_encoding_says_to_retype_it() -> None:
    """HealthCare.gov's 2013 pages (held-out round 14): Windows-1252's apostrophe read as
    Latin-1, "can\u00c2\x92t"; a reader sees a box, not a change of direction."""
    [(line, column, severity, message)] = found("Insurers can\u00c2\x92t deny you.\n")
    assert (line, column, severity) == (1, 14, "error")
    assert "punctuation from text saved in another encoding" in message


def test_a_zero_width_space_is_a_warning() -> None:
    [(line, column, severity, message)] = found("Flu\u200bshot.\n")
    assert (line, column, severity) == (1, 4, "warning")
    assert "zero-width space (U+200B)" in message


def test_bidi_characters_in_the_file_name_are_an_error() -> None:
    [(line, _, severity, message)] = found("B.\n", page="vaccines/flu\u202egpj.exe.md")
    assert (line, severity) == (1, "error")
    assert message.startswith("The file name 'flu\u202egpj.exe.md' has a right-to-left override")


@pytest.mark.parametrize(
    "text",
    [
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645.\n",  # Persian: می‌خواهم
        "\u0915\u094d\u200d\u0937.\n",  # Devanagari with a joiner
        "\U0001f469\u200d\u2695\ufe0f Health worker.\n",  # woman health worker emoji
        "Immuni\u00adzation.\n",  # a soft hyphen inside a word
    ],
)
def test_joiners_and_soft_hyphens_where_writing_needs_them_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_joiner_between_latin_letters_is_a_warning() -> None:
    assert found("Flu\u200dshot.\n")[0][2] == "warning"
