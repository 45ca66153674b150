"""The real-text set's builder undoes MedQuAD's flattening without losing a word of the page."""

from __future__ import annotations

from pathlib import Path

from realtext_cgov import section_blocks
from realtext_medlineplus import (
    EDITION_TITLES,
    MEDINFORMA_MARKDOWN,
    MEDINFORMA_TOPICS,
    held_out_articles,
    markdown_blocks,
)
from realtext_medquad import answer_blocks, mended
from realtext_sources import Source, slug


def test_a_flattened_list_is_one_item_a_line() -> None:
    answer = "- drink water  - rest at home  - call your nurse"
    assert answer_blocks(answer) == ["- drink water\n- rest at home\n- call your nurse"]


def test_a_list_spaced_into_a_sentence_comes_apart_where_the_source_spaced_it() -> None:
    answer = ("Call your doctor if you have any of the following:         - Fever.    -  A rash."
              "         Most rashes go away.")
    assert answer_blocks(answer, spaced_lists=True) == [
        "Call your doctor if you have any of the following:", "- Fever.\n- A rash.",
        "Most rashes go away."]
    assert answer_blocks(answer) == [
        "Call your doctor if you have any of the following: - Fever. - A rash. Most rashes go "
        "away."]


def test_a_short_line_standing_alone_is_a_heading() -> None:
    answer = "Fever is common.\n\nWhen to Call\n\nCall if the fever lasts three days."
    assert answer_blocks(answer) == [
        "Fever is common.", "### When to Call", "Call if the fever lasts three days."]


def test_short_lines_in_a_row_are_a_list_that_lost_its_bullets() -> None:
    answer = ("Signs can include:\n\nA cough\n\nA sore throat that lasts more than two weeks\n\n"
              "Feeling tired all day long even after a full night of good sleep\n\nRest helps.")
    assert answer_blocks(answer) == [
        "Signs can include:",
        "- A cough\n- A sore throat that lasts more than two weeks\n"
        "- Feeling tired all day long even after a full night of good sleep",
        "Rest helps."]


def test_a_line_leading_in_to_a_list_stays_a_paragraph() -> None:
    answer = "Other signs include\n\nHeadache\n\nNeck pain"
    assert answer_blocks(answer) == ["Other signs include", "- Headache\n- Neck pain"]


def test_lines_the_source_keeps_apart_stay_apart_and_a_wrapped_sentence_is_joined() -> None:
    answer = ("Wash the cut with clean water.\n    Small Cuts\n\nA bandage keeps\n"
              "dirt out of the cut.")
    assert answer_blocks(answer) == [
        "Wash the cut with clean water.", "### Small Cuts", "A bandage keeps dirt out of the cut."]


def test_a_shout_of_one_word_is_not_a_heading() -> None:
    assert answer_blocks("Boil the water for one minute.\nOR\nUse a filter.") == [
        "Boil the water for one minute.", "OR", "Use a filter."]


def test_a_lost_dash_before_an_aside_comes_back_and_other_words_stay() -> None:
    assert mended("Some infectionssuch as the flucan spread.") == (
        "Some infections\u2014such as the flucan spread.")
    assert mended("Diabetes and hypertension are common.") == (
        "Diabetes and hypertension are common.")


def test_title_case_lines_after_a_list_are_the_next_headings() -> None:
    answer = ("Your nurse may:\n\nCheck your pulse\n\nListen to your chest\n\n"
              "Tests and Scans\n\nBlood Tests\n\nA blood test shows how well you fight germs.")
    assert answer_blocks(answer) == [
        "Your nurse may:", "- Check your pulse\n- Listen to your chest",
        "### Tests and Scans", "### Blood Tests", "A blood test shows how well you fight germs."]


def test_a_link_to_another_page_is_no_heading() -> None:
    assert answer_blocks("Wash your hands often.\n\nMore on: Handwashing") == [
        "Wash your hands often.", "More on: Handwashing"]


def test_the_held_out_set_takes_no_topic_of_the_set_and_no_stub(tmp_path: Path) -> None:
    """40 other MedlinePlus summaries, the same on every machine: none the set holds, none under
    250 words (a stub is no article)."""
    folder = tmp_path / MEDINFORMA_MARKDOWN
    folder.mkdir(parents=True)
    body = "Una frase sencilla sobre la salud de todos. " * 40  # 320 words
    titles = [f"Tema {n}" for n in range(60)] + [MEDINFORMA_TOPICS[0], EDITION_TITLES[0]]
    for n, title in enumerate(titles):
        (folder / f"t{n}.md").write_text(f"{title}\n\n{body}\n", "utf-8")
    (folder / "stub.md").write_text("Tema corto\n\nSolo unas palabras.\n", "utf-8")
    first = list(held_out_articles(Source(tmp_path)))
    assert len(first) == 40
    names = {name for name, _ in first}
    assert not names & {f"medlineplus-{slug(t)}.md" for t in [*titles[60:], "Tema corto"]}
    assert first == list(held_out_articles(Source(tmp_path)))


def test_medinformas_nested_items_stay_nested_and_a_table_keeps_its_rows() -> None:
    """MedInforma marks a nested item `+`; flattened, a 4-item list and its 6 sub-items read as
    one list of 10, and a table as one 120-word sentence (held-out set)."""
    text = ("Tema\n=====\n\nPuede ayudarse al:\n\n* Tomar sus medicinas\n"
            "* Vivir sano, incluyendo:\n+ Comer bien\n+ Dormir bien\n* No fumar\n\n"
            "| Nivel | Número |\n| --- | --- |\n| Normal  alto | Menos de 120 |\n")
    title, blocks = markdown_blocks(text)
    assert title == "Tema"
    assert blocks[1] == ("- Tomar sus medicinas\n- Vivir sano, incluyendo:\n    - Comer bien\n"
                         "    - Dormir bien\n- No fumar")
    assert blocks[2] == "| Nivel | Número |\n| --- | --- |\n| Normal alto | Menos de 120 |"


def test_a_second_held_out_round_takes_none_the_first_took(tmp_path: Path) -> None:
    folder = tmp_path / MEDINFORMA_MARKDOWN
    folder.mkdir(parents=True)
    body = "Una frase sencilla sobre la salud de todos. " * 40
    for n in range(90):
        (folder / f"t{n}.md").write_text(f"Tema {n}\n\n{body}\n", "utf-8")
    first = {name for name, _ in held_out_articles(Source(tmp_path))}
    second = {name for name, _ in held_out_articles(Source(tmp_path), 2)}
    assert len(first) == len(second) == 40
    assert not first & second


def test_an_nci_section_keeps_the_text_after_a_picture_and_drops_the_picture() -> None:
    html = ('<p>Uno.</p><figure><a href="x">Enlarge</a><img src="y" alt="z">'
            "<figcaption>Cap.</figcaption></figure><p>Dos<br>tres.</p>"
            '<div class="key-points"><ul><li>Dos tres.</li></ul></div>'
            "<ul><li>Examen.<p>Es un examen.</p></li><li>Otro:<ul><li>Sub.</li></ul></li></ul>")
    assert section_blocks(html) == [
        "Uno.", "Dos tres.", "- Examen. Es un examen.\n- Otro:\n    - Sub."]
