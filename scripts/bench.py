"""`make bench`: wellread against plain mkdocs-material on a synthetic site (not a test).

It writes a site of N articles in 20 topic folders with three languages (wellread.synthetic) into
a temp folder and measures, each several times with the median reported:

  (a) plain mkdocs-material building the same pages in one language (the baseline)
  (b) the full wellread build, cold (no cache), every stage, every language; and per language
  (c) a warm rebuild, nothing changed
  (d) a rebuild after one article is edited
  (e) the checker's words per second on one core
  (f) cards per second, cold, in every card size, on one core and with the process pool
  (g) peak memory of the build's whole process tree
  (h) what a reader downloads for an article page
  (i) leaflet PDFs per second, cold, on one core and with the process pool
  (j) the first build on a fresh machine: no .cache/, no bytecode, no font or other user caches
  (k) Hugo building the same Markdown (when `hugo` is installed): the fast-generator reference
  (l) a CI run: a fresh clone (another folder, every file's time new) with the last build's
      .cache/ restored, as docs/site-workflow.yml keeps it
  (m) where a cold build's time goes: cold with the checker off, the cards off, both off
  and how long `mkdocs serve` takes to rebuild the sample site after an edit, and the figures of
  scripts/bench_preview.py (`wellread serve`) when it exists. Each figure is shown next to its
  target (bench_report.py), with the CPU seconds of each build and the load average.

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
from pathlib import Path

from bench_hostile import worst_paragraph
from bench_hugo import hugo_build, hugo_project
from bench_parts import cold_parts
from bench_pools import cards_per_second, leaflets_per_second
from bench_report import table
from bench_timing import Run, environment, timed
from wellread.publish.pageweight import page_weight
from wellread.synthetic import SyntheticSite, write_site

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GROWTH_SIZES = (250, 500, 1000, 2000)
MAIN_SIZE = 1000
_IMAGES = (".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif", ".ico")


def baseline(site: SyntheticSite) -> Run:
    shutil.rmtree(site.root / "site-baseline", ignore_errors=True)
    return timed([str(BIN / "mkdocs"), "build", "-q", "-f", site.baseline_config.name], site.root)


def wellread_build(site: SyntheticSite, cold: bool, config: Path | None = None) -> Run:
    if cold:  # the previous site goes too, as the baseline's does: deleting it is not building
        shutil.rmtree(site.root / ".cache", ignore_errors=True)
        shutil.rmtree(site.root / "site", ignore_errors=True)
    return timed([str(BIN / "wellread"), "build", "-f", (config or site.config).name], site.root)


def fresh_machine_build(site: SyntheticSite) -> Run:
    """A cold build as on a machine that never ran wellread: no .cache/, no font or other user
    caches, and wellread's own modules with no bytecode (a fresh copy of the package, with
    PYTHONDONTWRITEBYTECODE, so every process of the build compiles them from source). The
    installed packages keep the bytecode pip compiled when it installed them."""
    shutil.rmtree(site.root / ".cache", ignore_errors=True)
    shutil.rmtree(site.root / "site", ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="wellread-fresh-") as folder:
        shutil.copytree(REPO / "scripts" / "wellread", Path(folder) / "code" / "wellread",
                        ignore=shutil.ignore_patterns("__pycache__"))
        env = environment(
            PYTHONDONTWRITEBYTECODE="1", PYTHONPATH=f"{folder}/code",
            XDG_CACHE_HOME=f"{folder}/cache", XDG_CONFIG_HOME=f"{folder}/config",
        )
        return timed([str(BIN / "wellread"), "build", "-f", site.config.name], site.root, env)


def ci_clone_build(site: SyntheticSite) -> Run:
    """(l) `wellread build` in a copy of the site made as a CI runner makes one: another folder,
    every file new (so new times), and the last build's .cache/ restored (actions/cache)."""
    clone = site.root.with_name(f"{site.root.name}-clone")
    shutil.rmtree(clone, ignore_errors=True)
    try:
        for name in ("content", "locales", "theme", ".cache"):
            shutil.copytree(site.root / name, clone / name, copy_function=shutil.copy)
        shutil.copy(site.config, clone / site.config.name)
        return timed([str(BIN / "wellread"), "build", "-f", site.config.name], clone)
    finally:
        shutil.rmtree(clone, ignore_errors=True)


def preview_figures(site: SyntheticSite) -> dict[str, object]:
    """`wellread serve`'s figures from scripts/bench_preview.py, when that script exists."""
    if not (Path(__file__).parent / "bench_preview.py").is_file():
        return {}
    import bench_preview  # written with `wellread serve` (issue 23, item 1)

    return dict(bench_preview.measure(site.root, len(site.languages)))


def edit_one_article(site: SyntheticSite, round_: int) -> None:
    article = next(iter(sorted((site.root / "content" / "vaccines").glob("*-*.md"))))
    with article.open("a", encoding="utf-8") as handle:
        handle.write(f"\nAsk your nurse about this. Edit number {round_ + 1}.\n")


def _mean_steal(runs: list[Run]) -> float | None:
    shares = [run.steal for run in runs if run.steal is not None]
    return round(statistics.mean(shares), 1) if shares else None


def median(runs: list[Run]) -> float:
    return round(statistics.median(r.seconds for r in runs), 2)


def median_cpu(runs: list[Run]) -> float:
    return round(statistics.median(r.cpu_s for r in runs), 1)


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


