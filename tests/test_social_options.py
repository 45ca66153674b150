"""wellread/social on a tiny one-language site: campaign links, square cards, `wellread cards`."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from .conftest import ARTICLE, WELLREAD, run_wellread

Project = Callable[..., Path]

ONE_LANGUAGE = """\
site_name: Test clinic
site_url: https://clinic.example.org/
docs_dir: content
theme:
  name: material
  custom_dir: theme
  font: false
plugins:
  - wellread/i18n:
      languages: [en]
  - wellread/social:
      cache_dir: .cards
{options}
"""

TAGGED = ARTICLE.replace("---\nThe flu", "tags: [flu shot]\n---\nThe flu", 1)


def build(make_project: Project, options: str) -> Path:
    project = make_project({
        "mkdocs.yml": ONE_LANGUAGE.format(options=options),
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/vaccines/flu.md": TAGGED,
    })
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    return project / "site"


def flu_entry(site: Path) -> dict:
    pages = json.loads((site / "share" / "en.json").read_text("utf-8"))["pages"]
    return next(page for page in pages if page["url"].endswith("/vaccines/flu/"))


def test_campaign_tags_the_share_files_posts_not_the_readers_links(
    make_project: Project
) -> None:
    site = build(make_project, "      campaign: autumn\n      square: false")
    entry = flu_entry(site)
    url = "https://clinic.example.org/vaccines/flu/"
    assert f"{url}?utm_source=mastodon&utm_medium=social&utm_campaign=autumn" in (
        entry["posts"]["mastodon"]
    )
    assert "utm_source=x&" in entry["posts"]["x"]
    assert entry["posts"]["mastodon"].endswith("#FluShot")
    assert "utm_" not in json.dumps(entry["captions"])  # the readers' own share links
    assert "utm_campaign=autumn" in (site / "share" / "en.csv").read_text("utf-8-sig")
    # Without the square card, the others are made; only the landscape one is declared.
    assert [card["kind"] for card in entry["cards"]] == ["landscape", "portrait", "story"]
    assert not (site / "assets" / "cards" / "vaccines" / "flu-square.png").exists()
    page = (site / "vaccines" / "flu" / "index.html").read_text("utf-8")
    assert page.count('property="og:image"') == 1
    assert "utm_" not in page


def test_links_carry_no_campaign_parameters_by_default(make_project: Project) -> None:
    site = build(make_project, "")
    entry = flu_entry(site)
    assert "utm_" not in json.dumps(entry)
    with Image.open(site / "assets" / "cards" / "vaccines" / "flu-square.png") as card:
        assert card.size == (1080, 1080)


def cards_command(project: Path, on_terminal: bool) -> str:
    """`wellread cards`, its stderr a pseudo-terminal or a pipe; what it wrote there."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project), "SOURCE_DATE_EPOCH": "1790000000"}
    if not on_terminal:
        result = run_wellread(project, "cards", "--workers", "1")
        assert result.returncode == 0, result.stderr
        return result.stderr
    leader, follower = os.openpty()
    try:
        process = subprocess.run(
            [str(WELLREAD), "cards", "--workers", "1"], cwd=project, env=env, timeout=300,
            stdout=subprocess.DEVNULL, stderr=follower, check=False,
        )
        os.close(follower)
        output = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # Linux: the terminal is gone once everything is read
                break
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    assert process.returncode == 0, output
    return output.decode("utf-8")


def test_cards_command_shows_a_progress_bar_only_on_a_terminal(make_project: Project) -> None:
    project = make_project({
        "mkdocs.yml": ONE_LANGUAGE.format(options=""),
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/vaccines/flu.md": TAGGED,
    })
    bar = cards_command(project, on_terminal=True)
    assert "Cards (en)" in bar and "100%" in bar and "[####" in bar
    assert "en: 8 cards (8 rendered, 0 from the cache)" in bar
    plain = cards_command(project, on_terminal=False)
    # The article in the layout's four sizes; home and the translation progress page, which
    # nothing posts, in the two sizes of their link previews.
    assert plain == "en: 8 cards, all from the cache (none rendered)\n"
    assert (project / "site" / "assets" / "cards" / "vaccines" / "flu-square.png").is_file()


def test_cards_command_without_the_social_plugin_says_how_to_add_it(
    make_project: Project,
) -> None:
    project = make_project({
        "mkdocs.yml": ONE_LANGUAGE.format(options="").replace("  - wellread/social:\n", "")
        .replace("      cache_dir: .cards\n", ""),
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
    })
    result = run_wellread(project, "cards")
    assert result.returncode == 2
    assert "add '- wellread/social' under plugins" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_glyph_no_font_has_is_warned_about_on_every_build_not_only_the_first(
    make_project: Project,
) -> None:
    project = make_project({
        "mkdocs.yml": ONE_LANGUAGE.format(options=""),
        "content/index.md": "---\ntitle: Home ༀ\n---\nWelcome.\n",  # U+0F00: no font has it
    })
    for build_number in (1, 2):  # the second build finds the answer in the cache
        result = run_wellread(project, "build", "--no-strict")
        assert result.returncode == 0, result.stderr
        warnings = [line for line in result.stderr.splitlines() if "'ༀ'" in line]
        assert len(warnings) == 1 and "index.md" in warnings[0], (build_number, result.stderr)


def test_addresses_built_from_a_file_name_with_a_space_hash_and_accent_are_percent_encoded(
    make_project: Project,
) -> None:
    from html.parser import HTMLParser
    from urllib.parse import unquote, urlsplit
    from xml.etree import ElementTree

    class Meta(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.urls: dict[str, str] = {}

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            a = dict(attrs)
            key = a.get("property") or a.get("name") or a.get("rel")
            if key in ("og:image", "og:url", "twitter:image", "canonical"):
                self.urls.setdefault(key, a.get("content") or a.get("href") or "")

    project = make_project({
        "mkdocs.yml": ONE_LANGUAGE.format(options="      square: false")
        + "  - wellread/trust\n",
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/vaccines/flu shot #1 niño.md": TAGGED,
    })
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = site / "vaccines" / "flu shot #1 niño" / "index.html"
    meta = Meta()
    meta.feed(page.read_text("utf-8"))
    encoded = "vaccines/flu%20shot%20%231%20ni%C3%B1o"
    assert meta.urls["og:image"] == f"https://clinic.example.org/assets/cards/{encoded}.png"
    for key in ("og:url", "canonical"):
        assert meta.urls[key] == f"https://clinic.example.org/{encoded}/"
    card = site / unquote(urlsplit(meta.urls["og:image"]).path).lstrip("/")
    assert card.is_file()
    pages = json.loads((site / "share" / "en.json").read_text("utf-8"))["pages"]
    assert (meta.urls["og:url"], meta.urls["og:image"]) in [(p["url"], p["image"]) for p in pages]
    feed = ElementTree.parse(site / "feed.xml").getroot()
    links = [link.get("href") for link in feed.iter("{http://www.w3.org/2005/Atom}link")]
    assert meta.urls["og:url"] in links
