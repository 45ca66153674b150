"""Measure the checker on real text: findings per 1,000 words, a sample to judge, precision, recall.

    .venv/bin/python scripts/realtext_measure.py [--corpus DIR] [--sample FILE.json] [--csv FILE]
    .venv/bin/python scripts/realtext_measure.py --held-out [--corpus DIR]

The real-text set (public-domain consumer-health articles, one folder per language:
`en/*.md`, `es/*.md`) is looked for in --corpus, then $WELLREAD_REALTEXT, then `../shared/realtext`
and `../tools/realtext` beside the repository, then `tests/data/realtext/corpus` (see
tests/data/realtext/README.md for why it is not committed). The checker runs as a new site would
run it: `check_article` with the default CheckSettings (only `language` set), no site files, no
glossary, a fixed date. Recall on the planted problems is measured with the rules that are off by
default turned on (a site that wants them turns them on), so a planted passive sentence counts.

Judged labels give precision per rule and language, before (tests/data/realtext/judged-<lang>.json,
main's checker at b8d9c0b) and after (judged-after-<lang>.json), side by side;
the planted-problems files (planted-<lang>.md with planted-<lang>.json) give recall. With
--held-out: the held-out set (`realtext_build.py --held-out`: articles no rule was tuned on) and
its judging (judged-held-out-<lang>.json), the unbiased figure.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from wellread.check import CheckContext, check_article  # noqa: E402
from wellread.core.article import Article, parse_article  # noqa: E402
from wellread.core.findings import Finding  # noqa: E402
from wellread.core.prose import sentences  # noqa: E402
from wellread.core.settings import EVERY_RULE_ON, OFF_BY_DEFAULT, CheckSettings  # noqa: E402

DATA = ROOT / "tests" / "data" / "realtext"
# A rule id judged before it was split, and the ids its findings carry now: formal words
# ("require", "utilizar") left `jargon` for their own rule, `formal-word`, a hint.
SPLIT = {"jargon": ("jargon", "formal-word")}
HELD_OUT = "held-out"  # the folder of text no rule was tuned on, and its judging's name
LANGUAGES = ("en", "es")
TODAY = date(2026, 12, 1)  # review dates and the like do not move with the calendar
# Findings the set's minimal front matter causes in every article (no sources, no review, the
# `source:` field): counted apart, never sampled, since they say nothing about the writing.
SETUP_RULES = frozenset({"front-matter", "sources-missing", "review-missing"})
LABELS = ("right", "borderline", "wrong")


@dataclass(frozen=True)
class Row:
    """One finding with what a judge needs: where it is, what it says, the sentence it is in."""

    language: str
    file: str  # relative to the corpus folder, e.g. "en/niddk-acromegaly.md"
    line: int
    column: int
    rule: str
    severity: str
    message: str
    suggestion: str
    sentence: str

    @property
    def key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)


def corpus_folder(given: str | None = None) -> Path | None:
    """The first real-text folder found: argument, $WELLREAD_REALTEXT, shared/, tools/, local."""
    candidates = [given, os.environ.get("WELLREAD_REALTEXT"), str(ROOT.parent / "shared" /
                  "realtext"), str(ROOT.parent / "tools" / "realtext"), str(DATA / "corpus")]
    for candidate in candidates:
        if candidate and any((Path(candidate) / lang).is_dir() for lang in LANGUAGES):
            return Path(candidate)
    return None


def context_for(language: str, every_rule: bool = False) -> CheckContext:
    """The checker as a new site runs it: default settings in `language`, no site files; with
    `every_rule`, the rules that are off by default turned on too (a planted passive sentence
    is a miss only if the rule, once a site turns it on, misses it)."""
    switched = EVERY_RULE_ON if every_rule else ()
    return CheckContext(settings=CheckSettings(language=language, rules=switched), today=TODAY)


def check_file(
    path: Path, shown_as: str, language: str, every_rule: bool = False
) -> tuple[Article, list[Finding]]:
    """The parsed article and main's findings for one Markdown file."""
    article = parse_article(path.read_text(encoding="utf-8"), shown_as, shown_as)
    return article, check_article(article, context_for(language, every_rule))


