"""Compiled templates kept between builds in the user's cache folder, as Python keeps bytecode:
used only for the same source, Jinja and settings; a damaged entry is compiled again."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader

from wellread.adapters.mkdocs.jinja import _TemplateCode
from wellread.core.usercache import user_cache

PAGE = "<h1>{{ title }}</h1>{% for item in items %}<p>{{ item }}</p>{% endfor %}"


def _environment(templates: Path, cache: _TemplateCode, newstyle: bool = True) -> Environment:
    env = Environment(loader=FileSystemLoader(templates), extensions=["jinja2.ext.i18n"])
    env.install_null_translations(newstyle=newstyle)  # type: ignore[attr-defined]
    env.bytecode_cache = cache
    return env


def _render(env: Environment) -> str:
    return env.get_template("page.html").render(title="Flu", items=["Rest", "Drink water"])


@pytest.fixture()
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "page.html").write_text(PAGE, "utf-8")
    return folder


def _never_compiled(env: Environment, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(env, "compile", refuse)


def test_a_later_process_reads_the_compiled_template_instead_of_compiling_it(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    first = _render(_environment(templates, _TemplateCode(folder)))
    assert len(list(folder.glob("*.jinja"))) == 1
    later = _environment(templates, _TemplateCode(folder))  # a new process: nothing in memory
    _never_compiled(later, monkeypatch)
    assert _render(later) == first == "<h1>Flu</h1><p>Rest</p><p>Drink water</p>"


def test_a_changed_template_or_other_settings_are_compiled_again(
    templates: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    _render(_environment(templates, _TemplateCode(folder)))
    (templates / "page.html").write_text(PAGE.replace("h1", "h2"), "utf-8")
    assert _render(_environment(templates, _TemplateCode(folder))).startswith("<h2>Flu</h2>")
    _render(_environment(templates, _TemplateCode(folder), newstyle=False))
    assert len(list(folder.glob("*.jinja"))) == 2  # one for each gettext style


def test_a_damaged_or_unwritable_cache_is_no_error(
    templates: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    expected = _render(_environment(templates, _TemplateCode(folder)))
    for damage in (b"", b"j2 not a template", (next(folder.glob("*.jinja")).read_bytes()[:40])):
        next(folder.glob("*.jinja")).write_bytes(damage)
        assert _render(_environment(templates, _TemplateCode(folder))) == expected
    unwritable = tmp_path / "file"
    unwritable.write_text("a file where the folder should be", "utf-8")
    assert _render(_environment(templates, _TemplateCode(unwritable / "templates"))) == expected


def test_the_cache_is_in_the_users_cache_folder(monkeypatch: pytest.MonkeyPatch,
                                                  tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert user_cache("templates") == tmp_path / "xdg" / "wellread" / "templates"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert user_cache("templates") == tmp_path / "home" / ".cache" / "wellread" / "templates"
