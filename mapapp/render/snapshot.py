"""From a situation and the user's choices to a ``Snapshot``: one place for the CLI and the
window, so both frame, title, caption and attribute a map the same way."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mapapp.errors import UsageError
from mapapp.geo.viewport import Viewport, framing
from mapapp.i18n import QT_TRANSLATE_NOOP, tr, translate
from mapapp.model.situation import Situation
from mapapp.model.vocabulary import precision_label
from mapapp.render.basemap import Basemap
from mapapp.render.export import Snapshot, one_line, snapshot_metadata
from mapapp.render.scene import LAYERS, RenderOptions, base_attribution
from mapapp.render.situation_layer import SituationLayer

if TYPE_CHECKING:
    from mapapp.geo.tile_sources import TileSource
    from mapapp.model.filters import Filters
    from mapapp.model.table_filters import TableFilters
    from mapapp.model.timeline import TimeWindow


# the filters' names (metadata keys, in English) as a caption shows them
FILTER_NAMES = {
    "Search": QT_TRANSLATE_NOOP("filters", "Search"),
    "Actor": QT_TRANSLATE_NOOP("filters", "Actor"),
    "Claim status": QT_TRANSLATE_NOOP("filters", "Claim status"),
    "Between": QT_TRANSLATE_NOOP("filters", "Between"),
    "Type": QT_TRANSLATE_NOOP("filters", "Type"),
    "Country": QT_TRANSLATE_NOOP("filters", "Country"),
    "Admin1": QT_TRANSLATE_NOOP("filters", "Admin1"),
    "Min fatalities": QT_TRANSLATE_NOOP("filters", "Min fatalities"),
}


def situation_sources(situation: Situation) -> list[str]:
    out = []
    for s in situation.sources.values():
        text = f"{s.publisher}: {s.title}" if s.publisher else s.title
        out.append(f"{text} <{s.url}>" if s.url else text)
    free = translate("map", "public domain")
    return [*out, f"Natural Earth 1:10m ({free})", "GeoNames (CC BY 4.0)"]


def attribution_for(situation: Situation) -> str:
    reports = [s for s in situation.sources.values() if s.kind in ("article", "report")]
    names = sorted({s.publisher for s in reports if s.publisher})
    via = translate("map", " · Reports: {names}").format(names=", ".join(names)) if names else ""
    return f"{base_attribution()}{via}"


def event_caption(situation: Situation, event_id: str) -> str:
    """Title, when and where of an event, at no finer precision than the data."""
    if event_id not in situation.events:  # a dataset's row
        from mapapp.model.events_table import row_title, row_when, row_where

        r = situation.table.row(situation.table.row_of(event_id))
        return f"{row_title(r)}\n{row_when(r)} · {row_where(r)}"
    e = situation.events[event_id]
    loc = e.location
    if loc.place in situation.places:
        name = situation.places[loc.place].name
        near = loc.precision == "near"
        where = translate("caption", "near {place}").format(place=name) if near else name
    elif loc.area in situation.areas:
        where = translate("caption", "{area} (region)").format(area=situation.areas[loc.area].name)
    else:
        where = precision_label(loc.precision)
    claims = len(situation.claims_about(event_id))
    tail = " · " + tr("%Ln claim(s)", "caption", claims) if claims else ""
    return f"{e.title}\n{e.time.label()} · {where}{tail}"


def resolve_selection(situation: Situation, item_id: str) -> str:
    """An event id, or a claim id meaning the event it is about."""
    if situation.has_event(item_id):
        return item_id
    claim = situation.claims.get(item_id)
    if claim is not None and any(e in situation.events for e in claim.about):
        return next(e for e in claim.about if e in situation.events)
    raise UsageError(
        translate(
            "cli", "--select {item_id!r}: no event or claim with that id in this situation"
        ).format(item_id=item_id)
    )


def parse_day(text: str, flag: str) -> int:
    """``--from``/``--to``'s day as days since 1970-01-01; a bad one is a UsageError."""
    from datetime import date

    from mapapp.model.events_table import EPOCH

    try:
        return (date.fromisoformat(text) - EPOCH).days
    except ValueError:
        raise UsageError(
            translate("cli", "{flag} must be a day like 2024-07-25, not {given!r}").format(
                flag=flag, given=text
            )
        ) from None


def time_window_for(
    layer: SituationLayer, first: str | None, last: str | None, mode: str
) -> TimeWindow | None:
    """The command line's --from/--to/--mode as a window (``shape_layer`` applies it)
    (an open end: the data's first or last day)."""
    if not first and not last:
        return None
    from mapapp.model.timeline import TimeWindow

    table = layer.situation.events_table()
    lo, hi, dated = table.days()
    days = []
    for flag, text, default in (
        ("--from", first, int(lo[dated].min()) if dated.any() else 0),
        ("--to", last, int(hi[dated].max()) if dated.any() else 0),
    ):
        days.append(parse_day(text, flag) if text else default)
    if days[0] > days[1]:
        from mapapp.model.events_table import day_text

        a = first or translate("cli", "{day} (the first event's day)").format(day=day_text(days[0]))
        b = last or translate("cli", "{day} (the last event's day)").format(day=day_text(days[1]))
        raise UsageError(
            translate("cli", "--from {first} is after --to {last}").format(first=a, last=b)
        )
    return TimeWindow(days[0], days[1], mode)


