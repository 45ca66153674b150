"""The MkDocs Config class of each wellread plugin, made from its option group in core.settings
(one schema: the CLI and the plugins check the same options the same way)."""

from __future__ import annotations

from dataclasses import Field, fields
from typing import Any

from mkdocs.config import base
from mkdocs.config.base import ValidationError

from ...core.optionrules import default_of, option_value


class _CoreOption(base.BaseConfigOption[Any]):
    """One option checked by its rule in core.settings; a wrong value is MkDocs' ValidationError."""

    def __init__(self, option_field: Field[Any]) -> None:
        super().__init__()
        self.field = option_field
        self.default = default_of(option_field)

    def validate(self, value: object, /) -> Any:
        try:
            return option_value(self.field, value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


def config_class(group: type, name: str) -> type[base.Config]:
    """A MkDocs Config class with one option for each field of the option group `group`."""
    options = {option_field.name: _CoreOption(option_field) for option_field in fields(group)}
    return type(name, (base.Config,), {"__module__": __name__, **options})
