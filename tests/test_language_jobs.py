"""A big site builds one language per CI job; the merged folders are the one-machine site."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from .conftest import copy_sample, run_wellread


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_languages_built_in_separate_jobs_merge_into_the_same_site(tmp_path: Path) -> None:
    whole = copy_sample(tmp_path / "whole")
    assert run_wellread(whole, "build").returncode == 0
    merged = tmp_path / "merged"
    for language in ("en", "es", "ar"):  # each in its own checkout, as CI jobs are
        job = copy_sample(tmp_path / language)
        result = run_wellread(job, "build", "--language", language)
        assert result.returncode == 0, result.stderr
        built = {p.name for p in (job / "site").iterdir()}
        assert ({"es", "ar"} & built) == ({language} - {"en"})
        shutil.copytree(job / "site", merged, dirs_exist_ok=True)
    assert files(merged) == files(whole / "site")


def test_a_language_the_site_does_not_have_is_a_usage_error(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    result = run_wellread(project, "build", "--language", "fr")
    assert result.returncode == 2
    assert "the site's languages are en, es, ar" in result.stderr
    assert not (project / "site").exists()
