"""Export benchmark: mapapp's default view to a 1920x1080 PNG against geopandas +
matplotlib drawing the same layers, in the same run; plus the large and vector exports.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python tests/benchmarks/bench_export.py [--quick]
(needs the bench extra: pip install -e '.[bench]')

- whole process: command to file on disk, median of interleaved runs;
- in-process: draw + encode + write, data already loaded, median of repeats;
- 3840x2160 PNG, SVG and PDF of the default view, each in-process and whole process.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).parent))


def timed(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    if proc.wait() != 0:
        raise RuntimeError(f"{cmd} failed")
    return time.perf_counter() - t


def median_s(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def default_view_bbox(width: int, height: int):
    """The view `mapapp snapshot` frames by default, and its map box in EPSG:3857."""
    from mapapp.model.io import default_situation_path, load_situation
    from mapapp.render.basemap import default_basemap
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.render.snapshot import default_view

    basemap = default_basemap()
    layer = SituationLayer(load_situation(default_situation_path()), basemap)
    view = default_view(layer, width, height, None)
    return basemap, layer, view, view.bounds()


def main() -> int:
    from bench_common import begin

    procs, repeat = (2, 2) if begin("fewer repeats (smoke test)") else (9, 15)

    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])
    basemap, layer, view, bbox = default_view_bbox(1920, 1080)
    out = Path(tempfile.mkdtemp(prefix="mapapp-bench-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MPLBACKEND="Agg")

    # whole process ---------------------------------------------------------------
    ours = [sys.executable, "-m", "mapapp", "snapshot", "-o", str(out / "a.png")]
    ours += ["--size", "1920x1080"]
    peer = [sys.executable, str(Path(__file__).with_name("mpl_peer.py")), str(out / "b.png")]
    peer += [repr(v) for v in bbox]
    timed(ours, env)
    timed(peer, env)  # warm caches for both
    a, b = [], []
    for _ in range(procs):
        a.append(timed(ours, env))
        b.append(timed(peer, env))
    whole_ours, whole_peer = statistics.median(a), statistics.median(b)

    # in-process ------------------------------------------------------------------
    from mpl_peer import draw, load_layers

    from mapapp.render.export import export_snapshot
    from mapapp.render.snapshot import build_snapshot

    snap = build_snapshot(layer, basemap, view)
    png = out / "in.png"
    export_snapshot(png, snap, basemap, layer)  # warm label and path caches
    in_ours = median_s(lambda: export_snapshot(png, snap, basemap, layer), repeat)
    layers = load_layers()
    draw(layers, bbox, out / "mpl.png")
    in_peer = median_s(lambda: draw(layers, bbox, out / "mpl.png"), max(3, repeat // 3))

    # large and vector exports ----------------------------------------------------
    big_view = default_view_bbox(3840, 2160)[2]
    big = build_snapshot(layer, basemap, big_view)
    formats = {
        "PNG 3840x2160": (out / "big.png", big),
        "SVG 1920x1080": (out / "v.svg", snap),
        "PDF 1920x1080": (out / "v.pdf", snap),
    }
    rows = []
    for name, (path, s) in formats.items():
        export_snapshot(path, s, basemap, layer)
        inproc = median_s(lambda p=path, s=s: export_snapshot(p, s, basemap, layer), repeat)
        size = "3840x2160" if "3840" in name else "1920x1080"
        cmd = [sys.executable, "-m", "mapapp", "snapshot", "-o", str(path), "--size", size]
        whole = statistics.median(timed(cmd, env) for _ in range(procs))
        rows.append((name, inproc, whole, path.stat().st_size))
    del app

    print(f"default view, 1920x1080 PNG (bbox {', '.join(f'{v:.0f}' for v in bbox)})")
    print(
        f"  whole process  mapapp {whole_ours * 1000:7.0f} ms   geopandas+matplotlib "
        f"{whole_peer * 1000:7.0f} ms   ratio {whole_peer / whole_ours:5.2f}x"
    )
    print(
        f"  in-process     mapapp {in_ours * 1000:7.1f} ms   geopandas+matplotlib "
        f"{in_peer * 1000:7.1f} ms   ratio {in_peer / in_ours:5.2f}x"
    )
    for name, inproc, whole, size in rows:
        print(
            f"  {name:14s} in-process {inproc * 1000:7.1f} ms   whole process "
            f"{whole * 1000:7.0f} ms   {size / 1e6:6.2f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
