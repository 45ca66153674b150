"""`wellread serve`'s server: MkDocs' livereload server in front of the preview's sessions.

The default language is built first and served; the other languages follow in a thread of
their own. When a watched file is saved, the first language the change touches is built again
before the browsers reload; the others follow in that thread, and the browsers reload again when
they are done. MkDocs' server polls the files twice a second; here the system's file events
(inotify) tell it at once, where watchdog has them.

Uses MkDocs 1.6's LiveReloadServer internals (its observer, and the epochs its pages poll).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.exceptions import MkDocsException
from mkdocs.livereload import LiveReloadServer, _timestamp

from ...core.errors import WellreadError
from .preview import Plan, Preview, Rebuilt

log = logging.getLogger("mkdocs.plugins.wellread.preview")

Snapshot = dict[Path, tuple[int, int]]


def snapshot(places: Iterable[Path]) -> Snapshot:
    """Each file under `places` (folders or files): its modification time and size."""
    seen: Snapshot = {}
    for place in places:
        found = place.rglob("*") if place.is_dir() else [place]
        for path in found:
            try:
                status = path.stat()
            except OSError:
                continue
            if path.is_file():
                seen[path.resolve()] = (status.st_mtime_ns, status.st_size)
    return seen


def differences(old: Snapshot, new: Snapshot) -> tuple[list[Path], list[Path], list[Path]]:
    """Changed, added and removed files."""
    changed = [path for path in new if path in old and new[path] != old[path]]
    return changed, [p for p in new if p not in old], [p for p in old if p not in new]


class PreviewServer:
    """The server, the sessions, and the thread that builds the other languages."""

    def __init__(
        self, config_file: Path, host: str, port: int, report: Callable[[Rebuilt], None]
    ) -> None:
        # What the thread builds: a plan, then the languages whose translations page is left.
        self.work: queue.Queue[tuple[Plan, list[str]] | None] = queue.Queue()
        self.server = LiveReloadServer(builder=self.changed, host=host, port=port, root=".")
        self._native_events()
        self.preview = Preview(config_file, server=self.server, report=report)
        # One build at a time per language: a save is built in its first language while the
        # thread builds another.
        self.locks = {code: threading.Lock() for code in self.preview.order()}
        self.server.root = str(self.preview.site_dir.resolve())
        self.seen: Snapshot = {}
        self.thread = threading.Thread(target=self._follow, daemon=True)

    def _native_events(self) -> None:
        """The system's file events instead of polling; only writes, creations, deletions and
        renames (inotify also tells of every file a build opens and reads)."""
        try:
            from watchdog import events
            from watchdog.observers import Observer
        except ImportError:  # pragma: no cover - watchdog comes with MkDocs
            return
        writes: list[type[events.FileSystemEvent]] = [
            events.FileModifiedEvent, events.FileClosedEvent, events.FileCreatedEvent,
            events.FileDeletedEvent, events.FileMovedEvent,
        ]
        observer = Observer()
        schedule = observer.schedule

        def only_writes(handler: events.FileSystemEventHandler, path: str, *,
                        recursive: bool = False) -> object:
            return schedule(handler, path, recursive=recursive, event_filter=writes)

        observer.schedule = only_writes  # type: ignore[method-assign,assignment]
        self.server.observer = observer  # type: ignore[assignment]

    def places(self) -> list[Path]:
        """What is watched: the content, the catalogs, mkdocs.yml and the theme's folder."""
        theme = self.preview.theme_dir
        return [self.preview.content, self.preview.locales, self.preview.config_file,
                *([theme] if theme is not None else [])]

    def serve(self, open_in_browser: bool = False) -> None:
        """Build the default language, serve it, build the others; until Ctrl-C."""
        default = self.preview.default
        self.seen = snapshot(self.places())
        with self.locks[default]:
            self.preview.build(default)
        for place in self.places():
            self.server.watch(str(place))
        others = [code for code in self.preview.order() if code != default]
        self.thread.start()
        if others:
            self.work.put((Plan({code: None for code in others}), others))
        try:
            self.server.serve(open_in_browser=open_in_browser)
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            self.work.put(None)
            self.server.shutdown()

    def changed(self) -> None:
        """The server's builder: what the saved files touch, the first language now."""
        new = snapshot(self.places())
        changed, added, removed = differences(self.seen, new)
        self.seen = new
        if not (changed or added or removed):
            return
        plan = self.preview.plan(changed, added, removed)
        codes = list(plan.work)
        try:
            with self.locks[codes[0]]:
                self.preview.apply(plan, codes[:1], later=True)
        except (MkDocsException, WellreadError) as error:  # said above; the next save retries
            log.error("wellread: the %s preview could not be built: %s", codes[0], error)
        # The other languages, then every language's translations page.
        self.work.put((Plan(dict(list(plan.work.items())[1:])), codes))

    def _follow(self) -> None:
        """The other languages' builds, one after another; the browsers reload after each."""
        while (item := self.work.get()) is not None:
            plan, codes = item
            for code in [*plan.work, *codes]:
                try:
                    with self.locks[code]:
                        if code in plan.work:
                            self.preview.apply(Plan({code: plan.work.pop(code)}), [code])
                        else:
                            self.preview.catch_up([code])
                except Exception as error:  # said, and the next save tries again
                    log.error("wellread: the %s preview could not be built: %s", code, error)
            self._reload()

    def _reload(self) -> None:
        """Browsers reload, as after the server's own build: a new epoch, once no build of
        the server is under way (it would set an older one when it ends)."""
        server = self.server
        with server._epoch_cond:
            server._epoch_cond.wait_for(
                lambda: server._visible_epoch == server._wanted_epoch, timeout=60
            )
            server._wanted_epoch = server._visible_epoch = _timestamp()
            server._epoch_cond.notify_all()
