"""ACLED datasets in the store at scale: push, first map and time-window change at 100,000
and 1,000,000 rows, each next to a peer measured in the same run.

    python tests/benchmarks/bench_store.py [--quick]

Starts its own PostgreSQL 15 + PostGIS 3 (tests/pg_server.py), restarted with fsync on as
a team's server runs (the tests' server turns it off). Files come from make_acled.py into
the temporary folder (see bench_data.data_file). Targets (issue 24):

- push of 1,000,000 rows (read and checked as opening the file checks it, COPY, indexes
  built) <= 20 s; peer: psql's \\copy of the same file into a table of text columns, the
  bare cost of getting those bytes into PostgreSQL;
- first map <= 3 s: a new connection, the dataset's head, the markers of the first view
  (its whole extent) and time window (its last 30 days) queried through the indexes and
  turned into the arrays the map draws (Web Mercator x, y, style index); peer: mapapp
  reading the same CSV file into its events table, what a window opening the file waits
  for. Then what fills in: every marker, and every row as the events table;
  And the same as a person meets it: ``mapapp URL#NAME`` from launch to the first frame
  with the dataset's markers; peer: ``mapapp FILE.csv`` to its first frame (the table
  cache warm from the earlier runs, as for a file opened before);
- time-window change <= 100 ms: a new 30-day window in the same view, to the map's
  arrays (median of 15); peer: the same change on the file's events table in memory.

--quick: 100,000 rows only (and fewer repeats).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "tests"))

from bench_common import begin, median_ms, startup_pair  # noqa: E402
from bench_data import data_file, goal_text  # noqa: E402

PUSH_GOAL_S = 20.0  # at 1,000,000 rows
FIRST_MAP_GOAL_S = 3.0
WINDOW_GOAL_MS = 100.0
WINDOW_DAYS = 30
TEXT_TABLE = "CREATE TABLE peer_copy ({})"


def line(what: str, ours: str, peer: str, ratio: str, goal: str) -> None:
    print(f"{what:46s} {ours:>10s}  {peer:>34s}  {ratio:>7s}  {goal}", flush=True)


def psql_copy(server, url: str, path: Path) -> float:
    """Seconds of psql's \\copy of the CSV into a fresh table of text columns."""
    import psycopg
    from pg_server import ADMIN_PASSWORD, BIN

    from mapapp.exchange.acled_table import read_acled_rows

    names = read_acled_rows(path).columns
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE IF EXISTS peer_copy")
        conn.execute(TEXT_TABLE.format(", ".join(f'"{n}" text' for n in names)))
    env = dict(os.environ, PGPASSWORD=ADMIN_PASSWORD)
    cmd = [str(BIN / "psql"), "-q", url, "-c",
           f"\\copy peer_copy FROM '{path}' (FORMAT csv, HEADER, ENCODING 'UTF8')"]  # fmt: skip
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    seconds = time.perf_counter() - t
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP TABLE peer_copy")
    return seconds


def map_arrays(markers):
    """What the map draws of markers: Web Mercator x, y and each marker's style."""
    import numpy as np

    from mapapp.geo.projection import mercator_arrays
    from mapapp.render.event_styles import EVENT_STYLES
    from mapapp.store.datasets import EVENT_KINDS

    styles = list(EVENT_STYLES)
    style_of = np.array([styles.index(k) for k in EVENT_KINDS], np.int32)
    x, y = mercator_arrays(markers.lon, markers.lat)
    return x, y, style_of[markers.kinds]


