"""Numbers and units as each language writes them: a translation must keep every number's value
and every dose's unit, however its language writes them.

"5,7 %" keeps "5.7%", "0,5 mililitros" and the Arabic "0.5 مل" in Arabic-Indic digits keep
"0.5 mL", "38 ºC" keeps "38 °C"; "5000 mg" does not keep "500 mg", nor "57 %" "5.7%". The
units and each language's names for them are data: wellread's `data/units.yml`, plus a site's
own `<locales_dir>/units.yml`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..core.errors import CatalogError
from ..core.languagecode import base_language

SITE_UNITS = "units.yml"  # in the site's locales folder, beside the catalogs
ANY_LANGUAGE = "*"  # a name every language may use ("mm Hg" for "mmHg")

# A number with its decimal or thousands separators, Latin or Arabic: "1,000", "38.5", "10 000".
NUMBER = re.compile(r"\d+(?:(?:[.,\u066b\u066c]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d+)*")
_SEPARATOR = re.compile(r"[.,\u066b\u066c \u00a0\u202f]")
# What translators type for the degree sign: the ordinal sign "º" (Spanish keyboards), the ring
# "˚", or "°" apart from its letter ("38 ° C"). Each is read as "°" before C or F.
_DEGREE = re.compile(r"[°º˚]\s?(?=[CFcf](?!\w))")
_MICRO = str.maketrans({"\u03bc": "\u00b5"})  # Greek mu, typed for the micro sign of "µg"

Names = Mapping[str, Mapping[str, tuple[str, ...]]]  # unit -> language (or "*") -> its names


@dataclass(frozen=True)
class Units:
    """The units doses and measures are written with, and each language's names for them."""

    names: Names

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """'number unit' in a source text: the longest unit first ("mg/dL" before "mg")."""
        units = sorted(self.names, key=len, reverse=True)
        alternation = "|".join(re.escape(unit) for unit in units)
        return re.compile(rf"({NUMBER.pattern})\s?({alternation})(?!\w)", re.IGNORECASE)

    def unit_of(self, written: str) -> str:
        """The unit as listed, for a unit found in any letter case."""
        # Case-blind matching also pairs 'İU' with 'IU', but 'İ'.lower() is two characters.
        return next(
            (unit for unit in self.names if unit.lower() == written.lower()), None
        ) or next(
            (u for u in self.names if re.fullmatch(re.escape(u), written, re.IGNORECASE)), written
        )

    def names_in(self, unit: str, language: str) -> tuple[str, ...]:
        """The unit itself, then what `language` (and every language) may write for it."""
        listed = self.names.get(unit, {})
        return (unit, *listed.get(base_language(language), ()), *listed.get(ANY_LANGUAGE, ()))


def number_value(token: str) -> str:
    """A number written the same way whatever the language: '1,000' and '1.000' → '1000';
    '5,7' and '5.7' → '5.7'. A separator before exactly three digits groups thousands; any
    other separator is the decimal point, so '1.5' and '15' stay different."""
    groups = _SEPARATOR.split(token)
    if len(groups) > 1 and all(len(group) == 3 for group in groups[1:]):
        return "".join(groups)
    return "".join(groups[:-1]) + "." + groups[-1] if len(groups) > 1 else token


def numbers(text: str) -> Counter[str]:
    """Every number's value: a dose, a temperature or a phone number must survive whole.

    Digits of every script (Arabic-Indic, Persian, Devanagari…) count as the digits they are.
    """
    return Counter(number_value(n) for n in NUMBER.findall(ascii_digits(text)))


def number_problem(source: str, translation: str) -> str:
    """How the translation's numbers differ from the source's, or '' when they do not: each
    number as the source and the translation write it."""
    ours, theirs = _written(source), _written(translation)
    if {v: len(w) for v, w in ours.items()} == {v: len(w) for v, w in theirs.items()}:
        return ""
    missing = _each(ours, theirs)
    added = _each(theirs, ours)
    if missing and added:
        detail = f"the source has {_listed(missing)} where the translation has {_listed(added)}"
    elif missing:
        detail = f"the source has {_listed(missing)}, which the translation does not"
    else:
        detail = f"the translation adds {_listed(added)}, which the source does not have"
    return f"its numbers differ from the source: {detail}"


def _written(text: str) -> dict[str, list[str]]:
    """value -> each way the text writes it, in order."""
    found: dict[str, list[str]] = {}
    for token in NUMBER.findall(ascii_digits(text)):
        found.setdefault(number_value(token), []).append(token)
    return found


