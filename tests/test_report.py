from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date

import pytest

from wellread.check import CheckContext, check_article
from wellread.check.report import ArticleMetrics, article_metrics, report_html, report_json
from wellread.core.article import parse_article
from wellread.core.content import load_content
from wellread.core.findings import Finding, Severity

from .conftest import REPO

TODAY = date(2026, 11, 24)
ARTICLE = """\
---
title: "Flu shots: a short guide"
next_review: 2026-12-10
---

# Get your shot

The flu shot keeps you well. Get it each fall, before the flu season starts!

```
Code is not prose and is not counted.
```

- Ask your nurse about [side effects](https://example.org/side-effects).

| When | Where |
|------|-------|
| Each fall | Your clinic |
"""


def flu_article(text: str = ARTICLE):
    return parse_article(text, "content/vaccines/flu.md", "vaccines/flu.md")


def finding(rule: str, severity: Severity, file: str = "content/vaccines/flu.md") -> Finding:
    return Finding(file, 7, 1, rule, severity, "Message.")


EASY = ArticleMetrics(
    file="content/b/easy.md", title="Easy", language="en", words=120, sentences=15,
    grades={"flesch_kincaid_grade": 5.1, "smog_index": 7.2}, jargon=None,  # the rule off
    findings={"error": 0, "warning": 1, "hint": 0}, review="ok", next_review="2027-10-01",
)
HARD = ArticleMetrics(
    file="content/a/hard.md", title="Hard <words> & more", language="en", words=300,
    sentences=10, grades={"flesch_kincaid_grade": 10.3, "smog_index": 11.0}, jargon=4,
    findings={"error": 2, "warning": 5, "hint": 1}, review="overdue", next_review="2026-01-01",
    formal_words=3,
)
EMPTY = ArticleMetrics(
    file="content/c/empty.md", title="Empty", language="es", words=0, sentences=0, grades={},
    jargon=0, findings={"error": 1, "warning": 0, "hint": 0}, review="missing", next_review="",
)


def test_metrics_count_the_prose_a_reader_reads_and_the_article_s_own_findings():
    findings = [
        finding("jargon", Severity.WARNING),
        finding("jargon", Severity.WARNING),
        finding("front-matter", Severity.ERROR),
        finding("passive-voice", Severity.HINT),
        finding("jargon", Severity.WARNING, file="content/vaccines/other.md"),
    ]

    metrics = article_metrics(flu_article(), findings, "en", TODAY)

    # Heading 3 words, paragraph 6 + 9, list item 6 (link text, not its address), cells 6.
    assert metrics == ArticleMetrics(
        file="content/vaccines/flu.md", title="Flu shots: a short guide", language="en",
        words=30, sentences=8, grades={"flesch_kincaid_grade": 1.1, "smog_index": 3.1},
        jargon=2, findings={"error": 1, "warning": 2, "hint": 1}, review="due soon",
        next_review="2026-12-10",
    )


def test_an_article_without_prose_has_no_grades_and_is_named_by_its_page():
    article = flu_article("---\nnext_review: 2027-01-01\n---\n\n```\ncode only\n```\n")

    metrics = article_metrics(article, [], "en", TODAY)

    assert (metrics.words, metrics.sentences, metrics.grades) == (0, 0, {})
    assert metrics.title == "vaccines/flu.md"


def test_a_language_without_formulas_has_no_grades():
    assert article_metrics(flu_article(), [], "xx", TODAY).grades == {}


@pytest.mark.parametrize(
    ("next_review", "status", "shown"),
    [
        ("2026-11-23", "overdue", "2026-11-23"),
        ("2026-11-24", "due soon", "2026-11-24"),
        ("2026-12-24", "due soon", "2026-12-24"),  # 30 days ahead
        ("2026-12-25", "ok", "2026-12-25"),
        ("'next year'", "missing", ""),
        ("2026-12-01 09:30:00", "due soon", "2026-12-01"),
    ],
)
def test_review_status_counts_days_until_the_next_review(next_review, status, shown):
    article = flu_article(ARTICLE.replace("2026-12-10", next_review))

    metrics = article_metrics(article, [], "en", TODAY)

    assert (metrics.review, metrics.next_review) == (status, shown)


def test_a_missing_review_date_is_reported_as_missing():
    article = flu_article(ARTICLE.replace("next_review: 2026-12-10\n", ""))

    assert article_metrics(article, [], "en", TODAY).review == "missing"


def test_json_report_is_sorted_by_file_with_the_same_keys_for_every_article():
    assert report_json([EASY, EMPTY, HARD]) == """\
[
  {
    "file": "content/a/hard.md",
    "title": "Hard <words> & more",
    "language": "en",
    "words": 300,
    "sentences": 10,
    "smog": 11.0,
    "flesch_kincaid_grade": 10.3,
    "jargon": 4,
    "formal_words": 3,
    "errors": 2,
    "warnings": 5,
    "review": "overdue",
    "next_review": "2026-01-01"
  },
  {
    "file": "content/b/easy.md",
    "title": "Easy",
    "language": "en",
    "words": 120,
    "sentences": 15,
    "smog": 7.2,
    "flesch_kincaid_grade": 5.1,
    "jargon": null,
    "formal_words": 0,
    "errors": 0,
    "warnings": 1,
    "review": "ok",
    "next_review": "2027-10-01"
  },
  {
    "file": "content/c/empty.md",
    "title": "Empty",
    "language": "es",
    "words": 0,
    "sentences": 0,
    "smog": null,
    "flesch_kincaid_grade": null,
    "jargon": 0,
    "formal_words": 0,
    "errors": 1,
    "warnings": 0,
    "review": "missing",
    "next_review": ""
  }
]"""


