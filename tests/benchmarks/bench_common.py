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
