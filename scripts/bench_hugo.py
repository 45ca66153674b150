"""Hugo building the synthetic site's Markdown, for `make bench`: the fast-generator reference.

Hugo is Debian's `hugo` (scripts/system-deps.sh installs it for `make bench`). The same
Markdown files go into a Hugo project with a minimal theme (a page, its section's menu, its
content); each folder's index.md becomes Hugo's _index.md, its section page. No checker, no
translations, no cards: what the fastest static generator takes to turn these files into HTML.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench_timing import Run, timed

_CONFIG = """\
baseURL = "https://health.example.org/"
languageCode = "en"
title = "wellread health"
disableKinds = ["taxonomy", "term"]
[markup.goldmark.renderer]
unsafe = true
"""
_BASE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<nav><ul>{{ range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ if or (eq . $.CurrentSection) (eq . $) }}<ul>{{ range .Pages }}<li>
<a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</li>{{ end }}</ul></nav>
<main><h1>{{ .Title }}</h1>{{ .TableOfContents }}{{ .Content }}</main></body></html>
"""


def hugo_project(content: Path, root: Path) -> Path:
    """A Hugo project in `root` holding the Markdown of `content`; its folder."""
    shutil.rmtree(root, ignore_errors=True)
    for source in content.rglob("*.md"):
        name = "_index.md" if source.name == "index.md" else source.name
        target = root / "content" / source.parent.relative_to(content) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    (root / "hugo.toml").write_text(_CONFIG, "utf-8")
    for kind in ("single", "list"):
        layout = root / "layouts" / "_default" / f"{kind}.html"
        layout.parent.mkdir(parents=True, exist_ok=True)
        layout.write_text(_BASE, "utf-8")
    return root


def hugo_build(project: Path) -> Run | None:
    """One Hugo build of `project` into public/ (emptied first); None when hugo is missing."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    shutil.rmtree(project / "public", ignore_errors=True)
    return timed([hugo, "--quiet", "--source", str(project)], project)