def test_json_report_keeps_non_ascii_titles_readable():
    spanish = replace(EASY, title="Vacuna de la gripe: qué saber", language="es")

    assert '"title": "Vacuna de la gripe: qué saber"' in report_json([spanish])


def test_html_report_has_a_table_row_per_article_in_file_order():
    html = report_html([EASY, HARD], target_grade=8, site_name="Test clinic")

    assert '<caption id="articles-caption">Reading grade, length, jargon, formal words, ' \
        "findings and review status of 2 articles</caption>" in html
    assert '<th scope="col" class="number">Flesch-Kincaid grade</th>\n' \
        '<th scope="col" class="number">SMOG index</th>' in html
    assert """\
<tr>
<th scope="row" lang="en" dir="auto">Hard &lt;words&gt; &amp; more</th>
<td class="file">content/<wbr>a/<wbr>hard.md</td>
<td class="number over-target">10.3<span class="visually-hidden"> (over the target)</span></td>
<td class="number">11.0</td>
<td class="number">300</td>
<td class="number">10</td>
<td class="number">4</td>
<td class="number">3</td>
<td class="number">2</td>
<td class="number">5</td>
<td class="review review-overdue">overdue <span class="date">(2026-01-01)</span></td>
</tr>
<tr>
<th scope="row" lang="en" dir="auto">Easy</th>
<td class="file">content/<wbr>b/<wbr>easy.md</td>
<td class="number">5.1</td>
<td class="number">7.2</td>
<td class="number">120</td>
<td class="number">15</td>
<td class="number off">off<span class="visually-hidden"> (the jargon rule is off: \
rules: {jargon: true} turns it on)</span></td>
<td class="number">0</td>
""" in html


def test_html_chart_draws_the_target_line_and_marks_bars_over_it():
    html = report_html([EASY, HARD], target_grade=8, site_name="Test clinic")

    # Grades 0 to 12 span 480 units from x=300, so grade 8 is at 300 + 480 * 8 / 12.
    assert '<line class="target" x1="620" y1="20" x2="620" y2="84" stroke="#1a1a1a" ' \
        'stroke-width="2" stroke-dasharray="6 4"/>' in html
    assert '<rect x="300" y="33" width="412" height="18" fill="#b3261e">' \
        "<title>Hard &lt;words&gt; &amp; more: 10.3</title></rect>" in html
    assert '<rect x="300" y="61" width="204" height="18" fill="#1f5f99">' \
        "<title>Easy: 5.1</title></rect>" in html


def test_html_chart_is_an_image_with_a_text_summary():
    html = report_html([EASY, HARD, EMPTY], target_grade=8, site_name="Test clinic")

    assert 'role="img" aria-labelledby="chart-title chart-desc"' in html
    assert '<desc id="chart-desc">Flesch-Kincaid grade of each of 3 articles against the target ' \
        "of grade 8: 1 over the target (Hard &lt;words&gt; &amp; more).</desc>" in html
    assert ">no grade</text>" in html


def test_html_report_is_self_contained_and_deterministic():
    html = report_html([EASY, HARD, EMPTY], target_grade=7.5, site_name="Test <clinic>")

    assert html == report_html([HARD, EMPTY, EASY], target_grade=7.5, site_name="Test <clinic>")
    assert html.startswith('<!doctype html>\n<html lang="en">')
    assert "<title>Editors' report \u2013 Test &lt;clinic&gt;</title>" in html
    assert re.findall(r"https?://[^\"]+", html) == ["http://www.w3.org/2000/svg"]
    assert not re.search(r"<script|<link|<img|@import|url\(", html)


def test_languages_scored_with_other_formulas_are_judged_by_their_own_first_formula():
    spanish = replace(EMPTY, words=200, sentences=20, grades={"crawford": 9.0})

    html = report_html([EASY, spanish], target_grade=8, site_name="Test clinic")

    assert '<desc id="chart-desc">Reading grade of each of 2 articles against the target of ' \
        "grade 8: 1 over the target (Empty).</desc>" in html
    assert '<th scope="col" class="number">Crawford grade</th>' in html
    assert '<td class="number">\u2013</td>\n<td class="number">\u2013</td>\n' \
        '<td class="number over-target">9.0<span' in html


def test_a_report_without_articles_still_renders():
    html = report_html([], target_grade=8, site_name="Test clinic")

    assert "of 0 articles</caption>" in html
    assert report_json([]) == "[]"


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_text_and_bar_colour_has_4_5_to_1_contrast_on_both_backgrounds():
    html = report_html([EASY, HARD, EMPTY], target_grade=8, site_name="Test clinic")
    foreground = set(re.findall(r"(?:[\s;{]color|fill|swatch\.\w+ \{ background):\s*\"?(#\w{6})",
                                html))
    foreground |= set(re.findall(r'fill="(#\w{6})"', html))

    assert {"#1a1a1a", "#b3261e", "#1f5f99", "#1e6b34", "#7a4a00", "#4a4a4a"} <= foreground
    for colour in foreground:
        for background in ("#ffffff", "#f4f5f7"):
            lighter, darker = sorted((_luminance(colour), _luminance(background)), reverse=True)
            assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (colour, background)


def test_report_of_the_sample_site_lists_every_article():
    content = load_content(REPO / "content")
    context = CheckContext(today=TODAY)
    articles = [a for a in content.articles if a.kind == "article"]
    metrics = [article_metrics(a, check_article(a, context), "en", TODAY) for a in articles]

    rows = json.loads(report_json(metrics))
    html = report_html(metrics, target_grade=8, site_name="Sample")

    assert [row["file"] for row in rows] == sorted(a.path for a in articles)
    assert all(row["words"] > 100 and row["flesch_kincaid_grade"] for row in rows)
    assert html.count('<th scope="row"') == len(articles)
