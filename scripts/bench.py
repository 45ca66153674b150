"""`make bench`: wellread against plain mkdocs-material on a synthetic site (not a test).

It writes a site of N articles in 20 topic folders with three languages (wellread.synthetic) into
a temp folder and measures, each several times with the median reported:

  (a) plain mkdocs-material building the same pages in one language (the baseline)
  (b) the full wellread build, cold (no cache), every stage, every language; and per language
  (c) a warm rebuild, nothing changed
  (d) a rebuild after one article is edited
  (e) the checker's words per second on one core
  (f) cards per second, cold, on one core and with the process pool
  (g) peak memory of the build's whole process tree
  (h) what a reader downloads for an article page
  (i) leaflet PDFs per second, cold, on one core and with the process pool
  and how long `mkdocs serve` takes to rebuild the sample site after an edit.

Then it builds N = 250, 500 and 2,000 articles once each (plain Material and wellread cold) to
show how time grows. Environment: BENCH_N=100 measures one size only (a quick look);
BENCH_REPEAT=3 runs per median (cold builds, the slowest, run BENCH_REPEAT - 1 times), fewer
when BENCH_BUDGET seconds (default 840) would not cover them; results.json says how many ran.
The table goes to standard output and the numbers to .bench/results.json.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from bench_timing import Run, environment, timed
from wellread.synthetic import SyntheticSite, write_site

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GROWTH_SIZES = (250, 500, 1000, 2000)
MAIN_SIZE = 1000


def baseline(site: SyntheticSite) -> Run:
    shutil.rmtree(site.root / "site-baseline", ignore_errors=True)
    return timed([str(BIN / "mkdocs"), "build", "-q", "-f", site.baseline_config.name], site.root)


def wellread_build(site: SyntheticSite, cold: bool) -> Run:
    if cold:
        shutil.rmtree(site.root / ".cache", ignore_errors=True)
    return timed([str(BIN / "wellread"), "build", "-f", site.config.name], site.root)


def edit_one_article(site: SyntheticSite, round_: int) -> None:
    article = next(iter(sorted((site.root / "content" / "vaccines").glob("*-*.md"))))
    with article.open("a", encoding="utf-8") as handle:
        handle.write(f"\nAsk your nurse about this. Edit number {round_ + 1}.\n")


def median(runs: list[Run]) -> float:
    return round(statistics.median(r.seconds for r in runs), 2)


def checker_words_per_second(site: SyntheticSite, repeat: int, limit: int = 200) -> float:
    """Words checked per second on one core, with every cache cleared between rounds."""
    from wellread.check import CheckContext, check_article
    from wellread.check.terms import _dotted, _word_set, _words
    from wellread.core.article import _parse_article_cached
    from wellread.core.content import parse_page
    from wellread.core.prose import masked_text, sentences, without_markup

    content = site.root / "content"
    pages = sorted(content.rglob("*.md"))[:limit]
    texts = [(p, p.read_bytes()) for p in pages]
    words = sum(len(data.decode("utf-8").split()) for _, data in texts)
    context = CheckContext()
    check_article(parse_page(texts[0][1], "warm-up", "warm/up.md"), context)  # load word lists
    timings = []
    for _ in range(repeat):
        for cache in (
            _parse_article_cached, masked_text, without_markup, sentences, _words, _word_set,
            _dotted,
        ):
            cache.cache_clear()
        start = time.perf_counter()
        for path, data in texts:
            page = path.relative_to(content).as_posix()
            check_article(parse_page(data, f"content/{page}", page), context)
        timings.append(time.perf_counter() - start)
    return round(words / statistics.median(timings))


_LEAFLET_PAGE = """<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>Checking your blood sugar at home, part {i} - wellread health</title></head><body>
<article class="md-content__inner md-typeset"><h1>Checking your blood sugar at home, part {i}</h1>
<section class="wr-keypoints"><h2>Key points</h2><ul>{points}</ul></section>{body}
<aside class="wr-print"><div class="wr-print__qr">{qr}</div><div class="wr-print__text"><p>Read
this page online: https://health.example.org/diabetes/part-{i}/</p></div></aside></article>
</body></html>"""


def leaflets_per_second(repeat: int) -> tuple[float, float]:
    """Leaflet PDFs drawn per second, cold (an empty cache): on one core, and through the
    build's process pool. Each is a two-page article with key points, headings and a QR code."""
    from wellread.publish.leaflets import LeafletJob, default_stylesheet, write_leaflets
    from wellread.render.reach import qr_svg

    paragraph = ("<p>Check your blood sugar before meals and at bedtime. Write the numbers "
                 "down and bring them to your visit. Your nurse can show you how. </p>") * 3
    body = "".join(f"<h2>Step {k}</h2>{paragraph}" for k in range(8))
    points = "".join(f"<li>Point {k}: check, write it down, ask.</li>" for k in range(4))
    stylesheet = default_stylesheet()

    def jobs(folder: Path, count: int, offset: int) -> list[LeafletJob]:
        made = []
        for i in range(offset, offset + count):
            page = folder / f"p{i}" / "index.html"
            page.parent.mkdir(parents=True)
            qr = qr_svg(f"https://health.example.org/diabetes/part-{i}/", "QR code")
            page.write_text(_LEAFLET_PAGE.format(i=i, points=points, body=body, qr=qr), "utf-8")
            made.append(LeafletJob(page, page.parent / "leaflet.pdf"))
        return made

    rates: dict[int, list[float]] = {1: [], 0: []}
    for workers, count in ((1, 6), (0, 8 * (os.cpu_count() or 1))):
        for round_ in range(repeat):
            with tempfile.TemporaryDirectory() as folder:
                todo = jobs(Path(folder), count, 10_000 * round_)
                start = time.perf_counter()
                write_leaflets(todo, Path(folder), stylesheet, Path(folder) / "cache", workers)
                rates[workers].append(count / (time.perf_counter() - start))
    return round(statistics.median(rates[0]), 2), round(statistics.median(rates[1]), 2)


