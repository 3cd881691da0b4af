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


def median_ms(fn, repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls of ``fn``."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)