def word_count(article: Article) -> int:
    """Words a reader reads in the body (the unit of 'findings per 1,000 words')."""
    return sum(sentence.words for block in article.body_blocks for sentence in sentences(block))


def sentence_at(article: Article, line: int, column: int) -> str:
    """The body sentence that holds (line, column), or the source line (front matter, tables)."""
    starts = [
        (block.location(sentence.offset), sentence.text)
        for block in article.body_blocks for sentence in sentences(block)
    ]
    before = [start for start in starts if start[0] <= (line, column)]
    if before and max(before)[0][0] == line:
        return max(before)[1]
    return article.lines[line - 1].strip() if 0 < line <= len(article.lines) else ""


def rows_for(
    folder: Path, language: str, every_rule: bool = False
) -> tuple[int, int, list[Row]]:
    """(articles, words, findings as rows) for every Markdown file of one language's folder
    (with `every_rule`, the rules off by default too)."""
    files = sorted((folder / language).glob("*.md"))
    words, rows = 0, list[Row]()
    for path in files:
        shown_as = f"{language}/{path.name}"
        article, found = check_file(path, shown_as, language, every_rule)
        words += word_count(article)
        rows.extend(
            Row(language, shown_as, f.line, f.column, f.rule, str(f.severity), f.message,
                f.suggestion, " ".join(sentence_at(article, f.line, f.column).split()))
            for f in found
        )
    return len(files), words, rows


def on_by_default(rows: list[Row]) -> list[Row]:
    """The findings a new site sees, from those made with every rule on: the rules off by
    default only add findings (checked on every set: the same rows as checking again)."""
    return [row for row in rows if row.rule not in OFF_BY_DEFAULT]


def rate_table(language: str, articles: int, words: int, rows: list[Row]) -> Iterator[str]:
    """Lines of the 'findings per 1,000 words' report for one language."""
    text_rows = [r for r in rows if r.rule not in SETUP_RULES]
    yield f"## {language}: {articles} articles, {words} words"
    per_k = 1000 * len(text_rows) / words if words else 0.0
    yield f"all text rules: {len(text_rows)} findings, {per_k:.1f} per 1,000 words"
    counts = Counter((r.rule, r.severity) for r in text_rows)
    for (rule, severity), count in sorted(counts.items(), key=lambda item: -item[1]):
        yield f"  {rule:<22} {severity:<8} {count:>5}  {1000 * count / words:6.2f} per 1,000 words"
    setup = Counter(r.rule for r in rows if r.rule in SETUP_RULES)
    if setup:
        listed = ", ".join(f"{rule} {count}" for rule, count in sorted(setup.items()))
        yield f"  (front matter of the set, not counted: {listed})"


MIN_PER_RULE = 12  # precision per rule needs more than a handful of judged findings


def stratified_sample(rows: Iterable[Row], size: int, seed: int) -> list[Row]:
    """About `size` findings of one language: every rule gets a share (at least MIN_PER_RULE, or
    all it has), the rest in proportion to how often the rule fires, drawn with a fixed seed."""
    by_rule: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        if row.rule not in SETUP_RULES:
            by_rule[row.rule].append(row)
    total = sum(len(found) for found in by_rule.values())
    if not total:
        return []
    generator = random.Random(seed)
    picked: list[Row] = []
    for rule in sorted(by_rule):
        found = sorted(by_rule[rule], key=lambda r: r.key)
        share = max(min(MIN_PER_RULE, len(found)), round(size * len(found) / total))
        picked.extend(generator.sample(found, min(share, len(found))))
    return sorted(picked, key=lambda r: (r.rule, r.key))


def per_rule_sample(rows: Iterable[Row], per_rule: int, seed: int) -> list[Row]:
    """`per_rule` findings of each rule and severity (or all it has), drawn with a fixed seed:
    each rule's precision is measured on as many findings, however rarely it fires."""
    by_kind: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        if row.rule not in SETUP_RULES:
            by_kind[(row.rule, row.severity)].append(row)
    generator = random.Random(seed)
    picked: list[Row] = []
    for kind in sorted(by_kind):
        found = sorted(by_kind[kind], key=lambda r: r.key)
        picked.extend(generator.sample(found, min(per_rule, len(found))))
    return sorted(picked, key=lambda r: (r.rule, r.severity, r.key))


