"""Timing one command for `make bench`: its wall-clock seconds, the CPU seconds of its process
tree, the peak memory of that tree, and each language's build time read from its log."""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

TIMEOUT = 1800  # seconds for one build; a build that takes longer is a failure worth seeing
_BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")
_BUILDING = re.compile(r"wellread: building the '([\w-]+)' site")
_BUILT_APART = re.compile(r"\[([\w-]+)\] Documentation built in ([\d.]+) seconds")


@dataclass
class Run:
    """One timed command: wall-clock seconds, CPU seconds (user + system) of its whole process
    tree, the tree's peak memory, its log, and the load average when it started."""

    seconds: float
    peak_mb: float
    log: str = ""
    per_language: dict[str, float] = field(default_factory=dict)
    cpu_s: float = 0.0
    load: float = 0.0
    steal: float | None = None  # % of the machine's CPU time the host took meanwhile


def cpu_ticks() -> tuple[int, int] | None:
    """(ticks the host took from this virtual machine, all ticks) of every core so far, from
    /proc/stat; None off Linux. On a shared virtual machine a busy host takes time from its
    guests ("steal"): a build then runs slower, and a pool of processes gains less, with no
    sign of it in the load average."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return None
    ticks = [int(value) for value in fields[:8]]  # user nice system idle iowait irq softirq steal
    return (ticks[7] if len(ticks) > 7 else 0), sum(ticks)


def stolen(before: tuple[int, int] | None) -> float | None:
    """The share of the CPU time the host took since `before` (cpu_ticks()), in %."""
    after = cpu_ticks()
    if before is None or after is None or after[1] <= before[1]:
        return None
    return round(100 * (after[0] - before[0]) / (after[1] - before[1]), 1)


def environment(**extra: str) -> dict[str, str]:
    """What every timed command runs with (a fixed date, no MkDocs 2 notice), and `extra`."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1790000000", **extra,
    }


def _tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and all its descendants, from /proc (Linux)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(statm[1]) * os.sysconf("SC_PAGE_SIZE")
    tree, todo = set(), [root]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo += [child for child, parent in parents.items() if parent == pid]
    return sum(rss.get(pid, 0) for pid in tree) / 2**20


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` (with `env`, default `environment()`), sampling its process tree's memory
    every 0.2 s; fail loudly on error. The CPU time counts every process of the tree that was
    waited for (a build's language processes and drawing processes too)."""
    load = os.getloadavg()[0]
    cpu, ticks = _children_cpu(), cpu_ticks()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env or environment(), stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True,
    )
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            if sys.platform.startswith("linux"):
                peak = max(peak, _tree_rss_mb(process.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        log, _ = process.communicate(timeout=TIMEOUT)
    finally:
        stop.set()
        sampler.join()
        if process.poll() is None:
            process.kill()
            process.wait()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed in {cwd}:\n{log[-3000:]}")
    return Run(
        seconds, peak, log, _per_language(log, seconds), _children_cpu() - cpu, load, stolen(ticks)
    )


def _per_language(log: str, total: float) -> dict[str, float]:
    """Each language's build time. A language built in a process of its own logs its time
    with its code; one built inside the default language's build (one after another), without,
    and the default language gets the rest."""
    apart = {code: float(seconds) for code, seconds in _BUILT_APART.findall(log)}
    if apart:
        own = [float(t) for line in log.splitlines() if "] Documentation" not in line
               for t in _BUILT_IN.findall(line)]
        return {"(default)": own[-1] if own else round(total, 2), **apart}
    others = _BUILDING.findall(log)
    times = [float(t) for t in _BUILT_IN.findall(log)]
    if not others or len(times) < len(others):
        return {}
    nested = dict(zip(others, times[: len(others)], strict=True))
    return {"(default)": round(total - sum(nested.values()), 2), **nested}
