"""The live preview's speed (`wellread serve`), for `make bench`: from saving an article to its
page written again, on a synthetic site.

`measure(site_dir, languages)` builds the preview of the site in `site_dir` (a folder that
wellread.synthetic.write_site made) in its first `languages` languages, then saves an article
with one more sentence a few times, and once with a new title. Each time is from the save to the
page written, the change found the way the server finds it (every watched file's time and size)
and the translations page left for later as the server leaves it, without the file watcher's
own delay (inotify: a few milliseconds; the server then waits 0.1 s
for more saves).

    python scripts/bench_preview.py [ARTICLES] [LANGUAGES]   # default 250 3
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from wellread.adapters.mkdocs.preview import Preview  # noqa: E402
from wellread.adapters.mkdocs.preview_server import differences, snapshot  # noqa: E402
from wellread.synthetic import write_site  # noqa: E402

EDITS = 5


def measure(site_dir: Path, languages: int) -> dict:
    """Seconds to build the preview, and milliseconds from a save to the page written again."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1790000000")
    preview = Preview(site_dir / "mkdocs.yml")
    codes = preview.order()[:languages]
    places = [preview.content, preview.locales, preview.config_file,
              *([preview.theme_dir] if preview.theme_dir else [])]
    first = {}
    for code in codes:
        first[code] = round(preview.build(code).seconds, 2)
    article = sorted((preview.content / "vaccines").glob("*-*.md"))[0]
    page = preview.site_dir / "vaccines" / article.stem / "index.html"
    seen = snapshot(places)

    def save(text: str) -> tuple[float, float, bool]:
        nonlocal seen
        start = time.perf_counter()
        article.write_text(text, "utf-8")
        new = snapshot(places)
        changed, added, removed = differences(seen, new)
        seen = new
        plan = preview.plan(changed, added, removed)
        done = preview.apply(plan, codes[:1], later=True)  # as the server: the page first
        written = time.perf_counter() - start
        preview.apply(plan, codes[1:], later=True)
        preview.catch_up(codes)  # the translations pages
        assert page.stat().st_mtime_ns >= time.time_ns() - 60 * 10**9
        return written, time.perf_counter() - start, done[0].full

    edits, everywhere = [], []
    text = article.read_text("utf-8")
    for number in range(EDITS):
        text += f"\nAsk your nurse about this. Edit number {number + 1}.\n"
        written, total, full = save(text)
        assert not full, "an edit to an article's text built the whole language"
        edits.append(written)
        everywhere.append(total)
    title = text.replace("\ntitle: \"", "\ntitle: \"New ", 1)
    title_written, title_total, _ = save(title)
    article.write_text(text, "utf-8")
    return {
        "articles": sum(1 for _ in preview.content.rglob("*.md")),
        "languages": codes,
        "first_build_s": first,
        "edit_ms": round(1000 * statistics.median(edits)),
        "edit_first_ms": round(1000 * edits[0]),
        "edit_every_language_ms": round(1000 * statistics.median(everywhere)),
        "title_ms": round(1000 * title_written),
        "title_every_language_ms": round(1000 * title_total),
    }


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory(prefix="wellread-preview-") as folder:
        site = write_site(Path(folder) / "site", size, REPO)
        print(json.dumps(measure(site.root, count), indent=2))
