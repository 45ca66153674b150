"""Jinja environments of the theme that share their work: compiled templates for the life of
the process and between builds, and the theme's list of files for the languages of one build."""

from __future__ import annotations

from pathlib import Path

import jinja2
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

from ...core.usercache import keep, user_cache

ThemeFiles = dict[tuple, list[str]]  # the theme's files, by what was asked: for one build


class _TemplateCode(BytecodeCache):
    """Compiled templates, kept for the life of the process and, between processes, in the
    user's cache folder, as Python keeps bytecode in __pycache__: each of a build's processes
    (one per language) compiled Material's templates again, a fifth to a third of a second of
    CPU each. Jinja checks every entry against its template's source and its own version, so a
    changed template is compiled again; an entry that cannot be read is ignored."""

    def __init__(self, folder: Path | None) -> None:
        self.code: dict[str, bytes] = {}
        self.folder = folder

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        # The same template compiles differently with new-style gettext (our pages) and without
        # it (Material's search plugin), and with other extensions or syntax settings.
        bucket = Bucket(
            environment,
            self.get_cache_key(f"{name}\0{_compile_settings(environment)}", filename),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is None and self.folder is not None:
            try:
                code = (self.folder / f"{bucket.key}.jinja").read_bytes()
            except OSError:
                return
        if code is None:
            return
        try:
            bucket.bytecode_from_string(code)
        except Exception:  # a damaged entry (pickle, marshal): compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        code = self.code[bucket.key] = bucket.bytecode_to_string()
        if self.folder is None:
            return
        keep(self.folder / f"{bucket.key}.jinja", code)


def _compile_settings(environment: Environment) -> str:
    """What, besides its source, changes the code a template compiles to."""
    escape = environment.autoescape
    return repr((
        jinja2.__version__, sorted(environment.extensions),
        escape if isinstance(escape, bool) else getattr(escape, "__qualname__", "callable"),
        getattr(environment, "newstyle_gettext", None), environment.optimized,
        environment.is_async, environment.block_start_string, environment.block_end_string,
        environment.variable_start_string, environment.variable_end_string,
        environment.comment_start_string, environment.comment_end_string,
        environment.line_statement_prefix, environment.line_comment_prefix,
        environment.trim_blocks, environment.lstrip_blocks, environment.keep_trailing_newline,
        environment.newline_sequence,
    ))


_TEMPLATE_CODE = _TemplateCode(user_cache("templates"))


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
