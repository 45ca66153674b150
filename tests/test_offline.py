"""The service worker a build fills in (wellread.publish.offline): this language's theme assets
and a version that changes with the site and with nothing else."""

from __future__ import annotations

import json
import re
from pathlib import Path

from wellread.publish import offline

from .conftest import REPO


def _site(root: Path) -> Path:
    files = {
        "index.html": "<p>home</p>",
        "vaccines/flu-vaccine/index.html": "<p>flu</p>",
        "assets/wellread.css": "a{}",
        "assets/javascripts/bundle.1.min.js": "1",
        "assets/javascripts/workers/search.1.min.js": "2",
        "assets/javascripts/lunr/min/lunr.es.min.js": "3",
        "assets/cards/vaccines/flu-vaccine.png": "png",
        "es/index.html": "<p>inicio</p>",
        "es/assets/wellread.css": "a{}",
        offline.WORKER: (REPO / "theme" / offline.WORKER).read_text("utf-8"),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, "utf-8")
    return root


def test_the_worker_keeps_this_languages_styles_and_scripts(tmp_path: Path) -> None:
    site = _site(tmp_path)
    offline.write_worker(site, {"es", "ar"})
    worker = (site / offline.WORKER).read_text("utf-8")
    assets = json.loads(re.search(r"var ASSETS = (\[.*?\]);", worker).group(1))  # type: ignore[union-attr]
    assert assets == ["assets/javascripts/bundle.1.min.js", "assets/wellread.css"]
    assert "__WELLREAD" not in worker
    assert re.search(r'var VERSION = "[0-9a-f]{16}";', worker)


def test_a_new_build_is_a_new_version_and_the_same_build_the_same(tmp_path: Path) -> None:
    site = _site(tmp_path)
    first = offline.build_version(site, {"es"})
    assert offline.build_version(site, {"es"}) == first
    (site / "es" / "index.html").write_text("<p>otro</p>", "utf-8")
    (site / "assets" / "cards" / "vaccines" / "flu-vaccine.png").write_text("new", "utf-8")
    assert offline.build_version(site, {"es"}) == first, "other languages and cards aside"
    (site / "vaccines" / "flu-vaccine" / "index.html").write_text("<p>fixed</p>", "utf-8")
    assert offline.build_version(site, {"es"}) != first


def test_the_worker_keeps_nothing_from_other_sites() -> None:
    worker = (REPO / "theme" / offline.WORKER).read_text("utf-8")
    assert "origin === self.location.origin" in worker
    assert "http://" not in worker and "https://" not in worker
    assert re.search(r'request\.method !== "GET" \|\| !ours\(request\.url\)', worker)


def test_a_theme_without_the_worker_gets_none(tmp_path: Path) -> None:
    offline.write_worker(tmp_path)
    assert not (tmp_path / offline.WORKER).exists()
