"""Untrusted text never becomes markup: hostile front matter, settings and translations, built
into a real site, reach the pages only as escaped text."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from wellread.i18n.sanitize import clean_html

from .conftest import REPO, run_wellread

CORPUS = Path(__file__).parent / "bad_input"
# In every field: a script, an event attribute, Jinja syntax; links with javascript: and data:.
HOSTILE_ARTICLE = """\
---
title: "Evil <script>alert('XSS-title')</script> {{ config.site_name }} {% include 'base.html' %}"
description: "Desc <img src=x onerror=alert('XSS-desc')> {{ 7*7 }}"
share: "Share <script>alert('XSS-share')</script> {% raw %}"
summary:
  - "Point <svg onload=alert('XSS-summary')> {{ lipsum() }}"
tags: [vaccines, "<b onmouseover=alert('XSS-tag')>x</b>"]
image: shot.png
image_alt: "Alt <script>alert('XSS-alt')</script> {# comment #}"
reviewed_by: "Dr <script>alert('XSS-reviewer')</script> %(name)s {{ page }}"
last_reviewed: 2026-10-01
next_review: 2099-10-01
sources:
  - title: "Source <script>alert('XSS-source')</script>"
    url: "javascript:alert('XSS-url')"
  - title: "Data source <a href=x onclick=alert('XSS-source2')>"
    url: "data:text/html,<script>alert('XSS-data')</script>"
corrections:
  - date: 2026-10-15
    note: "Note <iframe src=javascript:alert('XSS-note')></iframe> {{ config }}"
---
The flu shot lowers your chance of getting sick.

## What to do next

Ask your nurse.
"""
SITE_NAME = "Clinic <script>alert('XSS-site')</script> {{ config }}"
HOSTILE_PO = """\
msgid ""
msgstr ""
"Language: es\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

{entries}
"""
CONTENT_TRANSLATIONS = {
    "The flu shot lowers your chance of getting sick.":
        "La vacuna <script>alert('XSS-po-script')</script> ayuda.",
    "What to do next": "Qué hacer {% include 'base.html' %}",
    "Ask your nurse.": "Pregunte [aquí](javascript:alert('XSS-po-link')).",
    "Vaccines help your body fight germs.": "Las vacunas <img src=x onerror=alert('XSS-po-img')>",
    "Who should get it and when.": "Quién {{ config.site_name }} y cuándo.",
    "Flu vaccine": "Vacuna <a href='data:text/html,XSS-po-data'>gripe</a>",
}
THEME_TRANSLATIONS = {
    "Key points": "<script>alert('XSS-theme')</script>Puntos clave",
    "Reviewed by %(name)s": "Revisado por %(name)s {{ config }}",
    "Sources": "Fuentes <b onclick=alert('XSS-theme2')>",
}


def _po(translations: dict[str, str]) -> str:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    entries = "\n".join(
        f"msgid {quoted(source)}\nmsgstr {quoted(target)}\n"
        for source, target in translations.items()
    )
    return HOSTILE_PO.format(entries=entries)


class _Live(HTMLParser):
    """Everything in a page that a browser would run or follow to a script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            text = (value or "").strip().lower()
            unsafe_link = text.startswith(("javascript:", "data:", "vbscript:")) and name in (
                "href", "src", "action", "formaction", "srcdoc"
            )
            if name.startswith("on") or unsafe_link:
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if self.tags and self.tags[-1] == tag:
            self.tags.pop()

    def handle_data(self, data: str) -> None:
        if "script" in self.tags[-1:] and "XSS" in data:
            self.problems.append(f"<script>{data.strip()[:60]}")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "p"
    shutil.copytree(CORPUS / "_base", project)
    shutil.copytree(REPO / "theme", project / "theme")
    shutil.copy(REPO / "content/vaccines/flu-shot.png", project / "content/vaccines/shot.png")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("site_name: Test clinic", f'site_name: "{SITE_NAME}"')
        .replace("site_url:", "site_description: \"<img src=x onerror=alert('XSS-sd')>\"\n"
                 "site_url:"),
        "utf-8",
    )
    (project / "content/vaccines/evil.md").write_text(HOSTILE_ARTICLE, "utf-8")
    folder = project / "locales/es/LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "content.po").write_text(_po(CONTENT_TRANSLATIONS), "utf-8")
    (folder / "theme.po").write_text(_po(THEME_TRANSLATIONS), "utf-8")
    # --no-strict: even what the checker calls an error (the javascript: source) is published
    # safely when someone builds anyway.
    result = run_wellread(project, "build", "--no-strict")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_no_hostile_text_becomes_markup_on_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        scan = _Live()
        scan.feed(page.read_text("utf-8"))
        assert scan.problems == [], page


def test_hostile_text_is_shown_as_text_not_dropped_or_run(hostile_site: Path) -> None:
    page = (hostile_site / "vaccines/evil/index.html").read_text("utf-8")
    assert "Evil &lt;script&gt;alert(&#39;XSS-title&#39;)&lt;/script&gt; {{ config.site_name }}" \
        " {% include &#39;base.html&#39; %}</h1>" in page
    assert (
        "Dr &lt;script&gt;alert(&#39;XSS-reviewer&#39;)&lt;/script&gt; %(name)s {{ page }}"
    ) in page
    assert "Note &lt;iframe" in page and "Point &lt;svg onload" in page
    assert "Clinic &lt;script&gt;alert(&#39;XSS-site&#39;)&lt;/script&gt; {{ config }}" in page
    assert "&amp;lt;" not in page  # escaped once, not twice
    assert "XSS-url" not in page and "XSS-data" not in page  # unsafe links are not published


def test_hostile_translations_are_not_published(hostile_site: Path) -> None:
    spanish = "".join(p.read_text("utf-8") for p in (hostile_site / "es").rglob("*.html"))
    assert "XSS-po" not in spanish and "XSS-theme" not in spanish
    assert "Qué hacer" not in spanish and "Revisado por" not in spanish
    assert "Puntos clave" not in spanish and "Fuentes" not in spanish


ADMONITION = (
    '<div class="admonition note" lang="en" dir="ltr"><p class="admonition-title">N</p></div>'
)


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<p>Hola<script>alert(1)</script></p>", "<p>Hola</p>"),
        ('<p><img src="x" onerror="alert(1)" alt="a"></p>', '<p><img src="x" alt="a"></p>'),
        ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
        ('<a href="data:text/html,x">a</a>', "<a>a</a>"),
        ('<iframe src="https://example.org"></iframe><p>b</p>', "<p>b</p>"),
        ('<p style="background:url(x)">c</p>', "<p>c</p>"),
        (ADMONITION, ADMONITION),
        ('<a href="../flu/" hreflang="es">gripe</a>', '<a href="../flu/" hreflang="es">gripe</a>'),
    ],
)
def test_the_sanitiser_keeps_markdown_and_drops_what_runs(html: str, kept: str) -> None:
    assert clean_html(html) == kept
