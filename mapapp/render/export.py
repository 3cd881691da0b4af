"""Snapshots: PNG, SVG and PDF of a view state, through ``render_map``, without a window.

Every format carries its metadata (title, sources, bbox, CRS, app version, export time)
and is written to a temporary file that is renamed into place, so a failed or cancelled
export never leaves a partial file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter

from mapapp import __version__
from mapapp.atomic import write_atomically
from mapapp.errors import ExportError
from mapapp.geo.viewport import Viewport
from mapapp.i18n import translate
from mapapp.render.basemap import Basemap
from mapapp.render.markers import MarkerLayer
from mapapp.render.scene import RenderOptions, render_map
from mapapp.render.situation_layer import SituationLayer
from mapapp.render.tiles import TileLayer

if TYPE_CHECKING:
    from mapapp.model.timeline import TimeWindow

# Qt's quality 60 = zlib level 3: as small as level 6 on flat map colours, ~40% faster.
PNG_QUALITY = 60
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
MAP_CRS = "EPSG:3857 (WGS 84 / Pseudo-Mercator)"
MAPAPP_NS = "https://mapapp.invalid/ns/snapshot/1.0/"  # an XML namespace name, never fetched
SHAPING_KEYS = ("Time Window", "Time Mode", "Filters", "Hidden Layers", "Selected")
# Raster limits: beyond them QImage allocation fails or the PNG takes minutes to encode.
MAX_SIDE = 16_384
MAX_PIXELS = 120_000_000

# Called with (percent, stage) between export stages; raises ExportCancelled to stop.
Progress = Callable[[int, str], None]


def _no_progress(percent: int, stage: str) -> None:
    return None


@dataclass(frozen=True)
class Snapshot:
    """What to export: the view (logical pixels), how to draw it, at what density, and
    the tile basemap's tiles (fetched beforehand, frozen) if there is one."""

    view: Viewport
    options: RenderOptions
    dpi: float = 96.0
    metadata: dict[str, str] = field(default_factory=dict)
    tiles: TileLayer | None = None

    @property
    def scale(self) -> float:
        return self.dpi / 96.0

    def tile_density(self, path: Path | str) -> float:
        """Tiles as sharp as the output: a PNG's pixel density; at least 2 for PDF and
        SVG, which are printed and zoomed (at most 4, or a page needs thousands)."""
        if export_format(path) == "png":
            return self.scale
        return min(4.0, max(2.0, self.scale))


def export_format(path: Path | str) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(
            translate(
                "export", "unsupported output format {suffix!r}; use .png, .svg or .pdf"
            ).format(suffix=suffix or translate("export", "(no suffix)"))
        )
    return FORMATS[suffix]


