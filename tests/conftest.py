"""Shared fixtures: tiny projects written to a temp folder from a dict of files, as MkDocs does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests (tests/test_fuzz*.py): `make test` runs a few examples of each, `make fuzz`
# runs 10,000 (HYPOTHESIS_PROFILE=wellread-fuzz).
for _name, _examples in (("wellread-fast", 30), ("wellread-fuzz", 10_000)):
    settings.register_profile(
        _name, max_examples=_examples, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "wellread-fast"))

REPO = Path(__file__).resolve().parent.parent
WELLREAD = Path(sys.executable).parent / "wellread"


# The sample's leaflet PDFs are the same in every test's copy: drawn once for the whole run.
SHARED_LEAFLETS = REPO / ".cache" / "wellread" / "test-leaflets"


def copy_sample(root: Path) -> Path:
    """A copy of the bundled sample site (content, catalogs, theme, mkdocs.yml) in `root`, its
    leaflet cache shared with every other copy (a leaflet is kept by a hash of its contents)."""
    for name in ("content", "locales", "theme"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    SHARED_LEAFLETS.mkdir(parents=True, exist_ok=True)
    (root / ".cache" / "wellread").mkdir(parents=True, exist_ok=True)
    (root / ".cache" / "wellread" / "leaflets").symlink_to(SHARED_LEAFLETS)
    return root


def run_wellread(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `wellread` command, as a user runs it: no network, fixed build date."""
    return subprocess.run(
        [str(WELLREAD), *args], cwd=project, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(project), "SOURCE_DATE_EPOCH": "1790000000"},
    )

MKDOCS_YML = """\
site_name: Test clinic
site_url: https://clinic.example.org/
docs_dir: content
theme:
  name: material
  custom_dir: theme
  font: false
markdown_extensions: [admonition, attr_list, md_in_html]
plugins:
  - search
  - wellread/check
  - wellread/i18n:
      languages: [en, es, ar]
  - wellread/social
"""

ARTICLE = """\
---
title: Flu vaccine
description: Who should get it and when.
reviewed_by: Maria Lopez, RN
last_reviewed: 2026-10-01
next_review: 2027-10-01
sources:
  - title: Key facts about the flu vaccine
    url: https://www.cdc.gov/flu/vaccines/keyfacts.html
---
The flu shot lowers your chance of getting sick.

## Who should get it

- Everyone 6 months and older.

## What to do next

Ask your nurse for a flu shot.
"""


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """`wellread ARGS` run in-process (click's runner) from the project's folder."""

    def invoke(project: Path, *args: str):
        from click.testing import CliRunner

        from wellread.cli import main

        monkeypatch.chdir(project)
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """Write files (path -> text, dedented) into a project that uses the repo's theme."""

    def make(files: dict[str, str], with_theme: bool = True) -> Path:
        if with_theme:
            shutil.copytree(REPO / "theme", tmp_path / "theme")
        files = {"mkdocs.yml": MKDOCS_YML, **files}
        for name, text in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), "utf-8")
        return tmp_path

    return make
