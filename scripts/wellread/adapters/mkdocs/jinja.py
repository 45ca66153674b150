"""Jinja environments of the theme that share their work: compiled templates for the life of
the process, and the theme's list of files for the languages of one build."""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

ThemeFiles = dict[tuple, list[str]]  # the theme's files, by what was asked: for one build


class _MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the life of the process, checked against their source."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        # The same template compiles differently with new-style gettext (our pages) and without
        # it (Material's search plugin), so that setting is part of the key.
        newstyle = getattr(environment, "newstyle_gettext", None)
        bucket = Bucket(
            environment, self.get_cache_key(f"{name}\0{newstyle}", filename),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


_TEMPLATE_CODE = _MemoryBytecodeCache()


def share_compiled_templates(config: MkDocsConfig, theme_files: ThemeFiles) -> None:
    """Every Jinja environment of this theme (each language's, and the ones Material's search
    plugin makes) reuses templates compiled by another; otherwise each compiles them again.

    The theme's list of static files (Material has thousands) is also made once per build, not
    once per language: kept in `theme_files`, which the languages of one build share.
    """
    theme = config.theme
    if getattr(theme.get_env, "shares_compiled_templates", False):
        return
    make_env = theme.get_env
    static = tuple(theme.static_templates)

    def get_env() -> Environment:
        env = make_env()
        env.bytecode_cache = _TEMPLATE_CODE
        list_templates = env.list_templates

        def listed(extensions: object = None, filter_func: object = None) -> list[str]:
            which = getattr(filter_func, "__module__", ""), getattr(filter_func, "__qualname__", "")
            key = (tuple(theme.dirs), static, str(extensions), which)
            if key not in theme_files:
                theme_files[key] = list_templates(extensions, filter_func)  # type: ignore[arg-type]
            return list(theme_files[key])

        env.list_templates = listed  # type: ignore[method-assign]
        return env

    get_env.shares_compiled_templates = True  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[method-assign]
