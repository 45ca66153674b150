"""The posting rhythm of a site's plan (`wellread/social: plan:` in mkdocs.yml): posts per week on
each platform, on which days and at which local times, the time zone, the smallest gap between
two posts of one article, and which observances count."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .captions import PLATFORMS

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

# A small clinic's week: three posts on Facebook and X, two on Instagram (in its portrait format).
DEFAULT_PLATFORMS: dict[str, dict[str, Any]] = {
    "facebook": {"per_week": 3, "days": ["mon", "wed", "fri"], "times": ["09:30"]},
    "instagram": {"per_week": 2, "days": ["tue", "thu"], "times": ["12:00"]},
    "x": {"per_week": 3, "days": ["mon", "wed", "fri"], "times": ["08:00"]},
}

_KEYS = ("time_zone", "min_gap_days", "lead_days", "scope", "observances", "platforms", "campaign")
_PLATFORM_KEYS = ("per_week", "days", "times")


@dataclass(frozen=True)
class PlatformRhythm:
    """When one platform gets posts: the week's (weekday, local time) slots, in posting order."""

    platform: str
    slots: tuple[tuple[int, time], ...]  # weekday (Monday 0) and local time


@dataclass(frozen=True)
class Rhythm:
    """The plan's settings."""

    time_zone: str = "UTC"
    min_gap_days: int = 14  # never the same article twice on a platform within this many days
    lead_days: int = 3  # an observance's post goes out on its day or up to this many days before
    scope: tuple[str, ...] = ("global",)  # which observances count: global, and country codes
    observances: str = ""  # a site's own observances file, relative to mkdocs.yml ('' for ours)
    campaign: str = ""  # utm_campaign of posts tied to no observance ('' for the plan's start)
    platforms: tuple[PlatformRhythm, ...] = ()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


def _whole(value: object, key: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{key}: expected a whole number of at least {minimum} but received: "
                         f"{value!r}")
    return value


def _time(value: object, key: str) -> time:
    try:
        hours, minutes = str(value).split(":")
        at = time(int(hours), int(minutes))
    except ValueError:
        raise ValueError(f"{key}: expected a local time like '09:30' but received: {value!r}"
                         ) from None
    if at.minute % 5:  # Hootsuite's bulk upload takes only times ending in 0 or 5
        raise ValueError(f"{key}: {value!r} must end in 0 or 5 minutes (e.g. '09:30'), as "
                         "Hootsuite's bulk upload asks")
    return at


def _platform(name: str, data: object) -> PlatformRhythm:
    where = f"platforms.{name}"
    if name not in PLATFORMS:
        raise ValueError(f"{where}: unknown platform. Expected one of: {', '.join(PLATFORMS)}")
    if not isinstance(data, Mapping):
        raise ValueError(f"{where}: expected a mapping like {{per_week: 3, days: [mon, wed, fri], "
                         f"times: ['09:30']}}")
    unknown = sorted(set(map(str, data)) - set(_PLATFORM_KEYS))
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r}. Expected one of: "
                         f"{', '.join(_PLATFORM_KEYS)}")
    days = data.get("days") or list(DAYS[:5])
    if not isinstance(days, list) or not all(str(d).lower()[:3] in DAYS for d in days):
        raise ValueError(f"{where}.days: expected days like [mon, wed, fri] but received: {days!r}")
    times = data.get("times") or ["09:00"]
    if not isinstance(times, list):
        raise ValueError(f"{where}.times: expected a list like ['09:30'] but received: {times!r}")
    clock = [_time(t, f"{where}.times") for t in times]
    weekdays = sorted({DAYS.index(str(d).lower()[:3]) for d in days})
    per_week = _whole(data.get("per_week", len(weekdays)), f"{where}.per_week", 0)
    if per_week > len(weekdays) * len(clock):
        raise ValueError(f"{where}.per_week: {per_week} posts need more slots than its "
                         f"{len(weekdays)} days times {len(clock)} times; add days or times")
    order = [(day, at) for at in clock for day in weekdays][:per_week]
    return PlatformRhythm(name, tuple(sorted(order)))


def rhythm_from(options: Mapping[str, Any] | None) -> Rhythm:
    """The rhythm from mkdocs.yml's `plan:` mapping (None or empty: the defaults).
    ValueError says which key is wrong and what was expected."""
    options = options or {}
    unknown = sorted(set(map(str, options)) - set(_KEYS))
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r}. Expected one of: {', '.join(_KEYS)}")
    zone = str(options.get("time_zone", "UTC"))
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"time_zone: {zone!r} is not a time zone. Expected a name like "
                         "'America/New_York' or 'Europe/London'") from None
    platforms = options.get("platforms") or DEFAULT_PLATFORMS
    if not isinstance(platforms, Mapping):
        raise ValueError("platforms: expected a mapping of platform names to their rhythm")
    scope = options.get("scope", ["global"])
    if isinstance(scope, str):
        scope = [scope]
    return Rhythm(
        time_zone=zone,
        min_gap_days=_whole(options.get("min_gap_days", 14), "min_gap_days", 0),
        lead_days=_whole(options.get("lead_days", 3), "lead_days", 0),
        scope=tuple(str(s).lower() for s in scope),
        observances=str(options.get("observances") or ""),
        campaign=str(options.get("campaign") or ""),
        platforms=tuple(_platform(str(k), v) for k, v in platforms.items()),
    )
