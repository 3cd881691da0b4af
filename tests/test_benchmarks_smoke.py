"""The benchmark scripts still run (quick mode); their numbers are read by people, not here."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_quick(script: str) -> str:
    r = subprocess.run(
        [sys.executable, f"tests/benchmarks/{script}", "--quick"],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr[-2000:]
    return r.stdout


@pytest.mark.slow
def test_map_benchmark_runs_in_quick_mode():
    out = run_quick("bench_map.py")
    for line in ("start-up to first painted map", "+ 100,000 markers", "hit-test among"):
        assert line in out


@pytest.mark.slow
def test_export_benchmark_runs_in_quick_mode():
    out = run_quick("bench_export.py")
    assert "geopandas+matplotlib" in out and "ratio" in out
    for line in ("PNG 3840x2160", "SVG 1920x1080", "PDF 1920x1080"):
        assert line in out


@pytest.mark.slow
def test_tile_benchmark_runs_in_quick_mode():
    out = run_quick("bench_tiles.py")
    assert out.count("pan frame 1920x1080") == 3
    assert "start-up to first painted map with tiles" in out and "ratio" in out


@pytest.mark.slow
def test_budget_benchmark_prints_every_goal_in_one_run():
    out = run_quick("bench_budget.py")
    for what in ("start-up", "snapshot", "first open", "second open", "GeoParquet"):
        line = next(x for x in out.splitlines() if what in x)
        assert "[goal" in line, line


@pytest.mark.slow
def test_publish_benchmark_runs_in_quick_mode():
    out = run_quick("bench_publish.py")
    assert "embedded situation" in out and "[goal <= 1.5 MB" in out
    assert "10,000 ACLED rows" in out and "fps" in out
