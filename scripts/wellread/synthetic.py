"""A synthetic health site of any size, for benchmarks: articles, catalogs and mkdocs.yml.

The articles look like the sample's (front matter, sections, lists, boxes, tables, links) and
differ from each other, so the checker and the renderer do real work. Every other language gets a
pseudo-translation made through the real catalog code: each letter changed, markup, numbers and
units kept, so that every translation passes the integrity check and is published.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from .core.content import load_content
from .i18n import catalog

TOPIC_COUNT = 20
_TOPICS = (
    ("vaccines", "Vaccines", ("flu", "measles", "shingles", "tetanus", "whooping cough")),
    ("heart-health", "Heart health", ("high blood pressure", "heart failure", "stroke",
                                      "high cholesterol", "a fast heartbeat")),
    ("diabetes", "Diabetes", ("type 2 diabetes", "low blood sugar", "foot care",
                              "type 1 diabetes", "diabetes in pregnancy")),
    ("everyday-care", "Everyday care", ("handwashing", "colds", "sore throats", "earaches",
                                        "minor cuts")),
    ("lungs", "Lungs and breathing", ("asthma", "a cough that lasts", "smoking",
                                      "chest infections", "hay fever")),
    ("mental-health", "Mental health", ("low mood", "worry", "sleep problems", "stress",
                                        "grief")),
    ("pregnancy", "Pregnancy", ("morning sickness", "check-ups in pregnancy", "folic acid",
                                "back pain in pregnancy", "feeding your baby")),
    ("children", "Children's health", ("fever in children", "rashes in children",
                                       "teething", "head lice", "bedwetting")),
    ("older-adults", "Older adults", ("falls", "memory changes", "hearing loss",
                                      "staying active", "many medicines")),
    ("food", "Food and drink", ("healthy eating", "salt", "sugar in drinks",
                                "food safety", "eating more fiber")),
    ("skin", "Skin", ("sunburn", "eczema", "acne", "dry skin", "insect bites")),
    ("eyes", "Eyes", ("pink eye", "eye tests", "dry eyes", "eye safety", "reading glasses")),
    ("teeth", "Teeth and mouth", ("tooth decay", "gum disease", "brushing", "mouth ulcers",
                                  "dentures")),
    ("bones", "Bones and joints", ("back pain", "sprains", "weak bones", "knee pain",
                                   "gout")),
    ("stomach", "Stomach and gut", ("heartburn", "constipation", "diarrhea", "food poisoning",
                                    "bloating")),
    ("kidneys", "Kidneys and bladder", ("kidney stones", "bladder infections",
                                        "leaking urine", "kidney checks", "drinking water")),
    ("medicines", "Medicines", ("pain relievers", "antibiotics", "storing medicines",
                                "side effects", "taking medicines on time")),
    ("sexual-health", "Sexual health", ("birth control", "condoms", "testing",
                                        "the HPV vaccine", "safer sex")),
    ("first-aid", "First aid", ("burns", "choking", "nosebleeds", "bee stings", "fainting")),
    ("staying-well", "Staying well", ("walking more", "drinking less alcohol",
                                      "quitting smoking", "a healthy weight", "good sleep")),
)
_ASPECTS = (
    "what to know", "the signs", "what to do at home", "when to get help", "how to prevent it",
    "questions to ask", "a guide for families", "myths and facts", "at work", "on a budget",
    "in hot weather", "for carers",
)
_SENTENCES = (
    "Most people with {thing} get better in {n} to {m} days.",
    "{Thing} is common, and you are not alone.",
    "You can do a lot at home to feel better.",
    "Drink plenty of water through the day.",
    "Rest when you feel tired.",
    "Ask your nurse if you are not sure what to do.",
    "A pharmacist can tell you which medicine is right for you.",
    "Write down your questions before you see your doctor.",
    "Bring a list of the medicines you take.",
    "Tell your doctor if things get worse after {n} days.",
    "Many clinics see people the same day.",
    "Some people need a test to find out more.",
    "The test is quick and it does not hurt.",
    "Your nurse will tell you what the results mean.",
    "It can help to talk to someone you trust.",
    "Keep a note of when the signs start and stop.",
    "Children may need a smaller dose than adults.",
    "Read the label before you take any medicine.",
    "Do not take more than {n} doses in one day.",
    "Wash your hands before you eat and after you use the toilet.",
    "Eat fruit and vegetables every day.",
    "Walk for {k} minutes on most days.",
    "Small changes add up over time.",
    "You do not have to make every change at once.",
    "Pick one thing to try this week.",
    "Ask a friend or family member to help you.",
    "Free help is available in most areas.",
    "Call your clinic to make an appointment.",
    "If you feel very unwell, call 911 right away.",
    "Do not wait to see if it gets better on its own.",
    "Some people feel fine and still need care.",
    "{Thing} can affect people of any age.",
    "It is more likely if someone in your family has it.",
    "Older adults may have different signs.",
    "Babies and young children can get sick quickly.",
    "People who are pregnant should ask their midwife first.",
    "Your doctor may ask you to come back in {n} weeks.",
    "Check-ups help your care team find problems early.",
    "Keep your home warm and dry.",
    "Open a window to let fresh air in.",
    "Stay home from work or school while you feel sick.",
    "Cover your mouth and nose when you cough.",
    "Use a tissue once and throw it away.",
    "Get enough sleep, about {n} hours a night for adults.",
    "Cut down on salt and sugar.",
    "Smoking makes {thing} worse, so ask for help to quit.",
    "Alcohol can make some medicines work less well.",
    "Tell your nurse about any side effects.",
    "Most side effects are mild and go away in a day or two.",
    "Keep medicines out of reach of children.",
    "Store medicines in a cool, dry place.",
    "Bring your vaccine record to every visit.",
    "Ask for an interpreter if you need one; it is free.",
    "You can bring someone with you to the visit.",
    "It is fine to ask your doctor to explain again.",
    "There is no shame in asking for help.",
    "Many people feel better once they have a plan.",
    "Write the plan down and keep it on the fridge.",
    "Set a reminder on your phone to take your medicine.",
    "Take your medicine at the same time each day.",
)
_SIGNS = (
    "a high fever that does not go down", "trouble breathing", "chest pain",
    "a rash that does not fade", "being very sleepy or hard to wake", "not drinking or eating",
    "signs that get worse after {n} days", "pain that keeps you awake", "a bad headache",
    "feeling confused", "being sick many times", "blood in your pee or poo",
)
_HELPS = (
    "drink water often", "rest as much as you can", "take a pain reliever if you need it",
    "keep a note of your signs", "eat small meals", "ask someone to check on you",
    "your clinic's phone number", "a list of your medicines", "your questions",
    "your insurance card, if you have one", "a snack and a drink", "your glasses",
)
_NAMES = (
    "Maria Lopez, RN", "Dr. James Okafor, MD", "Amina Haddad, RN", "Dr. Li Wei, MD",
    "Sofia Rossi, PharmD", "Dr. Kwame Mensah, MD", "Ana Silva, NP", "Dr. Sara Cohen, MD",
)
_SOURCES = (
    ("MedlinePlus health topics", "https://medlineplus.gov/healthtopics.html"),
    ("CDC health topics", "https://www.cdc.gov/health-topics.html"),
    ("NHS health A to Z", "https://www.nhs.uk/conditions/"),
    ("WHO fact sheets", "https://www.who.int/news-room/fact-sheets"),
)
_DIRECTIONS = {"ar": "rtl"}
_ACCENTED = dict(zip("abcdefghijklmnopqrstuvwxyz", "áƀçđéƒğĥíĵķłɱñóþǫŕšţúṽŵẋýž", strict=True))
_ARABIC = dict(zip("abcdefghijklmnopqrstuvwxyz", "ابتثجحخدذرزسشصضطظعغفقكلمنه", strict=True))
# What a pseudo-translation keeps: link targets, code, tags, placeholders, attribute lists,
# addresses, entities, and every number with what follows it (a unit: "2 hours", "500 mg").
_PROTECTED = re.compile(
    r"\]\([^)]*\)|`[^`]*`|<[^>]*>|%\(\w+\)[sd]|\{[^}]*\}|https?://\S+|&\w+;"
    r"|\d+(?:[.,/]\d+)*(?:\s?[^\W\d_]+(?:/[^\W\d_]+)?|\s?%|\s?°[CF])?"
)


@dataclass(frozen=True)
class SyntheticSite:
    """Where a generated site is, and what is in it."""

    root: Path
    articles: int
    words: int  # in the articles' bodies and front matter, as written
    languages: tuple[str, ...]

    @property
    def config(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def baseline_config(self) -> Path:
        """The same pages in plain Material: no wellread plugins, no theme overrides."""
        return self.root / "mkdocs-baseline.yml"


def pseudo_translate(text: str, language: str) -> str:
    """A stand-in translation: every letter changed, markup, numbers and their units kept."""
    letters = _ARABIC if _DIRECTIONS.get(language) == "rtl" else _ACCENTED
    out, last = [], 0
    for match in _PROTECTED.finditer(text):
        out += [_swap(text[last : match.start()], letters), match.group(0)]
        last = match.end()
    out.append(_swap(text[last:], letters))
    return "".join(out)


def _swap(text: str, letters: dict[str, str]) -> str:
    return "".join(
        letters.get(c.lower(), c).upper() if c.isupper() else letters.get(c, c) for c in text
    )


def write_site(
    root: Path, articles: int, repo: Path, languages: tuple[str, ...] = ("en", "es", "ar"),
) -> SyntheticSite:
    """Write a site with `articles` articles in 20 topic folders into `root` (made empty first).

    `repo` is the wellread checkout whose theme and theme catalogs the site uses.
    """
    if root.exists():
        shutil.rmtree(root)
    content = root / "content"
    shutil.copytree(repo / "theme", root / "theme")
    per_topic: dict[int, list[tuple[str, str]]] = {t: [] for t in range(TOPIC_COUNT)}
    for number in range(articles):
        topic = number % TOPIC_COUNT
        per_topic[topic].append(_article_names(number))
    words = 0
    for number in range(articles):
        topic = number % TOPIC_COUNT
        folder = _TOPICS[topic][0]
        slug, _title = _article_names(number)
        siblings = per_topic[topic]
        text = _article(number, siblings)
        words += len(text.split())
        _write(content / folder / f"{slug}.md", text)
    for topic, (folder, name, _things) in enumerate(_TOPICS):
        _write(content / folder / "index.md", _topic_index(name, per_topic[topic]))
    _write(content / "index.md", _home())
    _write(root / "mkdocs.yml", _mkdocs_yml(languages))
    _write(root / "mkdocs-baseline.yml", _baseline_yml())
    _write_catalogs(root, repo, languages)
    return SyntheticSite(root, articles, words, languages)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _article_names(number: int) -> tuple[str, str]:
    topic = number % TOPIC_COUNT
    rank = number // TOPIC_COUNT
    things = _TOPICS[topic][2]
    thing = things[rank % len(things)]
    aspect = _ASPECTS[(rank // len(things)) % len(_ASPECTS)]
    round_ = rank // (len(things) * len(_ASPECTS))
    title = f"{thing[0].upper()}{thing[1:]}: {aspect}"
    if round_:
        title += f" ({round_ + 1})"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug, title


def _fill(template: str, thing: str, rng: random.Random) -> str:
    n = rng.randint(2, 9)
    return template.format(
        thing=thing, Thing=thing[0].upper() + thing[1:], n=n, m=n + rng.randint(1, 5),
        k=rng.choice((10, 15, 20, 30)),
    )


def _paragraph(thing: str, rng: random.Random) -> str:
    return " ".join(_fill(s, thing, rng) for s in rng.sample(_SENTENCES, rng.randint(2, 3)))


def _bullets(items: tuple[str, ...], thing: str, rng: random.Random) -> list[str]:
    return [f"- {_fill(item, thing, rng).capitalize()}"
            for item in rng.sample(items, rng.randint(3, 6))]


def _article(number: int, siblings: list[tuple[str, str]]) -> str:
    rng = random.Random(number)
    topic = number % TOPIC_COUNT
    slug, title = _article_names(number)
    thing = _TOPICS[topic][2][(number // TOPIC_COUNT) % len(_TOPICS[topic][2])]
    reviewed = f"2026-{rng.randint(1, 9):02d}-{rng.randint(10, 28)}"
    summary = [_fill(s, thing, rng) for s in rng.sample(_SENTENCES, 3)]
    source = rng.sample(_SOURCES, 2)
    front = [
        "---",
        f'title: "{title}"',
        f"description: Clear facts about {thing} for you and your family, checked by a nurse.",
        f"share: Read our plain guide to {thing}. It takes {rng.randint(3, 6)} minutes.",
        "summary:", *(f"  - {point}" for point in summary),
        f"tags: [{_TOPICS[topic][0]}, {thing.split()[-1]}]",
        f"reviewed_by: {rng.choice(_NAMES)}",
        f"last_reviewed: {reviewed}",
        f"next_review: {int(reviewed[:4]) + 2}{reviewed[4:]}",
        "sources:",
        *(line for name, url in source for line in (f"  - title: {name}", f"    url: {url}")),
        "---", "",
    ]
    body = [_paragraph(thing, rng), ""]
    headings = ["What it is", "Who is more likely to get it", "What you can do at home",
                "Medicines and tests", "Living with it day to day", "Getting care"]
    for index, heading in enumerate(rng.sample(headings, 5)):
        body += [f"## {heading}", ""]
        body += [line for _ in range(3) for line in (_paragraph(thing, rng), "")]
        if index == 1:
            body += [f"Things that help with {thing}:", "", *_bullets(_HELPS, thing, rng), ""]
        if index == 2 and number % 3 == 0:
            body += [
                '!!! tip "Good to know"',
                f"    {_paragraph(thing, rng)}", "",
            ]
        if index == 3 and number % 5 == 0:
            body += [
                "| When | What to do |", "| --- | --- |",
                *(f"| Day {d} | {_fill(rng.choice(_SENTENCES), thing, rng)} |" for d in (1, 2, 3)),
                "",
            ]
    others = [s for s in siblings if s[0] != slug]
    related = rng.sample(others, min(2, len(others)))
    body += ["## When to get help", "", "Get help right away if you have:", "",
             *_bullets(_SIGNS, thing, rng), ""]
    body += ["## What to do next", "", _paragraph(thing, rng), ""]
    if related:
        body += ["Read more:", ""]
        body += [f"- [{other_title}]({other_slug}.md)" for other_slug, other_title in related]
        body.append("")
    body.append("See all our [articles in this topic](index.md).")
    return "\n".join(front + body) + "\n"


def _topic_index(name: str, articles: list[tuple[str, str]]) -> str:
    lines = [
        "---", f"title: {name}",
        f"description: Articles about {name.lower()}, in plain language.", "---", "",
        f"These articles explain {name.lower()} in plain words.", "",
    ]
    lines += [f"- [{title}]({slug}.md)" for slug, title in articles]
    return "\n".join(lines) + "\n"


def _home() -> str:
    lines = [
        "---", "title: Health information you can use",
        "description: Clear, reviewed health information for patients and families.",
        "---", "", "Clear health information in plain language, checked by nurses and doctors.",
        "",
    ]
    lines += [f"- [{name}]({folder}/index.md)" for folder, name, _ in _TOPICS]
    return "\n".join(lines) + "\n"


_FEATURES = """\
  features:
    - navigation.indexes
    - navigation.prune
    - navigation.footer
    - search.highlight
