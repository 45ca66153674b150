"""The editors' report: reading grade, length, jargon, findings and review status per article."""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

from jinja2 import Environment, StrictUndefined, Template

from ..core.article import Article
from ..core.findings import Finding, Severity
from ..core.prose import plain_text, sentences
from .readability import reading_grades

# A review due within this many days is flagged so editors can book a clinician in time.
DUE_SOON_DAYS = 30
# Keys of the JSON report for the grade formulas, so consumers see the same columns every time.
JSON_GRADES = {"smog": "smog_index", "flesch_kincaid_grade": "flesch_kincaid_grade"}
_FORMULA_NAMES = {
    "flesch_kincaid_grade": "Flesch-Kincaid grade",
    "smog_index": "SMOG index",
    "coleman_liau_index": "Coleman-Liau index",
    "automated_readability_index": "Automated readability index",
    "gunning_fog": "Gunning fog index",
    "crawford": "Crawford grade",
}

# Chart geometry in SVG user units: one row per article, so long titles and many articles fit.
_TOP = 28  # room for the target line's label
_ROW = 28
_BAR = 18
_LABEL_WIDTH = 300
_PLOT_WIDTH = 480
_BOTTOM = 28  # the grade axis
_LABEL_CHARS = 44


@dataclass(frozen=True)
class ArticleMetrics:
    """What an editor needs to know about one article to decide what to fix first."""

    file: str
    title: str
    language: str
    words: int
    sentences: int
    grades: dict[str, float]  # formula -> grade, in the order the language's settings list them
    jargon: int | None  # findings of the `jargon` rule; None where the site has it off
    findings: dict[str, int]  # severity -> number of findings, every severity present
    review: str  # "ok", "due soon", "overdue" or "missing"
    next_review: str  # ISO date, or "" when the article has none
    formal_words: int = 0  # findings of the `formal-word` rule


def article_metrics(
    article: Article, findings: Sequence[Finding], language: str, today: date,
    jargon_on: bool = True,
) -> ArticleMetrics:
    """Measure one article. Findings of other files in `findings` are ignored; with `jargon_on`
    false (the rule is off by default) its column says "off", not a count of none."""
    own = [f for f in findings if f.file == article.path]
    blocks = article.body_blocks
    counted = [sentence for block in blocks for sentence in sentences(block)]
    words = sum(sentence.words for sentence in counted)
    text = "\n".join(plain_text(block) for block in blocks)
    severities = Counter(str(f.severity) for f in own)
    due = _review_date(article.meta.get("next_review"))
    title = article.meta.get("title")
    return ArticleMetrics(
        file=article.path,
        title=title.strip() if isinstance(title, str) and title.strip() else article.page,
        language=language,
        words=words,
        sentences=len(counted),
        grades=reading_grades(text, language) if words else {},
        jargon=sum(1 for f in own if f.rule == "jargon") if jargon_on else None,
        formal_words=sum(1 for f in own if f.rule == "formal-word"),
        findings={str(severity): severities[str(severity)] for severity in Severity},
        review=_review_status(due, today),
        next_review=due.isoformat() if due else "",
    )


def _review_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _review_status(due: date | None, today: date) -> str:
    if due is None:
        return "missing"
    if due < today:
        return "overdue"
    return "due soon" if due <= today + timedelta(days=DUE_SOON_DAYS) else "ok"


