"""wellread/social options on a tiny one-language site: campaign links, square cards, photos."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from .conftest import ARTICLE, run_wellread

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


def test_campaign_adds_utm_parameters_naming_each_platform(make_project: Project) -> None:
    site = build(make_project, "      campaign: autumn\n      square: false")
    entry = flu_entry(site)
    url = "https://clinic.example.org/vaccines/flu/"
    assert f"{url}?utm_source=mastodon&utm_medium=social&utm_campaign=autumn" in (
        entry["captions"]["mastodon"]
    )
    assert "utm_source=x&" in entry["captions"]["x"]
    assert entry["captions"]["mastodon"].endswith("#FluShot")
    # Without the square card, only the landscape one is made and declared.
    assert [card["kind"] for card in entry["cards"]] == ["landscape"]
    assert not (site / "assets" / "cards" / "vaccines" / "flu-square.png").exists()
    page = (site / "vaccines" / "flu" / "index.html").read_text("utf-8")
    assert page.count('property="og:image"') == 1


def test_links_carry_no_campaign_parameters_by_default(make_project: Project) -> None:
    site = build(make_project, "")
    entry = flu_entry(site)
    assert "utm_" not in json.dumps(entry)
    with Image.open(site / "assets" / "cards" / "vaccines" / "flu-square.png") as card:
        assert card.size == (1080, 1080)
