"""Page weight: a page's HTML, CSS (with its fonts), scripts and search data, images apart."""

from __future__ import annotations

import re
from pathlib import Path

from wellread.publish.pageweight import page_weight

from .conftest import copy_sample, run_wellread


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, "utf-8")


def test_page_weight_counts_each_file_once_by_kind(tmp_path: Path) -> None:
    files = {
        "a/index.html": (
            '<link rel="stylesheet" href="../s.css"><link rel="stylesheet" href="../s.css">'
            '<link rel="icon" href="../i.png"><script src="../app.js"></script>'
            '<script src="https://cdn.example.org/x.js"></script><img src="p.png" alt="x">'
            '<script id="__config" type="application/json">{"base": "..", "search": '
            '"../worker.js"}</script>'
        ),
        "s.css": "@font-face{src:url('f.woff2')} @import 'more.css'; a{background:url(i.png)}",
        "more.css": "b{}",
        "f.woff2": "F" * 100,
        "app.js": "J" * 50,
        "worker.js": "W" * 20,
        "search/search_index.json": "{}" * 10,
        "i.png": "I" * 7,
        "a/p.png": "P" * 9,
    }
    write(tmp_path, files)
    weight = page_weight(tmp_path, "a/index.html")
    size = {name: len(text) for name, text in files.items()}
    assert weight.html == size["a/index.html"]
    assert weight.css == size["s.css"] + size["more.css"]
    assert weight.fonts == 100
    assert weight.js == 70
    assert weight.data == 20
    assert weight.images == 16
    assert weight.total == weight.html + weight.css + 100 + 70 + 20
    assert sorted(weight.files) == sorted(files)


def test_search_deferred_to_when_opened_is_not_counted(tmp_path: Path) -> None:
    config = ('<script id="__config" type="application/json">{"base": ".", "search": '
              '"assets/javascripts/workers/search.1.min.js"}</script>')
    files = {
        "assets/wellread-search.js": "L" * 30,
        "assets/javascripts/bundle.1.min.js": "B" * 40,
        "assets/javascripts/workers/search.1.min.js": "W" * 20,
        "search/search_index.json": "{}" * 10,
    }
    write(tmp_path, files)
    lazy = '<script src="assets/wellread-search.js"></script>'
    bundle = '<script src="assets/javascripts/bundle.1.min.js"></script>'
    (tmp_path / "lazy.html").write_text(config + lazy + bundle, "utf-8")
    (tmp_path / "late.html").write_text(config + bundle + lazy, "utf-8")
    (tmp_path / "eager.html").write_text(config + bundle, "utf-8")
    assert page_weight(tmp_path, "lazy.html").data == 0
    assert page_weight(tmp_path, "lazy.html").js == 70
    # the lazy script after the bundle comes too late: the bundle has started search
    assert page_weight(tmp_path, "late.html").data == 20
    assert page_weight(tmp_path, "eager.html").js == 60


def test_a_site_with_a_feature_only_materials_bundle_runs_gets_the_bundle_with_each_page(
    tmp_path: Path,
) -> None:
    # a palette toggle or "back to top" does nothing until the bundle runs, so such a site
    # cannot wait for the reader to open search; the sample (none of them) can
    project = copy_sample(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("    - navigation.prune\n",
                                          "    - navigation.prune\n    - navigation.top\n"),
        "utf-8",
    )
    assert run_wellread(project, "build", "--language", "en").returncode == 0
    page = (project / "site" / "vaccines" / "flu-vaccine" / "index.html").read_text("utf-8")
    assert re.search(r'<script src="[./]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js">', page)
    assert "data-wr-bundle" not in page
