"""Many cards at once: the cache, parallel rendering, progress, and photos under a scrim."""

from __future__ import annotations

import io
import multiprocessing.util
import os
import pickle
import shutil
import signal
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from PIL import Image

from wellread.adapters.mkdocs.language_job import draw_cards
from wellread.core.containment import Stopped, stop_on_signals
from wellread.social.batch import (
    BatchResult,
    CardJob,
    HandedOver,
    _stop_workers,
    hand_over,
    render_batch,
    render_batches,
    taken_over,
)
from wellread.social.cards.backdrop import article_backdrop
from wellread.social.cards.colors import MIN_CONTRAST, contrast_ratio
from wellread.social.cards.draw import render_card
from wellread.social.cards.layout import load_layout
from wellread.social.cards.model import CARD_SIZES, CardError, CardLayout, CardText

LAYOUT_FILE = Path(__file__).resolve().parents[1] / "theme" / "cards" / "layout.yml"
FLU_IMAGE = Path(__file__).resolve().parents[1] / "content" / "vaccines" / "flu-shot.png"


@pytest.fixture(scope="module")
def layout() -> CardLayout:
    return load_layout(LAYOUT_FILE)


def text(title: str, lang: str = "en", direction: str = "ltr") -> CardText:
    return CardText(title, "Who should get it, and when.", "Vaccines", "wellread", lang, direction)


# Two sizes of each card keep the counts below small; one test draws every size.
TWO_SIZES = {kind: CARD_SIZES[kind] for kind in ("landscape", "square")}


def jobs_for(titles: list[str], out: Path, sizes: dict = TWO_SIZES) -> list[CardJob]:
    return [
        CardJob(text(title), size, out / f"{n}-{kind}.png")
        for n, title in enumerate(titles)
        for kind, size in sizes.items()
    ]


def no_links(source: object, target: object) -> None:
    """os.link where the file system has no links (another disk, FAT)."""
    raise OSError(18, "Invalid cross-device link")


def test_second_batch_renders_nothing_and_says_so(layout: CardLayout, tmp_path: Path) -> None:
    jobs = jobs_for(["Flu", "Measles"], tmp_path / "site")
    first = render_batch(jobs, layout, tmp_path / "cache", workers=1)
    assert (first.total, first.rendered) == (4, 4)
    second = render_batch(jobs, layout, tmp_path / "cache", workers=1)
    assert (second.total, second.rendered, second.cached) == (4, 0, 4)
    assert second.summary() == "4 cards, all from the cache (none rendered)"
    assert BatchResult(4, 1).summary() == "4 cards (1 rendered, 3 from the cache)"