def raster_size_problem(width: int, height: int, scale: float = 1.0) -> str | None:
    """Why a ``width``x``height`` image at ``scale`` cannot be made, or None if it can."""
    w, h = round(width * scale), round(height * scale)
    if min(width, height) < 1:
        return translate("export", "size {w}x{h}: each side must be at least 1 pixel").format(
            w=width, h=height
        )
    if w > MAX_SIDE or h > MAX_SIDE or w * h > MAX_PIXELS:
        return translate(
            "export",
            "size {w}x{h} pixels is too large (each side at most {side}, at most {mp} megapixels)",
        ).format(w=w, h=h, side=MAX_SIDE, mp=MAX_PIXELS // 1_000_000)
    return None


def view_bbox_lonlat(view: Viewport) -> tuple[float, float, float, float]:
    from mapapp.geo.projection import WEB_MERCATOR

    x0, y0, x1, y1 = view.bounds()
    w, s = WEB_MERCATOR.inverse(x0, y0)
    e, n = WEB_MERCATOR.inverse(x1, y1)
    return w, s, e, n


def snapshot_metadata(
    view: Viewport,
    options: RenderOptions,
    sources: list[str],
    time_window: TimeWindow | None = None,
    filters: dict[str, str] | None = None,
    hidden: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """The file's provenance: what it shows (bbox, CRS, the time window, every filter and
    hidden layer, the selection) and where it comes from. Values are one-line text with
    no control characters, safe in PNG text chunks, XML and PDF strings."""
    w, s, e, n = view_bbox_lonlat(view)
    meta = {
        "Title": options.title or "mapapp snapshot",
        "Source": "; ".join(sources),
        "BBox": f"{w:.5f},{s:.5f},{e:.5f},{n:.5f} (W,S,E,N degrees, WGS 84)",
        "CRS": MAP_CRS,
        "Software": f"mapapp {__version__}",
        "Creation Time": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "Time Window": time_window.interval() if time_window else "all dates",
        "Filters": "; ".join(f"{k}: {v}" for k, v in (filters or {}).items()) or "none",
    }
    if time_window is not None:
        meta["Time Mode"] = time_window.mode_label()
    for label, value in (filters or {}).items():
        meta[f"Filter {label}"] = value
    if hidden:
        meta["Hidden Layers"] = ", ".join(sorted(hidden))
    if options.selected_event:
        meta["Selected"] = options.selected_event
    return {key: one_line(value) for key, value in meta.items()}


def one_line(text: str) -> str:
    """Control characters (a NUL ends a PNG chunk, XML forbids most) become spaces."""
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)


def render_image(
    view: Viewport,
    basemap: Basemap,
    options: RenderOptions,
    markers: MarkerLayer | None = None,
    scale: float = 1.0,
    situation: SituationLayer | None = None,
    tiles: TileLayer | None = None,
) -> QImage:
    """The map at ``view`` (logical pixels) drawn into an image ``scale`` times larger."""
    image = QImage(
        round(view.width * scale),
        round(view.height * scale),
        QImage.Format.Format_RGB32,  # the map is opaque: no alpha to premultiply or encode
    )
    if image.isNull():
        raise ExportError(
            translate("export", "cannot allocate a {w}x{h} image").format(
                w=image.width(), h=image.height()
            )
        )
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        render_map(painter, view, basemap, options, markers, situation, tiles)
    finally:
        painter.end()
    return image


def encode_png(image: QImage, path: str) -> bool:
    """PNG at the chosen level; an opaque image goes as 24-bit RGB (a third fewer bytes to
    compress than 32-bit)."""
    if not image.hasAlphaChannel():
        image = image.convertToFormat(QImage.Format.Format_RGB888)  # keeps the text chunks
    return image.save(path, "PNG", PNG_QUALITY)


def save_png(image: QImage, path: Path | str, metadata: dict[str, str] | None = None) -> None:
    for key, value in (metadata or {}).items():
        image.setText(key, value)
    write_atomically(Path(path), lambda tmp: encode_png(image, tmp))


def export_snapshot(
    path: Path | str,
    snap: Snapshot,
    basemap: Basemap,
    situation: SituationLayer | None = None,
    progress: Progress = _no_progress,
) -> None:
    """Write ``snap`` to ``path`` in the format its suffix names.

    ``progress`` hears each stage and may raise ``ExportCancelled``; the last call comes
    before the file is renamed into place, so a cancelled export leaves nothing behind.
    """
    fmt = export_format(path)
    if fmt == "png":
        problem = raster_size_problem(snap.view.width, snap.view.height, snap.scale)
        if problem:
            raise ExportError(problem)
    progress(0, translate("export", "Drawing the map"))
    encode: Callable[[str], bool]
    if fmt == "png":
        image = render_image(
            snap.view, basemap, snap.options, None, snap.scale, situation, snap.tiles
        )
        progress(40, translate("export", "Encoding the PNG"))
        for key, value in snap.metadata.items():
            image.setText(key, value)
        encode = lambda tmp: encode_png(image, tmp)  # noqa: E731
    elif fmt == "svg":
        encode = lambda tmp: _write_svg(tmp, snap, basemap, situation)  # noqa: E731
    else:
        encode = lambda tmp: _write_pdf(tmp, snap, basemap, situation)  # noqa: E731

    def write(tmp: str) -> bool:
        ok = encode(tmp)
        progress(95, translate("export", "Saving"))
        return ok

    write_atomically(Path(path), write)
    progress(100, translate("export", "Done"))


def _write_svg(
    tmp: str, snap: Snapshot, basemap: Basemap, situation: SituationLayer | None
) -> bool:
    from PySide6.QtSvg import QSvgGenerator

    v = snap.view
    gen = QSvgGenerator()
    gen.setFileName(tmp)
    gen.setSize(QSize(v.width, v.height))
    gen.setViewBox(QRectF(0, 0, v.width, v.height))
    gen.setResolution(round(snap.dpi))
    gen.setTitle(snap.metadata.get("Title", ""))
    gen.setDescription(snap.metadata.get("Source", ""))
    painter = QPainter()
    if not painter.begin(gen):
        return False
    try:
        render_map(painter, v, basemap, snap.options, None, situation, snap.tiles)
    finally:
        painter.end()
    _insert_svg_metadata(tmp, snap.metadata)
    return True


def _insert_svg_metadata(path: str, meta: dict[str, str]) -> None:
    """Add a Dublin Core <metadata> block (QSvgGenerator writes only <title> and <desc>)."""
    rows = {
        "dc:title": meta.get("Title", ""),
        "dc:source": meta.get("Source", ""),
        "dc:coverage": f"{meta.get('BBox', '')}; map CRS {meta.get('CRS', '')}",
        "dc:creator": meta.get("Software", ""),
        "dc:date": meta.get("Creation Time", ""),
        "dc:description": _description(meta),
        "dc:format": "image/svg+xml",
    }
    body = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in rows.items()) + _mapapp_fields(meta)
    block = (
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:mapapp="{MAPAPP_NS}">'
        f'<rdf:Description rdf:about="">{body}</rdf:Description></rdf:RDF></metadata>\n'
    )
    text = Path(path).read_text(encoding="utf-8")
    start = text.find("<svg")
    end = text.find(">", start)
    if start < 0 or end < 0:
        raise ExportError(translate("export", "the SVG generator wrote no <svg> element"))
    Path(path).write_text(text[: end + 1] + "\n" + block + text[end + 1 :], encoding="utf-8")


