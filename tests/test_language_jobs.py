"""A big site builds one language per CI job; the merged folders are the one-machine site."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
from pathlib import Path

import pytest

from wellread.adapters.mkdocs.language_job import LanguageJobs

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


def test_building_the_default_language_alone_keeps_the_other_languages_on_the_site(
    tmp_path: Path,
) -> None:
    """As `--language es` leaves the rest of site/ as it was, `--language en` (a writer's quick
    build of the source) leaves es/, ar/ and their captions: it took them off the site."""
    project = copy_sample(tmp_path)
    assert run_wellread(project, "build").returncode == 0
    whole = files(project / "site")
    result = run_wellread(project, "build", "--language", "en")
    assert result.returncode == 0, result.stderr
    assert files(project / "site") == whole
    assert {"share/es.csv", "share/ar.json", "es/index.html"} <= whole.keys()


def test_a_language_the_site_does_not_have_is_a_usage_error(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    result = run_wellread(project, "build", "--language", "fr")
    assert result.returncode == 2
    assert "the site's languages are en, es, ar" in result.stderr
    assert not (project / "site").exists()


def test_languages_built_in_processes_of_their_own_give_the_same_site(tmp_path: Path) -> None:
    """And a site the size of the sample (16 pages in 2 other languages) builds them so by
    default: one after another took a quarter to a third longer, cold or warm
    (PARALLEL_FROM_PAGES)."""
    one_by_one = copy_sample(tmp_path / "one_by_one")
    at_once = copy_sample(tmp_path / "at_once")
    by_default = (os.cpu_count() or 1) > 1
    for project, jobs in ((one_by_one, 1), (at_once, None if by_default else 2)):
        if jobs is None:
            continue
        config = project / "mkdocs.yml"
        config.write_text(
            config.read_text("utf-8").replace(
                "  - wellread/i18n:\n", f"  - wellread/i18n:\n      jobs: {jobs}\n", 1
            ), "utf-8",
        )
    assert run_wellread(one_by_one, "build").returncode == 0
    result = run_wellread(at_once, "build")
    assert result.returncode == 0, result.stderr
    assert "building es, ar in 2 more processes" in result.stderr
    assert "[es] Documentation built" in result.stderr  # each language's log is passed on
    for code in ("es", "ar"):  # their cards are drawn here, with every core, once they end
        drawn = re.search(rf"^INFO +-  \[{code}\] wellread: \d+ cards", result.stderr, re.M)
        assert drawn is not None, result.stderr
        assert drawn.start() > result.stderr.index(f"[{code}] Documentation built")
    assert files(at_once / "site") == files(one_by_one / "site")


def test_a_language_that_fails_in_its_own_process_is_named_with_its_messages(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    jobs = LanguageJobs(str(tmp_path / "missing.yml"), str(tmp_path / "site"), ["es", "ar"], 2)
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        assert jobs.finish() == ["es", "ar"]
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 2 and errors[0].startswith("[es] ") and errors[1].startswith("[ar] ")
    assert "missing.yml" in errors[0]
    assert not (tmp_path / "site").exists()


def test_stopping_the_language_processes_ends_them(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    jobs = LanguageJobs(str(project / "mkdocs.yml"), str(project / "site"), ["es", "ar"], 1)
    jobs.stop()
    assert all(job.process is None or job.process.poll() is not None for job in jobs.jobs)
