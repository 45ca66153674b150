"""Build the other languages of a site in processes of their own, beside the default language.

MkDocs builds one page at a time on one core. wellread/i18n starts one process per other
language (`python -m wellread.adapters.mkdocs.language_job CONFIG CODE SITE_DIR`), at most
as many at a time as there are cores, while the default language builds; each process logs to
a file, and its log is passed on, line by line and at its level, once it ends.

A language's process does not draw its social cards: it leaves them in a file (see
cardbatch.HANDOVER_ENV) and ends, and a process that only draws them takes its place
(`python -m wellread.adapters.mkdocs.language_job --cards FILE`), using a core that would otherwise
wait for the default language. The memory of the pages and that of the card images are never
held at once. Cards a drawing process could not draw are left in `cards`; wellread/social in
the main process draws them with its own.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ...social.batch import HANDOVER_ENV, CardJob, render_batch, taken_over
from ...social.cards.model import CardError

log = logging.getLogger("mkdocs.plugins.wellread.i18n")


_LEVELS = {"DEBUG": logging.DEBUG, "INFO": logging.INFO, "WARNING": logging.WARNING,
           "ERROR": logging.ERROR, "CRITICAL": logging.CRITICAL}
_RECORD = re.compile(r"^(DEBUG|INFO|WARNING|ERROR|CRITICAL) +-  (.*)$")


@dataclass
class _Job:
    code: str
    site_dir: str
    cards: Path
    process: subprocess.Popen[bytes] | None = None
    log_file: IO[bytes] | None = None
    returncode: int | None = None
    cards_drawn: bool = False


class LanguageJobs:
    """Processes building the other languages; `finish` waits for them and reports."""

    def __init__(
        self, config_file: str, site_dir: str, codes: Sequence[str], slots: int
    ) -> None:
        self.config_file = config_file
        self._handover = tempfile.TemporaryDirectory(prefix="wellread-cards-")
        self.jobs = [
            _Job(code, os.path.join(site_dir, code), Path(self._handover.name) / f"{code}.pickle")
            for code in codes
        ]
        self.stopped = False
        self.cards: list[tuple[str, list[CardJob]]] = []
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max(1, slots))
        self._threads = [threading.Thread(target=self._run, args=(job,), daemon=True)
                         for job in self.jobs]
        for thread in self._threads:
            thread.start()

    def _run(self, job: _Job) -> None:
        with self._slots:
            with self._lock:
                if self.stopped:
                    return
                job.log_file = tempfile.TemporaryFile()  # noqa: SIM115 - read in finish()
                environment = dict(os.environ, **{HANDOVER_ENV: str(job.cards)})
                job.process = subprocess.Popen(
                    [sys.executable, "-m", __name__, self.config_file, job.code, job.site_dir],
                    stdin=subprocess.DEVNULL, stdout=job.log_file, stderr=subprocess.STDOUT,
                    env=environment,
                )
            job.returncode = job.process.wait()
            if job.returncode != 0 or not job.cards.exists():  # failed, or cards are off
                return
            with self._lock:
                if self.stopped:
                    return
                job.process = subprocess.Popen(
                    [sys.executable, "-m", __name__, "--cards", str(job.cards)],
                    stdin=subprocess.DEVNULL, stdout=job.log_file, stderr=subprocess.STDOUT,
                )
            job.cards_drawn = job.process.wait() == 0

    def finish(self) -> list[str]:
        """Wait for every language, pass their logs on; the codes of languages that failed.
        Cards of the others that are not drawn yet are then in `cards`."""
        failed = []
        for job, thread in zip(self.jobs, self._threads, strict=True):
            thread.join()
            if job.log_file is not None:
                job.log_file.seek(0)
                _pass_on(job.code, job.log_file.read().decode("utf-8", "replace"))
                job.log_file.close()
            if job.returncode != 0:
                failed.append(job.code)
        self.cards = [
            (job.code, taken_over(job.cards).jobs) for job in self.jobs
            if job.returncode == 0 and job.cards.exists() and not job.cards_drawn
        ]
        self._handover.cleanup()
        return failed

    def stop(self) -> None:
        """End every language process now (the main build failed or was interrupted)."""
        with self._lock:
            self.stopped = True
            running = [job.process for job in self.jobs if job.process is not None]
        for process in running:
            if process.poll() is None:
                process.terminate()
        for process in running:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for thread in self._threads:
            thread.join()
        self._handover.cleanup()


def _pass_on(code: str, text: str) -> None:
    """Log a language process's lines at their own level, so strict mode counts its warnings."""
    level, lines = logging.INFO, []
    for line in text.splitlines():
        match = _RECORD.match(line)
        if match is None and lines:  # the next line of a long message
            lines.append(line)
            continue
        if lines:
            log.log(level, "[%s] %s", code, "\n".join(lines))
        if match is None:
            level, lines = logging.INFO, [line]
        else:
            level, lines = _LEVELS[match.group(1)], [match.group(2)]
    if lines:
        log.log(level, "[%s] %s", code, "\n".join(lines))


def _log_to_stderr() -> logging.Logger:
    """MkDocs' logger, writing lines that `_pass_on` reads back (once per process)."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return logger


def build_language(config_file: str, code: str, site_dir: str) -> int:
    """Build one language of the site into `site_dir`; the exit status."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .state import build_in

    logger = _log_to_stderr()
    try:
        # Not strict here: the main build counts this language's warnings as its own.
        config = load_config(config_file, site_dir=site_dir, strict=False)
        build_in(config, code)
        build(config)
    except MkDocsException as error:
        logger.error("%s", error)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


def draw_cards(handover: str) -> int:
    """Draw the cards a language's process left in `handover`, on this core; the exit status."""
    logger = _log_to_stderr()
    # Only on a core the default language's build leaves free: that build is the one to wait for.
    os.nice(10)
    try:
        handed = taken_over(Path(handover))
        result = render_batch(handed.jobs, handed.layout, handed.cache_dir, workers=1)
    except CardError as error:  # the main build draws them, and stops if it cannot either
        logger.info("wellread: cards left to the main build: %s", error)
        return 1
    except KeyboardInterrupt:
        return 130
    logger.info("wellread: %s", result.summary())
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--cards":
        sys.exit(draw_cards(sys.argv[2]))
    if len(sys.argv) != 4:
        sys.exit(f"usage: python -m {__spec__.name} CONFIG_FILE CODE SITE_DIR\n"
                 f"       python -m {__spec__.name} --cards FILE")
    sys.exit(build_language(*sys.argv[1:]))