def article_page_weight(site_dir: Path, page: Path) -> dict[str, float]:
    """KB of an article page and what a browser fetches as it loads (publish/pageweight: search's
    worker and index only when the page loads them), images apart: raw and as sent (gzip)."""
    weight = page_weight(site_dir, page.relative_to(site_dir).as_posix())
    text = [path for path in weight.files if not path.endswith(_IMAGES)]
    sent = sum(len(gzip.compress((site_dir / p).read_bytes(), 6, mtime=0)) for p in text)
    return {"kb": round(sent / 1024, 1), "raw_kb": round(weight.total / 1024, 1),
            "html_kb": round(weight.html / 1024, 1), "files": len(text),
            "images_kb": round(weight.images / 1024, 1),
            "search_kb": round(weight.data / 1024, 1)}


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
    # Plain Material and wellread cold take turns, so a change in the machine's load falls on
    # both sides of their ratio.
    base, cold = [baseline(site)], [wellread_build(site, cold=True)]
    if full:  # what the growth builds will take: 250 + 500 + 2,000 articles, about 2.75 x this
        growth = sum(size for size in GROWTH_SIZES if size != n) / n
        budget.reserve = 1.1 * growth * (cold[0].seconds + base[0].seconds) + 60
    while len(cold) < max(1, runs - 1) and budget.allows(cold[-1].seconds + base[-1].seconds):
        base.append(baseline(site))
        cold.append(wellread_build(site, cold=True))
    # (m) before the fresh build, which fills .cache/ again for the warm builds after it
    parts = cold_parts(site.config, lambda path: wellread_build(site, True, path)) if full else {}
    fresh = [fresh_machine_build(site)] if full else []
    warm = repeated(lambda: wellread_build(site, cold=False), runs, budget) if full else []
    clone = [ci_clone_build(site)] if full else []  # after the warm builds: .cache/ is whole
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
        "baseline_cpu_s": median_cpu(base), "cold_cpu_s": median_cpu(cold),
        "load": round(statistics.mean(r.load for r in base + cold), 2),
        "steal": _mean_steal(base + cold),
    }
    if full:
        result["fresh_s"], result["fresh_cpu_s"] = median(fresh), median_cpu(fresh)
        result["parts"] = parts
        result["clone_s"], result["clone_cpu_s"] = median(clone), median_cpu(clone)
        project = hugo_project(site.root / "content", root / "hugo")
        hugo = [run for run in (hugo_build(project) for _ in range(runs)) if run is not None]
        result["hugo_s"] = median(hugo) if hugo else None
        result["hugo_cpu_s"] = median_cpu(hugo) if hugo else None
        shutil.rmtree(project, ignore_errors=True)
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
        result["preview"] = preview_figures(site)
    shutil.rmtree(site.root, ignore_errors=True)
    return result


def main() -> None:
    only = os.environ.get("BENCH_N")
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    sizes = (int(only),) if only else GROWTH_SIZES
    main_size = sizes[0] if only else MAIN_SIZE
    started = time.perf_counter()
    load_at_start = round(os.getloadavg()[0], 2)
    print(f"bench: sizes {', '.join(map(str, sizes))}, {repeat} runs per median, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    budget = Budget(started + float(os.environ.get("BENCH_BUDGET", "840")))
    by_size: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="wellread-bench-") as folder:
        for n in sorted(sizes, key=lambda size: size != main_size):  # the main size first
            by_size[n] = measure_size(Path(folder), n, repeat, n == main_size, budget)
            budget.reserve = 0.0 if n == main_size else budget.reserve
    by_size = dict(sorted(by_size.items()))
    cards_one_core, cards_pooled, cards_count = cards_per_second(repeat)
    leaflets_one_core, leaflets_pooled, leaflets_count = leaflets_per_second(repeat)
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
        "checker_worst_paragraph": worst_paragraph(),
        "cards_per_s": cards_pooled.per_s,
        "cards_per_s_one_core": cards_one_core.per_s,
        "cards": {"count": cards_count, "one_core": vars(cards_one_core),
                  "pooled": vars(cards_pooled)},
        "leaflets_per_s": leaflets_pooled.per_s,
        "leaflets_per_s_one_core": leaflets_one_core.per_s,
        "leaflets": {"count": leaflets_count, "one_core": vars(leaflets_one_core),
                     "pooled": vars(leaflets_pooled)},
        "ratio_fresh": round(main_run["fresh_s"] / main_run["cold_s"], 2),
        "fresh_s": main_run["fresh_s"],
        "clone_s_per_language": round(main_run["clone_s"] / languages, 2),
        "ratio_clone": round(main_run["clone_s"] / languages / main_run["baseline_s"], 2),
        "hugo_s": main_run["hugo_s"],
        "cold_parts": main_run["parts"],
        "preview": main_run["preview"],
        "peak_mb": max(run["peak_mb"] for run in by_size.values()),
        "peak_mb_at": max(by_size.values(), key=lambda run: run["peak_mb"])["articles"],
        "article_page_kb": main_run["article_page"]["kb"],
        "article_page": main_run["article_page"],
        "serve_rebuild_s": serve,
        "runs": main_run["runs"],
        "sizes": {str(n): run for n, run in by_size.items()},
        "machine": {
            "cores": os.cpu_count(), "python": platform.python_version(),
            "load_at_start": load_at_start, "load_at_end": round(os.getloadavg()[0], 2),
        },
        "bench_s": round(time.perf_counter() - started),
    }
    out = REPO / ".bench" / "results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n", "utf-8")
    print(table(results))
    print(f"\n(written to {out.relative_to(REPO)}; the bench took {results['bench_s']} s)")


if __name__ == "__main__":
    main()
