"""Cards and leaflets per second for `make bench`: on one core, and through the build's pool.

Both draw the same jobs, cold (an empty cache), through the functions a build uses, so the
pool's figure counts starting its processes, as a build pays it. Each rate comes with the CPU
seconds it took (this process and its drawing processes) and the load average it started at:
on a machine shared with other work, a pool can only be as fast as the cores left free.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench_timing import cpu_ticks, stolen

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Rate:
    """Items drawn per second (median of the rounds), CPU seconds per item, the load at start
    and the share of CPU time the host took."""

    per_s: float
    cpu_ms_each: float
    load: float
    steal: float | None = None  # % of the CPU time the host took during the rounds


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rates(one_core: Callable[[Path, int], None], pooled: Callable[[Path, int], None],
           count: int, repeat: int) -> tuple[Rate, Rate]:
    """Rounds of `one_core` and `pooled` (each `draw(folder, round)`, `count` items in a fresh
    folder) in turns, `repeat` of each, and the two rates. This machine's speed drifts by a
    third from one minute to the next (one core: 173 to 284 cards/s over ten minutes), so all
    the rounds of one and then all of the other measured the drift as much as the pool."""
    seconds: dict[int, list[float]] = {0: [], 1: []}
    cpu: dict[int, list[float]] = {0: [], 1: []}
    load, ticks = os.getloadavg()[0], cpu_ticks()
    for round_ in range(repeat):
        for side, draw in (((0, one_core), (1, pooled)) if round_ % 2 == 0
                           else ((1, pooled), (0, one_core))):
            with tempfile.TemporaryDirectory() as folder:
                before, start = _cpu(), time.perf_counter()
                draw(Path(folder), round_)
                seconds[side].append(time.perf_counter() - start)
                cpu[side].append((_cpu() - before) / count)
    steal = stolen(ticks)
    rates = [
        Rate(round(count / statistics.median(seconds[side]), 1),
             round(1000 * statistics.median(cpu[side]), 1), load, steal)
        for side in (0, 1)
    ]
    return rates[0], rates[1]


def _forget_drawing_caches() -> None:
    """Empty this process's card-drawing caches (fonts, word shapes and shades, the logo): each
    round on one core starts as cold as a drawing process does, not warm from the last round,
    whose titles share most of their words."""
    import importlib
    import pkgutil

    import wellread.social.cards as cards

    for info in pkgutil.iter_modules(cards.__path__):
        module = importlib.import_module(f"{cards.__name__}.{info.name}")
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
        getattr(module, "_logo_cache", {}).clear()


def cards_per_second(repeat: int) -> tuple[Rate, Rate, int]:
    """Cards drawn per second, cold, in every size the layout has (as a build draws them, four
    per page): on one core, and with one process per core; and how many cards each round drew."""
    from wellread.social.batch import CardJob, render_batch
    from wellread.social.cards.layout import load_layout
    from wellread.social.cards.model import CARD_SIZES, CardText

    layout = load_layout(REPO / "theme" / "cards" / "layout.yml")
    sizes = [CARD_SIZES[kind] for kind in layout.sizes]
    # 800 cards on 2 cores: one language's cards at 200 pages, as a cold build draws them
    pages = 100 * (os.cpu_count() or 1)
    count = pages * len(sizes)

    def text(i: int) -> CardText:
        return CardText(
            title=f"Checking your blood sugar at home, part {i}",
            description="How to use a meter, what the numbers mean, and what to do if your "
                        f"sugar is low ({i}).",
            topic="Diabetes", site_name="wellread health", lang="en", direction="ltr",
        )


    def draw(workers: int) -> Callable[[Path, int], None]:
        def run(folder: Path, round_: int) -> None:
            _forget_drawing_caches()  # a build's process starts drawing with none
            first = 10_000 * (round_ + 1) + 1_000 * workers
            jobs = [CardJob(text(first + page), size, folder / f"{page}-{n}.png")
                    for page in range(pages) for n, size in enumerate(sizes)]
            render_batch(jobs, layout, folder / "cache", workers=workers)
        return run

    # five rounds at least: a round is two to four seconds, and the machine's speed drifts
    one_core, pooled = _rates(draw(1), draw(os.cpu_count() or 1), count, max(5, repeat))
    return one_core, pooled, count


_LEAFLET_PAGE = """<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>Checking your blood sugar at home, part {i} - wellread health</title></head><body>
<article class="md-content__inner md-typeset"><h1>Checking your blood sugar at home, part {i}</h1>
<section class="wr-keypoints"><h2>Key points</h2><ul>{points}</ul></section>{body}
<aside class="wr-print"><div class="wr-print__qr">{qr}</div><div class="wr-print__text"><p>Read
this page online: https://health.example.org/diabetes/part-{i}/</p></div></aside></article>
</body></html>"""


def leaflets_per_second(repeat: int) -> tuple[Rate, Rate, int]:
    """Leaflet PDFs drawn per second, cold: on one core, and through the build's process pool;
    and how many each round drew. Each is a two-page article with key points, headings and a
    QR code."""
    from wellread.publish.leaflets import LeafletJob, default_stylesheet, write_leaflets
    from wellread.render.reach import qr_svg

    paragraph = ("<p>Check your blood sugar before meals and at bedtime. Write the numbers "
                 "down and bring them to your visit. Your nurse can show you how. </p>") * 3
    body = "".join(f"<h2>Step {k}</h2>{paragraph}" for k in range(8))
    points = "".join(f"<li>Point {k}: check, write it down, ask.</li>" for k in range(4))
    stylesheet = default_stylesheet()
    # 24 a core (48 on 2 cores): a build of the bench's 250 articles draws 250 in each language;
    # with 8 a core, starting each drawing process was a third of the pool's time (1.47 times one
    # core, against 1.81 at 24 a core, idle, 2026-12-03)
    count = 24 * (os.cpu_count() or 1)

    def draw(workers: int) -> Callable[[Path, int], None]:
        def run(folder: Path, round_: int) -> None:
            jobs = []
            for i in range(10_000 * round_ + 1_000 * workers, 10_000 * round_ + 1_000 * workers
                           + count):
                page = folder / f"p{i}" / "index.html"
                page.parent.mkdir(parents=True)
                qr = qr_svg(f"https://health.example.org/diabetes/part-{i}/", "QR code")
                page.write_text(_LEAFLET_PAGE.format(i=i, points=points, body=body, qr=qr),
                                "utf-8")
                jobs.append(LeafletJob(page, page.parent / "leaflet.pdf"))
            write_leaflets(jobs, folder, stylesheet, folder / "cache", workers)
        return run

    one_core, pooled = _rates(draw(1), draw(0), count, repeat)
    return one_core, pooled, count
