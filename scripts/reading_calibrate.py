"""Calibrate reading targets across languages from texts and their faithful translations.

    .venv/bin/python scripts/reading_calibrate.py [--pairs DIR] [--language es]

Per pair: the English article's grade (the first formula of data/readability.yml's `en`) and its
translation's score (the first formula of the other language's entry), each as the
`reading-grade` rule scores an article (its prose blocks, no code or markup). Pairs are the sample
site's articles with their translations in locales/<language>/LC_MESSAGES/content.po (as
`wellread build` publishes them), and any `DIR/en/NAME.md` with `DIR/<language>/NAME.md` (by
default $WELLREAD_REALTEXT/pairs). Prints each pair, the least-squares line score = a + b * grade,
and the score that line gives for the English target (`reading_grade_max`, 8): the equivalent
target for the other language (README, "Reading level across languages").
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from wellread.check.data import readability_formulas  # noqa: E402
from wellread.check.readability import reading_grades  # noqa: E402
from wellread.core.article import Article, parse_article  # noqa: E402
from wellread.core.prose import plain_text  # noqa: E402
from wellread.i18n.catalog import translate_article, usable_translations  # noqa: E402

ENGLISH_TARGET = 8.0


def prose(article: Article) -> str:
    """The text the reading-grade rule scores."""
    return "\n".join(plain_text(block) for block in article.body_blocks)


def first_score(text: str, language: str) -> float:
    formula = readability_formulas()[language]["formulas"][0]
    return reading_grades(text, language)[formula]


def site_pairs(language: str) -> Iterator[tuple[str, str, str]]:
    """(name, English prose, translated prose) of each fully translated sample article."""
    po = ROOT / "locales" / language / "LC_MESSAGES" / "content.po"
    translations = usable_translations(po, language).published
    for path in sorted((ROOT / "content").rglob("*.md")):
        relative = path.relative_to(ROOT / "content").as_posix()
        article = parse_article(path.read_text(encoding="utf-8"), f"content/{relative}", relative)
        if article.kind != "article" or len(prose(article).split()) < 100:
            continue
        translated = translate_article(article, translations, "en")
        if translated.translated < translated.total - len(translated.untranslated_fields):
            continue  # a body block left in English would pull both scores together
        other = parse_article(translated.markdown, f"content/{relative}", relative)
        yield relative, prose(article), prose(other)


def folder_pairs(folder: Path, language: str) -> Iterator[tuple[str, str, str]]:
    for english in sorted((folder / "en").glob("*.md")):
        other = folder / language / english.name
        if other.is_file():
            yield (
                f"pairs/{english.name}",
                prose(parse_article(english.read_text(encoding="utf-8"), english.name, "a.md")),
                prose(parse_article(other.read_text(encoding="utf-8"), other.name, "a.md")),
            )


def fit(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Least squares: (a, b) of y = a + b * x."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in points)
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in points)
    slope = sxy / sxx if sxx else 0.0
    return mean_y - slope * mean_x, slope


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="es")
    default = Path(os.environ.get("WELLREAD_REALTEXT", ROOT / "missing")) / "pairs"
    parser.add_argument("--pairs", type=Path, default=default)
    args = parser.parse_args()
    language = args.language
    rows = [*site_pairs(language)]
    if args.pairs.is_dir():
        rows += folder_pairs(args.pairs, language)
    points = []
    print(f"{'pair':48} {'en grade':>8} {language + ' score':>9}")
    for name, english, other in rows:
        point = (first_score(english, "en"), first_score(other, language))
        points.append(point)
        print(f"{name[:48]:48} {point[0]:8.1f} {point[1]:9.1f}")
    if len(points) < 2:
        print("fewer than two pairs: no line")
        return
    a, b = fit(points)
    scale = readability_formulas()[language].get("scale")
    print(f"\n{len(points)} pairs: {language} = {a:.1f} {b:+.2f} x grade (least squares); grade "
          f"{ENGLISH_TARGET:g} -> {a + b * ENGLISH_TARGET:.1f}")
    for name, target in candidates(points, a + b * ENGLISH_TARGET, scale == "ease").items():
        same, passes = agreement(points, target, scale == "ease")
        print(f"{name:34} {target:5.1f}: pass in {language} {passes:3}, same side as English "
              f"{same} of {len(points)}")
    english = sum(x <= ENGLISH_TARGET for x, _ in points)
    print(f"pass in English at grade {ENGLISH_TARGET:g}: {english} of {len(points)}")


def passes_target(score: float, target: float, ease: bool) -> bool:
    return score >= target if ease else score <= target


def agreement(points: list[tuple[float, float]], target: float, ease: bool) -> tuple[int, int]:
    """(pairs on the same side of both targets, translations that pass `target`)."""
    same = sum((x <= ENGLISH_TARGET) == passes_target(y, target, ease) for x, y in points)
    return same, sum(passes_target(y, target, ease) for _, y in points)


def candidates(
    points: list[tuple[float, float]], regression: float, ease: bool
) -> dict[str, float]:
    """Targets to compare: the least-squares line's, the one that passes as many translations as
    English passes originals (equal pass rates), and the one with most pairs on the same side."""
    english = sum(x <= ENGLISH_TARGET for x, _ in points)
    ranked = sorted((y for _, y in points), reverse=ease)
    equal = ranked[english - 1] if english else ranked[0]
    steps = [t / 2 for t in range(int(min(ranked)) * 2, int(max(ranked)) * 2 + 2)]
    best = max(steps, key=lambda t: (agreement(points, t, ease)[0], -abs(t - equal)))
    return {"least-squares line": round(regression, 1), "equal pass rates": equal,
            "most pairs on the same side": best}

if __name__ == "__main__":
    main()
