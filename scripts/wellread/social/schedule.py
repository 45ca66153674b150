"""The posting plan from plain facts: which article goes out on which day, at which time and on
which platform (`plan_posts`). Alert posts first; then each observance's articles on its day or
just before; then the rhythm's other slots, new and corrected articles first, never one article
twice on a platform within the rhythm's gap."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from .observances import Occurrence, lead_window
from .rhythm import Rhythm

# An article changed this many days before the plan starts (or later) counts as new or corrected.
FRESH_DAYS = 60


@dataclass(frozen=True)
class PlanArticle:
    """What the plan knows of an article: its file, what it is about, when it last changed."""

    src: str  # its file in the content folder, e.g. 'heart-health/heart-attack-signs.md'
    keys: tuple[str, ...]  # its tags, topic folder and file name, to match observances
    changed: date | None = None  # the latest of its review and correction dates
    campaign: str = ""  # front matter `campaign`, its posts' utm_campaign

    @classmethod
    def from_meta(cls, src: str, meta: Mapping[str, Any]) -> PlanArticle:
        """From an article's file and front matter."""
        tags = [str(t) for t in meta.get("tags") or [] if isinstance(t, str | int)]
        parts = src.removesuffix(".md").split("/")
        dates = [_as_date(meta.get("last_reviewed")), _as_date(meta.get("date"))]
        dates += [_as_date(c.get("date")) for c in meta.get("corrections") or []
                  if isinstance(c, Mapping)]
        known = [d for d in dates if d is not None]
        return cls(src, (*tags, *parts), max(known) if known else None,
                   str(meta.get("campaign") or ""))


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Post:
    """One post of the plan. `src` is '' for an alert post."""

    when: datetime  # aware, in the rhythm's time zone
    platform: str
    src: str
    reason: str  # 'alert', 'observance', 'new or corrected' or 'rotation'
    campaign: str
    observance: str = ""


def _slots(rhythm: Rhythm, start: date, days: int) -> list[tuple[datetime, str]]:
    """Every (local time, platform) the rhythm posts at in the plan's days, in time order."""
    found = []
    order = {p.platform: n for n, p in enumerate(rhythm.platforms)}
    for offset in range(days):
        day = start + timedelta(days=offset)
        for platform in rhythm.platforms:
            for weekday, at in platform.slots:
                if weekday == day.weekday():
                    found.append((datetime.combine(day, at, rhythm.zone), platform.platform))
    return sorted(found, key=lambda slot: (slot[0], order[slot[1]]))


class _Placed:
    """The posts placed so far, and when each article went out on each platform."""

    def __init__(self, gap: int) -> None:
        self.posts: list[Post] = []
        self.days: dict[tuple[str, str], list[date]] = {}
        self.gap = gap

    def add(self, post: Post) -> None:
        self.posts.append(post)
        if post.src:
            self.days.setdefault((post.src, post.platform), []).append(post.when.date())

    def clear(self, src: str, platform: str, day: date) -> bool:
        """Whether `src` is not on `platform` within the gap of `day` (before or after)."""
        return all(abs((day - other).days) >= self.gap
                   for other in self.days.get((src, platform), ()))

    def last(self, src: str, platform: str) -> date:
        return max(self.days.get((src, platform), ()), default=date.min)


def _freshness(article: PlanArticle) -> int:
    """Sorts newest first (articles without dates last)."""
    return -(article.changed or date.min).toordinal()


def plan_posts(
    articles: Sequence[PlanArticle],
    observed: Sequence[Occurrence],
    rhythm: Rhythm,
    start: date,
    weeks: int,
    alert: bool = False,
) -> list[Post]:
    """The plan's posts over `weeks` weeks from `start`, in time order (see the module's doc)."""
    end = start + timedelta(days=7 * weeks - 1)
    default_campaign = rhythm.campaign or f"plan-{start.isoformat()}"
    free = _slots(rhythm, start, 7 * weeks)
    placed = _Placed(rhythm.min_gap_days)
    if alert:
        for platform in rhythm.platforms:
            first = next((slot for slot in free if slot[1] == platform.platform), None)
            if first is not None:
                free.remove(first)
                placed.add(Post(first[0], platform.platform, "", "alert", "alert"))
    for occurrence in observed:
        _place_observance(occurrence, articles, rhythm, start, end, free, placed)
    fresh_from = start - timedelta(days=FRESH_DAYS)
    for when, platform in free:
        ready = [a for a in articles if placed.clear(a.src, platform, when.date())]
        if not ready:
            continue  # every article went out too recently: the slot stays empty
        chosen = min(ready, key=lambda a: (placed.last(a.src, platform), _freshness(a), a.src))
        fresh = chosen.changed is not None and chosen.changed >= fresh_from
        placed.add(Post(when, platform, chosen.src, "new or corrected" if fresh else "rotation",
                        chosen.campaign or default_campaign))
    order = {p.platform: n for n, p in enumerate(rhythm.platforms)}
    return sorted(placed.posts, key=lambda p: (p.when, order[p.platform], p.src))


def _place_observance(
    occurrence: Occurrence, articles: Sequence[PlanArticle], rhythm: Rhythm, start: date,
    end: date, free: list[tuple[datetime, str]], placed: _Placed,
) -> None:
    """Each platform's post for an observance: the latest free slot from `lead_days` before it
    to its day, or a post of its own on the day when the rhythm has none then."""
    observance = occurrence.observance
    suited = [a for a in articles if observance.suits(a.keys)]
    first, last = lead_window(occurrence.day, rhythm.lead_days)
    first, last = max(first, start), min(last, end)
    if not suited or first > last:
        return
    for platform in rhythm.platforms:
        window = [slot for slot in free if slot[1] == platform.platform
                  and first <= slot[0].date() <= last]
        if window:
            when = window[-1][0]
            free.remove(window[-1])
        else:
            at = min((at for _, at in platform.slots), default=None)
            if at is None:
                continue
            when = datetime.combine(last, at, rhythm.zone)
        chosen = min(suited, key=lambda a: (not placed.clear(a.src, platform.platform, when.date()),
                                            placed.last(a.src, platform.platform),
                                            _freshness(a), a.src))
        placed.add(Post(when, platform.platform, chosen.src, "observance",
                        chosen.campaign or observance.slug, observance.name))
