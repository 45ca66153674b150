"""The real-text set's English articles from VA.gov (round 15 held out;
scripts/realtext_build.py).

github.com/department-of-veterans-affairs/vagov-content is the source VA.gov's pages were
published from until the Department of Veterans Affairs moved them into its content system in
2019: Markdown files with YAML front matter and HTML inside, one a page. Written by VA's staff
for Veterans and their families, it is a U.S. government work (17 U.S.C. § 105: public domain).
It is a genre no earlier round had: benefits and health care for one group of the public, written
to VA's plain-language content style (second person, "we" for VA, short sections).

Round 15 takes the repository as of VAGOV_COMMIT (2019-03-20, the last commit before the pages
began to leave it: 383 pages) and, of its folders, `pages/health-care/` and `pages/disability/`:
the health-care pages and the disability-compensation pages, which are about conditions (PTSD,
Agent Orange, hearing loss, ...) and their claims. Each page whose text has VAGOV_MIN_WORDS (100)
words or more once converted, in path order. Its text is converted as HealthCare.gov's pages are
(`realtext_healthcare.page_blocks`: front matter, Liquid and HTML to this set's Markdown); the
front matter's `relatedlinks`, `description` and the layout's parts are not the page's text and
are not read. A block (a paragraph, heading, list or list item) that an earlier page of the
round already had word for word is left out: VA's pages repeat the Veterans Crisis Line box and
sign-in prompts, and one text judged once is enough (the same rule as MedQuAD's repeated answers).
A page's `source:` is its address on www.va.gov (its path less `pages/` and `.md`, `index.md`
its folder); the pages have moved since, the text is the 2019 copy's.
"""

from __future__ import annotations

import subprocess

from realtext_healthcare import page_blocks, prose_words
from realtext_sources import Files, Source, article, slug, squash

VAGOV_ROUND = 15
VAGOV_REPOSITORY = "github.com/department-of-veterans-affairs/vagov-content"
VAGOV_COMMIT = "a2c905e0213997f1d0a4bba742010274d9ffc776"  # 2019-03-20
VAGOV_FOLDERS = ("pages/health-care", "pages/disability")
VAGOV_MIN_WORDS = 100
VAGOV_SITE = "https://www.va.gov"


def page_paths(vagov: Source) -> list[str]:
    """The Markdown files under VAGOV_FOLDERS as of VAGOV_COMMIT, in path order."""
    try:
        paths = [p for folder in VAGOV_FOLDERS for p in vagov.paths_under(folder, VAGOV_COMMIT)]
    except subprocess.CalledProcessError:
        raise SystemExit(f"{vagov.where}: no commit {VAGOV_COMMIT} (a fetched "
                         f"{VAGOV_REPOSITORY} with its history is wanted)") from None
    return sorted(p for p in paths if p.endswith(".md"))


def page_address(path: str) -> str:
    """`pages/health-care/eligibility.md` -> https://www.va.gov/health-care/eligibility/."""
    page = path.removeprefix("pages/").removesuffix(".md").removesuffix("index").rstrip("/")
    return f"{VAGOV_SITE}/{page}/"


def vagov_articles(vagov: Source) -> Files:
    """Round 15's pages (the module docstring), named "va-" and the title's slug; two pages of
    one name stop the build."""
    names: set[str] = set()
    seen: set[str] = set()
    for path in page_paths(vagov):
        data = vagov.read(path, VAGOV_COMMIT)
        if data is None:
            continue
        fields, blocks = page_blocks(data.decode("utf-8"))
        blocks = [block for block in blocks if squash(block) not in seen]
        title = squash(str(fields.get("title") or ""))
        if not title or prose_words(blocks) < VAGOV_MIN_WORDS:
            continue
        seen.update(squash(block) for block in blocks)
        file_name = f"va-{slug(title)}.md"
        if file_name in names:
            raise SystemExit(f"{path}: a second page named {file_name}")
        names.add(file_name)
        source = (f"{page_address(path)} (VA.gov, U.S. Department of Veterans Affairs, public "
                  f"domain; the text as collected in {VAGOV_REPOSITORY}, {path}, as of "
                  f"{VAGOV_COMMIT[:12]}, 2019-03-20; the page has moved since)")
        yield file_name, article(title, source, blocks)
