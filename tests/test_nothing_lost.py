"""Nothing lost: an interrupted or failed build leaves the previous site as it was, and a broken
or outdated card cache is noticed and drawn again."""

from __future__ import annotations

import hashlib
import io
import os
import queue
import re
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

from PIL import Image

from wellread.social.cardcache import CACHE_VERSION, STAMP, CardCache, intact, open_cache

from .conftest import REPO, WELLREAD, run_wellread

CORPUS = Path(__file__).parent / "bad_input"


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _png(size: tuple[int, int] = (8, 8)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "PNG")
    return out.getvalue()


def _previous_site(project: Path) -> dict[str, str]:
    for name, text in {"index.html": "<p>yesterday's site</p>\n", "es/index.html": "<p>ayer</p>\n",
                       "assets/cards/index.png": "not even a png"}.items():
        path = project / "site" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)  # new files: a card written into is another test's
        path.write_text(text, "utf-8")
    return _tree(project / "site")


def test_ctrl_c_during_a_build_leaves_the_previous_site_and_a_working_cache(
    tmp_path: Path,
) -> None:
    # every language in this process, one after another (another test stops language processes)
    project = _small_project(tmp_path / "p", languages="[en, es, ar]\n      jobs: 1")
    flu = (project / "content" / "vaccines" / "flu.md").read_text("utf-8")

    def copies(edition: str) -> None:  # pages whose cards are not in the cache yet
        for number in range(40):
            copy = flu.replace("title: Flu vaccine", f"title: Flu vaccine {edition}{number}")
            (project / "content" / "vaccines" / f"flu-{number}.md").write_text(copy, "utf-8")

    copies("")
    assert run_wellread(project, "build").returncode == 0  # a card cache, as after any build
    copies("new ")  # cards to draw in the build that is interrupted
    before = _previous_site(project)
    build = subprocess.Popen(
        [str(WELLREAD), "build"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(project),
                        "SOURCE_DATE_EPOCH": "1790000000"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in build.stderr], daemon=True).start()
    log, deadline = [], time.monotonic() + 300
    try:
        # Mid-way: English built, Spanish begun (drawing its cards), Arabic still to come: a
        # second of work left however late the signal lands (at the Arabic site's start, the
        # last and smallest, or after the first cards, a busy machine finished first).
        while time.monotonic() < deadline:
            try:
                log.append(lines.get(timeout=5))
            except queue.Empty:
                assert build.poll() is None, "".join(log)
                continue
            if "building the 'es' site" in log[-1]:
                break
        assert (project / ".site.partial" / "index.html").is_file()  # half a site exists
        build.send_signal(signal.SIGINT)
        build.wait(timeout=120)
    finally:
        if build.poll() is None:
            build.kill()
    time.sleep(0.5)
    while not lines.empty():
        log.append(lines.get())
    output = "".join(log)
    assert build.returncode == 130, output
    assert "Build interrupted." in output and "Traceback" not in output
    assert _tree(project / "site") == before  # byte-identical
    assert not (project / ".site.partial").exists() and not (project / ".site.old").exists()
    cache = project / ".cache" / "wellread" / "cards"
    assert (cache / STAMP).read_text("utf-8").strip() == CACHE_VERSION
    leftovers = [p for p in cache.iterdir() if p.name != STAMP and not intact(p)]
    assert leftovers == [] or all(p.suffix == ".tmp" for p in leftovers)

    result = run_wellread(project, "build")  # the cache still works: the next build succeeds
    assert result.returncode == 0, result.stderr
    assert "from the cache" in result.stderr
    cards = sorted((project / "site" / "assets" / "cards").rglob("*.png"))
    assert cards
    for card in cards:
        sizes = {"square": (1080, 1080), "portrait": (1080, 1350), "story": (1080, 1920)}
        expected = sizes.get(card.stem.rsplit("-", 1)[-1], (1200, 630))
        assert Image.open(card).size == expected, card
    assert not list(cache.glob("*.tmp"))