def cards_per_second(repeat: int) -> tuple[float, float]:
    """Cards rendered per second, cold: on one core, and through the build's process pool."""
    from wellread.social.batch import CardJob, render_batch
    from wellread.social.cards.draw import render_card
    from wellread.social.cards.layout import load_layout
    from wellread.social.cards.model import CARD_SIZES, CardText

    CARD_SIZE = CARD_SIZES["landscape"]

    layout = load_layout(REPO / "theme" / "cards" / "layout.yml")

    def text(i: int, lang: str = "en") -> CardText:
        return CardText(
            title=f"Checking your blood sugar at home, part {i}",
            description="How to use a meter, what the numbers mean, and what to do if your "
                        f"sugar is low ({i}).",
            topic="Diabetes", site_name="wellread health", lang=lang,
            direction="rtl" if lang == "ar" else "ltr",
        )

    render_card(text(0), layout, CARD_SIZE)  # fonts loaded once, as in a build
    one_core = []
    for round_ in range(repeat):
        start = time.perf_counter()
        for i in range(12):
            render_card(text(1000 * round_ + i + 1), layout, CARD_SIZE)
        one_core.append(12 / (time.perf_counter() - start))
    pooled = []
    count = 100 * (os.cpu_count() or 1)  # as many as a build draws after a few edits: the
    # pool's start (about half a second) is counted, but does not swamp the rate
    for round_ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            jobs = [
                CardJob(text(10_000 * (round_ + 1) + i), CARD_SIZE, Path(folder) / f"{i}.png")
                for i in range(count)
            ]
            start = time.perf_counter()
            render_batch(jobs, layout, Path(folder) / "cache")
            pooled.append(count / (time.perf_counter() - start))
    return round(statistics.median(one_core), 1), round(statistics.median(pooled), 1)


