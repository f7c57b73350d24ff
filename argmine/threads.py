"""How many CPU threads torch may use when mining: no more than the cores nobody else is using.

torch's CPU kernels run OpenMP parallel regions whose threads meet at a barrier after each region. When another
process keeps one of those threads' cores busy, every region waits for the thread that has to share its core, and
a BiLSTM's many small regions turn a 2x slowdown into 20x or more (argmine 0.3 measured 93 s instead of 4 s for a
20,000-word text beside a training job). One thread per *free* core avoids that: the time then grows in proportion
to the cores taken away.

``free_cores()`` = cores this process may run on (``os.sched_getaffinity``, capped by a cgroup v2 ``cpu.max``
quota) minus the cores other processes keep busy, measured over 0.2 s from ``/proc/stat`` (Linux), else the
1-minute load average (which lags a minute behind a job that has just started). Always at least 1.
"""
from __future__ import annotations

import os
import sys
import time
from typing import List, Optional

SAMPLE_S = 0.2  # how long free_cores() watches /proc/stat
BUSY_FRACTION = 0.25  # a core more than this busy counts as taken


def usable_cores() -> int:
    """Cores this process may run on: its CPU affinity set, capped by a cgroup v2 ``cpu.max`` quota; at least 1.

    Returns:
        An int >= 1."""
    try:
        n = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        n = os.cpu_count() or 1
    try:
        quota, period = open("/sys/fs/cgroup/cpu.max").read().split()[:2]
        if quota != "max":
            n = min(n, max(1, int(float(quota) / float(period))))
    except (OSError, ValueError):
        pass
    return max(1, n)


def _cpu_times(cpus: Optional[set]) -> Optional[List[List[int]]]:
    """Per-CPU tick counters from ``/proc/stat`` for the CPUs in ``cpus`` (all when None); None where unreadable."""
    try:
        with open("/proc/stat") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    rows = []
    for line in lines:
        head, _, rest = line.partition(" ")
        if head.startswith("cpu") and head[3:].isdigit() and (cpus is None or int(head[3:]) in cpus):
            rows.append([int(v) for v in rest.split()])
    return rows or None


def busy_cores(sample_s: float = SAMPLE_S) -> float:
    """Cores of this process's affinity set kept busy by others, over ``sample_s`` seconds (this process sleeps
    meanwhile). Time of processes with a positive nice value is left out when this process is not niced itself
    (they yield to it). Falls back to the 1-minute load average, then to 0.

    Returns:
        A float >= 0 (cores; 1.5 is one and a half busy cores)."""
    try:
        cpus: Optional[set] = set(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = None
    before = _cpu_times(cpus)
    if before is None:
        try:
            return float(os.getloadavg()[0])
        except (AttributeError, OSError):
            return 0.0
    time.sleep(sample_s)
    after = _cpu_times(cpus) or before
    niced_count = _own_nice() > 0
    busy = 0.0
    for b, a in zip(before, after):
        d = [y - x for x, y in zip(b, a)]
        total = sum(d[:8])  # user nice system idle iowait irq softirq steal
        idle = d[3] + d[4] + (0 if niced_count else d[1])
        busy += (total - idle) / total if total > 0 else 0.0
    return busy


def _own_nice() -> int:
    try:
        return os.getpriority(os.PRIO_PROCESS, 0)
    except (AttributeError, OSError):
        return 0


def free_cores(sample_s: float = SAMPLE_S) -> int:
    """Usable cores minus busy ones, a core counting as busy when more than a quarter of it is used; at least 1.

    Returns:
        An int >= 1."""
    return max(1, int(usable_cores() - busy_cores(sample_s) + (1 - BUSY_FRACTION)))


def check_threads(threads) -> Optional[int]:
    """``threads`` if it is None or a positive int; raises ``argmine.errors.OptionValueError`` otherwise.

    Returns:
        ``threads``, unchanged (None or an int >= 1)."""
    from .errors import OptionValueError

    if threads is None:
        return None
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise OptionValueError("threads", "a positive integer", threads,
                               "Pass threads=N (N >= 1), or None to use the free cores.",
                               cli_hint="Pass --threads N (N >= 1), or leave it out to use the free cores.")
    return threads


def prefer_passive_wait() -> bool:
    """Ask OpenMP threads to sleep rather than spin while waiting (``OMP_WAIT_POLICY=PASSIVE``), unless the
    variable is set already. OpenMP reads it once, when torch is first imported, so this works only before that:
    returns whether it could still take effect (torch not imported yet and the variable not set by the user).

    Returns:
        True when the setting can still take effect, False otherwise."""
    if "torch" in sys.modules or "OMP_WAIT_POLICY" in os.environ:
        return False
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    return True


def set_threads(threads: Optional[int] = None) -> int:
    """Set torch's intra-op threads for this process (a process-wide setting) and return the number set.

    ``threads``: a positive int, used as given; None: ``min(torch's current setting, free_cores())``, so an
    explicit ``torch.set_num_threads`` or ``OMP_NUM_THREADS`` is never exceeded. Raises ``OptionValueError``
    for anything else.

    Returns:
        The number of threads set (an int >= 1).
    """
    threads = check_threads(threads)
    import torch

    n = threads if threads is not None else max(1, min(torch.get_num_threads(), free_cores()))
    if n != torch.get_num_threads():
        torch.set_num_threads(n)
    return n
