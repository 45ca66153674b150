"""The built sample site, every language: no link to a page, file or anchor that is not there."""

from __future__ import annotations

from pathlib import Path

from wellread.publish.sitelinks import dead_links


def test_built_sample_site_has_no_dead_internal_links(built_site: Path) -> None:
    assert list(dead_links(built_site)) == []


def test_each_topic_index_lists_every_article_of_its_topic(built_site: Path) -> None:
    content = Path(__file__).resolve().parents[2] / "content"
    for topic in sorted(p for p in content.iterdir() if (p / "index.md").is_file()):
        page = (built_site / topic.name / "index.html").read_text("utf-8")
        article = page.split("<article", 1)[1].split("</article>", 1)[0]
        for md in sorted(topic.glob("*.md")):
            if md.name != "index.md":
                assert f'href="{md.stem}/"' in article, f"{topic.name}/ does not list {md.name}"


def test_every_language_has_a_404_page_that_links_home(built_site: Path) -> None:
    for prefix, home in (("", "/"), ("es/", "/es/"), ("ar/", "/ar/")):
        page = (built_site / prefix / "404.html").read_text("utf-8")
        assert f'<a href="{home}.">' in page or f'<a href="{home}">' in page, prefix
    assert "No encontramos esta página" in (built_site / "es/404.html").read_text("utf-8")
    assert "لم نجد هذه الصفحة" in (built_site / "ar/404.html").read_text("utf-8")