def _description(meta: dict[str, str]) -> str:
    """What the picture shows, in a sentence a PDF or SVG viewer's properties display."""
    box, crs = meta.get("BBox", ""), meta.get("CRS", "")
    parts = [
        translate("metadata", "Map of {box}; {crs}").format(box=box, crs=crs),
        translate("metadata", "time window: {window}").format(
            window=meta.get("Time Window", "all dates")
        ),
        translate("metadata", "filters: {filters}").format(filters=meta.get("Filters", "none")),
    ]
    if "Time Mode" in meta:
        parts.insert(2, translate("metadata", "mode: {mode}").format(mode=meta["Time Mode"]))
    return "; ".join(parts)


def _mapapp_fields(meta: dict[str, str]) -> str:
    """What shaped the picture, one element each (``mapapp:timeWindow``,
    ``mapapp:filterActor`` …), in mapapp's own XML namespace."""
    return "".join(
        f"<mapapp:{name}>{escape(meta[key])}</mapapp:{name}>"
        for key in meta
        if key in SHAPING_KEYS or key.startswith("Filter ")
        for name in [_element_name(key)]
    )


def _element_name(key: str) -> str:
    words = [w for w in "".join(c if c.isalnum() else " " for c in key).split() if w]
    return words[0].lower() + "".join(w[:1].upper() + w[1:] for w in words[1:])


def _write_pdf(
    tmp: str, snap: Snapshot, basemap: Basemap, situation: SituationLayer | None
) -> bool:
    from PySide6.QtGui import QPdfWriter

    v = snap.view
    writer = QPdfWriter(tmp)
    writer.setResolution(96)  # one device unit per logical pixel: the page is the view
    page = QPageSize(QSizeF(v.width * 72 / 96, v.height * 72 / 96), QPageSize.Unit.Point)
    writer.setPageLayout(QPageLayout(page, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(snap.metadata.get("Title", ""))
    writer.setCreator(snap.metadata.get("Software", f"mapapp {__version__}"))
    writer.setDocumentXmpMetadata(_xmp(snap.metadata))
    painter = QPainter()
    if not painter.begin(writer):
        return False
    try:
        render_map(painter, v, basemap, snap.options, None, situation, snap.tiles)
    finally:
        painter.end()
    return True


def _xmp(meta: dict[str, str]) -> bytes:
    def alt(value: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li></rdf:Alt>'

    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/" '
        f'xmlns:mapapp="{MAPAPP_NS}"><rdf:Description rdf:about="">'
        f"<dc:title>{alt(meta.get('Title', ''))}</dc:title>"
        f"<dc:description>{alt(_description(meta))}</dc:description>"
        f"<dc:source>{escape(meta.get('Source', ''))}</dc:source>"
        f"<xmp:CreatorTool>{escape(meta.get('Software', ''))}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{escape(meta.get('Creation Time', ''))}</xmp:CreateDate>"
        f"<pdf:Keywords>{escape(meta.get('Source', ''))}</pdf:Keywords>"
        f"{_mapapp_fields(meta)}"
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()
