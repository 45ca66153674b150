"""The bad-input corpus (tests/bad_input/): every broken or hostile input gets its one clear
message and exit code through the real command line, never a traceback, and the other
articles' findings are still reported."""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from PIL import Image

from wellread.cli import main

from .conftest import REPO, run_wellread

CORPUS = Path(__file__).parent / "bad_input"


def _cases() -> dict:
    """Every case of cases.yml and cases-*.yml (one file per class of hostile input)."""
    cases: dict = {}
    for path in sorted(CORPUS.glob("cases*.yml")):
        for name, spec in yaml.safe_load(path.read_text("utf-8")).items():
            assert name not in cases, f"{path.name}: case {name!r} is defined twice"
            cases[name] = spec
    return cases


CASES = _cases()
COMMANDS = ("check", "report", "cards", "new", "i18n extract", "i18n check", "build")
GOOD_ARTICLE_FINDING = "content/vaccines/flu.md:11:50: warning tone-condescending:"
ARTICLE = "content/vaccines/measles.md"


def _front_matter() -> str:
    text = (CORPUS / "cases" / "image-missing" / ARTICLE).read_text("utf-8")
    return text.split("---\n", 2)[1].replace(
        "image: rash.png\nimage_alt: A child with a rash.\n", ""
    )


def huge_article(project: Path) -> None:
    """5 MB of plain sections: checked in full, not refused."""
    section = "## Part {}\n\n" + (
        "Measles spreads fast from person to person. Wash your hands often with soap.\n\n" * 20
    )
    parts, size = [], 0
    while size < 5_000_000:
        parts.append(section.format(len(parts)))
        size += len(parts[-1])
    body = "".join(parts) + "## What to do next\n\nAsk your nurse.\n"
    (project / ARTICLE).write_text(f"---\n{_front_matter()}---\n{body}", "utf-8")


def long_line(project: Path) -> None:
    line = ("Wash your hands. " * 3000)[:50_000]
    text = f"---\n{_front_matter()}---\n{line}\n\n## What to do next\n\nAsk your nurse.\n"
    (project / ARTICLE).write_text(text, "utf-8")


def truncated_image(project: Path) -> None:
    picture = io.BytesIO()
    Image.effect_noise((300, 300), 60).save(picture, "PNG")  # noise: it does not compress
    (project / "content/vaccines/rash.png").write_bytes(picture.getvalue()[:20_000])


def decompression_bomb(project: Path) -> None:
    """A valid 20,000 by 20,000 PNG (1-bit, all black): a few kilobytes on disk."""
    width = height = 20_000
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + width // 8)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(
            ">I", zlib.crc32(kind + body)
        )

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(
        b"IEND", b""
    )
    (project / "content/vaccines/rash.png").write_bytes(png)


def _article_with(body: str) -> str:
    return f"---\n{_front_matter()}---\n{body}\n## What to do next\n\nAsk your nurse.\n"


def nesting_bomb(project: Path) -> None:
    """A list nested 10,000 levels deep on one line (Python-Markdown recursed until it broke)."""
    (project / ARTICLE).write_text(_article_with("- " * 10_000 + "measles\n"), "utf-8")


def heading_flood(project: Path) -> None:
    """50,000 headings (built for 175 s into a 27 MB page)."""
    body = "".join(f"## Part {i}\n\nWash your hands.\n\n" for i in range(50_000))
    (project / ARTICLE).write_text(_article_with(body), "utf-8")


def oversized_article(project: Path) -> None:
    """A 20 MB article (checked for 117 s in 1.2 GB)."""
    section = "Measles spreads fast from person to person. Wash your hands often.\n\n" * 20
    body = "".join(f"## Part {i}\n\n{section}" for i in range(15_000))
    (project / ARTICLE).write_text(_article_with(body), "utf-8")


def wide_table(project: Path) -> None:
    """A table of 20,000 columns and 22 rows: 440,000 cells (56 s to check)."""
    row = "|" + "x|" * 20_000 + "\n"
    table = row + "|" + "-|" * 20_000 + "\n" + row * 20
    (project / ARTICLE).write_text(_article_with(table), "utf-8")


GENERATORS: dict[str, Callable[[Path], None]] = {
    f.__name__: f for f in (
        huge_article, long_line, truncated_image, decompression_bomb, nesting_bomb,
        heading_flood, oversized_article, wide_table,
    )
}


def _project(root: Path, case: str) -> Path:
    shutil.copytree(CORPUS / "_base", root)
    if (CORPUS / "cases" / case).is_dir():
        # Symbolic links stay links: some cases are links that leave the project.
        shutil.copytree(CORPUS / "cases" / case, root, dirs_exist_ok=True, symlinks=True)
    if generate := CASES[case].get("generate"):
        GENERATORS[generate](root)
    return root


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


PREVIOUS_SITE = {"index.html": "<p>the site as it was</p>\n", "es/index.html": "<p>antes</p>\n"}


@pytest.mark.parametrize(
    ("case", "command"),
    [(case, command) for case, spec in CASES.items() for command in COMMANDS if command in spec],
)
def test_bad_input_gets_its_message_and_exit_code(
    case: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = CASES[case][command]
    project = _project(tmp_path / "site-project", case)
    args = [*command.split(), *spec.get("args", [])]
    if command == "build":  # a real build in its own process, over a previous site
        shutil.copytree(REPO / "theme", project / "theme")
        for name, text in PREVIOUS_SITE.items():
            (project / "site" / name).parent.mkdir(parents=True, exist_ok=True)
            (project / "site" / name).write_text(text, "utf-8")
        before = _tree(project / "site")
        result = run_wellread(project, *args)
        exit_code, output = result.returncode, result.stdout + result.stderr
        assert _tree(project / "site") == before
        assert not (project / ".site.partial").exists()
    else:
        monkeypatch.chdir(project)
        result = CliRunner().invoke(main, args)
        exit_code, output = result.exit_code, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    for expected in spec["expect"]:
        assert expected in output, output[-3000:]
    assert exit_code == spec["exit"], output[-3000:]
    if command == "check" and spec["exit"] != 2:  # one broken article hides nothing else
        assert GOOD_ARTICLE_FINDING in output


def test_the_corpus_covers_the_issue() -> None:
    commands = [command for spec in CASES.values() for command in COMMANDS if command in spec]
    assert len(CASES) >= 40
    assert {"check", "i18n check", "build"} <= set(commands)
    for case, spec in CASES.items():
        assert spec.get("about"), case
        assert (CORPUS / "cases" / case).is_dir() or spec.get("generate") or case.startswith(
            "usage-"
        ), case


def test_the_decompression_bomb_is_refused_within_a_small_memory_limit(tmp_path: Path) -> None:
    """Decoding the 20,000 by 20,000 picture needs 400 MB; refusing it must need none of it."""
    (tmp_path / "content/vaccines").mkdir(parents=True)
    decompression_bomb(tmp_path)
    picture = tmp_path / "content/vaccines/rash.png"
    assert picture.stat().st_size < 200_000
    script = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))\n"
        "from pathlib import Path\n"
        "from wellread.check.images import image_problem\n"
        "print(image_problem(Path(sys.argv[1]), (0, 0))[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(picture)], capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.strip() == "image-too-large", result.stderr
