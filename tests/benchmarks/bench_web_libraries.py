"""Which JavaScript map library the published page is built on: each candidate from the
npm registry, pinned, draws the same 100,000 points in headless Chromium (Debian's) at
1280x800; the script prints the library's size, the time to the first drawn frame and
the frame rate of a pan that redraws every frame.

    .venv/bin/python tests/benchmarks/bench_web_libraries.py [--quick]

Needs npm (to fetch the packages once, into the user's cache), chromium and
chromedriver. The choice and its reasons are written in ``mapapp/publish/page.py``.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the Chromium helper

from bench_common import begin  # noqa: E402
from chromium import chromium, drag_fps  # noqa: E402

CACHE = Path.home() / ".cache" / "mapapp-bench" / "npm"
PACKAGES = {
    "leaflet": ("leaflet@1.9.4", ["dist/leaflet.js"], "dist/leaflet.css"),
    "ol": ("ol@10.11.0", ["dist/ol.js"], "ol.css"),
    "maplibre-gl": (
        "maplibre-gl@6.20.0",
        ["dist/maplibre-gl.mjs", "dist/maplibre-gl-worker.mjs"],
        "dist/maplibre-gl.css",
    ),
}
POINTS = 100_000

# each page sets window.drawn (ms since the page began) once its points are on screen;
# window.pan() runs a pan that redraws every frame for 2 s, returning frames per second;
# chromium.drag_fps drags the map as a reader does (what the library redraws is its choice)
LEAFLET_SETUP = """
const map = L.map('map', {preferCanvas: true}).setView([18, 1], 5);
"""
LEAFLET_VECTOR = (
    LEAFLET_SETUP
    + """
const r = L.canvas();
for (const [x, y] of P) L.circleMarker([y, x], {radius: 4, renderer: r, weight: 1}).addTo(map);
"""
)
LEAFLET_CANVAS = (
    LEAFLET_SETUP
    + """
const X = new Float64Array(P.length), Y = new Float64Array(P.length);
P.forEach(([x, y], i) => {
  const p = map.options.crs.project(L.latLng(y, x)); X[i] = p.x; Y[i] = p.y; });
const Dots = L.Layer.extend({
  onAdd(m) { this.c = L.DomUtil.create('canvas', 'leaflet-zoom-hide');
    m.getPanes().overlayPane.appendChild(this.c); m.on('moveend zoomend', this.draw, this);
    this.draw(); },
  draw() { const m = this._map, s = m.getSize(), c = this.c;
    c.width = s.x; c.height = s.y; L.DomUtil.setPosition(c, m.containerPointToLayerPoint([0, 0]));
    const k = m.options.crs.scale(m.getZoom()) / (2 * Math.PI * 6378137);
    const o = m.containerPointToLayerPoint([0, 0]).add(m.getPixelOrigin());
    const g = c.getContext('2d'); g.fillStyle = '#1f5fa8'; g.strokeStyle = '#fff';
    g.beginPath();
    for (let i = 0; i < X.length; i++) {
      const px = (X[i] + Math.PI * 6378137) * k - o.x, py = (Math.PI * 6378137 - Y[i]) * k - o.y;
      if (px < -5 || py < -5 || px > s.x + 5 || py > s.y + 5) continue;
      g.moveTo(px + 4, py); g.arc(px, py, 4, 0, 6.2832); }
    g.fill(); g.stroke(); }
});
new Dots().addTo(map);
"""
)
LEAFLET_PAN = """
window.pan = () => new Promise(done => { const t0 = performance.now(); let n = 0;
  (function step() { map.panBy([4, 0], {animate: false}); n++;
    if (performance.now() - t0 < 2000) requestAnimationFrame(step);
    else done(n / ((performance.now() - t0) / 1000)); })(); });
requestAnimationFrame(() => requestAnimationFrame(() => { window.drawn = performance.now(); }));
"""
OL_SETUP = """
const feats = P.map(([x, y]) => new ol.Feature(new ol.geom.Point(ol.proj.fromLonLat([x, y]))));
const source = new ol.source.Vector({features: feats});
const view = new ol.View({center: ol.proj.fromLonLat([1, 18]), zoom: 5});
"""
OL_CANVAS = (
    OL_SETUP
    + """
const style = new ol.style.Style({image: new ol.style.Circle({radius: 4,
  fill: new ol.style.Fill({color: '#1f5fa8'}), stroke: new ol.style.Stroke({color: '#fff'})})});
const map = new ol.Map({target: 'map', view,
  layers: [new ol.layer.Vector({source, style, updateWhileInteracting: true,
                                updateWhileAnimating: true})]});
