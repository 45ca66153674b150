"""Health observances (World Heart Day, National Diabetes Month, ...) read from an editable data
file, and the days they fall on between two dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

_KEYS = ("name", "date", "month", "week", "topics", "scope", "source")


@dataclass(frozen=True)
class Observance:
    """A yearly health day, week or month, and the topics it suits."""

    name: str
    month: int
    day: int  # its first day (1 for a month)
    days: int  # how long it lasts (1 for a day)
    topics: tuple[str, ...]
    scope: str = "global"
    source: str = ""

    @property
    def slug(self) -> str:
        """The observance as a campaign tag: 'World Heart Day' -> 'world-heart-day'."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    def suits(self, keys: Iterable[str]) -> bool:
        """Whether an article with these tags, topic folder and file name suits it."""
        wanted = {_key(t) for t in self.topics}
        return any(_key(k) in wanted for k in keys)


def _key(text: str) -> str:
    return re.sub(r"[\s_]+", "-", str(text).strip().lower())


@dataclass(frozen=True)
class Occurrence:
    """An observance in one year: its first day."""

    day: date
    observance: Observance


def _two_digits(value: object, where: str, what: str) -> int:
    text = str(value)
    if not re.fullmatch(r"\d{1,2}", text):
        raise ValueError(f"{where}: expected {what} as two digits (quoted, e.g. \"09\") but "
                         f"received: {value!r}")
    return int(text)


def _observance(data: Any, where: str) -> Observance:
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping with name, date (or month or week) and "
                         "topics")
    unknown = sorted(set(map(str, data)) - set(_KEYS))
    if unknown:
        raise ValueError(f"{where}: unknown key {unknown[0]!r}. Expected one of: "
                         f"{', '.join(_KEYS)}")
    name = str(data.get("name") or "").strip()
    if not name:
        raise ValueError(f"{where}: give it a name")
    where = f"{where} ({name})"
    topics = data.get("topics")
    if not isinstance(topics, list) or not topics:
        raise ValueError(f"{where}: topics must be a list of tags, e.g. [heart, heart-health]")
    if "date" in data:
        parts = str(data["date"]).split("-")
        if len(parts) != 2:
            raise ValueError(f"{where}: date must be MM-DD (quoted), e.g. \"09-29\"")
        month, day, days = (_two_digits(parts[0], where, "the month"),
                            _two_digits(parts[1], where, "the day"), 1)
    elif "month" in data:
        month, day, days = _two_digits(data["month"], where, "the month"), 1, 28
    elif isinstance(data.get("week"), dict):
        week = data["week"]
        month = _two_digits(week.get("month"), where, "week.month")
        day = _two_digits(week.get("start"), where, "week.start")
        days = int(week.get("days", 7))
    else:
        raise ValueError(f"{where}: give a date (MM-DD), a month (MM) or a week")
    try:
        date(2028, month, day)  # a leap year: 29 February is a day
    except ValueError:
        raise ValueError(f"{where}: month {month} has no day {day}") from None
    return Observance(name, month, day, days, tuple(str(t) for t in topics),
                      str(data.get("scope", "global")).lower(), str(data.get("source", "")))


def load_observances(path: Path | None = None) -> list[Observance]:
    """The observances of `path` (None: wellread's own data/observances.yml).
    ValueError names the file, the entry and what is wrong."""
    if path is None:
        text = resources.files("wellread").joinpath("data/observances.yml").read_text("utf-8")
        name = "data/observances.yml"
    else:
        try:
            text = path.read_text("utf-8")
        except OSError as error:
            raise ValueError(f"{path}: cannot be read: {error.strerror}") from None
        name = str(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"{name}: not valid YAML: {error}") from None
    if not isinstance(data, list):
        raise ValueError(f"{name}: expected a list of observances")
    return [_observance(item, f"{name}: entry {number}")
            for number, item in enumerate(data, start=1)]


def occurrences(
    observances: Sequence[Observance], start: date, end: date, scope: Sequence[str]
) -> list[Occurrence]:
    """The observances of `scope` whose first day falls from `start` to `end`, by date."""
    found = []
    for year in range(start.year, end.year + 1):
        for observance in observances:
            if observance.scope not in scope:
                continue
            try:
                day = date(year, observance.month, observance.day)
            except ValueError:  # 29 February outside a leap year: the 28th
                day = date(year, observance.month, observance.day - 1)
            if start <= day <= end:
                found.append(Occurrence(day, observance))
    return sorted(found, key=lambda o: (o.day, o.observance.name))


def lead_window(day: date, lead_days: int) -> tuple[date, date]:
    """The days an observance's post may go out: from `lead_days` before it to the day."""
    return day - timedelta(days=lead_days), day
