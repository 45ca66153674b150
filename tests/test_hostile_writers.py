"""End to end: hostile titles, notes, share texts, tags and alerts reach the corrections page,
the feeds, the share CSV and JSON and the editors' report as text, never as markup or formulas."""

from __future__ import annotations

import csv
import json
import re
import shutil
import textwrap
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest

from wellread.i18n.catalog import read_catalog, write_catalog

from .conftest import ARTICLE, REPO, run_wellread

SCRIPT = "</script><script>alert(1)</script>"
FEED_TITLE = "A child's <b>fever</b> & cough"
ALERT = f"Flu is rising {SCRIPT} & <b>more</b>"

MKDOCS_YML = f"""\
site_name: Test clinic
site_url: https://clinic.example.org/
docs_dir: content
theme:
  name: material
  custom_dir: theme
  font: false
markdown_extensions: [admonition, attr_list, md_in_html]
plugins:
  - search
  - wellread/check
  - wellread/i18n:
      languages: [en, es]
  - wellread/social
  - wellread/trust:
      alert:
        date: 2026-11-20
        text: {json.dumps(ALERT)}
"""
# A title and a note that would run as a script, a share text Excel would run as a formula.
FEVER = ARTICLE.replace("title: Flu vaccine", f"title: {json.dumps(FEED_TITLE)}").replace(
    "next_review: 2027-10-01\n",
    "next_review: 2027-10-01\n"
    "share: '=HYPERLINK(\"https://evil.example\",\"Click\")'\n"
    "tags: [fever, children]\n"
    "corrections:\n  - date: 2026-10-15\n"
    f"    note: {json.dumps(SCRIPT + ' *not bold* [x](javascript:alert(2))')}\n",
)
# A title holding a vertical tab and an escape (YAML's \v and \e), with a script in it; a
# description (the share text) that is a negative number to a spreadsheet.
DOSE = ARTICLE.replace(
    "title: Flu vaccine", f'title: "Dose\\v guide\\e {SCRIPT}"'
).replace(
    "description: Who should get it and when.", 'description: "-5 mg is too little."'
).replace(
    "next_review: 2027-10-01\n",
    "next_review: 2027-10-01\ncorrections:\n  - date: 2026-10-16\n    note: We fixed a dose.\n",
)
PAGES = {
    "content/index.md": "---\ntitle: Home\ndescription: Our clinic.\n---\nWelcome.\n",
    "content/topic/index.md": "---\ntitle: Topic\ndescription: All about it.\n---\nPages.\n",
    "content/topic/fever.md": FEVER,
    "content/topic/dose.md": DOSE,
}
# Translated tags that must not become hashtags: the source tag is used instead.
HOSTILE_TAGS = {"fever": "https://spam.example/pills", "children": "#spam"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-writers")
    shutil.copytree(REPO / "theme", root / "theme")
    for name, text in {"mkdocs.yml": MKDOCS_YML, **PAGES}.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), "utf-8")
    for command in (("i18n", "extract"), ("i18n", "update")):
        result = run_wellread(root, *command)
        assert result.returncode == 0, result.stderr
    path = root / "locales/es/LC_MESSAGES/content.po"
    po = read_catalog(path, "es")
    for message in po:
        if message.id in HOSTILE_TAGS:
            message.string = HOSTILE_TAGS[message.id]
            message.flags.discard("fuzzy")
    write_catalog(path, po)
    return root


@pytest.fixture(scope="module")
def built(project: Path) -> str:
    result = run_wellread(project, "build", "--no-strict")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


