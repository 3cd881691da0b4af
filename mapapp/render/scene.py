"""The one drawing path: ``render_map`` paints a view state onto any QPainter.

The window, PNG/SVG/PDF exports and the benchmarks all call it, so what is exported is
what is on screen. It reads a ``Viewport`` and ``RenderOptions`` and never a widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen

from mapapp.geo.layers import display_name
from mapapp.geo.viewport import Viewport
from mapapp.i18n import QT_TRANSLATE_NOOP, format_date, translate
from mapapp.render import style
from mapapp.render.basemap import Basemap, draw_basemap, visible_features
from mapapp.render.labels import LabelPlacer, draw_halo_text, point_label_candidates, text_size
from mapapp.render.legend import draw_legend, legend_label, legend_size
from mapapp.render.overlays import (
    attribution_lines,
    attribution_rect,
    draw_attribution,
    draw_graticule,
    draw_north_arrow,
    draw_scale_bar,
    draw_title,
)
from mapapp.render.symbols import MarkerStyle

if TYPE_CHECKING:
    from mapapp.render.markers import MarkerLayer
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.render.tiles import TileLayer, TilePlan

# Layer key -> name shown in the layer list, in list order (top of list = drawn last).
LAYERS: dict[str, str] = {  # in English; layer_name gives them in the interface's language
    "markers": QT_TRANSLATE_NOOP("layers", "Event markers"),
    "places": QT_TRANSLATE_NOOP("layers", "Places"),
    "mali_algeria_border": QT_TRANSLATE_NOOP("layers", "Mali–Algeria border"),
    "azawad": QT_TRANSLATE_NOOP("layers", "Azawad (2012 claim)"),
    "mali_admin1": QT_TRANSLATE_NOOP("layers", "Mali regions (admin-1)"),
    "graticule": QT_TRANSLATE_NOOP("layers", "Graticule"),
    "countries_10m": QT_TRANSLATE_NOOP("layers", "Countries (1:10m)"),
    "world_context": QT_TRANSLATE_NOOP("layers", "World (context)"),
}


def layer_name(key: str) -> str:
    return translate("layers", LAYERS[key])


def base_attribution() -> str:
    """The basemap's credit line (the sources' names stay as they are)."""
    free = translate("map", "public domain")
    return f"Natural Earth ({free}) · GeoNames (CC BY 4.0) · mapapp"


# Place labels appear once the map is closer than this (metres per pixel) for each rank.
RANK_MAX_RESOLUTION = {1: 40_000.0, 2: 12_000.0, 3: 6_000.0}


@dataclass(frozen=True)
class RenderOptions:
    layers: frozenset[str] = field(default_factory=lambda: frozenset(LAYERS))
    scale_bar: bool = True
    north_arrow: bool = True
    attribution: bool = True
    title: str = ""
    subtitle: str = ""
    focus_places: frozenset[str] = frozenset()
    selected_event: str | None = None
    measure: tuple[tuple[float, float], tuple[float, float], str] | None = None
    legend: bool = False
    caption: str = ""  # a selected event's caption, in exports
    density: bool = False  # events as a density grid instead of markers and clusters
    attribution_text: str = field(default_factory=base_attribution)
    data_date: str = ""


@dataclass
class Drawn:
    """What a frame drew: text labels (for overlap checks), legend entry keys and box."""

    labels: list[tuple[str, QRectF]]
    legend: list[str]
    legend_rect: QRectF | None = None
    tiles: TilePlan | None = None
    footer: list[str] = field(default_factory=list)  # the attribution lines, as drawn


def render_map(
    painter: QPainter,
    view: Viewport,
    basemap: Basemap,
    options: RenderOptions,
    markers: MarkerLayer | None = None,
    situation: SituationLayer | None = None,
    tiles: TileLayer | None = None,
) -> Drawn:
    """Draw the map for ``view`` onto any painter (screen, image, SVG, PDF, printer);
    ``tiles``: a tile basemap between the land fills and the boundary lines."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setClipRect(QRectF(0, 0, view.width, view.height))
    plan = None
    if tiles is None:
        painter.fillRect(QRectF(0, 0, view.width, view.height), style.SEA)
        draw_basemap(painter, basemap, view, options.layers)
    else:
        from mapapp.render.tiles import covers_view, draw_tiles, plan_tiles

        plan = plan_tiles(view, tiles.source, tiles.density)
        hidden = covers_view(view, tiles, plan)
        if not hidden:
            painter.fillRect(QRectF(0, 0, view.width, view.height), style.SEA)
        draw_basemap(
            painter,
            basemap,
            view,
            options.layers,
            lambda: draw_tiles(painter, view, tiles, plan),
            fills=not hidden,
        )
    footer = _footer_lines(view, options, tiles)
    placer = LabelPlacer(QRectF(0, 0, view.width, view.height))
    _reserve_overlays(placer, view, options, footer)
    show_events = situation is not None and "markers" in options.layers
    extra = situation.extra_places() if situation is not None else []
    places = _visible_places(basemap, view, options, extra) if "places" in options.layers else []
    entries = legend_entries(basemap, view, options, places, situation if show_events else None)
    legend_rect = _legend_rect(view, footer, entries) if options.legend and entries else None
    if legend_rect is not None:
        placer.reserve(legend_rect)
    caption_rect = _caption_rect(view, options) if options.caption else None
    if caption_rect is not None:
        placer.reserve(caption_rect)
    if "graticule" in options.layers:
        draw_graticule(painter, basemap, view, placer)
    if show_events:
        situation.draw_under(painter, view, options.selected_event)
        for rect in [] if options.density else situation.marker_rects(view):
            placer.reserve(rect)
    _draw_places(painter, view, options, placer, places)
    _draw_area_labels(painter, basemap, view, options, placer)
    if markers is not None and "markers" in options.layers:
        markers.draw(painter, view)
    if show_events:
        situation.draw_markers(painter, view, options.selected_event, options.density)
    if options.measure:
        _draw_measure(painter, view, options.measure)
    if options.scale_bar:
        draw_scale_bar(painter, view, basemap)
    if options.north_arrow:
        draw_north_arrow(painter, view)
    if footer:
        draw_attribution(painter, view, footer)
    if options.title:
        draw_title(painter, view, options.title, options.subtitle)
    if caption_rect is not None:
        _draw_caption(painter, caption_rect, options.caption)
    if legend_rect is not None:
        draw_legend(painter, legend_rect, entries)
    painter.restore()
    keys = [key for key, _, _ in entries]
    return Drawn(placer.labels, keys, legend_rect, plan, footer)


