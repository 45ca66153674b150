"""MkDocs plugin `wellread/search`: Material's search, with its index written as it is encoded.

Material's search plugin encodes the whole index as one text, then as bytes, before it writes
them. At 2,000 articles the index is 26 MB, and that took 80 MB more memory at the end of every
language's build. This plugin writes the same bytes an entry at a time. Everything else,
options included, is Material's `search`: use `wellread/search` in its place in `mkdocs.yml`.
"""

from __future__ import annotations

import json
from pathlib import Path

from material.plugins.search.plugin import SearchPlugin as MaterialSearchPlugin
from mkdocs.config.defaults import MkDocsConfig

# The index settings Material writes next to the entries, in its order.
_SETTINGS = ("lang", "separator", "pipeline", "fields")


class SearchPlugin(MaterialSearchPlugin):
    """Material's `search`; the index file is written entry by entry."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        super().on_config(config)
        # Material's templates show the search box, and load its worker, only when a plugin
        # is named "material/search". Listed under that name too, without registering its
        # events a second time (PluginCollection's own __setitem__ would).
        if "material/search" not in config.plugins:
            dict.__setitem__(config.plugins, "material/search", self)
        return config

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled or self.is_dirty:
            # `mkdocs serve --dirty` merges the index with the last build's: Material's own way.
            super().on_post_build(config=config)
            return
        index = self.search_index
        # Material's json.dumps(..., separators=(",", ":"), default=str), piece by piece.
        encode = json.JSONEncoder(separators=(",", ":"), default=str).encode
        path = Path(config.site_dir) / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        # Only ASCII is written (non-ASCII characters are escaped as \uXXXX), as Material's.
        with open(path, "w", encoding="utf-8", newline="") as handle:
            settings = {key: index.config[key] for key in _SETTINGS}
            handle.write(f'{{"config":{encode(settings)},"docs":[')
            for number, entry in enumerate(index.entries):
                handle.write("," + encode(entry) if number else encode(entry))
            handle.write("]}")