def earlier_labels(language: str) -> dict[tuple[object, ...], dict[str, object]]:
    """Labels of earlier judgings a finding can keep: same place, rule and message, and, where
    the judged file has it, the same suggestion (a judging without suggestions lends its labels
    to no jargon finding, whose suggestion is half of what was judged)."""
    kept: dict[tuple[object, ...], dict[str, object]] = {}
    for when in ("", "after"):  # the later judging wins
        for entry in load_judged(language, when):
            if entry.get("label") not in LABELS:
                continue
            if "suggestion" not in entry and entry["rule"] == "jargon":
                continue
            key = (entry["file"], entry["line"], entry["column"], entry["rule"], entry["message"])
            kept[key] = entry
    return kept


def write_sample(
    rows: list[Row], json_path: Path | None, csv_path: Path | None,
    earlier: dict[tuple[object, ...], dict[str, object]] | None = None,
) -> None:
    """The sample to judge as JSON (with empty label and reason to fill in, or an earlier
    judging's where the finding is unchanged: `carried` says so) and/or CSV."""
    records: list[dict[str, object]] = []
    for row in rows:
        record: dict[str, object] = {**asdict(row), "label": "", "reason": ""}
        before = (earlier or {}).get((*row.key, row.message))
        if before is not None and before.get("suggestion", row.suggestion) == row.suggestion:
            record.update(label=before["label"], reason=before["reason"], carried=True)
        records.append(record)
    if json_path:
        json_path.write_text(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    if csv_path:
        with csv_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(records[0]) if records else ["file"])
            writer.writeheader()
            writer.writerows(records)


def load_judged(language: str, when: str = "") -> list[dict[str, object]]:
    """The labelled sample of one language ([] when it has not been judged): main's "before"
    judging (judged-<lang>.json), or with `when="after"` the later one (judged-after-<lang>)."""
    path = DATA / f"judged-{when + '-' if when else ''}{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))["findings"] if path.exists() else []


def before_after_table(language: str) -> Iterator[str]:
    """Precision per rule of both judgings side by side: right / judged, (right + borderline) /
    judged and how many were judged, before (judged-<lang>) and after (judged-after-<lang>)."""
    tallies = {when: _tally(load_judged(language, when)) for when in ("", "after")}
    rules = sorted(set(tallies[""]) | set(tallies["after"]))
    yield f"## precision before -> after, {language} (right %, with borderline %, judged)"
    for rule in rules:
        before, after = (_short(tallies[when].get(rule)) for when in ("", "after"))
        yield f"  {rule:<22} {before:>18}  ->  {after:>18}"


def _tally(judged: list[dict[str, object]]) -> dict[str, Counter[str]]:
    by_rule: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in judged:
        by_rule[str(entry["rule"])][str(entry["label"])] += 1
    return by_rule


def _short(labels: Counter[str] | None) -> str:
    judged = sum(labels[label] for label in LABELS) if labels else 0
    if not labels or not judged:
        return "-"
    right, loose = labels["right"], labels["right"] + labels["borderline"]
    return f"{100 * right / judged:3.0f} ({100 * loose / judged:3.0f}) n={judged:<3}"


def precision_table(language: str, judged: list[dict[str, object]]) -> Iterator[str]:
    """Precision per rule of a judging as judged: right / judged, and (right + borderline) /
    judged (the latest judging, weighted as a writer meets the findings: estimate_table)."""
    by_rule = _tally(judged)
    every: Counter[str] = Counter()
    yield f"## precision, {language} ({len(judged)} judged findings)"
    for rule, labels in sorted(by_rule.items()):
        every.update(labels)
        yield "  " + _precision_line(rule, labels)
    yield "  " + _precision_line("all judged", every)


