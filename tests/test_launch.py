"""The `wellread` command's entry point stays light: drawing processes import it first."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_command_is_the_launcher_and_the_launcher_imports_no_cli() -> None:
    # A card or leaflet process started with "spawn" imports the script that started the
    # build; when that loaded the whole CLI, each process spent 0.5 s or more before its work.
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["wellread"] == "wellread.launch:main"
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, wellread.launch; print(sorted(sys.modules))"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "wellread.cli" not in loaded and "wellread.check" not in loaded
    assert "mkdocs" not in loaded and "click" not in loaded


def test_the_launcher_runs_the_command() -> None:
    shown = subprocess.run(
        [sys.executable, "-c", "import sys; sys.argv = ['wellread', '--help']; "
         "from wellread.launch import main; main()"],
        capture_output=True, text=True,
    )
    assert shown.returncode == 0 and "build" in shown.stdout
