"""(m) of `make bench`: where a cold build's time goes. The same cold build with the checker off,
with the cards off, and with both off, each against plain Material per language.

Issue 23 asks for a cold build within 1.3 times plain Material a language. These builds show
what that leaves for the two stages plain Material has no part like: the checker (every page and
every translation, issue 1's plain-language promise) and the cards (every size, every language,
issue 22). They are measurements, not a way to build: `enabled: false` is each plugin's own
switch, which a site may set; the social plugin's captions go with its cards.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from bench_timing import Run

# name shown -> the plugins switched off
PARTS = {
    "the checker off": ("wellread/check",),
    "cards off": ("wellread/social",),
    "both off": ("wellread/check", "wellread/social"),
}


def config_without(config: Path, plugins: tuple[str, ...], name: str) -> Path:
    """A copy of the site's mkdocs.yml beside it with `plugins` set to `enabled: false`."""
    data = yaml.safe_load(config.read_text("utf-8"))
    entries: list[object] = []
    switched: set[str] = set()
    for entry in data["plugins"]:
        plugin, options = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
        if plugin in plugins:
            options = {**(options or {}), "enabled": False}
            switched.add(plugin)
        entries.append({plugin: options} if options else plugin)
    missing = set(plugins) - switched
    if missing:
        raise SystemExit(f"bench: {config} has no {', '.join(sorted(missing))} plugin")
    data["plugins"] = entries
    out = config.with_name(f"mkdocs-{name.replace(' ', '-')}.yml")
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return out


def cold_parts(config: Path, build: Callable[[Path], Run]) -> dict[str, dict[str, float]]:
    """Each part's cold build (once): its seconds and CPU seconds. `build(config_path)` runs a
    cold `wellread build` of that configuration and returns its Run."""
    figures = {}
    for name, plugins in PARTS.items():
        path = config_without(config, plugins, name)
        try:
            run = build(path)
        finally:
            path.unlink(missing_ok=True)
        figures[name] = {"seconds": round(run.seconds, 2), "cpu_s": round(run.cpu_s, 1)}
    return figures
