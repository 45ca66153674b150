"""Render many social cards at once: cached by fingerprint, in parallel, with progress."""

from __future__ import annotations

import os
import pickle
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from ..core.containment import held_stop
from ..core.cores import free_cores
from .cardcache import CardCache, keep, place, write_card
from .cards.draw import render_card
from .cards.fingerprint import card_keys
from .cards.model import CardError, CardLayout, CardText

# The number of card-drawing processes (default: one per core).
WORKERS_ENV = "WELLREAD_CARD_WORKERS"

# Set by wellread/i18n for a language built in a process of its own: a file to leave that
# language's card jobs in. A process that only draws cards takes over once the language's
# process has ended (see plugins/language_job.py), so no process holds a language's pages and
# its card images in memory at once.
HANDOVER_ENV = "WELLREAD_CARD_HANDOVER"

# Below this many cards, starting worker processes costs more than it saves.
_PARALLEL_FROM = 5
# ... and below this many, when the number of processes is not asked for (a build, a preview
# after an edit): a process takes 0.2 to 0.4 s to start and load its fonts, a card 2.5 to 4 ms
# of CPU to draw (landscape to story, 2026-12-07; 8 to 13 ms when this was measured), so two
# processes won from about 60 cards on (make bench).
_PARALLEL_BY_DEFAULT_FROM = 60


@dataclass(frozen=True)
class CardJob:
    """One card to draw: what it says, its size, an optional article image behind the text,
    and where the PNG goes."""

    text: CardText
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


@dataclass(frozen=True)
class HandedOver:
    """A language's cards, left by its process for another process of the same build."""

    layout: CardLayout
    cache_dir: Path
    jobs: list[CardJob]


def hand_over(handed: HandedOver, path: Path) -> None:
    """Leave cards to draw in `path` for another process of the same build (see HANDOVER_ENV)."""
    with open(path, "wb") as handle:
        pickle.dump(handed, handle, protocol=pickle.HIGHEST_PROTOCOL)


def taken_over(path: Path) -> HandedOver:
    """The cards that a process of this build left in `path` with `hand_over`.

    Only for files this build wrote itself, in its own temporary folder: pickle runs code.
    """
    with open(path, "rb") as handle:
        handed = pickle.load(handle)  # written by this build's own process
    if not isinstance(handed, HandedOver):
        raise CardError(f"{path} does not hold card jobs")
    return handed


