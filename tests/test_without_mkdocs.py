"""`wellread check`, `report`, `i18n …` and `cards` need no renderer: with `mkdocs` and `material`
unimportable they give the same exit codes, the same output and the same card bytes."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

from .conftest import WELLREAD, copy_sample

# Imported first by Python (it is on PYTHONPATH): any import of mkdocs or material fails.
BLOCKER = '''\
import sys


class _NoRenderer:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("mkdocs", "material"):
            raise ModuleNotFoundError(f"No module named {name!r} (blocked)", name=name)
        return None


sys.meta_path.insert(0, _NoRenderer())
'''

COMMANDS = (
    ("check", "content"),
    ("report", "--format", "json"),
    ("i18n", "extract"),
    ("i18n", "update"),
    ("i18n", "stats"),
    ("i18n", "check"),
    ("cards", "--workers", "1"),
)


def _run(project: Path, args: tuple[str, ...], blocker: Path | None) -> tuple[int, str, str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(project), "SOURCE_DATE_EPOCH": "1790000000"}
    if blocker is not None:
        env["PYTHONPATH"] = str(blocker)
    result = subprocess.run(
        [str(WELLREAD), *args], cwd=project, capture_output=True, text=True, timeout=600, env=env,
    )
    return result.returncode, result.stdout, result.stderr


def _cards(project: Path) -> dict[str, str]:
    site = project / "site"
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*.png"))
    }


def test_the_blocker_blocks(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, "utf-8")
    result = subprocess.run(
        [str(WELLREAD.parent / "python"), "-c", "import mkdocs"], capture_output=True, text=True,
        env={"PYTHONPATH": str(blocker)}, timeout=60,
    )
    assert result.returncode == 1
    assert "(blocked)" in result.stderr


def test_commands_run_the_same_without_mkdocs(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(BLOCKER, "utf-8")
    normal = copy_sample(tmp_path / "normal")
    blocked = copy_sample(tmp_path / "blocked")
    for args in COMMANDS:
        expected = _run(normal, args, None)
        got = _run(blocked, args, blocker)
        assert "(blocked)" not in got[2], (args, got[2])
        assert got == expected, args
    assert _cards(normal) and _cards(blocked) == _cards(normal)