def _small_project(root: Path, languages: str = "[en, es]") -> Path:
    shutil.copytree(CORPUS / "_base", root)
    shutil.copytree(REPO / "theme", root / "theme")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("[en, es]", languages), "utf-8")
    return root


def _whole_png(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.load()
        return True
    except (OSError, SyntaxError):
        return False


def test_a_truncated_or_garbage_cached_card_is_drawn_again(tmp_path: Path) -> None:
    project = _small_project(tmp_path / "p")
    assert run_wellread(project, "build").returncode == 0
    cache = project / ".cache" / "wellread" / "cards"
    cached = sorted(cache.glob("*.png"))
    whole = cached[0].read_bytes()
    for entry in cached[:2]:
        entry.unlink()  # new files under the entries' names, not the site's cards
    cached[0].write_bytes(whole[: len(whole) // 2])  # cut short
    cached[1].write_bytes(os.urandom(2000))  # garbage under a card's name
    (cache / "notes.txt").write_text("left by someone", "utf-8")
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    rendered = re.findall(r"cards \((\d+) rendered", result.stderr)  # per language
    assert sum(map(int, rendered)) == 2, result.stderr
    assert cached[0].read_bytes() == whole  # drawn again, identically
    for card in (project / "site").rglob("assets/cards/**/*.png"):
        assert _whole_png(card), card


def test_a_built_card_changed_in_place_is_drawn_again_not_published_from_the_cache(
    tmp_path: Path,
) -> None:
    # A site's card and its cache entry are one file (a hard link): a tool that rewrites the
    # built card in place (an optimiser, a designer's touch-up) changes the entry too.
    project = _small_project(tmp_path / "p")
    assert run_wellread(project, "build").returncode == 0
    card = project / "site" / "assets" / "cards" / "index.png"
    drawn = card.read_bytes()
    with card.open("r+b") as handle:  # in place, as `convert x.png x.png` or oxipng may
        handle.write(_png((1200, 630)))
        handle.truncate()
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    rendered = re.findall(r"cards \((\d+) rendered", result.stderr)
    assert sum(map(int, rendered)) == 1, result.stderr  # that card, and no other
    assert card.read_bytes() == drawn
    cache = project / ".cache" / "wellread" / "cards"
    assert all(intact(entry) for entry in cache.glob("*.png"))


def test_a_cache_from_an_older_version_is_emptied_and_rebuilt(tmp_path: Path) -> None:
    project = _small_project(tmp_path / "p")
    cache = project / ".cache" / "wellread" / "cards"
    cache.mkdir(parents=True)
    (cache / ("0" * 64 + ".png")).write_bytes(_png())  # version 1 had no stamp
    result = run_wellread(project, "build")
    assert result.returncode == 0, result.stderr
    assert "0 from the cache" in result.stderr
    assert not (cache / ("0" * 64 + ".png")).exists()
    assert (cache / STAMP).read_text("utf-8") == CACHE_VERSION + "\n"


def test_open_cache_replaces_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    folder = tmp_path / "cards"
    folder.write_text("oops", "utf-8")
    assert open_cache(folder).is_dir()
    (folder / "abc.1234.tmp").write_bytes(b"half")
    (folder / "abc.png").write_bytes(_png())
    open_cache(folder)
    assert sorted(p.name for p in folder.iterdir()) == [STAMP, "abc.png"]


def test_a_cache_entry_is_used_only_while_its_bytes_have_the_digest_in_its_name(
    tmp_path: Path,
) -> None:
    folder = open_cache(tmp_path / "cards")
    png = _png((40, 20))
    name = f"{'a' * 64}.{hashlib.sha256(png).hexdigest()[:32]}.png"
    (folder / name).write_bytes(png)
    assert CardCache(folder).find("a" * 64) == folder / name
    assert CardCache(folder).find("b" * 64) is None  # never drawn
    broken = bytearray(png)
    broken[len(png) // 2] ^= 0xFF  # one flipped byte
    for bad in (png[:-1], png[:30], bytes(broken), b"", png + b"\0"):
        (folder / name).write_bytes(bad)
        assert CardCache(folder).find("a" * 64) is None
        assert not (folder / name).exists()  # removed: the card is drawn again
