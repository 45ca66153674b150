"""The checker on real writing keeps what was judged right and is told what was judged wrong.

Labels come from tests/data/realtext/ (README there): the planted problems must keep being found
(those main misses are expected failures until a rule catches them), every real-text finding
judged "right" must keep firing, and every one judged "wrong" is a known false positive
(an expected failure with the judge's reason) until the checker stops making it.
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
            marks = [pytest.mark.xfail(reason=f"main misses it: {reason}")] if reason else []
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


def _judged_cases() -> list[Any]:
    cases = []
    for language in measure.LANGUAGES:
        for entry in measure.load_judged(language):
            if entry["label"] == "borderline":
                continue
            marks = []
            if entry["label"] == "wrong":
                marks = [pytest.mark.xfail(reason=f"known false positive: {entry['reason']}")]
            name = f"{entry['file']}:{entry['line']}:{entry['column']}:{entry['rule']}"
            cases.append(pytest.param(entry, marks=marks, id=name))
    return cases


@cache
def _corpus_findings(shown_as: str) -> frozenset[tuple[int, int, str]]:
    assert CORPUS is not None
    language = shown_as.split("/", 1)[0]
    _, found = measure.check_file(CORPUS / shown_as, shown_as, language)
    return frozenset((f.line, f.column, f.rule) for f in found)


@pytest.mark.skipif(CORPUS is None, reason=(
    "the real-text set is not on this machine (it is not committed: see "
    "tests/data/realtext/README.md); put it in $WELLREAD_REALTEXT or ../shared/realtext"
))
@pytest.mark.parametrize("entry", _judged_cases())
def test_judged_finding_is_right_and_kept(entry: dict[str, Any]) -> None:
    """A finding judged right fires; one judged wrong does not (known false positives xfail)."""
    found = _corpus_findings(entry["file"])
    if entry["label"] == "right":  # on its line: a better tokeniser may move the column
        kept = any(line == entry["line"] and rule == entry["rule"] for line, _, rule in found)
        assert kept, f"{entry['file']}:{entry['line']}: {entry['rule']} was right and is gone"
    else:
        fired = (entry["line"], entry["column"], entry["rule"]) in found
        assert not fired, f"{entry['file']}:{entry['line']}: {entry['rule']}: {entry['reason']}"
