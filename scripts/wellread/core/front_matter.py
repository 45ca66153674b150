"""An article's front matter read as YAML, safely: no tags that run code, no anchors or aliases
(an alias bomb grows without end), no lone surrogates, no key given twice; every value's line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import yaml

from .errors import ContentError

if TYPE_CHECKING:  # CSafeLoader is missing where PyYAML was built without libyaml
    _LoaderClass = type[yaml.SafeLoader] | type[yaml.CSafeLoader]

# libyaml's parser when PyYAML was built with it (several times faster); the same documents,
# node positions and errors otherwise.
_Loader: _LoaderClass = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SURROGATE = re.compile("[\ud800-\udfff]")


def load_front_matter(
    source: str, path: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        return _load_with(_Loader, source, path, first_line)
    except ContentError:
        if _Loader is yaml.SafeLoader:
            raise
    # libyaml places some errors a line off and words others differently: the writer gets the
    # pure-Python parser's line and message.
    return _load_with(yaml.SafeLoader, source, path, first_line)


def _load_with(
    loader_class: _LoaderClass, source: str, path: str, first_line: int
) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        loader = loader_class(source)
    except yaml.reader.ReaderError as error:  # a control character YAML does not allow
        raise ContentError(
            path, first_line + source[: error.position].count("\n"),
            f"The front matter has a character YAML does not allow (U+{error.character:04X}).",
            "Delete the invisible character on this line; retype the line if you cannot see it.",
        ) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
        line = first_line + (mark.line if mark else 0)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ContentError(
            path, line, f"The front matter is not valid YAML: {problem}.",
            "Check the indentation and put quotes around values that contain ':' or '#'.",
        ) from None
    except (ValueError, TypeError, AttributeError, OverflowError) as error:
        # PyYAML lets a value that looks like a date but is not one (2026-13-45) escape as a
        # plain Python error.
        line, value = _unreadable_scalar(node, first_line)
        raise ContentError(
            path, line, f"The front matter value {value!r} cannot be read: {error}.",
            "Write dates as YYYY-MM-DD with a real month and day, or put quotes around text.",
        ) from None
    finally:
        loader.dispose()
    if data is None:
        return {}, {}
    if ("&" in source or "*" in source) and (
        alias := _first_alias(loader_class, source)
    ) is not None:  # 0: on the front matter's first line
        raise ContentError(
            path, first_line + alias,
            "YAML anchors and aliases (&name, *name) are not allowed in front matter; write the "
            "value out.",
            "Repeat the value where it is needed, or put quotes around text that starts with "
            "'&' or '*'.",
        )
    if surrogate := _surrogate_scalar(node):
        raise surrogate_error(first_line + surrogate[0], surrogate[1])
    if duplicate := _duplicate_key(node):
        name, first, again = duplicate
        raise ContentError(
            path, first_line + again,
            f"The front matter field '{name}' is given twice (lines {first_line + first} and "
            f"{first_line + again}); only the last one would be used.",
            "Keep one of them.",
        )
    if not isinstance(data, dict):
        raise ContentError(
            path, first_line,
            f"The front matter must be 'key: value' lines, but it is a {_yaml_kind(data)}.",
            "Write each field as 'name: value', for example 'title: Flu vaccine'.",
        )
    return data, dict(_node_lines(node, "", first_line, set()))


def _unreadable_scalar(node: yaml.Node | None, first_line: int) -> tuple[int, str]:
    """The line and text of the first value PyYAML fails to turn into a Python value."""
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode):
            try:
                yaml.constructor.SafeConstructor().construct_object(current)
            except (ValueError, TypeError, AttributeError, OverflowError, yaml.YAMLError):
                return first_line + current.start_mark.line, current.value
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)
    return first_line, ""


def _first_alias(loader_class: _LoaderClass, source: str) -> int | None:
    """The line, counted from 0, of the first YAML anchor or alias. Aliases can nest ("billion
    laughs": nine lists of nine, six deep, are half a million values that rules walk), so front
    matter has none."""
    for event in yaml.parse(source, Loader=loader_class):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            assert event.start_mark is not None  # the parser marks every event it reads
            return event.start_mark.line
    return None


def _surrogate_scalar(node: yaml.Node | None) -> tuple[int, str] | None:
    """(line counted from 0, the surrogate) of a value with a lone surrogate ("\\ud800" in a
    double-quoted value), which no later stage could write as UTF-8."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            if found := SURROGATE.search(current.value):
                return current.start_mark.line, found.group()
        elif isinstance(current, yaml.MappingNode):
            stack.extend(reversed([part for pair in current.value for part in pair]))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
    return None


def _duplicate_key(node: yaml.Node | None) -> tuple[str, int, int] | None:
    """(name, first line, repeated line), counted from 0, of a top-level key given twice."""
    if not isinstance(node, yaml.MappingNode):
        return None
    seen: dict[str, int] = {}
    for key, _ in node.value:
        if isinstance(key, yaml.ScalarNode):
            if key.value in seen:
                return key.value, seen[key.value], key.start_mark.line
            seen[key.value] = key.start_mark.line
    return None


def _yaml_kind(value: object) -> str:
    kinds: dict[type, str] = {list: "list", str: "piece of text"}
    return kinds.get(type(value), type(value).__name__)


def _node_lines(
    node: yaml.Node | None, prefix: str, first_line: int, seen: set[int]
) -> Iterator[tuple[str, int]]:
    """Yield ('sources.0.title', line) for every value in the front matter.

    A node reached again through a YAML alias is not walked twice: aliases can nest
    exponentially ("billion laughs") or refer to themselves.
    """
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            yield name, first_line + key.start_mark.line
            yield from _node_lines(value, name + ".", first_line, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            name = f"{prefix}{index}"
            yield name, first_line + item.start_mark.line
            yield from _node_lines(item, name + ".", first_line, seen)


def surrogate_error(line: int, surrogate: str) -> ContentError:
    return ContentError(
        "", line,
        f"This line has a lone surrogate (U+{ord(surrogate):04X}), half of a character that "
        "cannot be written as UTF-8; pages, feeds and cards cannot show it.",
        "Write the character itself instead of '\\u' escapes, or delete it.", rule="encoding",
    )