def measure(server, url: str, n: int, repeat: int) -> None:
    from mapapp.exchange.acled_table import acled_frame_table, read_acled_table
    from mapapp.geo.projection import mercator_arrays
    from mapapp.model.events_table import EPOCH
    from mapapp.store import dataset_reading as reading
    from mapapp.store import datasets
    from mapapp.store.connection import connect

    path = data_file(n)
    name = f"acled-{n}"
    print(f"{n:,} rows ({path.stat().st_size / 1e6:.0f} MB):", flush=True)

    copy_peer = psql_copy(server, url, path)
    with connect(url) as conn:
        t = time.perf_counter()
        datasets.push_dataset(conn, name, path)
        push = time.perf_counter() - t
    goal = goal_text(push, PUSH_GOAL_S) if n == 1_000_000 else "[goal: at 1,000,000 rows]"
    peer = f"psql \\copy of the file {copy_peer:.2f} s"
    line(
        "  push (read, check, COPY, index)", f"{push:.2f} s", peer, f"{push / copy_peer:.1f}x", goal
    )

    def first_map():
        with connect(url) as conn:
            dataset = datasets.open_dataset(conn, name)
            last = dataset.days[1]
            window = (last - timedelta(days=WINDOW_DAYS - 1), last)
            markers = reading.dataset_markers(conn, dataset, dataset.bbox, window)
            map_arrays(markers)
        return len(markers)

    shown = first_map()  # the server's cache warm, as for a dataset others use
    first = median_ms(first_map, repeat) / 1000

    def open_file():
        table = read_acled_table(path)
        mercator_arrays(table.numpy("lon"), table.numpy("lat"))
        return table

    t = time.perf_counter()
    table = open_file()
    file_open = time.perf_counter() - t
    line(f"  first map ({shown:,} markers, last {WINDOW_DAYS} days)", f"{first:.3f} s",
         f"mapapp reading the CSV {file_open:.2f} s", f"{first / file_open:.2f}x",
         goal_text(first, FIRST_MAP_GOAL_S))  # fmt: skip

    window_first, window_file = startup_pair(
        [sys.executable, "-m", "mapapp", f"{url}#{name}"],
        [sys.executable, "-m", "mapapp", str(path)],
        max(3, repeat // 5),
    )
    line("  the window's first map (mapapp URL#NAME, whole process)", f"{window_first:.2f} s",
         f"mapapp {path.name} {window_file:.2f} s", f"{window_first / window_file:.2f}x",
         goal_text(window_first, FIRST_MAP_GOAL_S))  # fmt: skip

    with connect(url) as conn:
        dataset = datasets.open_dataset(conn, name)
        lo, hi = dataset.days
        t = time.perf_counter()
        every = reading.dataset_markers(conn, dataset)
        map_arrays(every)
        all_markers = time.perf_counter() - t
        t = time.perf_counter()
        whole = acled_frame_table(reading.dataset_rows(conn, dataset), path)
        all_rows = time.perf_counter() - t
        assert len(every) == len(whole) == n
        line("  then fills in: every marker", f"{all_markers:.2f} s", "", "", "")
        peer = f"mapapp reading the CSV {file_open:.2f} s"
        ratio = f"{all_rows / file_open:.2f}x"
        line(
            "  then fills in: every row, as the events table", f"{all_rows:.2f} s", peer, ratio, ""
        )

        rng = random.Random(n)
        span = (hi - lo).days - WINDOW_DAYS
        starts = [lo + timedelta(days=rng.randrange(span)) for _ in range(repeat * 3)]
        it = iter(starts)
        counts = []

        def change():
            start = next(it)
            window = (start, start + timedelta(days=WINDOW_DAYS - 1))
            markers = reading.dataset_markers(conn, dataset, dataset.bbox, window)
            map_arrays(markers)
            counts.append(len(markers))

        ms = median_ms(change, repeat)
        lon, lat = table.numpy("lon"), table.numpy("lat")
        w, s, e, n_ = dataset.bbox
        mem = iter(starts)

        def in_memory():
            start = (next(mem) - EPOCH).days
            mask = table.in_days(start, start + WINDOW_DAYS - 1)
            mask &= (lon >= w) & (lon <= e) & (lat >= s) & (lat <= n_)
            mercator_arrays(lon[mask], lat[mask])

        peer = median_ms(in_memory, repeat)
        line(f"  time-window change (~{statistics.median(counts):,.0f} markers)",
             f"{ms:.1f} ms", f"the file's table in memory {peer:.1f} ms",
             f"{ms / peer:.1f}x", goal_text(ms, WINDOW_GOAL_MS, "ms"))  # fmt: skip


def main() -> None:
    from pg_server import PgServer

    quick = begin("100,000 rows only, fewer repeats", __doc__.splitlines()[0])
    sizes = [100_000] if quick else [100_000, 1_000_000]
    repeat = 5 if quick else 15
    for n in sizes:
        data_file(n)  # generated before any timing
    server = PgServer()
    try:
        server.stop()
        server.start(fsync=True)
        url = server.create_database("bench")
        from mapapp.store.connection import connect
        from mapapp.store.schema import init

        with connect(url) as conn:
            init(conn)
            version = conn.execute("SELECT version(), postgis_lib_version()").fetchone()
            fsync = conn.execute("SHOW fsync").fetchone()[0]
        print(f"{version[0].split(',')[0]}, PostGIS {version[1]}, fsync {fsync}; "
              f"{os.cpu_count()} CPUs", flush=True)  # fmt: skip
        for n in sizes:
            measure(server, url, n, repeat)
    finally:
        server.close()


if __name__ == "__main__":
    main()