class _Assets(HTMLParser):
    """The files a browser fetches by itself for a page: stylesheets, scripts, images, icons."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "icon", "preload", "modulepreload"):
            self.urls.append(a.get("href", ""))


def article_page_weight(site_dir: Path, page: Path) -> dict[str, float]:
    """KB of an article page and everything it loads from the site, as sent (gzip) and raw."""
    parser = _Assets()
    html = page.read_bytes()
    parser.feed(html.decode("utf-8"))
    files = [page]
    for url in parser.urls:
        if "://" in url or url.startswith("//"):
            continue
        target = (page.parent / url.split("?")[0].split("#")[0]).resolve()
        if target.is_file() and target.is_relative_to(site_dir.resolve()):
            files.append(target)
    raw = sum(f.stat().st_size for f in files)
    sent = sum(len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in files)
    return {"kb": round(sent / 1024, 1), "raw_kb": round(raw / 1024, 1),
            "html_kb": round(len(html) / 1024, 1), "files": len(files)}


def serve_rebuild_seconds(repeat: int) -> float | None:
    """`mkdocs serve` on a copy of the sample site: seconds from saving an article to rebuilt."""
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for name in ("content", "locales", "theme"):
            shutil.copytree(REPO / name, project / name)
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        process = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
            env=environment(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        lines: list[tuple[float, str]] = []

        def read() -> None:
            for line in process.stdout:  # type: ignore[union-attr]
                lines.append((time.perf_counter(), line))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()

        def wait_for(text: str, after: int, limit: float) -> tuple[float, int] | None:
            deadline = time.perf_counter() + limit
            while time.perf_counter() < deadline and process.poll() is None:
                for index in range(after, len(lines)):
                    if text in lines[index][1]:
                        return lines[index][0], index + 1
                time.sleep(0.05)
            return None

        try:
            ready = wait_for("Serving on", 0, 300)
            if ready is None:
                return None
            seen, timings = ready[1], []
            article = project / "content" / "vaccines" / "flu-vaccine.md"
            for round_ in range(repeat):
                time.sleep(1.5)  # let the watcher settle
                start = time.perf_counter()
                with article.open("a", encoding="utf-8") as handle:
                    handle.write(f"\nAsk your nurse. Edit {round_ + 1}.\n")
                done = wait_for("Reloading browsers", seen, 300) or wait_for(
                    "Documentation built", seen, 1
                )
                if done is None:
                    return None
                timings.append(done[0] - start)
                seen = done[1]
            return round(statistics.median(timings), 2)
        finally:
            process.send_signal(signal.SIGINT)  # Ctrl-C, as a writer stops it
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@dataclass
class Budget:
    """`make bench` must finish in BENCH_BUDGET seconds (default 14 minutes): a measurement is
    repeated only while the time left still covers the growth builds still to come."""

    deadline: float
    reserve: float = 0.0  # seconds the growth builds after the main size will need

    def allows(self, seconds: float) -> bool:
        return time.perf_counter() + seconds + self.reserve < self.deadline


def repeated(measure: Callable[[], Run], times: int, budget: Budget) -> list[Run]:
    """At least one run, and up to `times` while the budget allows another."""
    runs = [measure()]
    while len(runs) < times and budget.allows(runs[-1].seconds):
        runs.append(measure())
    return runs


def measure_size(root: Path, n: int, repeat: int, full: bool, budget: Budget) -> dict:
    """Build a site of n articles: the full set of measurements when `full`, else one of each."""
    started = time.perf_counter()
    site = write_site(root / f"site-{n}", n, REPO)
    print(f"  {n} articles: {site.words:,} words written in "
          f"{time.perf_counter() - started:.0f} s", file=sys.stderr)
    runs = repeat if full else 1
    base = repeated(lambda: baseline(site), runs, budget)
    cold = [wellread_build(site, cold=True)]
    if full:  # what the growth builds will take: 250 + 500 + 2,000 articles, about 2.75 x this
        growth = sum(size for size in GROWTH_SIZES if size != n) / n
        budget.reserve = 1.1 * growth * (cold[0].seconds + base[0].seconds) + 60
    while len(cold) < max(1, runs - 1) and budget.allows(cold[-1].seconds):
        cold.append(wellread_build(site, cold=True))
    warm = repeated(lambda: wellread_build(site, cold=False), runs, budget) if full else []
    pages = len(list((site.root / "content").rglob("*.md")))
    languages = len(site.languages)
    result = {
        "articles": n, "pages": pages, "languages": languages, "words": site.words,
        "baseline_s": median(base), "cold_s": median(cold),
        "baseline_ms_per_page": round(1000 * median(base) / pages, 1),
        "cold_ms_per_page_per_language": round(1000 * median(cold) / pages / languages, 1),
        "peak_mb": round(max(r.peak_mb for r in cold + warm), 0),
        "baseline_peak_mb": round(max(r.peak_mb for r in base), 0),
        "cold_per_language_s": {
            lang: round(statistics.median(r.per_language.get(lang, 0) for r in cold), 2)
            for lang in (cold[0].per_language or {})
        },
    }
    if full:
        result["warm_s"] = median(warm)
        result["warm_ms_per_page_per_language"] = round(
            1000 * median(warm) / pages / languages, 1
        )
        edits: list[Run] = []

        def edited() -> Run:
            edit_one_article(site, len(edits))
            edits.append(wellread_build(site, cold=False))
            return edits[-1]

        repeated(edited, repeat, budget)
        result["edit_s"] = median(edits)
        result["runs"] = {
            "baseline": len(base), "cold": len(cold), "warm": len(warm), "edit": len(edits),
        }
        result["checker_words_per_s"] = checker_words_per_second(site, repeat)
        article = next((site.root / "site" / "vaccines").glob("*-*/index.html"))
        result["article_page"] = article_page_weight(site.root / "site", article)
    shutil.rmtree(site.root, ignore_errors=True)
    return result


def main() -> None:
    only = os.environ.get("BENCH_N")
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    sizes = (int(only),) if only else GROWTH_SIZES
    main_size = sizes[0] if only else MAIN_SIZE
    started = time.perf_counter()
    print(f"bench: sizes {', '.join(map(str, sizes))}, {repeat} runs per median, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    budget = Budget(started + float(os.environ.get("BENCH_BUDGET", "840")))
    by_size: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="wellread-bench-") as folder:
        for n in sorted(sizes, key=lambda size: size != main_size):  # the main size first
            by_size[n] = measure_size(Path(folder), n, repeat, n == main_size, budget)
            budget.reserve = 0.0 if n == main_size else budget.reserve
    by_size = dict(sorted(by_size.items()))
    one_core, pooled = cards_per_second(repeat)
    leaflets_pooled, leaflets_one_core = leaflets_per_second(repeat)
    serve = serve_rebuild_seconds(repeat)
    main_run = by_size[main_size]
    languages = main_run["languages"]
    per_language = {
        key: round(main_run[key] / languages, 2) for key in ("cold_s", "warm_s", "edit_s")
    }
    results = {
        "n": main_size,
        "languages": languages,
        "baseline_s": main_run["baseline_s"],
        "cold_s": main_run["cold_s"],
        "warm_s": main_run["warm_s"],
        "edit_s": main_run["edit_s"],
        "cold_s_per_language": per_language["cold_s"],
        "warm_s_per_language": per_language["warm_s"],
        "edit_s_per_language": per_language["edit_s"],
        "cold_per_language_s": main_run["cold_per_language_s"],
        "ratio_cold": round(per_language["cold_s"] / main_run["baseline_s"], 2),
        "ratio_warm": round(per_language["warm_s"] / main_run["baseline_s"], 2),
        "ratio_edit": round(per_language["edit_s"] / main_run["baseline_s"], 2),
        "growth_1000_2000": (
            round(by_size[2000]["cold_s"] / by_size[1000]["cold_s"], 2)
            if {1000, 2000} <= by_size.keys() else None
        ),
        "baseline_growth_1000_2000": (
            round(by_size[2000]["baseline_s"] / by_size[1000]["baseline_s"], 2)
            if {1000, 2000} <= by_size.keys() else None
        ),
        "checker_words_per_s": main_run["checker_words_per_s"],
        "cards_per_s": pooled,
        "cards_per_s_one_core": one_core,
        "leaflets_per_s": leaflets_pooled,
        "leaflets_per_s_one_core": leaflets_one_core,
        "peak_mb": max(run["peak_mb"] for run in by_size.values()),
        "peak_mb_at": max(by_size.values(), key=lambda run: run["peak_mb"])["articles"],
        "article_page_kb": main_run["article_page"]["kb"],
        "article_page": main_run["article_page"],
        "serve_rebuild_s": serve,
        "runs": main_run["runs"],
        "sizes": {str(n): run for n, run in by_size.items()},
        "machine": {
            "cores": os.cpu_count(), "python": platform.python_version(),
            "load_at_start": round(os.getloadavg()[0], 2),
        },
        "bench_s": round(time.perf_counter() - started),
    }
    out = REPO / ".bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(table(results))
    print(f"\n(written to {out.relative_to(REPO)}; the bench took {results['bench_s']} s)")


def table(r: dict) -> str:
    """The results as a Markdown table, with each build time's ratio to the baseline."""
    n, langs = r["n"], r["languages"]
    rows = [
        ("(a) plain Material, 1 language (baseline)", f"{r['baseline_s']} s", "1.00"),
        (f"(b) wellread cold, {langs} languages", f"{r['cold_s']} s", ""),
        ("    per language", f"{r['cold_s_per_language']} s", f"{r['ratio_cold']}"),
        *(
            (f"    of which {lang}", f"{seconds} s", "")
            for lang, seconds in r["cold_per_language_s"].items()
        ),
        (f"(c) wellread warm, {langs} languages", f"{r['warm_s']} s", ""),
        ("    per language", f"{r['warm_s_per_language']} s", f"{r['ratio_warm']}"),
        ("(d) after editing one article, per language", f"{r['edit_s_per_language']} s",
         f"{r['ratio_edit']}"),
        ("(e) checker, one core", f"{r['checker_words_per_s']:,} words/s", ""),
        ("(f) cards, cold", f"{r['cards_per_s']}/s pooled, {r['cards_per_s_one_core']}/s "
         "one core", ""),
        ("(g) peak memory (process tree)", f"{r['peak_mb']:.0f} MB at {r['peak_mb_at']} "
         "articles", ""),
        ("(h) article page, as sent (gzip)", f"{r['article_page_kb']} KB "
         f"({r['article_page']['raw_kb']} KB raw, {r['article_page']['files']} files)", ""),
        ("(i) leaflet PDFs, cold", f"{r['leaflets_per_s']}/s pooled, "
         f"{r['leaflets_per_s_one_core']}/s one core", ""),
        ("mkdocs serve rebuild of the sample after an edit", f"{r['serve_rebuild_s']} s", ""),
    ]
    runs = ", ".join(f"{name} {count}" for name, count in r["runs"].items())
    lines = [f"Synthetic site: {n} articles in 20 topics, {langs} languages; medians of the runs "
             f"({runs}).",
             "", "| measure | value | times the baseline |", "| --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    if len(r["sizes"]) > 1:
        lines += ["", "| articles | plain Material | ms/page | wellread cold, "
                  f"{langs} languages | ms/page/language | peak MB |",
                  "| --- | --- | --- | --- | --- | --- |"]
        lines += [
            f"| {s['articles']} | {s['baseline_s']} s | {s['baseline_ms_per_page']} | "
            f"{s['cold_s']} s | {s['cold_ms_per_page_per_language']} | {s['peak_mb']:.0f} |"
            for s in r["sizes"].values()
        ]
        lines.append(f"\ntime(2,000) / time(1,000): wellread {r['growth_1000_2000']}, "
                     f"plain Material {r['baseline_growth_1000_2000']}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