def shape_layer(
    layer: SituationLayer, window: TimeWindow | None, filters: Filters | TableFilters | None
) -> None:
    """Show on the layer what the time window and the filters let through, as the window's
    timeline and side panel do (a situation file takes ``Filters``, a dataset
    ``TableFilters``)."""
    if window is None and filters is None:
        return  # the layer as made: all shown (and no numpy to import for a small one)
    import numpy as np

    s = layer.situation
    table = s.events_table()
    shown = window.shown(table) if window is not None else None
    rows = np.ones(len(table), bool) if shown is None else shown > 0
    if filters is not None and s.table is not None:
        from mapapp.model.table_filters import matching_rows

        rows &= matching_rows(s.table, filters)
    elif filters is not None:
        from mapapp.model.filters import matching_events

        passing = matching_events(s, filters)
        rows &= np.array([eid in passing for eid in table.column("id").to_list()], bool)
    layer.set_visible_rows(rows)
    layer.set_alpha(shown if window is not None and window.mode == "fade" else None)


def bbox_map_box(bbox: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """W,S,E,N degrees as the EPSG:3857 box they span (latitudes held within ±85°)."""
    from mapapp.geo.projection import WEB_MERCATOR

    w, s, e, n = bbox
    x0, y0 = WEB_MERCATOR.forward(w, max(s, -85.0))
    x1, y1 = WEB_MERCATOR.forward(e, min(n, 85.0))
    return x0, y0, x1, y1


def bbox_view(bbox: tuple[float, float, float, float], width: int, height: int) -> Viewport:
    return framing(bbox_map_box(bbox), width, height, margin=0.0)


def default_view(
    layer: SituationLayer, width: int, height: int, bbox: tuple[float, float, float, float] | None
) -> Viewport:
    """The command line's frame: the bbox if given, else the situation's extent."""
    if bbox is not None:
        return bbox_view(bbox, width, height)
    extent = layer.extent() or (-2.0e7, -1.2e7, 2.0e7, 1.6e7)
    return framing(extent, width, height, margin=0.02)


def build_snapshot(
    layer: SituationLayer,
    basemap: Basemap,
    view: Viewport,
    dpi: float = 96.0,
    title: str | None = None,
    select: str | None = None,
    hidden: frozenset[str] = frozenset(),
    legend: bool = True,
    scale_bar: bool = True,
    north_arrow: bool = True,
    attribution: bool = True,
    data_date: bool = True,
    base: RenderOptions | None = None,
    time_window: TimeWindow | None = None,
    tile_source: TileSource | None = None,
    filters: dict[str, str] | None = None,
) -> Snapshot:
    """``time_window`` and ``filters`` (label -> value, from ``described``): what the
    layer's markers already follow; the caption and the metadata say so. ``tile_source``:
    the tile basemap, credited in the metadata (its tiles are added by
    ``tile_loader.with_tiles``)."""
    s = layer.situation
    filters = {k: one_line(v) for k, v in (filters or {}).items()}  # typed text, drawn
    selected = resolve_selection(s, select) if select else None
    lines = [event_caption(s, selected) if selected else ""]
    if time_window is not None:
        lines.append(translate("caption", "Events: {window}").format(window=time_window.label()))
    if filters:
        shown = " · ".join(
            translate("caption", "{filter}: {value}").format(
                filter=translate("filters", FILTER_NAMES.get(k, k)), value=v
            )
            for k, v in filters.items()
        )
        lines.append(translate("caption", "Filtered: {filters}").format(filters=shown))
    caption = "\n".join(x for x in lines if x)
    options = replace(
        base or RenderOptions(),
        layers=(base.layers if base else frozenset(LAYERS)) - hidden,
        title=s.title if title is None else title,
        focus_places=layer.focus_names(),
        selected_event=selected or (base.selected_event if base else None),
        legend=legend,
        scale_bar=scale_bar,
        north_arrow=north_arrow,
        attribution=attribution,
        attribution_text=attribution_for(s),
        data_date=s.data_date if data_date else "",
        caption=caption,
        measure=None,
    )
    sources = situation_sources(s)
    if tile_source is not None:
        credit = tile_source.attribution or translate("map", "no credit given by the source")
        text = translate("map", "Basemap tiles: {name} ({credit})")
        sources.append(text.format(name=tile_source.name, credit=credit))
    hidden_layers = frozenset(LAYERS) - options.layers
    metadata = snapshot_metadata(view, options, sources, time_window, filters, hidden_layers)
    if tile_source is not None:
        metadata["Basemap"] = f"{tile_source.name}; {credit}"
    return Snapshot(view, options, dpi, metadata)
