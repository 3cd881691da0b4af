"""What both benchmark scripts need."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def compile_sources() -> None:
    """Byte-compile mapapp as pip does on install, so no run pays for compiling it (this
    machine sets PYTHONDONTWRITEBYTECODE; the peers' packages came precompiled)."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "mapapp")], check=True)


def begin(quick_help: str, description: str | None = None) -> bool:
    """Every benchmark's start: its one flag, ``--quick`` (returned), and compiled sources."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--quick", action="store_true", help=quick_help)
    quick = parser.parse_args().quick
    compile_sources()
    return quick


def startup_pair(first: list[str], second: list[str], repeat: int) -> tuple[float, float]:
    """Median seconds from launch to exit of two commands that quit after their first
    painted frame (MAPAPP_EXIT_AFTER_FIRST_PAINT), run interleaved so drift hits both."""
    import os

    env = dict(os.environ, MAPAPP_EXIT_AFTER_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    env["XDG_CONFIG_HOME"] = str(ROOT / ".benchmarks" / "config")  # no remembered state

    def run(cmd):
        # A blocking wait: subprocess.run(timeout=...) polls with up to 50 ms sleeps,
        # which would round every measurement.
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=subprocess.DEVNULL)
        if proc.wait() != 0:
            raise RuntimeError(f"{cmd} failed")
        return time.perf_counter() - t

    run(first)
    run(second)  # warm the file cache for both
    a, b = [], []
    for _ in range(repeat):
        a.append(run(first))
        b.append(run(second))
    return statistics.median(a), statistics.median(b)


def median_ms(fn, repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def run_measured(cmd: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one command, waited for without polling.

    The memory is that of the whole process tree: the process's own peak (the kernel's
    count) or, if larger, the sum of its and its children's proportional set size (PSS:
    pages shared between them, such as Python's own library, counted once) sampled every
    50 ms (mapapp reads a file named on its command line in a child process; its memory
    counts too)."""
    import os
    import threading

    t = time.perf_counter()
    proc = subprocess.Popen(
        cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    sampled = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):  # reading PSS walks page tables: not too often
            sampled[0] = max(sampled[0], _tree_pss_mb(proc.pid))

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    done.set()
    watcher.join()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RuntimeError(f"{cmd} exited with {code}")
    return seconds, max(usage.ru_maxrss / 1024, sampled[0])


def _tree_pss_mb(pid: int) -> float:
    """Proportional resident MB of ``pid`` and its descendants (Linux /proc; 0 where
    unreadable)."""
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        try:
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            tasks = Path(f"/proc/{p}/task").glob("*/children")  # any thread may spawn
            children = [c for task in tasks for c in task.read_text().split()]
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1]) / 1024
        todo += [int(c) for c in children]
    return total
