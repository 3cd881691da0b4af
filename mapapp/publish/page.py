"""One self-contained HTML file: the viewer, its map library and the situation as data.

Why Leaflet (1.9.4, from the npm registry, vendored with its licence by
packaging/web/vendor.sh): measured by tests/benchmarks/bench_web_libraries.py on this
2-core machine, 100,000 points in headless Chromium at 1280x800 —

    library (JS + CSS)             first frame   dragging the map
    Leaflet 1.9.4       162 kB     0.90 s        61 fps (moves the drawn canvas, redraws
                                                         when the drag ends)
    OpenLayers 10.11.0  1,077 kB   1.86-2.18 s   0.9-1.7 fps (redraws every frame)
    MapLibre GL 6.20.0  1,749 kB   not run: ES modules and a module worker, which a
                                   file:// page can only load from blob: URLs, and over
                                   the 1.5 MB the whole page may weigh

so the page is a Leaflet map (Web Mercator, like the window; pan and zoom by mouse, touch
and keyboard) with the basemap and the markers drawn by our own canvas layers in the
window's style. No CDN, no request: a Content-Security-Policy allows nothing from outside
the file (scripts only by the hash of the two inline scripts), and the data is JSON or
gzipped binary in non-executing <script> elements, every string escaped so that no
``</script>`` can close them; the viewer puts strings into the page as text only.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from mapapp.resources_path import resources_dir

WEB = "web"
# Past this many events a page is refused: its data would pass ~60 MB and a browser would
# take tens of seconds to open it (100,000 events: see README's publish benchmark).
MAX_EVENTS = 250_000
GZIP_OVER = 64 * 1024  # JSON payloads larger than this are embedded gzipped


class CannotPublish(ValueError):
    """No page can be made: more events than a page can carry, or none to show."""


@dataclass(frozen=True)
class Published:
    path: Path
    bytes: int
    events: int


def web_file(name: str) -> str:
    return (resources_dir() / WEB / name).read_text(encoding="utf-8")


def viewer_script() -> str:
    """The page's own script: the parts in resources/web/viewer/, in their names' order,
    inside one function (they share its names; nothing leaks to the page's globals).

    It reads the page's data elements (JSON, or gzipped JSON/binary as base64), draws the
    basemap and the markers on canvas layers of a Leaflet map in the window's style, and
    keeps the side list, details, timeline and URL fragment in step. Every string from
    the data is put into the page as text (textContent), never parsed as markup."""
    parts = sorted((resources_dir() / WEB / "viewer").glob("*.js"))
    body = "\n".join(p.read_text(encoding="utf-8") for p in parts)
    return f"(function () {{\n'use strict';\n{body}}})();\n"


def _inline(script: str) -> str:
    """A script as the body of a <script> element: one that could end it early is a bug."""
    lowered = script.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("a script of the page holds '</script' or '<!--'")
    return script


def json_text(value: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' (so no '</script>' or
    '<!--'), and no line separators that old parsers took for line ends."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(ch, esc)
    return text


def data_element(element_id: str, value: Any = None, blob: bytes | None = None) -> str:
    """A non-executing <script> holding JSON, or a gzipped blob as base64."""
    if blob is None:
        text = json_text(value)
        if len(text) <= GZIP_OVER:
            return f'<script id="{element_id}" type="application/json">{text}</script>'
        blob = gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)
        kind = "application/json+gzip"
    else:
        kind = "application/octet-stream+gzip"
    b64 = base64.b64encode(blob).decode("ascii")
    return f'<script id="{element_id}" type="{kind}">{b64}</script>'


def _hash(text: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"
    )


def content_policy(scripts: list[str], image_origins: list[str] = ()) -> str:
    """Nothing from outside the file: scripts only by hash, images only from data: URLs
    (symbols, embedded tiles) and the servers of an online tile layer the publisher chose,
    no fetch, font, frame, form or worker."""
    images = " ".join(["data:", *image_origins])
    return (
        "default-src 'none'; "
        f"script-src {' '.join(_hash(s) for s in scripts)}; "
        f"style-src 'unsafe-inline'; img-src {images}; "
        "connect-src 'none'; font-src 'none'; media-src 'none'; object-src 'none'; "
        "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'"
    )


def render_page(meta: dict[str, Any], elements: list[str], image_origins: list[str] = ()) -> str:
    """The page's HTML around its data elements (already made by ``data_element``);
    ``image_origins``: servers the reader's browser may fetch tiles from."""
    library = _inline(web_file("leaflet/leaflet.js"))
    viewer = _inline(viewer_script())
    style = web_file("leaflet/leaflet.css") + "\n" + web_file("viewer.css")
    policy = html.escape(content_policy([library, viewer], list(image_origins)), quote=False)
    policy = policy.replace('"', "&quot;")
    heads = [
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        f"<title>{html.escape(meta['title'])}</title>",
        f'<meta name="description" content="{html.escape(meta["description"])}">',
        f'<meta name="generator" content="mapapp {html.escape(meta["version"])}">',
        f'<meta name="dcterms.created" content="{html.escape(meta["created"])}">',
    ]
    heads += [f'<meta name="dcterms.source" content="{html.escape(s)}">' for s in meta["sources"]]
    body = web_file("viewer.html")
    parts = {
        "HEAD": "\n".join(heads),
        "STYLE": f"<style>{style}</style>",
        "DATA": "\n".join(elements),
        "SCRIPTS": f"<script>{library}</script>\n<script>{viewer}</script>",
    }
    # one pass: what is put in is never searched for markers again
    return re.sub(r"<!--@(HEAD|STYLE|DATA|SCRIPTS)@-->", lambda m: parts[m.group(1)], body)


def created_now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")
