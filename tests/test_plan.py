"""The posting plan: the sample's articles on their observances, the rhythm's rules, the alert
first, the settings' and observances file's errors, and the calendar and scheduler files."""

from __future__ import annotations

import csv
import io
import itertools
import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from wellread.core.content import load_content
from wellread.core.settings import SocialOptions, load_site_config
from wellread.publish.commsplan import CommsPlan, PlannedPost
from wellread.publish.planfiles import buffer_csv, hootsuite_csv, ics_calendar
from wellread.social.observances import load_observances, occurrences
from wellread.social.rhythm import rhythm_from
from wellread.social.schedule import PlanArticle, Post, plan_posts
from wellread.social.share import SharedCard, share_entry

from .conftest import REPO, copy_sample, run_wellread

START = date(2027, 9, 1)
WEEKS = 13


def sample_plan(alert: bool = True) -> list[Post]:
    """The sample site's plan from 2027-09-01 over 13 weeks, with its own rhythm."""
    site = load_site_config(REPO / "mkdocs.yml")
    rhythm = rhythm_from(site.options(SocialOptions, "wellread/social").plan)
    content = load_content(REPO / "content")
    articles = [PlanArticle.from_meta(a.page, a.meta) for a in content.articles
                if a.kind == "article"]
    end = START + timedelta(days=7 * WEEKS - 1 + rhythm.lead_days)
    observed = occurrences(load_observances(), START, end, rhythm.scope)
    return plan_posts(articles, observed, rhythm, START, WEEKS, alert=alert)


@pytest.mark.parametrize(("observance", "day", "folder"), [
    ("World Heart Day", date(2027, 9, 29), "heart-health/"),
    ("Global Handwashing Day", date(2027, 10, 15), "everyday-care/handwashing"),
    ("World Diabetes Day", date(2027, 11, 14), "diabetes/"),
])
def test_the_samples_articles_go_out_within_three_days_before_their_observance(
    observance: str, day: date, folder: str
) -> None:
    posts = [p for p in sample_plan() if p.observance == observance]
    assert {p.platform for p in posts} == {"facebook", "instagram", "x"}  # every platform
    for post in posts:
        assert post.src.startswith(folder), post
        assert day - timedelta(days=3) <= post.when.date() <= day, post
        assert post.campaign  # tagged for the observance (or the article's own campaign)


