"""The stage folders keep their order: dependencies point down, MkDocs stays in its adapter.

core <- {i18n, social} <- {check, render, publish} <- adapters <- cli (ARCHITECTURE.md). Read from
the source with ast, so an import added anywhere (also inside a function) is seen.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "wellread"
TOP_LEVEL_MODULES = {
    "__init__", "cli", "cli_i18n", "cli_plan", "cli_serve", "launch", "synthetic",
}

# What each stage may import from the package (besides itself).
ALLOWED = {
    "core": set(),
    "i18n": {"core"},
    "social": {"core"},
    "check": {"core", "i18n", "social"},
    "render": {"core", "i18n", "social"},
    "publish": {"core", "i18n", "social"},
    "adapters": {"core", "i18n", "social", "check", "render", "publish"},
}
RENDERERS = ("mkdocs", "material")


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _stage(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports(path: Path) -> list[tuple[str, int, bool]]:
    """(absolute module name, line, at module level) of every import in the file."""
    package = ["wellread", *path.relative_to(PACKAGE).parent.parts]
    tree = ast.parse(path.read_text("utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, id(node) in top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            name = ".".join([*base, node.module] if node.module else base)
            found.append((name, node.lineno, id(node) in top))
    return found


def test_the_package_top_holds_only_stage_folders_and_a_few_modules() -> None:
    loose = {p.stem for p in PACKAGE.glob("*.py")}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert loose <= TOP_LEVEL_MODULES
    assert folders == set(ALLOWED)


def test_no_module_is_over_500_lines() -> None:
    long = {str(p.relative_to(PACKAGE)): n for p in _modules()
            if (n := len(p.read_text("utf-8").splitlines())) > 500}
    assert long == {}


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_a_stage_imports_only_the_stages_below_it(stage: str) -> None:
    wrong = []
    for path in _modules():
        if _stage(path) != stage:
            continue
        for name, line, _ in _imports(path):
            parts = name.split(".")
            # Third-party, the package top, or the same stage: not a step between stages.
            elsewhere = parts[0] != "wellread" or len(parts) < 2 or parts[1] == stage
            if not elsewhere and parts[1] not in ALLOWED[stage]:
                wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {name}")
    assert wrong == []


def test_only_the_adapter_imports_mkdocs_and_the_cli_only_inside_its_build_commands() -> None:
    wrong = []
    for path in _modules():
        stage = _stage(path)
        for name, line, at_top in _imports(path):
            if name.split(".")[0] not in RENDERERS and not name.startswith("wellread.adapters"):
                continue
            if stage == "adapters" or (stage.startswith("cli") and not at_top):
                continue
            wrong.append(f"{path.relative_to(PACKAGE)}:{line}: {name}")
    assert wrong == []
