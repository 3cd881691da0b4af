"""Which columnar library holds the events table: each candidate reads the same ACLED-layout
CSV in a fresh process (import, read with typed coordinates, peak memory), the same run.

    python tests/benchmarks/bench_engines.py [FILE | --rows N]

Candidates that are not installed are skipped (the choice was made with all three in one
environment; the numbers are quoted in README). Without FILE a deterministic file of N rows
(default 1,000,000) is generated with make_acled.py into the temporary folder and reused.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

READERS = {
    "polars": """
import polars as pl
t1 = time.perf_counter()
df = pl.read_csv(path, infer_schema_length=0, schema_overrides={
    "latitude": pl.Float64, "longitude": pl.Float64})
rows = df.height
""",
    "pyarrow": """
import pyarrow.csv as pc
t1 = time.perf_counter()
types = {"latitude": "float64", "longitude": "float64"}
opts = pc.ConvertOptions(column_types=types, strings_can_be_null=False)
rows = pc.read_csv(path, convert_options=opts).num_rows
""",
    "duckdb": """
import duckdb
t1 = time.perf_counter()
con = duckdb.connect()
con.execute("set enable_progress_bar = false")
con.execute(f"create table t as select * from read_csv('{path}', all_varchar=true)")
rows = con.execute("select count(*) from t").fetchone()[0]
""",
}
TEMPLATE = """
import resource, sys, time
path = sys.argv[1]
t0 = time.perf_counter()
{body}
t2 = time.perf_counter()
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{{1000 * (t1 - t0):.0f}} {{t2 - t1:.2f}} {{rows}} {{rss:.0f}}")
"""


def measure(name: str, path: Path) -> str:
    code = TEMPLATE.format(body=READERS[name])
    r = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=600
    )
    if r.returncode != 0:
        last = (r.stderr.strip().splitlines() or ["failed"])[-1]
        return f"{name:8} skipped: {last[:80]}"
    imp, read, rows, rss = r.stdout.strip().splitlines()[-1].split()
    return f"{name:8} import {imp:>4} ms   read {read:>5} s   {int(rows):,} rows   peak {rss} MB"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("file", nargs="?", type=Path)
    p.add_argument("--rows", type=int, default=1_000_000)
    a = p.parse_args()
    path = a.file
    if path is None:
        path = Path(tempfile.gettempdir()) / f"mapapp-acled-{a.rows}.csv"
        if not path.exists():
            sys.path.insert(0, str(HERE.parents[1]))
            from tests.benchmarks.make_acled import write

            write(a.rows, path)
    size = path.stat().st_size / 1e6
    print(f"{path} ({size:.0f} MB)")
    for name in READERS:
        print(measure(name, path))


if __name__ == "__main__":
    main()