def test_the_rhythm_is_kept_and_no_article_twice_on_a_platform_within_the_gap() -> None:
    posts = sample_plan()
    zone = ZoneInfo("America/New_York")
    rhythm = {"facebook": ({0, 2, 4}, "09:30"), "instagram": ({1, 3}, "12:00"),
              "x": ({0, 2, 4}, "08:00")}
    for post in posts:
        assert post.when.tzinfo == zone
        assert START <= post.when.date() < START + timedelta(weeks=WEEKS)
        days, at = rhythm[post.platform]
        if not post.observance:  # an observance may add a post of its own on its day
            assert post.when.weekday() in days and post.when.strftime("%H:%M") == at
    for platform in rhythm:
        mine = [p for p in posts if p.platform == platform and p.src]
        for first, second in itertools.pairwise(mine):
            assert first.when <= second.when
        for article in {p.src for p in mine}:
            days = [p.when.date() for p in mine if p.src == article]
            gaps = [(b - a).days for a, b in itertools.pairwise(days)]
            assert all(gap >= 14 for gap in gaps), (platform, article, days)
        weeks = [sum(1 for p in mine if (p.when.date() - START).days // 7 == n)
                 for n in range(1, WEEKS)]
        assert min(weeks) >= 1  # the rhythm is kept every week


def test_alert_posts_come_first_on_every_platform() -> None:
    posts = sample_plan(alert=True)
    for platform in ("facebook", "instagram", "x"):
        first = next(p for p in posts if p.platform == platform)
        assert first.reason == "alert" and first.src == ""
    assert not any(p.reason == "alert" for p in sample_plan(alert=False))


def test_a_months_and_a_weeks_articles_go_out_as_they_begin() -> None:
    articles = [PlanArticle("diabetes/a.md", ("diabetes",)),
                PlanArticle("diabetes/b.md", ("diabetes",)),
                PlanArticle("flu/shot.md", ("flu-vaccine",))]
    rhythm = rhythm_from({"scope": ["global", "us"], "platforms": {
        "x": {"per_week": 2, "days": ["tue", "thu"], "times": ["10:00"]}}})
    start = date(2027, 10, 25)
    observed = occurrences(load_observances(), start, start + timedelta(weeks=6), rhythm.scope)
    posts = plan_posts(articles, observed, rhythm, start, 6)
    month = next(p for p in posts if p.observance == "National Diabetes Month")
    assert date(2027, 10, 29) <= month.when.date() <= date(2027, 11, 1)
    day = next(p for p in posts if p.observance == "World Diabetes Day")
    assert day.src != month.src  # the other diabetes article, 13 days later
    week = next(p for p in posts if p.observance == "National Influenza Vaccination Week")
    assert week.src == "flu/shot.md" and date(2027, 11, 28) <= week.when.date() <= date(2027, 12, 1)


def test_new_and_corrected_articles_go_first() -> None:
    articles = [PlanArticle("a/old.md", ("a",), date(2026, 1, 1)),
                PlanArticle("a/corrected.md", ("a",), date(2027, 8, 20)),
                PlanArticle("a/new.md", ("a",), date(2027, 8, 30))]
    rhythm = rhythm_from({"platforms": {"x": {"per_week": 3, "days": ["mon", "wed", "fri"],
                                              "times": ["09:00"]}}})
    posts = plan_posts(articles, [], rhythm, START, 2)
    assert [p.src for p in posts[:3]] == ["a/new.md", "a/corrected.md", "a/old.md"]
    assert [p.reason for p in posts[:3]] == ["new or corrected", "new or corrected", "rotation"]


@pytest.mark.parametrize(("options", "message"), [
    ({"platforms": {"myspace": {}}}, "platforms.myspace: unknown platform"),
    ({"platforms": {"x": {"per_week": 9, "days": ["mon"], "times": ["09:00"]}}},
     "9 posts need more slots"),
    ({"platforms": {"x": {"days": ["someday"]}}}, "days like [mon, wed, fri]"),
    ({"platforms": {"x": {"times": ["9 am"]}}}, "a local time like '09:30'"),
    ({"platforms": {"x": {"times": ["09:32"]}}}, "must end in 0 or 5 minutes"),
    ({"time_zone": "Mars/Olympus"}, "'Mars/Olympus' is not a time zone"),
    ({"min_gap": 3}, "unknown key 'min_gap'"),
])
def test_a_wrong_rhythm_says_what_to_write(options: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("(", r"\(")):
        rhythm_from(options)


def test_a_wrong_observance_names_its_entry(tmp_path: Path) -> None:
    path = tmp_path / "days.yml"
    path.write_text('- {name: Heart day, date: "02-30", topics: [heart]}\n', "utf-8")
    with pytest.raises(ValueError, match=r"entry 1 \(Heart day\): month 2 has no day 30"):
        load_observances(path)
    shipped = load_observances()
    assert len([o for o in shipped if o.scope == "global"]) >= 20
    assert all(o.source for o in shipped)


def planned(posts: list[Post]) -> list[PlannedPost]:
    return [PlannedPost(p, "en", "Flu, shots; and you", f"Caption for {p.platform}\n\nhttps://e.org/",
                        "https://e.org/flu/", "https://e.org/flu.png", None, "Alt")
            for p in posts]


def test_the_calendar_parses_with_one_event_per_post() -> None:
    posts = planned(sample_plan())
    plan = CommsPlan(START, WEEKS, rhythm_from({"time_zone": "America/New_York"}), ("en",),
                     {"en": posts})
    text = ics_calendar(posts, plan, "en")
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(text)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(posts)
    for event, post in zip(events, posts, strict=True):
        assert event.decoded("DTSTART") == post.post.when.astimezone(ZoneInfo("UTC"))
        assert str(event.get("SUMMARY")).endswith("Flu, shots; and you")
        assert str(event.get("DESCRIPTION")).startswith(post.caption)
    assert len({str(e.get("UID")) for e in events}) == len(events)
    assert ics_calendar(posts, plan, "en") == text  # the same plan, the same bytes


def test_buffer_and_hootsuite_files_have_every_date_and_time() -> None:
    posts = [p for p in planned(sample_plan()) if p.post.platform == "x"]
    rows = list(csv.DictReader(io.StringIO(buffer_csv(posts), newline="")))
    assert list(rows[0]) == ["Text", "Image URL", "Tags", "Posting Time"]
    assert len(rows) == len(posts)
    for row, post in zip(rows, posts, strict=True):
        assert datetime.strptime(row["Posting Time"], "%Y-%m-%d %H:%M").replace(
            tzinfo=post.post.when.tzinfo) == post.post.when
        assert row["Text"] == post.caption and row["Image URL"] == post.image_url
    hoot = list(csv.reader(io.StringIO(hootsuite_csv(posts), newline="")))
    assert len(hoot) == len(posts)
    for row in hoot:
        when = datetime.strptime(row[0], "%d/%m/%Y %H:%M")
        assert when.minute % 5 == 0  # Hootsuite's rule
        assert row[1].startswith("Caption for x")


def test_plan_command_writes_the_pack_from_the_share_files(tmp_path: Path) -> None:
    """`wellread plan` on the sample, its share files made as the build makes them."""
    project = copy_sample(tmp_path)
    cards = [SharedCard(kind, f"https://health.example.org/assets/cards/x-{kind}.png", 1, 1)
             for kind in ("landscape", "square", "portrait", "story")]
    content = load_content(project / "content")
    for lang in ("en", "es", "ar"):
        entries = [share_entry(f"https://health.example.org/{a.page[:-3]}/",
                               str(a.meta["title"]), str(a.meta.get("share") or "Read it."),
                               [str(t) for t in a.meta.get("tags") or []], cards, "Alt text",
                               link_note="Link in bio.", src=a.page)
                   for a in content.articles if a.kind == "article"]
        folder = project / "site" / "share"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{lang}.json").write_text(json.dumps({"language": lang, "pages": entries}))
    result = run_wellread(project, "plan", "--start", "2027-09-01", "--weeks", "13",
                          "--out", "plan")
    assert result.returncode == 0, result.stderr
    out = project / "plan"
    for lang in ("en", "es", "ar"):
        events = list(icalendar.Calendar.from_ical((out / lang / "calendar.ics").read_bytes())
                      .walk("VEVENT"))
        assert len(events) > 39  # 8 posts a week for 13 weeks, less the gaps, plus observances
        assert (out / lang / "buffer-instagram.csv").is_file()
        assert (out / lang / "hootsuite-facebook.csv").is_file()
        for kind in ("landscape", "square", "portrait", "story"):
            assert (out / "cards" / f"alert-{lang}-{kind}.png").is_file()
    page = (out / "index.html").read_text("utf-8")
    assert "World Heart Day" in page and 'dir="rtl"' in page
    assert "http" not in page.split("<body>")[0]  # nothing loaded from elsewhere
    first = next(iter(csv.DictReader((out / "en" / "buffer-x.csv").open(encoding="utf-8"))))
    assert first["Posting Time"] == "2027-09-01 08:00"
    assert first["Text"].startswith("Flu cases are rising")  # the alert first


def test_plan_command_without_a_built_site_says_to_build_it(tmp_path: Path) -> None:
    project = copy_sample(tmp_path)
    result = run_wellread(project, "plan", "--start", "2027-09-01", "--out", "plan")
    assert result.returncode == 1
    assert "site/share/en.json is missing" in result.stderr and "make site" in result.stderr
