"""The planted problems of tests/data/realtext/ (our own words, README there) are found.

Those the checker misses are strict expected failures with the reason: once a rule catches one,
the test fails until its `known_miss` is removed. How the checker does on real text that no one
here wrote (not committed: fetched public-domain pages) is measured by `make realtext`.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "realtext"


def _measure() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "realtext_measure", REPO / "scripts" / "realtext_measure.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


measure = _measure()
CORPUS = measure.corpus_folder()


def _planted_cases() -> list[Any]:
    cases = []
    for language in measure.LANGUAGES:
        spec = json.loads((DATA / f"planted-{language}.json").read_text(encoding="utf-8"))
        for problem in spec["problems"]:
            reason = problem.get("known_miss")
            marks = [pytest.mark.xfail(reason=f"missed: {reason}", strict=True)] if reason else []
            name = f"{language}:{problem['line']}:{problem['rule']}"
            cases.append(pytest.param(language, problem, marks=marks, id=name))
    return cases


@cache
def _planted_findings(language: str) -> tuple[Any, ...]:
    return tuple(measure.planted(language)[1])


@pytest.mark.parametrize(("language", "problem"), _planted_cases())
def test_planted_problem_is_found(language: str, problem: dict[str, Any]) -> None:
    found = _planted_findings(language)
    on_line = sorted({f.rule for f in found if f.line == problem["line"]})
    assert measure.caught(problem, found), (
        f"planted-{language}.md:{problem['line']}: {problem['what']} should be reported as "
        f"{problem['rule']}; found there: {on_line or 'nothing'}"
    )
