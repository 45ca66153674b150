"""The real-text set's builder undoes MedQuAD's flattening without losing a word of the page."""

from __future__ import annotations

from realtext_medquad import answer_blocks, without_dashless_copies


def test_a_list_item_followed_by_its_own_copy_keeps_one() -> None:
    text = ("You can change - how much you walk. Walking helps your heart. how much you walk. "
            "Walking helps your heart. - what you drink. Water is best. what you drink. Water "
            "is best.")
    assert without_dashless_copies(text) == (
        "You can change - how much you walk. Walking helps your heart. - what you drink. "
        "Water is best.")


def test_a_nested_list_and_both_of_its_copies_keep_one() -> None:
    text = ("Triggers include - cold air - smoke from fires - some medicines such as - pills "
            "for pain - pills for sleep. cold air smoke from fires some medicines such as - pills "
            "for pain - pills for sleep. pills for pain pills for sleep. Talk to your nurse.")
    assert without_dashless_copies(text) == (
        "Triggers include - cold air - smoke from fires - some medicines such as - pills for "
        "pain - pills for sleep. Talk to your nurse.")


def test_a_sentence_repeated_on_purpose_stays() -> None:
    text = "Wash your hands with soap. Wash your hands with soap. It matters that much."
    assert without_dashless_copies(text) == text


def test_a_short_repeat_is_no_copy() -> None:
    text = "Signs are - a cough - a cough that lasts weeks."
    assert without_dashless_copies(text) == text


def test_an_answer_paragraph_loses_only_the_copy() -> None:
    answer = "Eat - fruit every day - beans twice a week. fruit every day beans twice a week."
    assert answer_blocks(answer) == ["Eat - fruit every day - beans twice a week."]
