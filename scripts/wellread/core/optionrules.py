"""The rules an option's value follows (a type, a number in a range, one of a few values, the
rule switches, the alert) and how a group of options is validated against them, without MkDocs."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, fields
from typing import TYPE_CHECKING, Any, TypeVar

from .findings import RULE_IDS
from .urls import allowed_scheme

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

Group = TypeVar("Group", bound="DataclassInstance")


# -- the rules an option's value follows ---------------------------------------------------------
@dataclass(frozen=True)
class Typed:
    """A value of one Python type (as MkDocs' `config_options.Type` checks it)."""

    kind: type | tuple[type, ...]

    def __call__(self, value: object) -> object:
        if not isinstance(value, self.kind):
            raise ValueError(f"Expected type: {self.kind} but received: {type(value)}")
        return value


@dataclass(frozen=True)
class Number:
    """A threshold: a number (or whole number) within a sensible range."""

    minimum: float
    maximum: float | None = None
    whole: bool = False

    def __call__(self, value: object) -> object:
        kind = "a whole number" if self.whole else "a number"
        if isinstance(value, bool) or not isinstance(value, int if self.whole else (int, float)):
            raise ValueError(f"Expected {kind} but received: {value!r}")
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            limits = f"from {self.minimum} to {self.maximum}" if self.maximum is not None else (
                f"of at least {self.minimum}"
            )
            raise ValueError(f"Expected {kind} {limits} but received: {value!r}")
        return value


@dataclass(frozen=True)
class Alert:
    """The alert mapping; a link no reader should follow (javascript:, data:) is an error in
    mkdocs.yml, reported as any bad option is (exit 2), before anything is built."""

    def __call__(self, value: object) -> object:
        value = Typed(dict)(value)
        link = value.get("link") if isinstance(value, dict) else None
        if isinstance(link, str) and link and not allowed_scheme(link):
            raise ValueError(
                f"link {link!r} is not a page or an address a reader can safely open. Expected "
                "a page like vaccines/flu-vaccine.md or an address starting with https://, "
                "mailto: or tel:"
            )
        return value


@dataclass(frozen=True)
class RuleSwitches:
    """`rules: {passive-voice: true, jargon: false}`: rule ids (README's rules table) turned on or
    off for the site; privacy rules (phi-*) stay on."""

    def __call__(self, value: object) -> object:
        if not isinstance(value, dict):
            return Typed(dict)(value)  # says what was expected
        for name, switch in value.items():
            if str(name) not in RULE_IDS:
                close = difflib.get_close_matches(str(name), sorted(RULE_IDS), n=1)
                hint = f" Did you mean '{close[0]}'?" if close else (
                    " The rule ids are in README's rules table."
                )
                raise ValueError(f"{name!r} is not a rule.{hint}")
            if not isinstance(switch, bool):
                raise ValueError(f"{name}: expected true or false but received: {switch!r}")
            if str(name).startswith("phi-") and not switch:
                raise ValueError(f"{name}: the privacy rules (phi-*) cannot be turned off.")
        return value


@dataclass(frozen=True)
class Choice:
    """One of a few values."""
    values: tuple[object, ...]

    def __call__(self, value: object) -> object:
        if isinstance(value, bool) or value not in self.values:
            raise ValueError(f"Expected one of {self.values} but received: {value!r}")
        return value


Rule = Callable[[object], object]


def about(rule: Rule, doc: str) -> dict[str, object]:
    """An option's field metadata: the rule its value follows and what it does."""
    return {"rule": rule, "doc": doc}


def default_of(option_field: Field[Any]) -> Any:
    """An option's default (a fresh copy of a list or mapping)."""
    if option_field.default_factory is not MISSING:
        return option_field.default_factory()
    return option_field.default


def option_value(option_field: Field[Any], value: object) -> Any:
    """The value of one option as given (None: its default); ValueError says what is wrong."""
    if value is None:
        value = default_of(option_field)
        if value is None:
            return None
    rule: Rule = option_field.metadata["rule"]
    return rule(value)


class OptionError(ValueError):
    """A wrong option: `key` names it; the text says what is wrong (and what was meant)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


def validated(group: type[Group], options: Mapping[str, Any]) -> Group:
    """A plugin's options from mkdocs.yml, checked as its MkDocs plugin checks them; OptionError
    names the first wrong or unknown option."""
    values: dict[str, Any] = {}
    for option_field in fields(group):
        try:
            values[option_field.name] = option_value(option_field, options.get(option_field.name))
        except ValueError as error:
            value = "" if "received:" in str(error) else (
                f" (the value is {options.get(option_field.name)!r})"
            )
            raise OptionError(option_field.name, f"{error}{value}") from None
    known = sorted(option_field.name for option_field in fields(group))
    for key in map(str, options):
        if key not in values:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else (
                f" The options are: {', '.join(known)}."
            )
            raise OptionError(key, f"Unrecognised configuration name: {key}.{hint}")
    return group(**values)


def from_validated(group: type[Group], values: Mapping[str, Any]) -> Group:
    """The option group from options validated elsewhere (a MkDocs plugin's config)."""
    return group(**{f.name: values[f.name] for f in fields(group)})