def render_batch(
    jobs: Sequence[CardJob],
    layout: CardLayout,
    cache_dir: Path,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> BatchResult:
    """Draw the cards not in `cache_dir` yet (in parallel), then copy every card to its target.

    `progress` is called with the number of cards finished since its last call. `workers` is
    the number of processes (default: $WELLREAD_CARD_WORKERS, or one per core that no other
    process is busy on; and one when there are too few cards to pay for starting the others).
    Raises CardError.

    With an empty `cache_dir` every card is drawn: that is the cold rate a benchmark measures.
    Worker processes are started with "spawn", so a script calling this with more than one
    worker needs the usual `if __name__ == "__main__":` guard.
    """
    return render_batches([jobs], layout, cache_dir, workers, progress)[0]


def render_batches(
    batches: Sequence[Sequence[CardJob]],
    layout: CardLayout,
    cache_dir: Path,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[BatchResult]:
    """`render_batch` for several batches (one per language) with one set of processes;
    a result for each. A card that two batches share is drawn once, for the first."""
    try:
        cache = CardCache(cache_dir)
    except OSError as error:
        raise CardError(f"the card cache {cache_dir}: {error}") from None
    # Each card by its key, the cache folder / its fingerprint: the first job that needs it
    # drawn, or its entry in the cache (looked up once, however many jobs share it).
    todo: dict[Path, CardJob] = {}
    found: dict[Path, Path] = {}
    planned: list[tuple[Sequence[CardJob], list[Path], int]] = []
    card_key = card_keys(layout)
    for jobs in batches:
        keys = [cache_dir / card_key(j.text, j.size, j.background) for j in jobs]
        before = len(todo)
        for job, key in zip(jobs, keys, strict=True):
            if key in todo or key in found:
                continue
            entry = cache.find(key.name)  # missing, cut short, changed or garbage: drawn again
            if entry is None:
                todo[key] = job
            else:
                found[key] = entry
        planned.append((jobs, keys, len(todo) - before))
    done_already = sum(len(jobs) for jobs in batches) - len(todo)
    if progress is not None and done_already:
        progress(done_already)
    _render_missing(todo, layout, workers, progress)
    results = []
    for jobs, keys, rendered in planned:
        for job, key in zip(jobs, keys, strict=True):
            drawn = todo.get(key)
            if drawn is job:
                continue  # drawn: the process that drew it wrote it here
            try:
                place(found[key] if drawn is None else drawn.target, job.target)
            except OSError:  # the entry went meanwhile (.cache/ deleted): draw it here
                write_card(job.target, render_card(job.text, layout, job.size, job.background))
        results.append(BatchResult(total=len(jobs), rendered=rendered))
    return results


def _render_one(key: Path, job: CardJob, layout: CardLayout) -> None:
    """Draw a card to its target and keep it in the cache (`key`: the cache folder / the
    card's fingerprint): the drawing process writes it, so the build does not read every new
    card back, one after another, to place it."""
    card = render_card(job.text, layout, job.size, job.background)
    write_card(job.target, card)
    keep(key.parent, key.name, card, job.target)


def _workers_from_environment() -> int:
    """$WELLREAD_CARD_WORKERS as a number of processes; 0 (one per core) if unset or not one."""
    value = os.environ.get(WORKERS_ENV, "").strip()
    return int(value) if value.isdigit() else 0


def _render_missing(
    todo: dict[Path, CardJob],
    layout: CardLayout,
    workers: int | None,
    progress: Callable[[int], None] | None,
) -> None:
    smallest = _PARALLEL_FROM if workers else _PARALLEL_BY_DEFAULT_FROM
    workers = workers or _workers_from_environment() or free_cores()
    ordered = list(todo.items())  # pages in order: neighbours share words, and so caches
    if len(ordered) < smallest or workers == 1:
        for key, job in ordered:
            _render_one(key, job, layout)
            if progress is not None:
                progress(1)
        return
    # A few cards per task: one task per card spent a tenth of the time passing it over.
    size = max(1, min(_CHUNK, len(ordered) // (workers * 4)))
    chunks = deque(ordered[start:start + size] for start in range(0, len(ordered), size))
    # This process draws too, with `workers - 1` others: it has its fonts and caches already,
    # and each process started costs 0.2 to 0.3 s of CPU before its first card.
    helpers = workers - 1
    # spawn, not fork: `mkdocs serve` has threads running, and forking them can deadlock.
    with held_stop():  # a process stopped half-started would print a traceback
        pool = ProcessPoolExecutor(
            max_workers=helpers, mp_context=get_context("spawn"),
            initializer=_use_layout, initargs=(layout,),
        )
    try:
        _share_chunks(pool, helpers, chunks, layout, progress)
    except BaseException:  # Ctrl-C, SIGTERM (see containment.Stopped) or an error: stop now
        _stop_workers(pool)
        raise
    pool.shutdown()


def _share_chunks(
    pool: ProcessPoolExecutor,
    helpers: int,
    chunks: deque[list[tuple[Path, CardJob]]],
    layout: CardLayout,
    progress: Callable[[int], None] | None,
) -> None:
    """Draw `chunks` with the pool's processes and this one: the pool takes them from the
    front, two a process queued at a time, and this process from the back, until none is left."""
    running: set[Future[int]] = set()
    while chunks or running:
        finished = {future for future in running if future.done()}
        if not chunks and not finished:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            running.discard(future)
            try:
                done = future.result()
            except BrokenProcessPool:
                raise CardError(
                    "a card-drawing process stopped unexpectedly (out of memory?); "
                    "build again, or free some memory"
                ) from None
            if progress is not None:
                progress(done)
        with held_stop():  # submit starts the processes
            while chunks and len(running) < 2 * helpers:
                running.add(pool.submit(_render_chunk, chunks.popleft()))
        if chunks:
            chunk = chunks.pop()
            for key, job in chunk:
                _render_one(key, job, layout)
            if progress is not None:
                progress(len(chunk))


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End a pool's processes now, not after the cards they were given (Ctrl-C reaches them
    from the terminal, but CI's SIGTERM reaches only this process)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # no public API < 3.14
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join()
    # Wait for the pool's own thread to close its pipe: if it closed it while Python was exiting,
    # Python's exit hook for pools wrote to it and printed 'OSError: Bad file descriptor' (CI).
    if manager is not None:
        manager.join(timeout=10)


_CHUNK = 16

# The layout of the cards a worker process draws. One object for all of them: the drawing
# caches are keyed by layout, and a copy unpickled with each card missed them all.
_worker_layout: CardLayout | None = None


def _use_layout(layout: CardLayout) -> None:
    global _worker_layout
    _worker_layout = layout


def _render_chunk(chunk: list[tuple[Path, CardJob]]) -> int:
    assert _worker_layout is not None, "started without _use_layout"
    for key, job in chunk:
        _render_one(key, job, _worker_layout)
    return len(chunk)