class _Text(HTMLParser):
    """The text a reader sees inside the page's <article>, and the elements found there."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        elif self.depth:
            self.tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def article(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_corrections_page_shows_hostile_titles_and_notes_as_text(
    project: Path, built: str, prefix: str
) -> None:
    html = (project / "site" / prefix / "corrections/index.html").read_text("utf-8")
    seen = article(html)
    text = "".join(seen.text)
    assert f"{SCRIPT} *not bold* [x](javascript:alert(2))" in text
    assert FEED_TITLE in text
    assert "script" not in seen.tags and "b" not in seen.tags and "em" not in seen.tags
    assert "<script>alert(1)" not in html and 'href="javascript' not in html
    assert seen.tags.count("a") == 2  # the two articles' links, and no link from the note
    assert 'href="../topic/fever/"' in html


def test_alert_text_is_shown_as_text_on_every_page(project: Path, built: str) -> None:
    # Already so before issue 19 (the theme escapes it): kept so it stays so.
    pages = sorted((project / "site").rglob("*.html"))
    assert len(pages) > 6
    for path in pages:
        html = path.read_text("utf-8")
        alert = re.search(r'<section class="wr-alert".*?</section>', html, re.S)
        assert alert, path
        assert "<script>" not in alert.group() and "<b>more" not in alert.group(), path
        assert "Flu is rising &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; " \
               "&lt;b&gt;more&lt;/b&gt;" in alert.group(), path


@pytest.mark.parametrize("prefix", ["", "es/"])
def test_feed_gives_titles_and_notes_back_exactly_and_drops_control_characters(
    project: Path, built: str, prefix: str
) -> None:
    data = (project / "site" / prefix / "feed.xml").read_bytes()
    root = ET.fromstring(data)  # raises on a character XML cannot hold
    atom = "{http://www.w3.org/2005/Atom}"
    titles = [entry.findtext(f"{atom}title") for entry in root.iter(f"{atom}entry")]
    assert titles == [f"Dose guide {SCRIPT}", FEED_TITLE]  # newest correction first
    assert root.findtext(f"{atom}title") == "Test clinic"
    feed = feedparser.parse(data)
    assert not feed.bozo, feed.bozo_exception
    fever = feed.entries[1]
    assert fever.title == FEED_TITLE
    assert f"{SCRIPT} *not bold*" in fever.content[0].value
    assert "&#39;" not in data.decode() and "&amp;amp;" not in data.decode()


def test_share_csv_reads_back_with_no_formula_cells(project: Path, built: str) -> None:
    for language in ("en", "es"):
        path = project / "site/share" / f"{language}.csv"
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0] == ["Platform", "Title", "Text", "Link", "Image URL", "Image Alt Text",
                           "Tags"]
        assert all(len(row) == 7 for row in rows)
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (path, cell)
        texts = [row[2] for row in rows[1:]]
        assert any(text.startswith("'=HYPERLINK(\"https://evil.example\"") for text in texts)
        assert any(text.startswith("'-5 mg is too little.") for text in texts)


def test_translated_tags_with_an_address_or_a_hash_are_replaced_by_the_source_tags(
    project: Path, built: str
) -> None:
    shares = json.loads((project / "site/share/es.json").read_text("utf-8"))
    fever = next(page for page in shares["pages"] if page["url"].endswith("/es/topic/fever/"))
    assert fever["tags"] == ["fever", "children"]
    captions = " ".join(fever["captions"].values())
    assert "#fever #children" in captions
    assert "spam" not in json.dumps(shares)
    html = (project / "site/es/topic/fever/index.html").read_text("utf-8")
    assert "spam" not in html  # the share links carry the captions
    assert "spam" not in (project / "site/share/es.csv").read_text("utf-8")


def test_catalog_check_names_the_rejected_tags(project: Path, built: str) -> None:
    result = run_wellread(project, "i18n", "check")
    assert "https://spam.example/pills" in result.stdout + result.stderr
    assert "#spam" in result.stdout + result.stderr


def test_report_shows_a_hostile_title_as_text(project: Path, built: str) -> None:
    # Already so before issue 19 (the report's template autoescapes): kept so it stays so.
    result = run_wellread(project, "report", "-o", "report.html")
    assert "Traceback" not in result.stderr
    html = (project / "report.html").read_text("utf-8")
    assert "<script>alert(1)" not in html and "<b>fever" not in html
    assert "A child&#39;s &lt;b&gt;fever&lt;/b&gt; &amp; cough" in html