def legend_entries(
    basemap: Basemap,
    view: Viewport,
    options: RenderOptions,
    places: list,
    situation: SituationLayer | None,
) -> list[tuple[str, str, MarkerStyle | None]]:
    """One entry per kind of symbol this frame draws, asked with the drawing's own tests."""
    on = options.layers
    out: list[tuple[str, str, MarkerStyle | None]] = []
    if situation is not None and options.density and "markers" in on:
        out.append(("density", legend_label("density"), None))
    elif situation is not None:
        out += situation.legend_entries(view, options.selected_event)
    for key in ("mali_algeria_border", "azawad", "mali_admin1"):
        if key in on and visible_features(basemap, key, view):
            out.append((key, legend_label(key), None))
    countries = "countries_10m" in on and visible_features(basemap, "countries_10m", view)
    world = "world_context" in on and visible_features(basemap, "world_context", view)
    if countries or world:
        out.append(("country_edge", legend_label("country_edge"), None))
    if places:
        out.append(("places", legend_label("places"), None))
    return out


def _legend_rect(view: Viewport, footer: list[str], entries) -> QRectF:
    w, h = legend_size(entries)
    bottom = (attribution_rect(view, footer).top() - 4) if footer else view.height - 8
    return QRectF(view.width - w - 10, bottom - h, w, h)


