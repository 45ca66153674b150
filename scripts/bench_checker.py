"""Checker throughput in words per second on the sample articles (a benchmark, not a test).

Run with `make bench`. Each round checks copies of every sample page, each copy changed by one
word so that no cache (ours or textstat's) hides the work; the median of the rounds is reported.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from wellread.article import parse_article
from wellread.check import CheckContext, check_article
from wellread.check.terms import _words
from wellread.prose import masked_text, sentences

ROUNDS = 5
COPIES = 20  # the sample is small: check it 20 times a round


def main() -> None:
    root = Path(__file__).resolve().parent.parent / "content"
    pages = [(p.relative_to(root).as_posix(), p.read_text("utf-8")) for p in root.rglob("*.md")]
    words = COPIES * sum(len(text.split()) for _, text in pages)
    context = CheckContext()
    timings = []
    for round_ in range(ROUNDS):
        start = time.perf_counter()
        for copy in range(COPIES):
            for page, text in pages:
                # A unique path per round and copy defeats the parse cache.
                name = f"r{round_}c{copy}/{page}"
                changed = f"{text}\nCopy {round_ * COPIES + copy} ends here.\n"
                masked_text.cache_clear()  # identical paragraphs of earlier copies would hit it
                sentences.cache_clear()
                _words.cache_clear()
                check_article(parse_article(changed, f"content/{name}", name), context)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"checker: {words} words in {median:.2f} s (median of {ROUNDS}) = "
          f"{words / median:,.0f} words/s on one core", file=sys.stdout)


if __name__ == "__main__":
    main()
