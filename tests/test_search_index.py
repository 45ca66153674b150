"""`wellread/search` writes Material's search index with less memory, and the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import copy_sample, run_wellread

OURS = "  - wellread/search  # Material's search, its index written with less memory\n"


def test_the_search_index_is_byte_for_byte_materials_in_every_language(tmp_path: Path) -> None:
    ours = copy_sample(tmp_path / "ours")
    material = copy_sample(tmp_path / "material")
    config = material / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert OURS in text  # the sample uses wellread/search
    config.write_text(text.replace(OURS, "  - search\n"), "utf-8")
    for project in (ours, material):
        result = run_wellread(project, "build")
        assert result.returncode == 0, result.stderr
    for prefix, lang in (("", "en"), ("es/", "es"), ("ar/", "ar")):
        index = f"site/{prefix}search/search_index.json"
        written = (ours / index).read_bytes()
        assert written == (material / index).read_bytes(), index
        document = json.loads(written)
        assert document["config"]["lang"] == [lang]
        assert len(document["docs"]) > 16  # every page, and its sections
    arabic = json.loads((ours / "site/ar/search/search_index.json").read_bytes())
    assert any("\u0627" in doc["title"] for doc in arabic["docs"])  # escaped, and read back
