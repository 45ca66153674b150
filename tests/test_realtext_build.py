"""The real-text set's builder undoes MedQuAD's flattening without losing a word of the page."""

from __future__ import annotations

from pathlib import Path

import pytest

from realtext_build import main
from realtext_cgov import (
    CGOV_CONTENT,
    CGOV_HISTORY_ARTICLES,
    cgov_article_files,
    section_blocks,
)
from realtext_healthcare import HEALTHCARE_ARTICLES
from realtext_medlineplus import (
    EDITION_TITLES,
    MEDINFORMA_MARKDOWN,
    MEDINFORMA_TOPICS,
    SHORT_MIN_WORDS,
    SHORT_TOPICS,
    held_out_articles,
    markdown_blocks,
    short_articles,
    short_rest_articles,
)
from realtext_medquad import (
    MEDQUAD_LATER,
    MEDQUAD_LATER_ROUND,
    MEDQUAD_NEXT,
    MEDQUAD_SUBSETS,
    answer_blocks,
    medquad_articles,
    mended,
    next_round_articles,
)
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


def test_round_11_takes_short_topics_only_none_an_earlier_round_could_take(
    tmp_path: Path
) -> None:
    """Round 11: MedInforma's topics of 100 to 249 words, which every earlier round (250 words
    or more) left; none of the set's, no stub; Spanish only, the same on every machine."""
    folder = tmp_path / MEDINFORMA_MARKDOWN
    folder.mkdir(parents=True)
    short = "Una frase sencilla sobre la salud. " * 30  # 180 words
    long = "Una frase sencilla sobre la salud de todos. " * 40  # 320 words
    for n in range(SHORT_TOPICS + 10):
        (folder / f"s{n}.md").write_text(f"Corto {n}\n\n{short}\n", "utf-8")
    for n in range(50):
        (folder / f"l{n}.md").write_text(f"Largo {n}\n\n{long}\n", "utf-8")
    (folder / "set.md").write_text(f"{MEDINFORMA_TOPICS[0]}\n\n{short}\n", "utf-8")
    (folder / "stub.md").write_text("Tema corto\n\n" + "Muy poco. " * (SHORT_MIN_WORDS // 3) + "\n",
                                    "utf-8")
    chosen = [name for name, _ in short_articles(Source(tmp_path))]
    assert len(chosen) == SHORT_TOPICS
    assert all(name.startswith("medlineplus-corto-") for name in chosen)
    assert chosen == [name for name, _ in short_articles(Source(tmp_path))]
    assert not set(chosen) & {name for name, _ in held_out_articles(Source(tmp_path))}
    out = tmp_path / "held-out-11"
    main(["--medquad", str(tmp_path), "--medinforma", str(tmp_path), "--held-out", "11",
          "--out", str(out)])
    assert not (out / "en").exists() and len(list((out / "es").glob("*.md"))) == SHORT_TOPICS
    rest = [name for name, _ in short_rest_articles(Source(tmp_path))]  # round 12: the others
    assert len(rest) == 10 and all(name.startswith("medlineplus-corto-") for name in rest)
    assert not set(rest) & set(chosen)


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


# A made-up content file in cgov-digital-platform's shape: an English image, then an article with
# English fields and their Spanish (`__ES`) twins, a second article too short to keep, and a
# third holding the first one's text again. Our own words throughout.
ARTICLE_YAML = """\
- entity: 'media'
  bundle: 'cgov_image'
  name: 'A quiet room'
  langcode: en
- entity: 'node'
  type: 'cgov_article'
  langcode: en
  title: 'Resting well'
  title__ES:
    value: 'Descansar bien'
  field_site_section__ES:
    - '#process':
        callback: 'reference'
        args:
          - 'taxonomy_term'
          - vid: 'cgov_site_sections'
            computed_path: '/cancer/sobrellevar/descanso'
  field_intro_text:
    - value: '<p>Rest helps the body heal after treatment.</p>'
  field_intro_text__ES:
    - value: '<p>El descanso ayuda al cuerpo a sanar despu&eacute;s del tratamiento.</p>'
  field_article_body:
    - entity: 'paragraph'
      type: 'body_section'
      field_body_section_heading:
        - value: 'Sleep'
      field_body_section_content:
        - value: '<p>Go to bed at the same time each night.</p>'
  field_article_body__ES:
    - entity: 'paragraph'
      type: 'body_section'
      field_body_section_heading:
        - value: 'Dormir'
      field_body_section_content:
        - value: |
            <p>[EMBEDDED IMAGE (cama.jpg) PLACEHOLDER]</p>
            <p>Acu\u00e9stese a la misma hora cada noche y lev\u00e1ntese a la misma hora cada
            ma\u00f1ana.\x97Tambi\u00e9n los fines de semana.</p>
            <h3>Antes de dormir</h3>
            <ul><li>Apague la pantalla.</li><li>Tome algo tibio:<ul><li>Leche.</li></ul></li></ul>
            <div class="cgdp-embed-media-wrapper"><p class="cgdp-pullquote__body">Una cita.</p>
            <p class="cgdp-pullquote__author">Ana</p></div>
    - entity: 'paragraph'
      type: 'body_section'
      field_body_section_content:
        - value: '<h2>Otras ideas</h2><p>{filler}</p>'
- entity: 'node'
  type: 'cgov_article'
  langcode: en
  title: 'Too short'
  title__ES:
    value: 'Muy corto'
  field_article_body__ES:
    - entity: 'paragraph'
      type: 'body_section'
      field_body_section_content:
        - value: '<p>Solo unas palabras sobre el tema.</p>'
- entity: 'node'
  type: 'cgov_article'
  langcode: en
  title: 'Resting well, again'
  title__ES:
    value: 'Descansar bien otra vez'
  field_article_body__ES:
    - entity: 'paragraph'
      type: 'body_section'
      field_body_section_content:
        - value: '<h2>Otras ideas</h2><p>{filler}</p>'
"""
FILLER = "Camine un poco cada d\u00eda y coma a sus horas para dormir mejor por la noche. " * 12


def _content_file(tmp_path: Path, text: str) -> Source:
    folder = tmp_path / CGOV_CONTENT
    folder.mkdir(parents=True)
    (folder / "100_rest.content.yml").write_text(text, "utf-8")
    return Source(tmp_path)


def test_an_nci_article_is_its_spanish_fields_and_a_short_or_repeated_one_is_left_out(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _content_file(tmp_path, ARTICLE_YAML.replace("{filler}", FILLER))
    files = list(cgov_article_files(source, ("100_rest.content.yml",)))
    assert [name for name, _ in files] == ["nci-descansar-bien.md"]
    text = files[0][1]
    assert text.startswith('---\ntitle: "Descansar bien"\nsource: "https://www.cancer.gov/'
                           'espanol/cancer/sobrellevar/descanso (')
    body = text.split("---\n\n", 1)[1]
    assert body.split("\n\n")[:6] == [
        "El descanso ayuda al cuerpo a sanar después del tratamiento.",
        "## Dormir",
        "Acuéstese a la misma hora cada noche y levántese a la misma hora cada mañana."
        "\u2014También los fines de semana.",
        "### Antes de dormir",
        "- Apague la pantalla.\n- Tome algo tibio:\n    - Leche.",
        "## Otras ideas"]
    for english in ("Rest helps", "Sleep", "Go to bed", "Resting well"):
        assert english not in text
    for left_out in ("PLACEHOLDER", "Una cita", "Ana"):
        assert left_out not in body
    # The short one and the one whose only section the first had are said on stderr.
    assert '"Muy corto" left out (6 words)' in capsys.readouterr().err


def test_an_nci_article_in_another_language_is_left_out(tmp_path: Path) -> None:
    english = "Walk a little every day and eat at regular times to sleep better at night. " * 12
    source = _content_file(tmp_path, ARTICLE_YAML.replace("{filler}", english))
    assert list(cgov_article_files(source, ("100_rest.content.yml",))) == []


def _medquad_document(folder: Path, number: int, focus: str, url: str) -> None:
    answer = f"{focus} is a made-up condition for this test. " * 40  # over 250 words
    (folder / f"{number:04d}.xml").write_text(
        f'<Document id="{number}" url="{url}"><Focus>{focus}</Focus><QAPairs><QAPair pid="1">'
        f"<Question>What is {focus} ?</Question><Answer>{answer}</Answer></QAPair></QAPairs>"
        "</Document>", "utf-8")


def test_round_9_takes_no_summary_round_8_took_and_one_focus_once(tmp_path: Path) -> None:
    """MedQuAD splits one NCI summary into a document per disease: round 9 passes over one whose
    address round 8 took, and a second summary of one cancer; GHR's pages make up the round."""
    (nci_folder, _, wanted), (ghr_folder, _, _) = MEDQUAD_LATER
    nci, ghr = tmp_path / nci_folder, tmp_path / ghr_folder
    nci.mkdir()
    ghr.mkdir()
    for n in range(wanted):
        _medquad_document(nci, n, f"Cancer {n}", f"https://example.org/summary-{n}")
    _medquad_document(nci, 30, "Cancer 30", "https://example.org/summary-30")
    _medquad_document(nci, 31, "Cancer 31", "https://example.org/summary-2")  # round 8's
    _medquad_document(nci, 32, "Cancer 30", "https://example.org/summary-32")  # its focus again
    _medquad_document(nci, 33, "Cancer 33", "https://example.org/summary-33")
    for n in range(3 * wanted):
        _medquad_document(ghr, n, f"Syndrome {n}", f"https://example.org/syndrome-{n}")
    eighth = [name for name, _ in medquad_articles(Source(tmp_path), 8)]
    ninth = [name for name, _ in medquad_articles(Source(tmp_path), 9)]
    assert eighth == [f"nci-cancer-{n}.md" for n in range(wanted)] + [
        f"ghr-syndrome-{n}.md" for n in range(wanted)]
    assert ninth == ["nci-cancer-30.md", "nci-cancer-33.md"] + [
        f"ghr-syndrome-{n}.md" for n in range(wanted, 3 * wanted - 2)]


def test_round_9_without_cgov_stops_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "held-out-9"
    with pytest.raises(SystemExit, match=r"round 9 needs --cgov .*Spanish NCI articles"):
        main(["--medquad", str(tmp_path), "--medinforma", str(tmp_path), "--held-out", "9",
              "--out", str(out)])
    assert not out.exists()


def _round_10_source(tmp_path: Path) -> tuple[Path, int]:
    """MedQuAD in small: the set's folders with 3 NIDDK documents more than the set and rounds 1
    to 7 took (NHLBI's and CDC's used up), NCI's summaries used up in round 9 (10 left after
    round 8), and GHR's pages: 25 for round 8, 40 for round 9 (25 and NCI's 15 short), then one
    with the address of a page round 8 took, one with a focus round 9 took, and 47 more."""
    (nhlbi, _, _), (niddk, _, niddk_wanted), _ = MEDQUAD_SUBSETS
    (nci_folder, _, wanted), (ghr_folder, _, _) = MEDQUAD_LATER
    for folder in (nhlbi, niddk, nci_folder, ghr_folder):
        (tmp_path / folder).mkdir()
    for n in range(2):
        _medquad_document(tmp_path / nhlbi, n, f"Heart {n}", f"https://example.org/heart-{n}")
    taken = niddk_wanted * MEDQUAD_LATER_ROUND  # the set's and rounds 1 to 7's
    for n in range(taken + 3):
        _medquad_document(tmp_path / niddk, n, f"Kidney {n}", f"https://example.org/kidney-{n}")
    for n in range(wanted + 10):
        _medquad_document(tmp_path / nci_folder, n, f"Cancer {n}",
                          f"https://example.org/summary-{n}")
    ghr = tmp_path / ghr_folder
    for n in range(2 * wanted + 15):
        _medquad_document(ghr, n, f"Syndrome {n}", f"https://example.org/syndrome-{n}")
    _medquad_document(ghr, 100, "Syndrome 100", "https://example.org/syndrome-3")  # round 8's
    _medquad_document(ghr, 101, "Syndrome 60", "https://example.org/syndrome-101")  # round 9's
    for n in range(102, 102 + 47):
        _medquad_document(ghr, n, f"Syndrome {n}", f"https://example.org/syndrome-{n}")
    return tmp_path, taken


def test_round_10_takes_what_rounds_1_to_7_left_then_ghr_pages_after_round_9s(
        tmp_path: Path) -> None:
    """NCI's summaries used up, round 10 takes the NIDDK documents the set and rounds 1 to 7
    left, and GHR's pages after round 9's make up the 50, passing over a page whose address or
    focus an earlier round took; rounds 8 and 9 take what they took before."""
    source, taken = _round_10_source(tmp_path)
    (_, _, wanted), _ = MEDQUAD_LATER
    eighth = [name for name, _ in medquad_articles(Source(source), 8)]
    ninth = [name for name, _ in medquad_articles(Source(source), 9)]
    tenth = [name for name, _ in medquad_articles(Source(source), 10)]
    assert eighth == [f"nci-cancer-{n}.md" for n in range(wanted)] + [
        f"ghr-syndrome-{n}.md" for n in range(wanted)]
    assert ninth == [f"nci-cancer-{n}.md" for n in range(wanted, wanted + 10)] + [
        f"ghr-syndrome-{n}.md" for n in range(wanted, 2 * wanted + 15)]
    assert tenth == [f"niddk-kidney-{n}.md" for n in range(taken, taken + 3)] + [
        f"ghr-syndrome-{n}.md" for n in range(102, 102 + 47)]
    assert len(tenth) == 50 and not set(tenth) & (set(eighth) | set(ninth))
    assert tenth == [name for name, _ in medquad_articles(Source(source), 10)]


def test_round_10_without_healthcare_or_cgov_stops_before_writing(tmp_path: Path) -> None:
    """Round 10's Spanish is CuidadoDeSalud.gov's and NCI's: without the repositories it is in,
    the round stops and says what to pass, rather than build English alone."""
    source, _ = _round_10_source(tmp_path)
    out = tmp_path / "held-out-10"
    args = ["--medquad", str(source), "--medinforma", str(tmp_path), "--held-out", "10",
            "--out", str(out)]
    with pytest.raises(SystemExit, match=r"round 10 needs --healthcare and --cgov: .*"
                       r"github.com/Conservatory/healthcare.gov-2013-10-01"):
        main(args)
    with pytest.raises(SystemExit, match=r"round 10 needs --healthcare: "):
        main([*args, "--cgov", str(tmp_path)])
    with pytest.raises(SystemExit, match=r"round 10 needs --cgov: "):
        main([*args, "--healthcare", str(tmp_path)])
    assert not out.exists()


def test_round_10_writes_cuidadodesalud_pages_and_ncis_article_in_spanish(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, _ = _round_10_source(tmp_path)
    pages = tmp_path / "healthcare" / HEALTHCARE_ARTICLES
    pages.mkdir(parents=True)
    body = "Usted puede comparar los planes y sus precios antes de elegir uno. " * 22
    (pages / "0001-02-01-how-do-i-choose.md").write_text(
        f'---\ntitle: "¿Cómo elijo un plan?"\ncategories:\n  - es\n---\n\n{body}\n', "utf-8")
    (pages / "0001-02-01-short.md").write_text('---\ntitle: "Corto"\n---\n\nPocas.\n', "utf-8")
    cgov = tmp_path / "cgov" / CGOV_CONTENT
    cgov.mkdir(parents=True)
    (cgov / CGOV_HISTORY_ARTICLES[0]).write_text(
        ARTICLE_YAML.replace("{filler}", FILLER), "utf-8")
    out = tmp_path / "held-out-10"
    assert main(["--medquad", str(source), "--medinforma", str(tmp_path), "--held-out", "10",
                 "--healthcare", str(tmp_path / "healthcare"), "--cgov", str(tmp_path / "cgov"),
                 "--out", str(out)]) == 0
    assert sorted(path.name for path in out.iterdir()) == ["en", "es"]
    assert len(list((out / "en").glob("*.md"))) == 50
    assert sorted(path.name for path in (out / "es").iterdir()) == [
        "cuidadodesalud-como-elijo-un-plan.md", "nci-descansar-bien.md"]
    assert "50 English and 2 Spanish articles" in capsys.readouterr().out
    with pytest.raises(SystemExit, match=r"round 21: no round after 20 is defined"):
        main(["--medquad", str(source), "--medinforma", str(tmp_path), "--held-out", "21",
              "--out", str(tmp_path / "held-out-21")])
    assert not (tmp_path / "held-out-20").exists()
    with pytest.raises(SystemExit, match=r"round 13 needs --healthcare"):
        main(["--medquad", str(source), "--medinforma", str(tmp_path), "--held-out", "13",
              "--out", str(tmp_path / "held-out-13")])


def test_round_15_writes_vagov_pages_with_a_repeated_block_kept_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Round 15: VA.gov's health-care and disability pages of 100 words or more, each with its
    www.va.gov address; a block an earlier page had word for word (the crisis line box) is kept
    once; a page too short, or outside the two folders, is not taken."""
    vagov = tmp_path / "vagov"
    crisis = "Call the Veterans Crisis Line at 988 and press 1 if you are in crisis right now."
    body = "We can help you get the care you need close to where you live. " * 10
    pages = {
        "pages/health-care/eligibility.md": ("Eligibility for VA health care", body),
        "pages/disability/how-to-file-claim/index.md": ("How to file a VA disability claim",
                                                       body.replace("care", "benefits")),
        "pages/health-care/short.md": ("A short page", "Sign in to see your claim."),
        "pages/education/gi-bill.md": ("The GI Bill", body.replace("care", "schooling")),
    }
    for path, (title, text) in pages.items():
        (vagov / path).parent.mkdir(parents=True, exist_ok=True)
        (vagov / path).write_text(f'---\ntitle: "{title}"\n---\n\n{text}\n\n{crisis}\n', "utf-8")
    out = tmp_path / "held-out-15"
    medquad = tmp_path / "medquad"
    with pytest.raises(SystemExit, match=r"round 15 needs --vagov"):
        main(["--medquad", str(medquad), "--medinforma", str(tmp_path), "--held-out", "15",
              "--out", str(out)])
    assert main(["--medquad", str(medquad), "--medinforma", str(tmp_path), "--held-out", "15",
                 "--vagov", str(vagov), "--out", str(out)]) == 0
    assert sorted(path.name for path in (out / "en").iterdir()) == [
        "va-eligibility-for-va-health-care.md", "va-how-to-file-a-va-disability-claim.md"]
    first = (out / "en" / "va-eligibility-for-va-health-care.md").read_text("utf-8")
    second = (out / "en" / "va-how-to-file-a-va-disability-claim.md").read_text("utf-8")
    assert crisis in second and crisis not in first  # path order: disability/ comes first
    assert "https://www.va.gov/disability/how-to-file-claim/ (VA.gov" in second
    assert "https://www.va.gov/health-care/eligibility/ (VA.gov" in first
    assert "2 English and 0 Spanish articles" in capsys.readouterr().err


def test_a_medlineplus_summary_keeps_its_paragraphs_and_its_list() -> None:
    """MedQuAD keeps an English MedlinePlus summary's structure in spaces alone (round 16),
    and its run-in label "Summary :" is not the page's."""
    from realtext_mplus import mplus_blocks

    answer = ("Summary : An allergy is a reaction. Substances that often cause reactions are"
              "       - Pollen"
              "    - Dust mites    - Medicines       Normally, your immune system fights germs. "
              "Genes play a role.    Doctors use skin tests.    NIH: National Institute of "
              "Allergy and Infectious Diseases")
    assert mplus_blocks(answer) == [
        "An allergy is a reaction. Substances that often cause reactions are",
        "- Pollen\n- Dust mites\n- Medicines",
        "Normally, your immune system fights germs. Genes play a role.",
        "Doctors use skin tests.",
        "NIH: National Institute of Allergy and Infectious Diseases",
    ]


def test_round_17_takes_the_next_ghr_and_ninds_pages_none_an_earlier_round_took(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GHR's and NINDS's pages in file order, passing over one whose title or address an
    earlier round took (`medquad_articles` of rounds 1 to 10, here two pages of each folder)."""
    import realtext_medquad

    (ghr_folder, _, ghr_wanted), (ninds_folder, _, ninds_wanted) = MEDQUAD_NEXT
    for folder, stem in ((ghr_folder, "Syndrome"), (ninds_folder, "Disorder")):
        (tmp_path / folder).mkdir()
        for n in range(40):
            _medquad_document(tmp_path / folder, n, f"{stem} {n}",
                              f"https://example.org/{stem.lower()}-{n}")
    earlier = {
        3: [("ninds-disorder-0.md", 'source: "https://example.org/disorder-0 (NINDS)"\n'),
            ("ninds-disorder-7.md", 'source: "https://example.org/disorder-3 (NINDS)"\n')],
        8: [("ghr-syndrome-1.md", 'source: "https://example.org/syndrome-1 (GHR)"\n')],
    }
    monkeypatch.setattr(realtext_medquad, "medquad_articles",
                        lambda source, round_: iter(earlier.get(round_, [])))
    names = [name for name, _ in next_round_articles(Source(tmp_path))]
    ghr = [n for n in range(40) if n != 1][:ghr_wanted]
    ninds = [n for n in range(40) if n not in (0, 3, 7)][:ninds_wanted]
    assert names == [f"ghr-syndrome-{n}.md" for n in ghr] + [
        f"ninds-disorder-{n}.md" for n in ninds]


@pytest.mark.parametrize("round_", [18, 19])
def test_a_later_round_takes_the_pages_after_the_round_before(
        round_: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rounds 18 and 19: of each folder, the `wanted` pages after the round before's, none of
    an earlier round's again."""
    import realtext_medquad

    (ghr_folder, _, ghr_wanted), (ninds_folder, _, ninds_wanted) = MEDQUAD_NEXT
    for folder, stem in ((ghr_folder, "Syndrome"), (ninds_folder, "Disorder")):
        (tmp_path / folder).mkdir()
        for n in range(80):
            _medquad_document(tmp_path / folder, n, f"{stem} {n}",
                              f"https://example.org/{stem.lower()}-{n}")
    monkeypatch.setattr(realtext_medquad, "medquad_articles", lambda source, round_: iter([]))
    before = [name for name, _ in next_round_articles(Source(tmp_path), round_ - 1)]
    names = [name for name, _ in next_round_articles(Source(tmp_path), round_)]
    assert not set(before) & set(names)
    k = round_ - 17  # rounds 17, 18 and 19 take the first, second and third `wanted` pages
    ghr = range(k * ghr_wanted, (k + 1) * ghr_wanted)
    ninds = range(k * ninds_wanted, (k + 1) * ninds_wanted)
    assert names == [f"ghr-syndrome-{n}.md" for n in ghr] + [
        f"ninds-disorder-{n}.md" for n in ninds]


def _gutenberg_book(folder: Path, ebook: int, chapters: str) -> Path:
    """A plain folder as a GITenberg repository holds a book: `<ebook>-8.txt`, Latin-1, CRLF."""
    folder.mkdir(parents=True)
    text = ("The Project Gutenberg EBook of a book\r\n\r\n*** START OF THIS PROJECT GUTENBERG "
            "EBOOK A BOOK ***\r\n\r\nCONTENTS\r\n\r\nCHAPTER    PAGE\r\n\r\n" + chapters
            + "\r\n*** END OF THIS PROJECT GUTENBERG EBOOK A BOOK ***\r\n\r\nThe licence.\r\n")
    (folder / f"{ebook}-8.txt").write_bytes(text.encode("latin-1"))
    return folder


def test_round_20_makes_each_chapter_of_a_book_an_article_of_its_prose_only(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Round 20: a chapter is an article titled by its first paragraph (capitals in title
    case); lines are joined, `_italics_` become Markdown's, a short line alone is a heading; a
    caption running over a blank line, a footnote, a table, a section's bare number, a chapter's
    FOOTNOTES and the book's index are not prose and are left out; a chapter too short is no
    article; the address is the ebook's."""
    from realtext_gutenberg import GUTENBERG_BOOKS, chapter_blocks, title_case

    prose = "Fresh air is good for the baby, and _every_ mother knows it well.\r\n" * 12
    first = GUTENBERG_BOOKS[0]
    book = ("CHAPTER I\r\n\r\nTHE BODY-REPUBLIC AND ITS DEFENSE\r\n\r\n" + prose + "\r\n"
            "Fresh Air\r\n\r\nII\r\n\r\n[Illustration: A baby asleep\r\n\r\nin the sun.]\r\n\r\n"
            "[Footnote 1: See the report.]\r\n\r\nMilk     Quarts     Cost\r\nFresh    2    10\r\n"
            "\r\nSleep[1] comes first.\r\n\r\nFOOTNOTES\r\n\r\n[1] A note.\r\n\r\n"
            "CHAPTER II\r\n\r\nPLATES\r\n\r\nA short list.\r\n\r\n"
            "CHAPTER III.\r\n\r\nHow to Keep Well\r\n\r\n" + prose + "\r\nINDEX\r\n\r\nAir, 1\r\n")
    folders = [_gutenberg_book(tmp_path / book_.repository, book_.ebook, book if book_ == first
                               else "CHAPTER I\r\n\r\nA TITLE\r\n\r\n" + prose)
               for book_ in GUTENBERG_BOOKS]
    out = tmp_path / "held-out-20"
    args = ["--medquad", str(tmp_path), "--medinforma", str(tmp_path), "--held-out", "20",
            "--out", str(out)]
    with pytest.raises(SystemExit, match=r"missing: github.com/GITenberg/"
                       + GUTENBERG_BOOKS[-1].repository):
        main([*args, *(f"--gutenberg={folder}" for folder in folders[:-1])])
    assert main([*args, *(f"--gutenberg={folder}" for folder in folders)]) == 0
    names = sorted(path.name for path in (out / "en").iterdir())
    assert f"pg{first.ebook}-01-the-body-republic-and-its-defense.md" in names
    assert f"pg{first.ebook}-03-how-to-keep-well.md" in names
    assert not any(name.startswith(f"pg{first.ebook}-02") for name in names)
    assert len(names) == len(GUTENBERG_BOOKS) + 1
    text = (out / "en" / f"pg{first.ebook}-01-the-body-republic-and-its-defense.md").read_text()
    assert 'title: "The Body-Republic and Its Defense"' in text
    assert f"https://www.gutenberg.org/ebooks/{first.ebook} ({first.author}" in text
    assert "good for the baby, and *every* mother knows it well. Fresh air" in text
    assert "\n## Fresh Air\n" in text and "\nSleep comes first.\n" in text
    for left_out in ("Illustration", "in the sun", "Footnote", "Quarts", "A note", "\nII\n"):
        assert left_out not in text
    last = (out / "en" / f"pg{first.ebook}-03-how-to-keep-well.md").read_text()
    assert "INDEX" not in last and "Air, 1" not in last
    assert f"{len(names)} English and 0 Spanish" in capsys.readouterr().err
    assert title_case("How to Keep Well") == "How to Keep Well"
    assert chapter_blocks("") == ("", [])
