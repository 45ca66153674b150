"""Round 10's CuidadoDeSalud.gov pages become this set's Markdown without losing a word: Liquid
and HTML give their text, Markdown's quirks are put right. Made-up pages, our own words."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from realtext_cgov import CGOV_CONTENT, cgov_article_files
from realtext_healthcare import (
    HEALTHCARE_ARTICLES,
    HEALTHCARE_ENGLISH_ARTICLES,
    body_blocks,
    emphasis,
    healthcare_articles,
    healthcare_rest_articles,
    page_blocks,
)
from realtext_sources import Source

FILLER = "Su plan le ayuda a pagar sus visitas al médico y sus medicinas. " * 25  # 325 words

PAGE = """\
---
published: true
title: "¿Cómo elijo un plan? "
bite: "Un resumen que la página no muestra."
lang: es
layout: basic
categories:
  - es
---

{% comment %}Nota para el editor: revisar.{% endcomment %}
Elegir un plan es más fácil si compara {% if page.lang == 'es' %}los precios{% endif %} y \
los beneficios.

##Compare los planes
Lea cada [resumen]( http://www.ejemplo.gov/resumen.pdf "Resumen") con calma. Vea la \
[lista de planes](/es/lista) o <a href='{{site.baseurl}}/es/ayuda'>pida ayuda</a>.
<br/>
Llame a la <a href="https://www.ejemplo.gov/linea">línea de ayuda</a> y hable con \
<strong>una persona</strong> &amp; sus dudas.

<div><a id='start-chat' type='button' class='btn' href='#'>Chat en vivo</a></div>
<script>iniciarChat('#start-chat');</script>
<!-- una nota escondida -->

{filler}
"""


def _pages(tmp_path: Path, pages: dict[str, str]) -> Source:
    folder = tmp_path / HEALTHCARE_ARTICLES
    folder.mkdir(parents=True)
    for name, text in pages.items():
        (folder / name).write_text(text, "utf-8")
    return Source(tmp_path)


def test_liquid_tags_go_and_html_gives_its_text_and_its_links_to_web_addresses() -> None:
    fields, blocks = page_blocks(PAGE.replace("{filler}", "Fin."))
    assert fields["title"] == "¿Cómo elijo un plan? "
    assert blocks == [
        "Elegir un plan es más fácil si compara los precios y los beneficios.",
        "## Compare los planes",
        "Lea cada [resumen](http://www.ejemplo.gov/resumen.pdf) con calma. Vea la lista de "
        "planes o pida ayuda.",
        "Llame a la [línea de ayuda](https://www.ejemplo.gov/linea) y hable con **una persona** "
        "& sus dudas.",
        "Chat en vivo",
        "Fin."]
    text = "\n".join(blocks)
    for gone in ("{%", "{{", "editor", "<", "iniciarChat", "escondida", "resumen que"):
        assert gone not in text


def test_a_page_is_its_title_and_address_and_a_short_page_is_left_out(tmp_path: Path) -> None:
    """Front matter: the title, the address built as the site built it (`/:categories/:title`,
    a page of its own `permalink` there, a page without categories under /es/), and an
    unpublished page said so; a page under 250 words, or not a dated post, is no article."""
    short = PAGE.replace("{filler}", "Solo unas palabras más.")
    full = PAGE.replace("{filler}", FILLER)
    unpublished = (full.replace("published: true", "published: false")
                   .replace("categories:\n  - es\n", "").replace("¿Cómo elijo", "¿Y si elijo"))
    own = full.replace("lang: es", "permalink: /es/mi-pagina/").replace("¿Cómo", "¿Dónde")
    source = _pages(tmp_path, {
        "2013-06-27-what-if-i-choose.md": unpublished,
        "0001-02-01-how-do-i-choose.md": full,
        "0001-02-01-too-short.md": short,
        "0001-02-01-where.md": own,
        "README.md": full,
    })
    files = list(healthcare_articles(source))
    assert [name for name, _ in files] == [
        "cuidadodesalud-como-elijo-un-plan.md", "cuidadodesalud-donde-elijo-un-plan.md",
        "cuidadodesalud-y-si-elijo-un-plan.md"]
    text = dict(files)["cuidadodesalud-como-elijo-un-plan.md"]
    assert text.startswith(
        '---\ntitle: "¿Cómo elijo un plan?"\nsource: "https://www.cuidadodesalud.gov/es/'
        "how-do-i-choose (CuidadoDeSalud.gov's Spanish article, CMS, public domain; the text as "
        "collected in github.com/Conservatory/healthcare.gov-2013-10-01, _posts/articles/es/"
        "0001-02-01-how-do-i-choose.md, the site's 2013 source; the address may have moved)\"\n"
        "---\n\nElegir un plan es más fácil")
    assert text.endswith("sus medicinas.\n")
    assert "www.cuidadodesalud.gov/es/mi-pagina/ (" in dict(files)[
        "cuidadodesalud-donde-elijo-un-plan.md"]
    assert ("www.cuidadodesalud.gov/es/what-if-i-choose (" in dict(files)[
        "cuidadodesalud-y-si-elijo-un-plan.md"])
    assert "marked unpublished there" in dict(files)["cuidadodesalud-y-si-elijo-un-plan.md"]
    assert "unpublished" not in text
    assert files == list(healthcare_articles(source))


def test_round_13_reads_the_english_originals_beside_the_spanish_folder(tmp_path: Path) -> None:
    """HealthCare.gov's English pages are `_posts/articles/*.md`, beside `es/`: the same reading,
    an English address (no /es/ for a page without categories), none of the Spanish pages."""
    full = PAGE.replace("{filler}", FILLER).replace("categories:\n  - es\n", "")
    source = _pages(tmp_path, {"0001-02-01-how-do-i-choose.md": full})
    english = tmp_path / HEALTHCARE_ENGLISH_ARTICLES
    (english / "0001-02-01-can-i-keep-my-doctor.md").write_text(
        full.replace("¿Cómo elijo un plan? ", "Can I keep my doctor?"), "utf-8")
    files = list(healthcare_articles(source, english=True))
    assert [name for name, _ in files] == ["healthcare-can-i-keep-my-doctor.md"]
    assert ('source: "https://www.healthcare.gov/can-i-keep-my-doctor (HealthCare.gov\'s English '
            "article, CMS, public domain;") in files[0][1]
    assert [name for name, _ in healthcare_articles(source)] == [
        "cuidadodesalud-como-elijo-un-plan.md"]


def test_round_14_takes_the_shorter_articles_and_the_other_kinds_of_page(tmp_path: Path) -> None:
    """Round 14: articles of 100 to 249 words (rounds 10 and 13 took the longer ones), and
    questions, blog posts, topic pages and quick answers of 100 words or more, named by kind."""
    long = PAGE.replace("{filler}", FILLER)  # 325 words and more: round 10's
    middle = PAGE.replace("{filler}", FILLER[: len(FILLER) // 3]).replace("¿Cómo", "¿Dónde")
    stub = PAGE.replace("{filler}", "Poco.").replace("¿Cómo", "¿Cuándo")
    source = _pages(tmp_path, {"0001-02-01-long.md": long, "0001-02-01-middle.md": middle,
                               "0001-02-01-stub.md": stub})
    for kind in ("questions", "blog", "topics", "quick-answers"):
        (tmp_path / "_posts" / kind / "es").mkdir(parents=True)
        (tmp_path / "_posts" / kind).joinpath("es", "0001-02-01-q.md").write_text(
            middle.replace("¿Dónde", "¿Qué"), "utf-8")
    names = [name for name, _ in healthcare_rest_articles(source, english=False)]
    assert names == [
        "cuidadodesalud-donde-elijo-un-plan.md", "cuidadodesalud-question-que-elijo-un-plan.md",
        "cuidadodesalud-blog-que-elijo-un-plan.md", "cuidadodesalud-topic-que-elijo-un-plan.md",
        "cuidadodesalud-quick-answer-que-elijo-un-plan.md"]


def test_lists_keep_their_items_and_nesting_and_a_paragraph_after_one_is_its_own() -> None:
    markdown = (
        "### **Fechas claves**\n\n"
        "* ** 1 de octubre:** Empieza la inscripción\n"
        "* Platino  \n"
        "Las categorías no hablan de la calidad del plan.\n\n"
        "1.\t**Pida el formulario:**\n"
        "Para pedirlo, usted debe:\n\n"
        "     * Llamar al número gratis\n"
        "     * Escribir a:\n"
        "P.O. Box 100\n"
        "Ciudad, Estado 00000\n\n"
        "2.  [Vacunas] (http://www.ejemplo.gov/vacunas), \n"
        "[gripe]( http://www.ejemplo.gov/gripe)\n\n"
        "Otro párrafo.\n"
        "* Cubrir a los niños\n"
        "**Nota:** Algunos planes ofrecen más.\n\n"
        "---\n"
        "* Tiene derecho a una copia (si la pide).\n"
        "Cuando la reciba, guárdela.\n\n"
        "•\tSi usted **no** ofrece un plan, paga una cuota.\n\n"
        "•\tSi usted **sí** lo ofrece, no la paga.\n")
    assert body_blocks(markdown) == [
        "### Fechas claves",
        "- **1 de octubre:** Empieza la inscripción\n- Platino",
        "Las categorías no hablan de la calidad del plan.",
        "1. **Pida el formulario:** Para pedirlo, usted debe:\n"
        "    - Llamar al número gratis\n"
        "    - Escribir a: P.O. Box 100 Ciudad, Estado 00000\n"
        "2. [Vacunas](http://www.ejemplo.gov/vacunas), [gripe](http://www.ejemplo.gov/gripe)",
        "Otro párrafo.",
        "- Cubrir a los niños",
        "**Nota:** Algunos planes ofrecen más.",
        "- Tiene derecho a una copia (si la pide).",
        "Cuando la reciba, guárdela.",
        "- Si usted **no** ofrece un plan, paga una cuota.\n- Si usted **sí** lo ofrece, no la "
        "paga."]


def test_a_label_item_carries_on_over_its_lines() -> None:
    """A bold label's text, over two lines, stays the item's: the second line's sentence does
    not start a paragraph."""
    markdown = ("* **Opción 1: Un plan nuevo**\nSi deja su trabajo, puede comprar uno.\n"
                "También puede ahorrar.\n* **Opción 2: Su plan de antes**\nPuede quedarse con él.")
    assert body_blocks(markdown) == [
        "- **Opción 1: Un plan nuevo** Si deja su trabajo, puede comprar uno. También puede "
        "ahorrar.\n- **Opción 2: Su plan de antes** Puede quedarse con él."]


@pytest.mark.parametrize(("written", "paired"), [
    ("** 31 de marzo:** Cierra", "**31 de marzo:** Cierra"),
    ("*** En este caso, sí. \n***En otro, no.", "***En este caso, sí.*** En otro, no."),
    ("**Los planes *individuales* no**", "**Los planes *individuales* no**"),
    ("Un * suelto y **otro", "Un  suelto y otro"),
    ("Precio \\* dos", "Precio \\* dos"),
])
def test_bold_and_italics_are_paired_as_the_page_paired_them(written: str, paired: str) -> None:
    assert emphasis(written) == paired


def test_an_nci_article_only_an_earlier_commit_has_is_read_at_that_commit(
        tmp_path: Path) -> None:
    """Round 10's "¿Qué es el cáncer?" is in cgov-digital-platform's history only: read at its
    commit, named in `source:`; at HEAD the file is not there."""
    work = tmp_path / "work"
    content = work / CGOV_CONTENT
    content.mkdir(parents=True)
    body = "<p>" + "Las células crecen y se dividen cuando el cuerpo las necesita. " * 20 + "</p>"
    (content / "018_que_es.content.yml").write_text(
        "- entity: 'node'\n  type: 'cgov_article'\n  title__ES:\n    value: '¿Qué es?'\n"
        "  field_article_body__ES:\n    - field_body_section_heading:\n        - value: 'Uno'\n"
        f"      field_body_section_content:\n        - value: '{body}'\n", "utf-8")

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@example.org",
             *args], check=True, capture_output=True, text=True).stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "add")
    commit = git("rev-parse", "HEAD")
    git("rm", "-q", "-r", "docroot")
    git("commit", "-q", "-m", "remove")
    source = Source(work / ".git")
    files = list(cgov_article_files(source, ("018_que_es.content.yml",), commit))
    assert [name for name, _ in files] == ["nci-que-es.md"]
    assert f"018_que_es.content.yml at commit {commit[:7]};" in files[0][1]
    assert "\n\n## Uno\n\nLas células crecen" in files[0][1]
    assert source.read(f"{CGOV_CONTENT}/018_que_es.content.yml") is None
    with pytest.raises(SystemExit, match=r"not in .* at commit"):
        list(cgov_article_files(source, ("018_otro.content.yml",), commit))