def _caption_rect(view: Viewport, options: RenderOptions) -> QRectF:
    f = style.font(12)
    lines = options.caption.split("\n")
    w = max(text_size(f, line)[0] for line in lines) + 20
    h = len(lines) * (text_size(f, "Ag")[1] + 2) + 14
    top = 12 + (70 if options.title else 0)
    return QRectF(12, top, min(w, view.width * 0.6), h)


def _draw_caption(painter: QPainter, rect: QRectF, caption: str) -> None:
    """The selected event's caption: a plain-text box beside the title."""
    painter.save()
    painter.setPen(QPen(style.SELECTION, 2))
    painter.setBrush(style.OVERLAY_BG)
    painter.drawRoundedRect(rect, 3, 3)
    painter.setPen(style.OVERLAY_TEXT)
    painter.setFont(style.font(12))
    painter.drawText(rect.adjusted(10, 7, -10, -7), Qt.TextFlag.TextWordWrap, caption)
    painter.restore()


def _footer_lines(view: Viewport, options: RenderOptions, tiles: TileLayer | None) -> list[str]:
    """The bottom lines: the data date, the tile provider's credit (always, as providers
    require) and our attribution (switchable), wrapped to fit beside the scale bar."""
    parts = []
    if options.data_date:
        parts.append(
            translate("map", "Data as of {date}").format(date=format_date(options.data_date))
        )
    if tiles is not None:  # a file without a credit is named, at least
        credit = tiles.source.attribution or tiles.source.name
        parts.append(translate("map", "Basemap: {credit}").format(credit=credit))
    if options.attribution:
        parts.append(options.attribution_text)
    if not parts:
        return []
    beside_scale_bar = options.scale_bar and view.width - 270 >= 300
    room = max(160.0, view.width - (270 if beside_scale_bar else 20))
    return list(attribution_lines(tuple(parts), room))


def _reserve_overlays(
    placer: LabelPlacer, view: Viewport, options: RenderOptions, footer: list[str]
) -> None:
    """Keep labels out from under the scale bar, north arrow and attribution."""
    w, h = view.width, view.height
    if options.scale_bar:
        placer.reserve(QRectF(0, h - 70, 250, 70))
    if options.north_arrow:
        placer.reserve(QRectF(w - 60, 0, 60, 90))
    if footer:
        placer.reserve(attribution_rect(view, footer))
    if options.title:
        placer.reserve(QRectF(0, 0, 520, 64))


def _visible_places(
    basemap: Basemap,
    view: Viewport,
    options: RenderOptions,
    extra: list[tuple[str, float, float]],
) -> list[tuple[int, str, float, float, bool]]:
    """(rank, name, sx, sy, focus) of the places a frame shows, most important first.
    ``extra``: the situation's own places that the gazetteer lacks (name, x, y)."""
    shown = []
    candidates = [
        (
            str(f.props.get("name", "")),
            display_name(f.props),
            *f.bbox[:2],
            int(f.props.get("rank", 3)),
        )
        for f in basemap.places
    ] + [(name, name, x, y, 1) for name, x, y in extra]
    for name, shown_as, x, y, place_rank in candidates:
        focus = name in options.focus_places  # the situation names places in English
        rank = 0 if focus else place_rank
        if not focus and view.resolution > RANK_MAX_RESOLUTION.get(rank, 3_000.0) * 1.6:
            continue
        sx, sy = view.map_to_screen(x, y)
        if view.contains_screen(sx, sy):
            shown.append((rank, shown_as, sx, sy, focus))
    shown.sort(key=lambda s: (s[0], s[1]))
    return shown


