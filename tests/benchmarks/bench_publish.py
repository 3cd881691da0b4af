"""The published page: its size and how fast it opens and pans in headless Chromium
(Debian's), for the embedded situation and ACLED-layout files of 10,000 and 100,000 rows.

    .venv/bin/python tests/benchmarks/bench_publish.py [--quick]

Per page: `mapapp publish` wall time, the file's size, the first frame (from the start
of loading to the map, markers, list and timeline drawn: the page's own clock) and the
frame rate while the map is dragged with the mouse, one move a frame, for 2 s (goals:
the embedded page <= 1.5 MB; 100,000 events <= 25 MB, first frame <= 3 s, >= 30 fps).
Past 250,000 events a page is refused (the 1,000,000-row file shows the message).
--quick: the embedded situation and 10,000 rows, one run each.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests/: the Chromium helper

from bench_common import begin  # noqa: E402
from bench_data import data_file, goal_text  # noqa: E402
from chromium import chromium, drag_fps  # noqa: E402


def publish(source: Path | None, out: Path) -> float:
    cmd = [sys.executable, "-m", "mapapp", "publish", *([str(source)] if source else []), "-o"]
    t = time.perf_counter()
    subprocess.run([*cmd, str(out)], check=True, capture_output=True)
    return time.perf_counter() - t


def open_and_drag(page: Path) -> tuple[float, float]:
    driver = chromium(1440, 900)
    try:
        driver.set_script_timeout(60)
        driver.get(page.as_uri())
        first = driver.execute_async_script(
            "const done = arguments[0]; (function wait() { window.mapapp && window.mapapp.ready"
            " ? done(window.mapapp.readyAt) : setTimeout(wait, 10); })();"
        )
        time.sleep(0.5)
        fps = drag_fps(driver)
    finally:
        driver.quit()
    return first / 1000, fps


def main() -> int:
    quick = begin("the embedded situation and 10,000 rows, one run each")
    cases: list[tuple[str, Path | None, int]] = [("embedded situation", None, 13)]
    cases += [
        (f"{n:,} ACLED rows", data_file(n), n) for n in ([10_000] if quick else [10_000, 100_000])
    ]
    print(f"{'page':22s} {'publish':>8s} {'size':>9s} {'first frame':>12s} {'drag':>9s}  goals")
    with tempfile.TemporaryDirectory(prefix="mapapp-bench-publish-") as tmp:
        for label, source, n in cases:
            out = Path(tmp) / f"{n}.html"
            seconds = publish(source, out)
            size = out.stat().st_size / 1e6
            runs = [open_and_drag(out) for _ in range(1 if quick else 3)]
            first = statistics.median(r[0] for r in runs)
            fps = statistics.median(r[1] for r in runs)
            goals = (
                goal_text(size, 1.5, "MB")
                if source is None
                else f"{goal_text(size, 25.0, 'MB')} {goal_text(first, 3.0)} "
                f"{goal_text(fps, 30.0, 'fps', most=False)}"
                if n == 100_000
                else ""
            )
            print(
                f"{label:22s} {seconds:7.1f}s {size:7.2f}MB {first:10.2f} s {fps:5.1f} fps  {goals}"
            )
        if not quick:
            r = subprocess.run(
                [sys.executable, "-m", "mapapp", "publish", str(data_file(1_000_000)), "-o",
                 str(Path(tmp) / "1m.html")],
                capture_output=True, text=True,
            )  # fmt: skip
            print(f"1,000,000 ACLED rows: exit {r.returncode}: {r.stderr.strip()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
