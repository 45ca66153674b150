"""The MkDocs adapter records each page once in its language's manifest, which wellread/trust
(the feed) and wellread/social (share files, cards) both read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from wellread.adapters.mkdocs.state import manifest

from .conftest import ARTICLE

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
      square: false
  - wellread/trust
"""


def test_each_page_is_recorded_once_for_the_feed_the_share_files_and_the_cards(
    make_project: Callable[[dict[str, str]], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project({
        "mkdocs.yml": ONE_LANGUAGE,
        "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/vaccines/flu.md": ARTICLE,
    })
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # the build sets it if unset
    config = load_config(str(project / "mkdocs.yml"))
    build(config)
    pages = manifest(config)
    assert pages is manifest(config)  # one list, whoever asks
    assert [page.src for page in pages] == [
        "index.md", "vaccines/flu.md", "translations.md", "corrections.md"
    ]
    assert [page.url for page in pages] == ["", "vaccines/flu/", "translations/", "corrections/"]
    assert {page.lang for page in pages} == {"en"}
    flu = pages[1]
    assert flu.share is not None and flu.share["url"] == "https://clinic.example.org/vaccines/flu/"
    assert [job.target for job in flu.cards] == [  # square: false; the layout's other sizes
        project / f"site/assets/cards/vaccines/flu{kind}.png"
        for kind in ("", "-portrait", "-story")
    ]
    # The home page is posted nowhere: only its link preview's card, no portrait or story
    assert [job.target for job in pages[0].cards] == [project / "site/assets/cards/index.png"]
    assert flu.meta["wellread"]["review"]  # the page data the feed reads
    assert "https://clinic.example.org/vaccines/flu/" in (
        project / "site/feed.xml"
    ).read_text("utf-8")