def _each(ours: dict[str, list[str]], theirs: dict[str, list[str]]) -> list[str]:
    """The numbers of `ours` (as written) that `theirs` has fewer of."""
    return [
        written[0] for value, written in sorted(ours.items())
        for _ in range(len(written) - len(theirs.get(value, [])))
    ]


def _listed(tokens: list[str]) -> str:
    return ", ".join(f"'{token}'" for token in tokens)


def unit_problem(source: str, translation: str, language: str, units: Units) -> str:
    """Why the translation does not keep a 'number unit' of the source, or '': it may write the
    unit as the source does (any letter case) or by one of the names its language gives it."""
    text = _DEGREE.sub("°", ascii_digits(translation)).translate(_MICRO)
    for match in units.pattern.finditer(_DEGREE.sub("°", source)):
        unit = units.unit_of(match.group(2))
        value = number_value(match.group(1))
        names = units.names_in(unit, language)
        if not any(_kept(text, value, name) for name in names):
            written = f"'{match.group(0)}'"
            if other := ", ".join(f"'{name}'" for name in names[1:]):
                return (f"it does not keep the unit of {written}: write '{unit}' or one of "
                        f"{other} right after the number")
            return f"it does not keep the unit of {written}: write '{unit}' right after the number"
    return ""


def _kept(text: str, value: str, name: str) -> bool:
    # A space or a zero-width non-joiner inside a name may be written either way, or left out:
    # "میلی‌گرم", "میلی گرم" and "میلیگرم" are one Persian word.
    spelled = re.sub(r"(?:\\ |\u200c)", "[\\\\s\u200c]?", re.escape(name))
    return any(
        number_value(found.group(1)) == value
        for found in re.finditer(
            rf"({NUMBER.pattern})[\s\u00a0\u202f]{{0,2}}{spelled}(?!\w)", text, re.IGNORECASE
        )
    )


@lru_cache(maxsize=1)
def _bundled_names() -> dict[str, dict[str, tuple[str, ...]]]:
    text = (resources.files("wellread") / "data" / "units.yml").read_text("utf-8")
    return _names(yaml.safe_load(text), "wellread's data/units.yml")


def bundled_units() -> Units:
    """wellread's own units and names (data/units.yml)."""
    return _units_of("")


def site_units(locales_dir: Path | None) -> Units:
    """wellread's units with the site's own additions (`<locales_dir>/units.yml`, if any).

    Raises CatalogError naming the file when it cannot be read.
    """
    path = locales_dir / SITE_UNITS if locales_dir is not None else None
    if path is None or not path.is_file():
        return bundled_units()
    return _units_of(path.read_text("utf-8"), str(path))


@lru_cache(maxsize=8)
def _units_of(site_text: str, where: str = "") -> Units:
    names = {unit: dict(listed) for unit, listed in _bundled_names().items()}
    if site_text:
        try:
            added = _names(yaml.safe_load(site_text), where)
        except yaml.YAMLError as error:
            raise CatalogError(f"{where}: this units file is not valid YAML: {error}") from None
        for unit, listed in added.items():
            known = next((u for u in names if u.lower() == unit.lower()), unit)
            mine = names.setdefault(known, {})
            for language, more in listed.items():
                mine[language] = (*mine.get(language, ()), *more)
    return Units(names)


def _names(data: object, where: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """Check a units file's shape: `unit: {language: [names]}` (or `unit: {}`)."""
    example = 'write each unit as `mL: {es: [mililitros], fr: [millilitres]}`'
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise CatalogError(f"{where}: a units file is a list of units; {example}.")
    names: dict[str, dict[str, tuple[str, ...]]] = {}
    for unit, listed in data.items():
        listed = listed or {}
        if not isinstance(listed, dict) or not all(
            isinstance(more, list) and all(isinstance(n, str) and n.strip() for n in more)
            for more in listed.values()
        ):
            raise CatalogError(f"{where}: the unit {unit!r} is not written as expected; {example}.")
        names[str(unit)] = {
            base_language(str(code)) if code != ANY_LANGUAGE else ANY_LANGUAGE: tuple(more)
            for code, more in listed.items()
        }
    return names


class _DigitTable(dict[int, str | int]):
    """str.translate table: each digit of any script to its ASCII digit, worked out once."""

    def __missing__(self, code: int) -> str | int:
        char = chr(code)
        self[code] = str(unicodedata.digit(char)) if char.isdigit() else code
        return self[code]


_DIGITS = _DigitTable()


def ascii_digits(text: str) -> str:
    """The text with every digit as an ASCII digit: Arabic-Indic fifty ('\u0665\u0660') → '50'."""
    return text if text.isascii() else text.translate(_DIGITS)