def estimate_table(language: str, rows: list[Row] | None, judging: str = "after") -> Iterator[str]:
    """Precision per rule and severity as a writer meets the findings today, from the latest
    judging (judged-after-<lang>.json): each part of the findings (`part` of a record; the file's
    `population` says how many of today's findings each part holds) weighs its judged records'
    labels by its size. With the set present, a judged finding no longer made (same place, rule,
    message and suggestion) is left out and counted. `rows` are the findings with every rule on:
    a rule off by default in the language is measured as a site that turns it on meets it, and
    is not in "every finding"."""
    path = DATA / f"judged-{judging}-{language}.json"
    if not path.exists():
        return
    data = json.loads(path.read_text(encoding="utf-8"))
    population: dict[str, int] = data.get("population", {})
    records: list[dict[str, Any]] = data["findings"]
    made = {(r.file, r.line, r.column, r.rule, r.message, r.suggestion) for r in rows or []}
    kept = [e for e in records if rows is None or (
        e["file"], e["line"], e["column"], e["rule"], e["message"], e.get("suggestion", "")
    ) in made]
    yield (f"## precision now{f' on {judging}' if judging != 'after' else ''}, "
           f"{language}: {len(kept)} judged findings"
           f"{f' still made ({len(records) - len(kept)} no longer)' if rows is not None else ''}"
           ", each part weighted by its share of the findings")
    strata = sorted({(str(e["rule"]), str(e["severity"])) for e in kept})
    every: Counter[str] = Counter()
    for rule, severity in strata:
        parts: dict[str, Counter[str]] = defaultdict(Counter)
        for entry in kept:
            if (entry["rule"], entry["severity"]) == (rule, severity):
                parts[str(entry.get("part", ""))][str(entry["label"])] += 1
        sizes = {part: population.get(f"{rule} {severity} {part}", sum(labels.values()))
                 for part, labels in parts.items()}
        total = sum(sizes.values())
        share = {label: sum(sizes[p] * parts[p][label] / sum(parts[p].values()) for p in parts)
                 / total for label in LABELS}
        judged = sum(sum(labels.values()) for labels in parts.values())
        off = rule in OFF_BY_DEFAULT
        yield (f"  {rule:<18} {severity:<8} right {100 * share['right']:5.1f} %  with borderline "
               f"{100 * (share['right'] + share['borderline']):5.1f} %  wrong "
               f"{100 * share['wrong']:4.1f} %  (judged {judged} of {total})"
               + ("  off by default" if off else ""))
        if off:
            continue
        every.update({label: total * share[label] for label in LABELS} | {"": total})
    if every[""]:
        yield (f"  {'every finding':<27} right {100 * every['right'] / every['']:5.1f} %  with "
               f"borderline {100 * (every['right'] + every['borderline']) / every['']:5.1f} %  "
               f"wrong {100 * every['wrong'] / every['']:4.1f} %  (each rule on by default, by "
               "its share)")


def _precision_line(name: str, labels: Counter[str]) -> str:
    judged = sum(labels[label] for label in LABELS)
    right, borderline = labels["right"], labels["borderline"]
    if not judged:
        return f"{name:<22} nothing judged"
    return (f"{name:<22} {right:>3} right {borderline:>3} borderline {labels['wrong']:>3} wrong"
            f"  precision {100 * right / judged:5.1f} %  with borderline "
            f"{100 * (right + borderline) / judged:5.1f} %")


def planted(language: str) -> tuple[list[dict[str, object]], list[Finding]]:
    """The planted problems of one language and main's findings on their file."""
    spec = json.loads((DATA / f"planted-{language}.json").read_text(encoding="utf-8"))
    # Shown as in a topic folder, as the set's articles are: some rules check articles only.
    _, found = check_file(
        DATA / str(spec["file"]), f"{language}/{spec['file']}", language, every_rule=True
    )
    return list(spec["problems"]), found


def caught(problem: dict[str, object], found: Iterable[Finding]) -> bool:
    """Whether a finding of the planted rule fires on the planted line. The rule is a shell-style
    pattern: "phi-*" is any privacy rule, "*caps*" the capitals rule whatever its id."""
    pattern, line = str(problem["rule"]), int(str(problem["line"]))
    return any(f.line == line and fnmatchcase(f.rule, pattern) for f in found)


def recall_table(language: str) -> Iterator[str]:
    """Recall on the planted-problems file, with every problem that was missed."""
    problems, found = planted(language)
    missed = [p for p in problems if not caught(p, found)]
    yield (f"## recall, {language}: {len(problems) - len(missed)} of {len(problems)} planted "
           "problems found")
    for problem in missed:
        yield f"  missed line {problem['line']}: {problem['rule']} ({problem['what']})"