"""
_EXTENSIONS = """\
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: false
"""


def _mkdocs_yml(languages: tuple[str, ...]) -> str:
    return f"""\
site_name: wellread health
site_description: Clear, checked health information in your language.
site_url: https://health.example.org/
docs_dir: content
site_dir: site
strict: true
theme:
  name: material
  custom_dir: theme
  language: en
  font: false
{_FEATURES}extra_css:
  - assets/wellread.css
{_EXTENSIONS}plugins:
  - wellread/search
  - wellread/check:
      language: en
      reading_grade_max: 8
      require_sources: true
  - wellread/i18n:
      default_language: {languages[0]}
      languages: [{", ".join(languages)}]
      locales_dir: locales
      min_translated: 10
  - wellread/social:
      layout: theme/cards/layout.yml
  - wellread/trust:
      image_max_width: 1600
      feed: true
      content_security_policy: true
  - wellread/reading:
      words_per_minute: 200
      related: 3
"""


def _baseline_yml() -> str:
    return f"""\
site_name: wellread health
site_description: Clear, checked health information in your language.
site_url: https://health.example.org/
docs_dir: content
site_dir: site-baseline
strict: true
theme:
  name: material
  language: en
  font: false
{_FEATURES}{_EXTENSIONS}plugins:
  - search
"""


def _write_catalogs(root: Path, repo: Path, languages: tuple[str, ...]) -> None:
    """content.pot and each language's pseudo-translated content.po, through wellread.i18n.catalog;
    the theme's real catalogs from `repo`."""
    parsed = load_content(root / "content")
    template = catalog.content_template(parsed.articles, "wellread health")
    locales = root / "locales"
    catalog.write_catalog(locales / f"{catalog.CONTENT}.pot", template)
    shutil.copy(repo / "locales" / f"{catalog.THEME}.pot", locales / f"{catalog.THEME}.pot")
    for language in languages[1:]:
        folder = locales / language / "LC_MESSAGES"
        po = catalog.updated_catalog(template, None, language)
        for message in po:
            if message.id and isinstance(message.id, str):
                message.string = pseudo_translate(message.id, language)
        catalog.write_catalog(folder / f"{catalog.CONTENT}.po", po)
        theme = repo / "locales" / language / "LC_MESSAGES" / f"{catalog.THEME}.po"
        if theme.is_file():
            shutil.copy(theme, folder / f"{catalog.THEME}.po")
