"""Content-hash caches: unchanged input is not checked again; anything unusable is rebuilt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

import wellread.check.run
from wellread.check import CheckContext
from wellread.check.run import cached_page_findings
from wellread.core.cache import CACHE_VERSION, Cache
from wellread.core.settings import CheckSettings
from wellread.i18n import catalog

from .conftest import ARTICLE, REPO

LONG = ARTICLE + (
    "\nThis sentence goes on and on with more and more words so that it is much too long for "
    "a reader to follow in one go at the end of a long and busy day at home.\n"
)


@pytest.fixture(autouse=True)
def fresh_memory() -> None:
    Cache.forget_memory()


def findings(cache: Cache, text: str = LONG, context: CheckContext | None = None) -> list:
    return cached_page_findings(
        text.encode(), "content/vaccines/flu.md", "vaccines/flu.md", context or CheckContext(),
        cache,
    )


def refuse_to_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_args: object) -> None:
        raise AssertionError("the page was checked again")

    monkeypatch.setattr(wellread.check.run, "check_article", fail)


def test_an_unchanged_page_is_not_checked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = findings(Cache(tmp_path, "findings"))
    assert first  # the long sentence, at least
    Cache.forget_memory()  # a new process: only the disk remembers
    refuse_to_check(monkeypatch)
    assert findings(Cache(tmp_path, "findings")) == first


def test_an_edited_page_is_checked_again(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "findings")
    before = findings(cache)
    after = findings(cache, LONG.replace("Ask your nurse", "Obviously, ask your nurse"))
    assert [f.rule for f in after] != [f.rule for f in before]
    assert "tone-condescending" in {f.rule for f in after}


def _site_with_a_picture(folder: Path) -> CheckContext:
    (folder / "vaccines").mkdir(parents=True)
    (folder / "vaccines" / "flu.png").write_bytes(b"\x89PNG not really a picture")
    return CheckContext(files=frozenset({"vaccines/flu.md", "vaccines/flu.png"}),
                        content_dir=folder)


def test_a_cache_restored_in_another_folder_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CI runner restores .cache/ into a fresh clone: another folder, every file's time new.
    first = findings(Cache(tmp_path / "cache", "findings"), context=_site_with_a_picture(
        tmp_path / "one"))
    Cache.forget_memory()
    refuse_to_check(monkeypatch)
    clone = _site_with_a_picture(tmp_path / "two")
    os.utime(tmp_path / "two" / "vaccines" / "flu.png", ns=(1, 1))
    assert findings(Cache(tmp_path / "cache", "findings"), context=clone) == first


def test_a_picture_with_other_bytes_gives_the_page_new_findings(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache", "findings")
    context = _site_with_a_picture(tmp_path / "site")
    picture = tmp_path / "site" / "vaccines" / "flu.png"
    before = findings(cache, LONG + "\n![A nurse gives a flu shot](flu.png)\n", context)
    assert "image-unreadable" in {f.rule for f in before}
    Image.new("RGB", (40, 20), "#0b6e4f").save(picture)
    context = replace(context)  # the next build's: its key is made again
    after = findings(cache, LONG + "\n![A nurse gives a flu shot](flu.png)\n", context)
    assert "image-unreadable" not in {f.rule for f in after}


def test_entries_no_build_used_for_a_week_are_removed_and_used_ones_kept(tmp_path: Path) -> None:
    # Each edit leaves its old entries behind: a cache kept between CI runs would only grow.
    from wellread.core.cache import UNUSED_DAYS, remove_unused

    cache = Cache(tmp_path, "findings")
    findings(cache)
    findings(cache, LONG.replace("Ask your nurse", "Ask your doctor"))
    old, used = sorted((tmp_path / "findings").rglob("*.json"))
    long_ago = time.time() - (UNUSED_DAYS + 1) * 86400
    for entry in (old, used):
        os.utime(entry, (long_ago, long_ago))
    Cache.forget_memory()  # the next build's process reads `used` from the disk
    key = used.stem
    assert Cache(tmp_path, "findings").get(key) is not None
    assert remove_unused(tmp_path / "findings") == 1
    assert not old.exists() and used.exists()
    assert remove_unused(tmp_path / "findings") == 0


def on(day: str) -> CheckContext:
    return CheckContext(today=date.fromisoformat(day))


def test_findings_made_on_one_day_serve_the_next_days_while_no_review_falls_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A CI cache restored the next morning: the day was part of every key, so every page
    # was checked again each day. Due on 2027-10-01: the same findings until then.
    first = findings(Cache(tmp_path, "findings"), context=on("2027-09-25"))
    Cache.forget_memory()
    with monkeypatch.context() as patched:
        refuse_to_check(patched)
        assert findings(Cache(tmp_path, "findings"), context=on("2027-09-26")) == first
        assert findings(Cache(tmp_path, "findings"), context=on("2027-10-01")) == first
    overdue = findings(Cache(tmp_path, "findings"), context=on("2027-10-02"))
    assert "review-overdue" in {f.rule for f in overdue} - {f.rule for f in first}


def test_an_overdue_review_is_checked_again_each_day_it_counts(tmp_path: Path) -> None:
    late = [findings(Cache(tmp_path, "findings"), context=on(day))
            for day in ("2027-10-05", "2027-10-06")]
    messages = [[f.message for f in found if f.rule == "review-overdue"] for found in late]
    assert messages[0] != messages[1] and "4 days ago" in messages[0][0]
    assert "5 days ago" in messages[1][0]


def test_an_entry_is_not_used_before_the_day_it_was_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A machine whose clock is behind: the review was not due yet on its day.
    late = findings(Cache(tmp_path, "findings"), context=on("2027-10-05"))
    early = findings(Cache(tmp_path, "findings"), context=on("2027-09-01"))
    assert "review-overdue" in {f.rule for f in late} - {f.rule for f in early}


def test_only_rules_marked_dated_read_the_day() -> None:
    # The cache keeps findings across days on the word of the rules marked dated: a rule that
    # reads context.today without the mark would show yesterday's findings.
    import inspect

    import wellread.check.translations as translations
    from wellread.check import DATED_RULES, RULES

    reading = {name for name, rule in RULES.items() if "today" in inspect.getsource(rule)}
    assert reading == DATED_RULES == {"review-overdue", "date-range"}
    # A catalog's findings are kept without a day at all.
    assert not DATED_RULES & {*translations.TRANSLATION_RULES, "reading-grade"}


def test_other_settings_give_other_findings(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "findings")
    strict = CheckContext(settings=CheckSettings(sentence_words_warning=5))
    relaxed = findings(cache)
    assert len(findings(cache, context=strict)) > len(relaxed)
    assert findings(cache) == relaxed


@pytest.mark.parametrize("damage", [
    "{not json", '{"version": 0, "key": "%s", "data": []}', "[]",
    '{"version": VERSION, "key": "%s", "data": [{"file": 1}]}',
])
def test_an_unusable_entry_is_ignored_and_written_again(tmp_path: Path, damage: str) -> None:
    cache = Cache(tmp_path, "findings")
    expected = findings(cache)
    entries = list((tmp_path / "findings").rglob("*.json"))
    assert len(entries) == 1
    key = entries[0].stem
    entries[0].write_text(
        damage.replace("%s", key).replace("VERSION", str(CACHE_VERSION)), "utf-8"
    )
    Cache.forget_memory()
    assert findings(Cache(tmp_path, "findings")) == expected
    entry = json.loads(entries[0].read_text("utf-8"))
    assert entry["version"] == CACHE_VERSION and entry["key"] == key


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = Cache(blocked, "findings")
    assert findings(cache) == findings(Cache(None, "findings"))


def test_a_changed_catalog_is_read_again(tmp_path: Path) -> None:
    po = tmp_path / "es.po"
    source = (REPO / "locales" / "es" / "LC_MESSAGES" / "content.po").read_text("utf-8")
    po.write_text(source, "utf-8")
    cache = Cache(tmp_path, "catalogs")
    before = catalog.usable_translations(po, "es", cache)
    message = next(iter(before.published))
    changed = source.replace(
        f'msgstr "{before.published[message]}"', 'msgstr "[texto](https://otra.example)"', 1
    )
    assert changed != source
    po.write_text(changed, "utf-8")
    after = catalog.usable_translations(po, "es", cache)
    assert message not in after.published
    assert [r[1] for r in after.rejected] == [message]
    Cache.forget_memory()
    assert catalog.usable_translations(po, "es", Cache(tmp_path, "catalogs")) == after


def test_a_process_needing_an_entry_another_is_making_waits_and_reads_it(tmp_path: Path) -> None:
    cache = Cache(tmp_path, "catalogs")
    key = cache.key(b"catalog bytes", "es")
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from wellread.core.cache import Cache\n"
        f"cache = Cache(Path({str(tmp_path)!r}), 'catalogs')\n"
        f"with cache.making({key!r}):\n"
        "    print('making', flush=True)\n"
        "    time.sleep(1.5)\n"
        f"    cache.put({key!r}, {{'made': 'elsewhere'}})\n"
    )
    other = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert other.stdout is not None and other.stdout.readline() == "making\n"
    Cache.forget_memory()
    started = time.monotonic()
    with cache.making(key):
        waited = time.monotonic() - started
        entry = cache.get(key)
    other.wait(timeout=30)
    assert waited > 0.5  # it waited for the other process instead of making the entry too
    assert entry == {"made": "elsewhere"}
