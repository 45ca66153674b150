"""Containment: nothing from outside the project is read or published, and a build stopped by
CI's SIGTERM or SIGHUP leaves no partial site and no processes behind."""

from __future__ import annotations

import hashlib
import os
import queue
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from wellread.cli import main
from wellread.core.containment import (
    RULE,
    Stopped,
    held_stop,
    link_findings,
    links_leaving,
    stop_on_signals,
)

from .conftest import REPO, WELLREAD, copy_sample, run_wellread

OUTSIDE_FILE = Path("/etc/hostname")
OUTSIDE_FOLDER = Path("/etc")


def _project(root: Path) -> Path:
    (root / "content" / "vaccines").mkdir(parents=True)
    (root / "theme").mkdir()
    (root / "mkdocs.yml").write_text("site_name: t\ndocs_dir: content\n", "utf-8")
    return root


def test_every_link_leaving_the_project_is_listed_with_its_target(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    topic = project / "content" / "vaccines"
    (topic / "secret.md").symlink_to(OUTSIDE_FILE)
    (topic / "rash.png").symlink_to(OUTSIDE_FILE)
    (topic / "system").symlink_to(OUTSIDE_FOLDER)
    (project / "theme" / "main.html").symlink_to(OUTSIDE_FILE)
    (topic / "chain.md").symlink_to("secret.md")  # a link to a link that leaves
    # Links that stay inside are fine, and a loop ends.
    (project / "shared.md").write_text("# Shared\n", "utf-8")
    (topic / "shared.md").symlink_to("../../shared.md")
    (topic / "again").symlink_to("..")
    found = links_leaving(project, [project / "content", project / "theme"])
    assert found == sorted([
        (topic / "chain.md", OUTSIDE_FILE.resolve()),
        (topic / "rash.png", OUTSIDE_FILE.resolve()),
        (topic / "secret.md", OUTSIDE_FILE.resolve()),
        (topic / "system", OUTSIDE_FOLDER.resolve()),
        (project / "theme" / "main.html", OUTSIDE_FILE.resolve()),
    ])
    finding = link_findings(project, [project / "theme"])[0]
    assert (finding.file, finding.line, finding.rule, str(finding.severity)) == (
        "theme/main.html", 1, RULE, "error"
    )
    assert str(OUTSIDE_FILE.resolve()) in finding.message and "Copy the file" in finding.suggestion


def test_a_link_inside_a_linked_folder_that_stays_inside_is_followed(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    (project / "extra").mkdir()
    (project / "extra" / "key.md").symlink_to(OUTSIDE_FILE)
    (project / "content" / "extra").symlink_to("../extra")
    assert links_leaving(project, [project / "content"]) == [
        (project / "content" / "extra" / "key.md", OUTSIDE_FILE.resolve())
    ]


@pytest.mark.parametrize("command", [["check"], ["report"], ["i18n", "extract"], ["cards"]])
def test_commands_refuse_a_markdown_link_leaving_the_project_without_a_traceback(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = copy_sample(tmp_path / "p")
    (project / "content" / "vaccines" / "hostname.md").symlink_to(OUTSIDE_FILE)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, command)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1, result.output
    assert (
        f"content/vaccines/hostname.md:1:1: error {RULE}: This is a symbolic link to "
        f"{OUTSIDE_FILE.resolve()}"
    ) in result.output
    assert OUTSIDE_FILE.read_text() not in result.output.replace(str(OUTSIDE_FILE), "")


def test_mkdocs_build_with_the_checker_disabled_still_publishes_nothing_from_outside(
    tmp_path: Path,
) -> None:
    project = copy_sample(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - wellread/check:\n", "  - wellread/check:\n      enabled: false\n", 1), "utf-8")
    assert "enabled: false" in config.read_text("utf-8")
    (project / "content" / "system").symlink_to(OUTSIDE_FOLDER)
    result = subprocess.run(
        [str(WELLREAD.parent / "mkdocs"), "build"], cwd=project, capture_output=True, text=True,
        timeout=600, env={"PATH": "/usr/bin:/bin", "HOME": str(project)},
    )
    assert result.returncode == 1, result.stderr[-3000:]
    assert f"content/system:1:1: error {RULE}" in result.stderr
    assert not (project / "site").exists()


def test_a_draft_outside_the_content_folder_is_checked_without_walking_folders(
    tmp_path: Path,
) -> None:
    """/tmp/draft.md's grandparent is /: its own folder's files at most are listed."""
    project = copy_sample(tmp_path / "p")
    draft = Path("/tmp") / f"wellread-draft-{os.getpid()}.md"
    draft.write_bytes((project / "content" / "vaccines" / "flu-vaccine.md").read_bytes())
    try:
        started = time.monotonic()
        result = run_wellread(project, "check", str(draft))
        seconds = time.monotonic() - started
    finally:
        draft.unlink()
    assert "Traceback" not in result.stderr and result.returncode in (0, 1), result.stderr
    assert "1 file checked" in result.stderr
    assert seconds < 30


# -- signals -------------------------------------------------------------------------------------
def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _processes_in(project: Path) -> list[str]:
    """Processes working in `project` or naming it on their command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:  # gone meanwhile, or not ours
            continue
        if cwd.startswith(str(project)) or str(project) in cmdline:
            found.append(f"{entry.name}: {cmdline}")
    return found


def _start(project: Path, *args: str) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    process = subprocess.Popen(
        [str(WELLREAD), *args], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(project),
                        "SOURCE_DATE_EPOCH": "1790000000"},
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(ln) for ln in process.stdout or ()],
                     daemon=True).start()
    return process, lines


def _wait_for_children(process: subprocess.Popen[str], project: Path, marker: str) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        assert process.poll() is None, "ended before its child processes started"
        if any(marker in line for line in _processes_in(project)):
            return
        time.sleep(0.2)
    raise AssertionError(f"no {marker} process started")


def _output(process: subprocess.Popen[str], lines: queue.Queue[str]) -> str:
    try:
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    time.sleep(0.5)
    return "".join(lines.get() for _ in range(lines.qsize()))


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_build_stopped_by_ci_stops_its_language_processes_and_keeps_the_previous_site(
    signum: signal.Signals, tmp_path: Path
) -> None:
    project = copy_sample(tmp_path / "p")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace(
        "  - wellread/i18n:\n", "  - wellread/i18n:\n      jobs: 2\n", 1), "utf-8")
    previous = {"index.html": "<p>yesterday</p>\n", "es/index.html": "<p>ayer</p>\n"}
    for name, text in previous.items():
        (project / "site" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "site" / name).write_text(text, "utf-8")
    before = _tree(project / "site")
    build, lines = _start(project, "build")
    _wait_for_children(build, project, "wellread.adapters.mkdocs.language_job")
    build.send_signal(signum)
    output = _output(build, lines)
    assert (
        f"Build stopped: {signum.name} received. The previous site was left as it was."
    ) in output, output[-3000:]
    assert build.returncode == 128 + signum, output[-3000:]
    assert "Traceback" not in output
    assert _tree(project / "site") == before
    assert not (project / ".site.partial").exists()
    assert _processes_in(project) == []


def test_cards_stopped_by_sigterm_stop_their_drawing_processes(tmp_path: Path) -> None:
    project = copy_sample(tmp_path / "p")
    cards, lines = _start(project, "cards", "--workers", "2")
    _wait_for_children(cards, project, "multiprocessing")
    cards.send_signal(signal.SIGTERM)
    output = _output(cards, lines)
    assert "Cards stopped: SIGTERM received." in output, output[-3000:]
    assert cards.returncode == 143 and "Traceback" not in output
    assert _processes_in(project) == []


@pytest.mark.parametrize("workflow", sorted((REPO / "docs").glob("site-workflow*.yml")))
def test_documented_workflows_install_wellread_from_the_repository_with_the_lock_file(
    workflow: Path,
) -> None:
    steps = [
        step for job in yaml.safe_load(workflow.read_text("utf-8"))["jobs"].values()
        for step in job.get("steps", [])
    ]
    installs = [step["run"] for step in steps if "pip install" in step.get("run", "")]
    runs_wellread = [step for step in steps if step.get("run", "").startswith("wellread ")]
    if runs_wellread:
        assert installs == ["python -m pip install -c requirements.lock -e ."], installs
    assert not any(re.search(r"pip install (?!-c requirements\.lock -e \.$)", run)
                   for run in installs), installs
    assert (REPO / "requirements.lock").is_file()


def test_a_stop_signal_inside_a_held_step_is_raised_once_the_step_is_done() -> None:
    steps: list[str] = []
    restore = stop_on_signals()
    try:
        with pytest.raises(Stopped) as stopped:
            with held_stop():
                os.kill(os.getpid(), signal.SIGTERM)
                steps.append("after the signal")
                with held_stop():  # an inner step does not raise it early
                    pass
                steps.append("end of the step")
            steps.append("after the step")
    finally:
        restore()
    assert steps == ["after the signal", "end of the step"]
    assert stopped.value.name == "SIGTERM"
