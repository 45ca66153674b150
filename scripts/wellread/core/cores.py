"""How many cores other work leaves free: the size of a pool of drawing processes."""

from __future__ import annotations

import os
import time

_LOADAVG = "/proc/loadavg"  # "0.52 0.58 0.59 3/250 4321": 3 running of 250


def free_cores() -> int:
    """The cores no other process is running on now (Linux: the count of running processes in
    /proc/loadavg, read a few times); every core elsewhere. A pool of drawing processes costs
    more CPU than one process (each starts, loads its fonts and fills its caches): on cores
    that other work keeps busy it was slower than one process (make bench)."""
    cores = os.cpu_count() or 1
    samples: list[int] = []
    for _ in range(5):
        try:
            with open(_LOADAVG, encoding="ascii") as handle:
                running = int(handle.read().split()[3].split("/")[0])
        except (OSError, ValueError, IndexError):
            return cores
        samples.append(running - 1)  # this process is running as it reads
        time.sleep(0.01)
    return max(1, cores - sorted(samples)[len(samples) // 2])
