"""The benchmark script still runs (quick mode); its numbers are read by people, not here."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_map_benchmark_runs_in_quick_mode():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "tests/benchmarks/bench_map.py", "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    for line in ("start-up to first painted map", "+ 100,000 markers", "hit-test among"):
        assert line in r.stdout


@pytest.mark.slow
def test_export_benchmark_runs_in_quick_mode():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run(
        [sys.executable, "tests/benchmarks/bench_export.py", "--quick"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "geopandas+matplotlib" in r.stdout and "ratio" in r.stdout
    for line in ("PNG 3840x2160", "SVG 1920x1080", "PDF 1920x1080"):
        assert line in r.stdout