def report_json(metrics: Sequence[ArticleMetrics]) -> str:
    """One JSON object per article, sorted by file, with the same keys for every article."""
    rows = [
        {
            "file": m.file,
            "title": m.title,
            "language": m.language,
            "words": m.words,
            "sentences": m.sentences,
            **{key: m.grades.get(formula) for key, formula in JSON_GRADES.items()},
            "jargon": m.jargon,
            "formal_words": m.formal_words,
            "errors": m.findings.get("error", 0),
            "warnings": m.findings.get("warning", 0),
            "review": m.review,
            "next_review": m.next_review,
        }
        for m in sorted(metrics, key=lambda m: m.file)
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def report_html(metrics: Sequence[ArticleMetrics], target_grade: float, site_name: str) -> str:
    """A self-contained page (inline CSS and SVG, no scripts or links) with a table and a chart."""
    ordered = sorted(metrics, key=lambda m: m.file)
    formulas = list(dict.fromkeys(name for m in ordered for name in m.grades))
    return _template().render(
        site_name=site_name,
        target=f"{target_grade:g}",
        formulas=[(name, formula_name(name)) for name in formulas],
        rows=[_row(m, formulas, target_grade) for m in ordered],
        chart=_chart(ordered, target_grade),
        totals={
            "articles": len(ordered),
            "over": sum(1 for m in ordered if _over(m, target_grade)),
            "overdue": sum(1 for m in ordered if m.review == "overdue"),
            "due_soon": sum(1 for m in ordered if m.review == "due soon"),
            "missing": sum(1 for m in ordered if m.review == "missing"),
            "errors": sum(m.findings.get("error", 0) for m in ordered),
            "warnings": sum(m.findings.get("warning", 0) for m in ordered),
        },
    )


def formula_name(name: str) -> str:
    """How a textstat formula is named for people, e.g. 'SMOG index' for 'smog_index'."""
    return _FORMULA_NAMES.get(name, name.replace("_", " ").capitalize())


@lru_cache(maxsize=1)
def _template() -> Template:
    source = (resources.files("wellread") / "data" / "report.html.j2").read_text("utf-8")
    environment = Environment(
        autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.from_string(source)


def _first_grade(m: ArticleMetrics) -> float | None:
    """The grade of the article language's first formula, the one its finding is about."""
    return next(iter(m.grades.values()), None)


def _over(m: ArticleMetrics, target: float) -> bool:
    grade = _first_grade(m)
    return grade is not None and grade > target


def _row(m: ArticleMetrics, formulas: list[str], target: float) -> dict[str, object]:
    first = next(iter(m.grades), None)
    grades = [
        {
            "text": "\u2013" if name not in m.grades else f"{m.grades[name]:.1f}",
            "over": name == first and _over(m, target),
        }
        for name in formulas
    ]
    return {
        "file_parts": m.file.split("/"), "title": m.title, "language": m.language, "grades": grades,
        "words": m.words, "sentences": m.sentences, "jargon": m.jargon,
        "formal_words": m.formal_words,
        "errors": m.findings.get("error", 0), "warnings": m.findings.get("warning", 0),
        "review": m.review, "review_class": m.review.replace(" ", "-"),
        "next_review": m.next_review,
    }


def _number(value: float) -> str:
    """An SVG coordinate written the same way on every machine."""
    return f"{round(value, 1):g}"


def _chart(ordered: list[ArticleMetrics], target: float) -> dict[str, object]:
    """Geometry of the bar chart: the first formula's grade per article, and the target line."""
    grades = [_first_grade(m) for m in ordered]
    highest = max([target, *(g for g in grades if g is not None)])
    top = max(2, 2 * math.ceil((highest + 1) / 2))  # headroom, rounded up to an even grade
    step = 2 if top <= 20 else 5
    left, bottom = _LABEL_WIDTH, _TOP + _ROW * len(ordered)

    def x(grade: float) -> float:
        return left + _PLOT_WIDTH * max(grade, 0) / top

    bars = []
    for index, (m, grade) in enumerate(zip(ordered, grades, strict=True)):
        middle = _TOP + _ROW * index + _ROW / 2
        short = m.title if len(m.title) <= _LABEL_CHARS else m.title[: _LABEL_CHARS - 1] + "…"
        bar = {
            "title": m.title, "label": short, "label_x": _number(left - 8),
            "text_y": _number(middle + 4), "grade": None, "over": False,
            "value_x": _number(left + 6),
        }
        if grade is not None:
            bar.update({
                "grade": f"{grade:.1f}", "over": _over(m, target), "x": _number(left),
                "y": _number(middle - _BAR / 2), "width": _number(x(grade) - left),
                "height": _number(_BAR), "value_x": _number(x(grade) + 6),
            })
        bars.append(bar)
    over = [m.title for m in ordered if _over(m, target)]
    # Languages may score with different formulas; the chart then names none of them.
    leading = {next(iter(m.grades)) for m in ordered if m.grades}
    name = formula_name(leading.pop()) if len(leading) == 1 else "Reading grade"
    summary = (
        f"{name} of each of {len(ordered)} articles against the target of grade {target:g}: "
        f"{len(over)} over the target" + (f" ({'; '.join(over)})." if over else ".")
    )
    return {
        "name": name, "summary": summary, "bars": bars,
        "width": _number(left + _PLOT_WIDTH + 48), "height": _number(bottom + _BOTTOM),
        "left": _number(left), "top": _number(_TOP - 8), "bottom": _number(bottom),
        "ticks": [
            {"label": str(grade), "x": _number(x(grade))} for grade in range(0, top + 1, step)
        ],
        "tick_label_y": _number(bottom + 18),
        "target_x": _number(x(target)), "target_label_y": _number(_TOP - 12),
    }
