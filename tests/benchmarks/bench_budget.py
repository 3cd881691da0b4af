"""The speed budget in one run: each number next to the peer measured with it and its
goal, met or not.

    QT_QPA_PLATFORM=offscreen python tests/benchmarks/bench_budget.py [--quick]

- start-up to the first painted map, the embedded situation, against a bare PySide6
  window (goal <= 2x, stretch 1.5x);
- a 1920x1080 PNG snapshot of the embedded situation, whole process, against geopandas +
  matplotlib drawing the same layers (goal >= 4x as fast);
- launch -> first map with every event of an ACLED-layout CSV, 100,000 rows (<= 0.7 s)
  and 1,000,000 (<= 3 s, the processes' peak <= 1.5 GB), first open (an empty table
  cache) and second (<= 0.4 s and <= 1.2 s), each against the bare window;
- CSV -> GeoParquet, 1,000,000 rows (<= 3 s), against polars reading the same file.

--quick: fewer repeats, and 100,000 rows for the data (the smoke test runs it).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from bench_common import begin, run_measured, startup_pair  # noqa: E402
from bench_data import GOALS, PEAK_GOAL_MB, data_file, goal_text, open_times  # noqa: E402

CONVERT_GOAL_S = 3.0
POLARS_READ = "import sys, polars as pl; pl.read_csv(sys.argv[1], infer_schema=False)"


def line(what: str, ours: str, peer: str, ratio: str, goal: str) -> None:
    print(f"{what:44s} {ours:>11s}  {peer:>30s}  {ratio:>7s}  {goal}")


def start_up(repeat: int) -> None:
    bare = [sys.executable, str(HERE / "bare_window.py")]
    app, peer = startup_pair([sys.executable, "-m", "mapapp"], bare, repeat)
    ratio = app / peer
    line(
        "start-up, embedded situation",
        f"{app * 1000:.0f} ms",
        f"bare PySide6 window {peer * 1000:.0f} ms",
        f"{ratio:.2f}x",
        goal_text(ratio, 2.0, "x") + f" (stretch 1.5x: {'met' if ratio <= 1.5 else 'not met'})",
    )


def snapshot(repeat: int) -> None:
    from bench_export import default_view_bbox, timed
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive
    *_, bbox = default_view_bbox(1920, 1080)
    out = Path(tempfile.mkdtemp(prefix="mapapp-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg")
    ours = [sys.executable, "-m", "mapapp", "snapshot", "-o", str(out / "a.png")]
    ours += ["--size", "1920x1080"]
    peer = [sys.executable, str(HERE / "mpl_peer.py"), str(out / "b.png")]
    peer += [repr(v) for v in bbox]
    timed(ours, env)
    timed(peer, env)  # warm the file cache for both
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours, env))
        b.append(timed(peer, env))
    mine, theirs = statistics.median(a), statistics.median(b)
    speed = theirs / mine
    line(
        "snapshot 1920x1080 PNG, whole process",
        f"{mine * 1000:.0f} ms",
        f"geopandas+matplotlib {theirs * 1000:.0f} ms",
        f"{speed:.2f}x",
        goal_text(speed, 4.0, "x as fast", most=False),
    )


def first_maps(sizes: list[int], repeat: int) -> None:
    for n in sizes:
        o = open_times(data_file(n), repeat)
        goal_first, goal_second = GOALS[n]
        peer = f"bare PySide6 window {o.bare:.2f} s"
        for label, seconds, goal in (
            ("first open", o.first, goal_first),
            ("second open", o.second, goal_second),
        ):
            line(
                f"first map, {n:,} rows, {label}",
                f"{seconds:.2f} s",
                peer,
                f"{seconds / o.bare:.1f}x",
                goal_text(seconds, goal),
            )
        if n == 1_000_000:
            line(
                f"  peak memory of its processes, {n:,} rows",
                f"{o.first_peak:.0f} MB",
                "",
                "",
                goal_text(o.first_peak, PEAK_GOAL_MB, "MB"),
            )


def to_geoparquet(n: int, repeat: int) -> None:
    path = data_file(n)
    out = Path(tempfile.mkdtemp(prefix="mapapp-bench-convert-")) / "a.parquet"
    env = dict(os.environ)
    ours = [sys.executable, "-m", "mapapp", "convert", str(path), "-o", str(out)]
    peer = [sys.executable, "-c", POLARS_READ, str(path)]
    a, b, peaks = [], [], []
    for _ in range(repeat):
        seconds, peak = run_measured(ours, env)
        a.append(seconds)
        peaks.append(peak)
        b.append(run_measured(peer, env)[0])
    mine, theirs = statistics.median(a), statistics.median(b)
    line(
        f"CSV -> GeoParquet, {n:,} rows",
        f"{mine:.2f} s",
        f"polars reading the CSV {theirs:.2f} s",
        f"{mine / theirs:.1f}x",
        (goal_text(mine, CONVERT_GOAL_S) if n == 1_000_000 else "[goal: at 1,000,000 rows]")
        + f" peak {max(peaks):.0f} MB",
    )


def main() -> int:
    quick = begin("fewer repeats, 100,000 rows for the data")
    print("(each line: mapapp, its peer measured in the same run, the ratio, the goal)")
    start_up(3 if quick else 15)
    snapshot(2 if quick else 7)
    sizes = [100_000] if quick else [100_000, 1_000_000]
    first_maps(sizes, 2 if quick else 5)
    to_geoparquet(sizes[-1], 1 if quick else 3)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