def _draw_places(
    painter: QPainter,
    view: Viewport,
    options: RenderOptions,
    placer: LabelPlacer,
    shown: list[tuple[int, str, float, float, bool]],
) -> None:
    """Dots for every shown place; labels by rank where they fit, focus places first."""
    painter.save()
    painter.setPen(QPen(style.HALO, 1.2))
    for _rank, _name, sx, sy, _focus in shown:
        painter.setBrush(style.PLACE_DOT)
        painter.drawEllipse(QPointF(sx, sy), 3.0, 3.0)
        placer.reserve(QRectF(sx - 4, sy - 4, 8, 8))
    for rank, name, sx, sy, focus in shown:
        label_ok = focus or view.resolution <= RANK_MAX_RESOLUTION.get(rank, 3_000.0)
        if not label_ok:
            continue
        f = style.font(13 if focus else 12 if rank == 1 else 11, bold=focus or rank == 1)
        w, h = text_size(f, name)
        rect = placer.place(point_label_candidates(sx, sy, w, h, 12 if focus else 6))
        if rect is not None:
            color = style.FOCUS_MARK.darker(130) if focus else style.PLACE_TEXT
            draw_halo_text(painter, rect, name, f, color)
            placer.labels.append((name, rect))
    painter.restore()


def _spaced(text: str) -> str:
    return " ".join(text.upper())


def _anchors(f, view: Viewport) -> list[tuple[float, float]]:
    """Screen positions of a feature's label anchors in view, best (most central) first."""
    pts = ([f.label] if f.label else []) + list(f.label_candidates)
    cx, cy = view.width / 2, view.height / 2
    shown = []
    for mx, my in pts:
        sx, sy = view.map_to_screen(mx, my)
        if 0 <= sx <= view.width and 0 <= sy <= view.height:
            shown.append((abs(sx - cx) + abs(sy - cy), sx, sy))
    return [(sx, sy) for _, sx, sy in sorted(shown)[:4]]


def _draw_area_labels(
    painter: QPainter, basemap: Basemap, view: Viewport, options: RenderOptions, placer: LabelPlacer
) -> None:
    """Azawad first, then countries, then Mali's regions, each only where it fits."""
    items = []
    if "azawad" in options.layers:
        for f in basemap.features("azawad"):
            items.append(("AZAWAD", f, style.font(15, bold=True), style.AZAWAD_TEXT))
    if "countries_10m" in options.layers or "world_context" in options.layers:
        for f in basemap.features("countries_10m"):
            name = display_name(f.props)
            if name and f.bbox.width() / view.resolution > 90:
                items.append((_spaced(name), f, style.font(13), style.COUNTRY_TEXT))
    if "mali_admin1" in options.layers and view.resolution < 4_000:
        for f in basemap.features("mali_admin1"):
            name = display_name(f.props)
            if name:
                items.append((name, f, style.font(11, italic=True), style.ADMIN1_EDGE))
    for text, f, font, color in items:
        w, h = text_size(font, text)
        candidates = [
            QRectF(sx - w / 2, sy - h / 2 + dy, w, h)
            for sx, sy in _anchors(f, view)
            for dy in (0.0, -h * 1.5, h * 1.5)
        ]
        placed = placer.place(candidates)
        if placed is not None:
            draw_halo_text(painter, placed, text, font, color, halo=2.5)
            placer.labels.append((text, placed))


def _draw_measure(painter: QPainter, view: Viewport, measure) -> None:
    (ax, ay), (bx, by), label = measure
    a = QPointF(*view.map_to_screen(ax, ay))
    b = QPointF(*view.map_to_screen(bx, by))
    painter.save()
    painter.setPen(QPen(style.HALO, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(a, b)
    painter.setPen(QPen(style.MEASURE, 2.5, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(a, b)
    painter.setBrush(style.MEASURE)
    painter.setPen(QPen(style.HALO, 1.5))
    painter.drawEllipse(a, 4, 4)
    painter.drawEllipse(b, 4, 4)
    if label:
        f = style.font(12, bold=True)
        w, h = text_size(f, label)
        mid = (a + b) / 2
        draw_halo_text(painter, QRectF(mid.x() + 8, mid.y() - h - 4, w, h), label, f, style.MEASURE)
    painter.restore()
