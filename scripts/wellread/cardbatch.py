"""Render many social cards at once: cached by fingerprint, in parallel, with progress."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from . import cards
from .cardcache import cached_card, open_cache

# Open Graph / X summary_large_image, and the square that Instagram and others show best.
CARD_SIZES: dict[str, tuple[int, int]] = {"landscape": (1200, 630), "square": (1080, 1080)}

# Set by wellread/i18n for a language built in a process of its own (the cores are busy).
WORKERS_ENV = "WELLREAD_CARD_WORKERS"

# Below this many cards, starting worker processes costs more than it saves.
_PARALLEL_FROM = 5


@dataclass(frozen=True)
class CardJob:
    """One card to draw: what it says, its size, an optional article image behind the text,
    and where the PNG goes."""

    text: cards.CardText
    size: tuple[int, int]
    target: Path
    background: Path | None = None


@dataclass(frozen=True)
class BatchResult:
    """How many cards were asked for, and how many of them had to be drawn."""

    total: int
    rendered: int

    @property
    def cached(self) -> int:
        return self.total - self.rendered

    def summary(self) -> str:
        """One line for the build log that says whether anything was drawn."""
        if not self.rendered:
            return f"{self.total} cards, all from the cache (none rendered)"
        return f"{self.total} cards ({self.rendered} rendered, {self.cached} from the cache)"


def render_batch(
    jobs: Sequence[CardJob],
    layout: cards.CardLayout,
    cache_dir: Path,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Draw the cards not in `cache_dir` yet (in parallel), then copy every card to its target.

    `progress` is called with the number of cards finished since its last call. `workers` is
    the number of processes (default: $WELLREAD_CARD_WORKERS, or one per core).
    Raises cards.CardError.

    With an empty `cache_dir` every card is drawn: that is the cold rate a benchmark measures.
    Worker processes are started with "spawn", so a script calling this with more than one
    worker needs the usual `if __name__ == "__main__":` guard.
    """
    try:
        open_cache(cache_dir)
    except OSError as error:
        raise cards.CardError(f"the card cache {cache_dir}: {error}") from None
    cached_paths = [
        cache_dir / f"{cards.card_fingerprint(j.text, layout, j.size, j.background)}.png"
        for j in jobs
    ]
    todo: dict[Path, CardJob] = {}
    for job, cached in zip(jobs, cached_paths, strict=True):
        if cached_card(cached) is None:  # missing, cut short or garbage: drawn again
            todo.setdefault(cached, job)
    done_already = len(jobs) - len(todo)
    if progress is not None and done_already:
        progress(done_already)
    _render_missing(todo, layout, workers, progress)
    for job, cached in zip(jobs, cached_paths, strict=True):
        job.target.parent.mkdir(parents=True, exist_ok=True)
        card = cached_card(cached)
        if card is None:  # the cache cannot keep it (full disk, read-only): draw it here
            card = cards.render_card(job.text, layout, job.size, job.background)
        job.target.write_bytes(card)
    return BatchResult(total=len(jobs), rendered=len(todo))


def _render_one(cached: Path, job: CardJob, layout: cards.CardLayout) -> None:
    partial = cached.with_suffix(f".{os.getpid()}.tmp")
    try:
        partial.write_bytes(cards.render_card(job.text, layout, job.size, job.background))
        partial.replace(cached)  # a card in the cache is always whole
    except OSError:
        partial.unlink(missing_ok=True)  # the cache cannot keep it; render_batch draws it again


def _workers_from_environment() -> int:
    """$WELLREAD_CARD_WORKERS as a number of processes; 0 (one per core) if unset or not one."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    return int(value) if value.isdigit() else 0


def _render_missing(
    todo: dict[Path, CardJob],
    layout: cards.CardLayout,
    workers: int | None,
    progress: Callable[[int], None] | None,
) -> None:
    workers = workers or _workers_from_environment() or os.cpu_count() or 1
    ordered = sorted(todo.items(), key=lambda item: item[0].name)
    if len(ordered) < _PARALLEL_FROM or workers == 1:
        for cached, job in ordered:
            _render_one(cached, job, layout)
            if progress is not None:
                progress(1)
        return
    # spawn, not fork: `mkdocs serve` has threads running, and forking them can deadlock.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as pool:
        futures = [pool.submit(_render_one, cached, job, layout) for cached, job in ordered]
        for future in as_completed(futures):
            try:
                future.result()
            except BrokenProcessPool:
                raise cards.CardError(
                    "a card-drawing process stopped unexpectedly (out of memory?); "
                    "build again, or free some memory"
                ) from None
            if progress is not None:
                progress(1)