def judged_now(folder: Path, language: str) -> Iterator[str]:
    """Main's judged findings checked again with this checker: right ones must still fire, wrong
    ones should be gone (each line: what changed since the judging)."""
    judged = [e for e in load_judged(language) if e["label"] != "borderline"]
    present = [e for e in judged if (folder / str(e["file"])).is_file()]  # a rebuilt set may
    # have left an article out (the fourth took NHLBI pages for NIHSeniorHealth's)
    found: dict[str, set[tuple[int, str]]] = {}
    lost, gone, left = [], 0, 0
    for entry in present:
        shown = str(entry["file"])
        if shown not in found:
            _, findings = check_file(folder / shown, shown, language, every_rule=True)
            found[shown] = {(f.line, f.rule) for f in findings}
        line, judged_as = int(str(entry["line"])), str(entry["rule"])
        fires = any((line, now) in found[shown] for now in SPLIT.get(judged_as, (judged_as,)))
        if entry["label"] == "right" and not fires:
            lost.append(f"  lost a right finding: {shown}:{entry['line']} {entry['rule']}")
        elif entry["label"] == "wrong":
            gone, left = gone + (not fires), left + fires
    yield (f"## judged findings now, {language}: {len(lost)} right ones lost; {gone} wrong ones "
           f"gone, {left} still made"
           + (f" ({len(judged) - len(present)} in articles the set no longer has)"
              if len(present) < len(judged) else ""))
    yield from lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="the real-text folder (with en/ and es/)")
    parser.add_argument("--sample", type=Path, help="write the sample to judge here (JSON)")
    parser.add_argument("--csv", type=Path, help="write the sample to judge here (CSV)")
    parser.add_argument("--size", type=int, default=80, help="findings to sample per language")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--per-rule", type=int, default=0, help="sample this many findings of "
                        "each rule and severity instead (labels of unchanged findings kept)")
    parser.add_argument("--held-out", type=int, nargs="?", const=1, default=0, metavar="ROUND",
                        help="measure a held-out set (tests/data/realtext/held-out, held-out-2 "
                        "for round 2, or --corpus) against its own judging")
    args = parser.parse_args(argv)
    if args.held_out:
        name = HELD_OUT + (f"-{args.held_out}" if args.held_out > 1 else "")
        return held_out(Path(args.corpus) if args.corpus else DATA / name, name)
    folder = corpus_folder(args.corpus)
    sample: list[Row] = []
    earlier: dict[tuple[object, ...], dict[str, object]] = {}
    if folder is None:
        print("No real-text set found (see tests/data/realtext/README.md); precision and recall "
              "only.")
    for language in LANGUAGES:
        rows_now: list[Row] | None = None
        if folder is not None and (folder / language).is_dir():
            articles, words, rows_now = rows_for(folder, language, every_rule=True)
            rows = on_by_default(rows_now)
            print("\n".join(rate_table(language, articles, words, rows)))
            sample += per_rule_sample(rows, args.per_rule, args.seed) if args.per_rule else (
                stratified_sample(rows, args.size, args.seed)
            )
            earlier.update(earlier_labels(language))
        # The first judging as judged; the latest as a writer meets the findings today.
        print("\n".join(precision_table(language, load_judged(language))))
        print("\n".join(before_after_table(language)))
        print("\n".join(estimate_table(language, rows_now)))
        if folder is not None and (folder / language).is_dir():
            print("\n".join(judged_now(folder, language)))
        print("\n".join(recall_table(language)))
    if sample and (args.sample or args.csv):
        write_sample(sample, args.sample, args.csv, earlier if args.per_rule else None)
        print(f"sample of {len(sample)} findings written")
    return 0


def held_out(folder: Path, name: str = HELD_OUT) -> int:
    """Rates and precision on a held-out set (text no rule was tuned on), from its judging
    (judged-<name>-<lang>.json: judged-held-out-en.json, judged-held-out-2-en.json)."""
    if not any((folder / language).is_dir() for language in LANGUAGES):
        print(f"{folder}: no held-out set (tests/data/realtext/README.md says how to build it)")
        return 1
    for language in LANGUAGES:
        articles, words, every = rows_for(folder, language, every_rule=True)
        print("\n".join(rate_table(language, articles, words, on_by_default(every))))
        print("\n".join(estimate_table(language, every, name)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
