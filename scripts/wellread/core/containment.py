"""Keep a build inside its project: symbolic links that lead out of it, and signals that stop it.

The project is the folder of mkdocs.yml. MkDocs follows symbolic links when it collects the
content folder's and the theme's files, so a link to `~/.ssh/id_rsa` or `/etc` would be read,
checked and published. Every command lists such links first (`links_leaving`) and stops.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from .findings import Finding, Severity

RULE = "symlink-outside-project"


def leaves(path: Path, project: Path) -> bool:
    """Whether `path`, once every symbolic link on the way is followed, is outside `project`."""
    return not path.resolve().is_relative_to(project.resolve())


def links_leaving(project: Path, folders: Iterable[Path]) -> list[tuple[Path, Path]]:
    """(link, where it leads) for every symbolic link under `folders`, at any depth, whose
    target is outside `project`, in a stable order.

    Links that stay inside are followed (MkDocs follows them too), each folder once, so a link
    loop ends. Unreadable folders are skipped: what cannot be listed cannot be published.
    """
    root = project.resolve()
    found: dict[Path, Path] = {}
    seen: set[Path] = set()
    for folder in folders:
        if folder.is_dir() or folder.is_symlink():
            found.update(_walk(folder, root, seen))
    return sorted(found.items())


def _walk(folder: Path, root: Path, seen: set[Path]) -> Iterator[tuple[Path, Path]]:
    target = folder.resolve()
    if folder.is_symlink() and not target.is_relative_to(root):
        yield folder, target
        return
    if target in seen or not target.is_dir():
        return
    seen.add(target)
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        path = Path(entry.path)
        if entry.is_symlink():
            resolved = path.resolve()
            if not resolved.is_relative_to(root):
                yield path, resolved
            elif resolved.is_dir():
                yield from _walk(path, root, seen)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path, root, seen)


def link_findings(project: Path, folders: Iterable[Path]) -> list[Finding]:
    """`links_leaving` as errors, each at the link, shown relative to the project."""
    return [
        Finding(
            _shown(link, project), 1, 1, RULE, Severity.ERROR,
            f"This is a symbolic link to {target}, which is outside the project: wellread "
            "never reads or publishes files from outside the folder of mkdocs.yml.",
            "Copy the file or folder into the project in place of the link (or delete the link).",
        )
        for link, target in links_leaving(project, folders)
    ]


def _shown(path: Path, project: Path) -> str:
    try:
        return path.absolute().relative_to(project.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


# -- signals -------------------------------------------------------------------------------------
class Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived (CI cancelling a job): raised like Ctrl-C's KeyboardInterrupt,
    so every `except KeyboardInterrupt` that stops workers and removes partial output runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # what a shell reports for a process ended by the signal


STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)

# While a `held_stop` block runs, a stop signal is noted here and raised when the block ends.
_held: list[int] | None = None


@contextmanager
def held_stop() -> Iterator[None]:
    """Raise a SIGTERM or SIGHUP that arrives inside this block only once the block is done.
    For steps a signal must not cut in two, such as starting a worker process: a "spawn" child
    whose parent stopped half-way through handing it its work printed a traceback."""
    global _held
    outer, _held = _held, []
    try:
        yield
    finally:
        arrived, _held = _held, outer
        if arrived:
            if outer is not None:
                outer.extend(arrived)
            else:
                raise Stopped(arrived[0])


def stop_on_signals() -> Callable[[], None]:
    """From now on SIGTERM and SIGHUP raise `Stopped` in the main thread, once: a second signal
    while the first is being cleaned up is ignored, so the clean-up itself is not cut short.
    Returns a function that puts the previous handlers back."""
    previous = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}

    def handler(signum: int, frame: FrameType | None) -> None:
        for other in STOP_SIGNALS:
            signal.signal(other, signal.SIG_IGN)
        if _held is not None:
            _held.append(signum)
            return
        raise Stopped(signum)

    for signum in STOP_SIGNALS:
        signal.signal(signum, handler)

    def restore() -> None:
        for signum, old in previous.items():
            signal.signal(signum, old)

    return restore