def test_a_card_drawn_now_is_written_once_and_kept_as_the_same_file(
    layout: CardLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Reading every new card back, one after another in the build's process, kept the pool's
    # other process idle at the end (make bench: 1.6 -> 1.8 times one core on ext4); writing
    # it twice (the site, the cache) was a seventh of its time on ext4.
    import wellread.social.batch as batch

    lookups: list[str] = []
    real = batch.CardCache.find
    monkeypatch.setattr(batch.CardCache, "find",
                        lambda self, key: lookups.append(key) or real(self, key))
    jobs = jobs_for(["Flu", "Measles"], tmp_path / "site")
    render_batch(jobs, layout, tmp_path / "cache", workers=1)
    assert len(lookups) == 4  # each card looked up once, before drawing
    entries = {p.stat().st_ino: p for p in (tmp_path / "cache").glob("*.png")}
    assert len(entries) == 4
    assert {job.target.stat().st_ino for job in jobs} == entries.keys()  # one file each
    lookups.clear()
    again = jobs_for(["Flu", "Measles"], tmp_path / "again")
    result = render_batch(again, layout, tmp_path / "cache", workers=1)
    assert (result.rendered, len(lookups)) == (0, 4)
    for job, first in zip(again, jobs, strict=True):  # from the cache: the same file again
        assert job.target.stat().st_ino == first.target.stat().st_ino


def test_without_hard_links_the_cache_keeps_copies_and_the_cards_are_the_same(
    layout: CardLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import wellread.social.cardcache as cardcache

    linked = jobs_for(["Flu", "Measles"], tmp_path / "linked")
    render_batch(linked, layout, tmp_path / "c1", workers=1)
    monkeypatch.setattr(cardcache.os, "link", no_links)
    copied = jobs_for(["Flu", "Measles"], tmp_path / "copied")
    render_batch(copied, layout, tmp_path / "c2", workers=1)
    again = jobs_for(["Flu", "Measles"], tmp_path / "again")
    assert render_batch(again, layout, tmp_path / "c2", workers=1).rendered == 0
    for one, other, third in zip(linked, copied, again, strict=True):
        assert one.target.read_bytes() == other.target.read_bytes() == third.target.read_bytes()
        assert other.target.stat().st_nlink == 1 and third.target.stat().st_nlink == 1
    assert sorted(p.name for p in (tmp_path / "c1").iterdir()) == sorted(
        p.name for p in (tmp_path / "c2").iterdir()
    )


def test_a_card_over_an_earlier_one_replaces_it_and_leaves_the_cache_alone(
    layout: CardLayout, tmp_path: Path
) -> None:
    # The preview writes into the same folder build after build: an old card there is a
    # cache entry's file, which a new card must replace, not be written into.
    first = jobs_for(["Flu"], tmp_path / "site")
    render_batch(first, layout, tmp_path / "cache", workers=1)
    entries = {p.name: p.read_bytes() for p in (tmp_path / "cache").glob("*.png")}
    renamed = [CardJob(text("Measles"), job.size, job.target) for job in first]
    render_batch(renamed, layout, tmp_path / "cache", workers=1)
    for name, data in entries.items():
        assert (tmp_path / "cache" / name).read_bytes() == data  # the Flu cards, untouched
    assert len(list((tmp_path / "cache").glob("*.png"))) == 4
    assert not list((tmp_path / "site").glob(".*.tmp"))


def test_after_a_build_the_cache_drops_cards_no_page_uses(
    layout: CardLayout, tmp_path: Path
) -> None:
    # A cache kept between builds (a CI cache, a writer's year of edits) must not only grow.
    from wellread.social.cardcache import prune

    site, cache = tmp_path / "site", tmp_path / "cache"
    render_batch(jobs_for(["Flu", "Measles"], site), layout, cache, workers=1)
    shutil.rmtree(site)  # the next build: Measles is now "Measles (rubeola)"
    kept = jobs_for(["Flu", "Measles (rubeola)"], site)
    assert render_batch(kept, layout, cache, workers=1).rendered == 2
    assert len(list(cache.glob("*.png"))) == 6
    assert prune(cache, site) == 2
    assert sorted(p.stat().st_ino for p in cache.glob("*.png")) == sorted(
        job.target.stat().st_ino for job in kept
    )
    assert render_batch(kept, layout, cache, workers=1).rendered == 0


def test_a_cached_card_no_build_used_for_a_week_goes_after_any_build(
    layout: CardLayout, tmp_path: Path
) -> None:
    # `wellread build --language es` (a CI job per language) keeps the other languages' cards
    # in site/, so it removes by age alone: a card taken from the cache is marked used.
    from wellread.social.cardcache import prune

    site, cache = tmp_path / "site", tmp_path / "cache"
    render_batch(jobs_for(["Flu", "Measles"], site), layout, cache, workers=1)
    long_ago = time.time() - 8 * 86400
    for entry in cache.glob("*.png"):
        os.utime(entry, (long_ago, long_ago))
    flu = jobs_for(["Flu"], tmp_path / "again")
    assert render_batch(flu, layout, cache, workers=1).rendered == 0
    assert prune(cache, tmp_path / "again", whole=False) == 2  # the Measles cards
    assert sorted(p.stat().st_ino for p in cache.glob("*.png")) == sorted(
        job.target.stat().st_ino for job in flu)
    assert (cache / "VERSION").is_file()  # the cache itself stays


def test_a_cache_whose_cards_are_copies_is_never_pruned(
    layout: CardLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without links (the site on another disk, FAT) every entry has one name: all would go.
    import wellread.social.cardcache as cardcache

    monkeypatch.setattr(cardcache.os, "link", no_links)
    jobs = jobs_for(["Flu", "Measles"], tmp_path / "site")
    render_batch(jobs, layout, tmp_path / "cache", workers=1)
    assert cardcache.prune(tmp_path / "cache", tmp_path / "site") == 0
    assert len(list((tmp_path / "cache").glob("*.png"))) == 4


def test_cards_are_written_at_every_size(layout: CardLayout, tmp_path: Path) -> None:
    render_batch(jobs_for(["Flu"], tmp_path / "site", CARD_SIZES), layout, tmp_path / "cache",
                 workers=1)
    for kind, size in CARD_SIZES.items():
        assert Image.open(tmp_path / "site" / f"0-{kind}.png").size == size
    assert CARD_SIZES == {"landscape": (1200, 630), "square": (1080, 1080),
                          "portrait": (1080, 1350), "story": (1080, 1920)}


def test_parallel_and_serial_rendering_give_identical_files(
    layout: CardLayout, tmp_path: Path
) -> None:
    titles = ["Flu", "Measles", "Mumps", "Polio", "Tetanus", "Rubella", "Shingles", "Hep B"]
    render_batch(jobs_for(titles, tmp_path / "a"), layout, tmp_path / "c1", workers=1)
    steps: list[int] = []
    render_batch(
        jobs_for(titles, tmp_path / "b"), layout, tmp_path / "c2", workers=2,
        progress=steps.append,
    )
    assert sum(steps) == 16 and max(steps) == 2  # 16 cards, handed to the workers in twos
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes()


def test_a_few_cards_are_drawn_in_this_process_unless_processes_are_asked_for(
    layout: CardLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Starting a drawing process and loading its fonts took longer than drawing a few dozen
    # cards: after an edit, the pool made a build slower than one core.
    import wellread.social.batch as batch

    started: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, *args: object, **kwargs: object) -> None:
            started.append(kwargs["max_workers"])  # type: ignore[arg-type]
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "ProcessPoolExecutor", Counted)
    monkeypatch.delenv(batch.WORKERS_ENV, raising=False)
    result = render_batch(jobs_for(["Flu", "Measles", "Mumps"], tmp_path / "a"), layout,
                          tmp_path / "cache")
    assert (result.rendered, started) == (6, [])
    render_batch(jobs_for(["Polio", "Tetanus", "Rubella"], tmp_path / "b"), layout,
                 tmp_path / "cache", workers=2)
    assert started == [1]  # two drawing: this process, and one it starts


@pytest.mark.parametrize(
    ("running", "expected"), [("1/200", 4), ("2/200", 3), ("4/200", 1), ("9/200", 1)]
)
def test_the_pool_uses_the_cores_other_processes_leave_free(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, running: str, expected: int
) -> None:
    # On cores other work keeps busy, a pool was slower than drawing in one process.
    import wellread.core.cores as cores

    (tmp_path / "loadavg").write_text(f"3.10 2.00 1.50 {running} 4321\n", "ascii")
    monkeypatch.setattr(cores, "_LOADAVG", str(tmp_path / "loadavg"))
    monkeypatch.setattr(cores.os, "cpu_count", lambda: 4)
    assert cores.free_cores() == expected
    monkeypatch.setattr(cores, "_LOADAVG", str(tmp_path / "missing"))
    assert cores.free_cores() == 4  # not Linux: every core


def test_several_languages_cards_are_drawn_together_and_counted_apart(
    layout: CardLayout, tmp_path: Path
) -> None:
    english = jobs_for(["Flu", "Measles"], tmp_path / "en")
    spanish = [
        CardJob(text("Gripe", "es"), (1200, 630), tmp_path / "es" / "gripe.png"),
        CardJob(text("Flu"), (1200, 630), tmp_path / "es" / "flu.png"),  # not translated yet
    ]
    render_batch(english[1:2], layout, tmp_path / "cache", workers=1)  # Flu, square
    first, second = render_batches([english, spanish], layout, tmp_path / "cache", workers=2)
    assert (first.total, first.rendered) == (4, 3)
    assert (second.total, second.rendered) == (2, 1)  # its English card was drawn for `en`
    drawn_once = tmp_path / "en" / "0-landscape.png"
    assert (tmp_path / "es" / "flu.png").read_bytes() == drawn_once.read_bytes()
    assert Image.open(tmp_path / "es" / "gripe.png").size == (1200, 630)


def test_card_jobs_handed_over_by_another_process_come_back_whole(
    layout: CardLayout, tmp_path: Path
) -> None:
    jobs = jobs_for(["Flu", "Measles"], tmp_path / "site")
    hand_over(HandedOver(layout, tmp_path / "cache", jobs), tmp_path / "es.pickle")
    assert taken_over(tmp_path / "es.pickle") == HandedOver(layout, tmp_path / "cache", jobs)
    (tmp_path / "other.pickle").write_bytes(pickle.dumps({"not": "jobs"}))
    with pytest.raises(CardError, match="does not hold card jobs"):
        taken_over(tmp_path / "other.pickle")


def test_a_card_process_draws_what_a_language_left_or_says_why_not(
    layout: CardLayout, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    jobs = jobs_for(["Flu"], tmp_path / "site")
    hand_over(HandedOver(layout, tmp_path / "cache", jobs), tmp_path / "es.pickle")
    assert draw_cards(str(tmp_path / "es.pickle")) == 0
    assert "wellread: 2 cards (2 rendered, 0 from the cache)" in capsys.readouterr().err
    assert Image.open(tmp_path / "site" / "0-square.png").size == (1080, 1080)

    (tmp_path / "a-file").write_text("", "utf-8")
    hand_over(HandedOver(layout, tmp_path / "a-file" / "cache", jobs), tmp_path / "ar.pickle")
    assert draw_cards(str(tmp_path / "ar.pickle")) == 1  # the main build draws them instead
    assert "cards left to the main build: the card cache" in capsys.readouterr().err


def test_progress_counts_every_card_once(layout: CardLayout, tmp_path: Path) -> None:
    jobs = jobs_for(["Flu", "Measles"], tmp_path / "site")
    render_batch(jobs[:2], layout, tmp_path / "cache", workers=1)
    steps: list[int] = []
    render_batch(jobs, layout, tmp_path / "cache", workers=1, progress=steps.append)
    assert sum(steps) == len(jobs)
    assert steps[0] == 2  # the cached ones are counted at once


def test_changing_the_article_image_redraws_the_card(layout: CardLayout, tmp_path: Path) -> None:
    image = tmp_path / "photo.png"
    Image.new("RGB", (400, 300), "#202020").save(image)
    job = CardJob(text("Flu"), (1200, 630), tmp_path / "card.png", image)
    assert render_batch([job], layout, tmp_path / "cache").rendered == 1
    Image.new("RGB", (400, 300), "#e0e0e0").save(image)
    assert render_batch([job], layout, tmp_path / "cache").rendered == 1


@pytest.mark.parametrize("color", ["#000000", "#ff0000", "#3355ff", "#ffffff"])
@pytest.mark.parametrize("size", list(CARD_SIZES.values()))
def test_scrim_keeps_every_text_color_readable_on_any_photo(
    layout: CardLayout, tmp_path: Path, color: str, size: tuple[int, int]
) -> None:
    photo = Image.new("RGB", (640, 480), color)
    photo.paste("#ffffff", (0, 0, 320, 480))  # half light, half the test color
    path = tmp_path / "photo.png"
    photo.save(path)
    backdrop, opacity = article_backdrop(layout, size, path)
    # Every distinct pixel color of the result, checked on its own (not with the code's
    # luminance search): each text color keeps 4.5:1 against each of them.
    colors = backdrop.getcolors(maxcolors=size[0] * size[1])
    assert colors is not None
    for _, pixel in colors:
        hex_pixel = "#{:02x}{:02x}{:02x}".format(*pixel)
        for text_color in (layout.title_color, layout.description_color, layout.topic_color,
                           layout.site_name_color):
            assert contrast_ratio(text_color, hex_pixel) >= MIN_CONTRAST, (hex_pixel, opacity)
    assert layout.scrim_min_opacity <= opacity <= 1


def test_dark_photo_needs_a_stronger_scrim_than_a_light_one(
    layout: CardLayout, tmp_path: Path
) -> None:
    Image.new("RGB", (300, 300), "#111111").save(tmp_path / "dark.png")
    Image.new("RGB", (300, 300), "#f0f0f0").save(tmp_path / "light.png")
    _, dark = article_backdrop(layout, (1200, 630), tmp_path / "dark.png")
    _, light = article_backdrop(layout, (1200, 630), tmp_path / "light.png")
    assert light == pytest.approx(layout.scrim_min_opacity, abs=1 / 255)
    assert dark > light


def test_card_with_the_sample_photo_is_deterministic(layout: CardLayout) -> None:
    first = render_card(text("Flu"), layout, (1200, 630), FLU_IMAGE)
    assert first == render_card(text("Flu"), layout, (1200, 630), FLU_IMAGE)
    assert Image.open(io.BytesIO(first)).size == (1200, 630)
    assert first != render_card(text("Flu"), layout, (1200, 630))


@pytest.mark.parametrize(
    ("value", "expected"), [("1", 1), (" 3 ", 3), ("", 0), ("two", 0), ("-1", 0)]
)
def test_card_workers_from_the_environment_ignore_what_is_not_a_number(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: int
) -> None:
    from wellread.social.batch import WORKERS_ENV, _workers_from_environment

    monkeypatch.setenv(WORKERS_ENV, value)
    assert _workers_from_environment() == expected


def test_a_sigterm_while_drawing_processes_start_stops_them_all_without_a_traceback(
    layout: CardLayout, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    # CI's SIGTERM landed between starting a process and handing it its work: the process
    # read an empty pipe and printed "EOFError: Ran out of input" under `wellread cards`.
    launch = multiprocessing.util.spawnv_passfds
    started: list[int] = []

    def launch_then_signal(*args: object) -> int:
        pid = launch(*args)  # type: ignore[arg-type]
        if "--multiprocessing-fork" in args[1]:  # a drawing process, not the resource tracker
            started.append(pid)
            if len(started) == 1:
                os.kill(os.getpid(), signal.SIGTERM)
        return pid

    monkeypatch.setattr(multiprocessing.util, "spawnv_passfds", launch_then_signal)
    restore = stop_on_signals()
    try:
        with pytest.raises(Stopped):
            render_batch(jobs_for(["Flu", "Measles", "Mumps"], tmp_path / "site"), layout,
                         tmp_path / "cache", workers=3)  # this process and two others
    finally:
        restore()
    assert len(started) == 2  # the signal waited until both processes had their work
    time.sleep(1)
    for pid in started:
        assert not Path(f"/proc/{pid}").exists() or "Z" in _state(pid)
    assert "Traceback" not in capfd.readouterr().err


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]


def test_stopping_the_drawing_processes_waits_for_the_pools_own_thread() -> None:
    # That thread closes the pool's pipe as it ends; ending during Python's exit instead raced
    # the exit hook writing to that pipe: 'OSError: Bad file descriptor' under SIGTERM in CI.
    pool = ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn"))
    futures = [pool.submit(time.sleep, 5) for _ in range(4)]
    while not all(process.is_alive() for process in (pool._processes or {}).values()):
        time.sleep(0.05)
    manager = pool._executor_manager_thread
    assert manager is not None and manager.is_alive()
    _stop_workers(pool)
    assert not manager.is_alive()
    assert all(future.cancelled() or future.done() for future in futures)