"""
)
OL_WEBGL = (
    OL_SETUP
    + """
const map = new ol.Map({target: 'map', view, layers: [new ol.layer.WebGLPoints({source,
  style: {'circle-radius': 4, 'circle-fill-color': '#1f5fa8', 'circle-stroke-color': '#fff',
          'circle-stroke-width': 1}})]});
"""
)
OL_PAN = """
map.once('rendercomplete', () => { window.drawn = performance.now(); });
window.pan = () => new Promise(done => { const t0 = performance.now(); let n = 0;
  map.on('postrender', () => n++);
  (function step() { const c = view.getCenter();
    view.setCenter([c[0] + 4 * view.getResolution(), c[1]]);
    if (performance.now() - t0 < 2000) requestAnimationFrame(step);
    else done(n / ((performance.now() - t0) / 1000)); })(); });
"""
PAGES = {
    "Leaflet 1.9.4, its canvas renderer (one circleMarker per point)": (
        "leaflet",
        LEAFLET_VECTOR + LEAFLET_PAN,
    ),
    "Leaflet 1.9.4, one canvas layer of our own for the points": (
        "leaflet",
        LEAFLET_CANVAS + LEAFLET_PAN,
    ),
    "OpenLayers 10.11.0, canvas vector layer": ("ol", OL_CANVAS + OL_PAN),
    "OpenLayers 10.11.0, WebGL points layer": ("ol", OL_WEBGL + OL_PAN),
}


def package_dir(name: str) -> Path:
    """The package unpacked from its npm tarball, fetched once."""
    spec = PACKAGES[name][0]
    out = CACHE / spec.replace("@", "-")
    if not (out / "package").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        tgz = subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(CACHE)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[-1]
        with tarfile.open(CACHE / tgz) as tar:
            tar.extractall(out, filter="data")
    return out / "package"


def library_bytes(name: str) -> int:
    _, scripts, css = PACKAGES[name]
    root = package_dir(name)
    return sum((root / f).stat().st_size for f in [*scripts, css])


def page(name: str, body: str, points: list) -> str:
    _, scripts, css = PACKAGES[name]
    root = package_dir(name)
    js = "\n".join((root / f).read_text() for f in scripts)
    style = (root / css).read_text()
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<style>{style} html,body,#map{{margin:0;width:100%;height:100%}}</style>"
        f"<script>{js}</script></head><body><div id='map'></div><script>"
        f"const P = {json.dumps(points)};\n{body}</script></body></html>"
    )


def measure(html: str, tmp: Path, webgl: bool) -> tuple[float, float, float]:
    path = tmp / "page.html"
    path.write_text(html)
    driver = chromium(width=1280, height=800, webgl=webgl)
    try:
        driver.set_script_timeout(60)
        driver.get(path.as_uri())
        drawn = driver.execute_async_script(
            "const done = arguments[0]; (function wait() { window.drawn ? done(window.drawn)"
            " : setTimeout(wait, 20); })();"
        )
        fps = driver.execute_async_script("window.pan().then(arguments[0]);")
        drag = drag_fps(driver)
    finally:
        driver.quit()
    return drawn / 1000, fps, drag


def main() -> int:
    quick = begin("one run of each page")
    rnd = random.Random(7)
    points = [[round(rnd.uniform(-5, 10), 4), round(rnd.uniform(10, 25), 4)] for _ in range(POINTS)]
    print(f"{POINTS:,} points in headless Chromium at 1280x800; library = JS + CSS as shipped")
    for name, (spec, _, _) in PACKAGES.items():
        size = library_bytes(name)
        kind = "ES modules + a module worker" if name == "maplibre-gl" else "one script"
        print(f"  {spec:22s} {size / 1000:7.0f} kB  ({kind})")
    print(f"{'page':64s} {'first frame':>11s} {'redrawing pan':>13s} {'drag':>9s}")
    with tempfile.TemporaryDirectory() as t:
        for label, (name, body) in PAGES.items():
            runs = [
                measure(page(name, body, points), Path(t), "WebGL" in label)
                for _ in range(1 if quick else 3)
            ]
            first = sorted(r[0] for r in runs)[len(runs) // 2]
            fps = sorted(r[1] for r in runs)[len(runs) // 2]
            drag = sorted(r[2] for r in runs)[len(runs) // 2]
            print(f"{label:64s} {first:9.2f} s {fps:9.1f} fps {drag:5.1f} fps")
    return 0 if math.isfinite(first) else 1


if __name__ == "__main__":
    raise SystemExit(main())
