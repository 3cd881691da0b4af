"""What a published page holds, as data: the events as columns (a situation file's and a
dataset's alike, from the same ``EventsTable`` the window reads), where each marker sits,
the situation's document (actors, claims, figures, places, areas, sources with their
texts) for the details, and the page's settings (first view, time window, selection,
styles, provenance).

Everything here is plain JSON values; ``page.py`` embeds them as data, never as code.
Marker positions and areas are EPSG:3857 metres rounded to the metre, like the basemap.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mapapp.model.situation import PRECISION_LABELS, STATUS_LABELS, Situation
from mapapp.render.situation_layer import SituationLayer

# the columns of the events table the page reads (lists, one entry per event)
EVENT_COLUMNS = (
    "id", "type", "subtype", "title", "notes", "time_precision", "day_lo", "day_hi",
    "location_precision", "location", "area", "actor1", "actor2", "actors", "fatalities",
    "part_of",
)  # fmt: skip


@dataclass(frozen=True)
class PageChoices:
    """What the person publishing chose (``mapapp publish`` options, the dialog)."""

    title: str = ""
    first_day: int | None = None  # only events within these days, since 1970-01-01
    last_day: int | None = None
    select: str = ""
    view: tuple[float, float, float, float] | None = None  # EPSG:3857 box to frame
    tiles: Any = None  # a TileSource under the vector layers (--basemap), or None


def events_payload(situation: Situation, layer: SituationLayer, keep: Any = None) -> dict[str, Any]:
    """The events as columns, with each event's marker position (``mx``/``my``: null for
    an event that has no marker of its own) and its 'when' and 'where' as the window
    words them; ``keep``: a mask of the rows to carry (all if None)."""
    from mapapp.model.events_table import row_when, row_where

    table = situation.events_table()
    frame = table.frame.select([*EVENT_COLUMNS, "time_start", "time_end"])
    cols: dict[str, list] = {
        name: frame[name].cast(str).to_list() if name in ("type", "time_precision",
                                                          "location_precision")
        else frame[name].to_list()
        for name in EVENT_COLUMNS
    }  # fmt: skip
    rows = frame.to_dicts()
    cols["when"] = [row_when(r) for r in rows]
    cols["where"] = [row_where(r) for r in rows]
    mx: list[int | None] = [None] * len(table)
    my: list[int | None] = [None] * len(table)
    markers = layer.markers
    row_of_id = {eid: i for i, eid in enumerate(cols["id"])}
    for k in range(len(markers)):
        row = (
            int(layer.marker_rows[k])
            if situation.table is not None
            else row_of_id[layer.marker_events[k]]
        )
        mx[row], my[row] = round(float(markers.x[k])), round(float(markers.y[k]))
    cols["mx"], cols["my"] = mx, my
    cols["ring_m"] = _rings(situation, layer, cols)
    if keep is not None:
        cols = {k: [v for v, kept in zip(vs, keep, strict=True) if kept] for k, vs in cols.items()}
    return cols


def _rings(situation: Situation, layer: SituationLayer, cols: dict[str, list]) -> list:
    """The 'near' ring's radius in map metres (the window draws the same), or null."""
    out: list[float | None] = [None] * len(cols["id"])
    if situation.table is not None:
        return out
    for i, eid in enumerate(cols["id"]):
        loc = situation.events[eid].location
        pos = layer.positions.get(loc.place)
        if loc.precision == "near" and loc.radius_km and pos is not None:
            out[i] = round(loc.radius_km * 1000 * pos.scale)
    return out


def document_payload(situation: Situation, layer: SituationLayer) -> dict[str, Any] | None:
    """A situation file's document as validated, with each source's text (the cited
    sentences are shown in their paragraphs), each place's map position and each area's
    outline in map metres; None for a dataset (its rows say all there is)."""
    if situation.table is not None:
        return None
    raw = situation.raw
    texts = situation.texts()
    sources = [
        {**s, "text": texts.get(s["id"])} if s.get("id") in texts else dict(s)
        for s in raw.get("sources", [])
    ]
    places = []
    for p in raw.get("places", []):
        pos = layer.positions.get(p["id"])
        at = [round(pos.x), round(pos.y)] if pos is not None else None
        places.append({**p, "at": at})
    areas = []
    for a in raw.get("areas", []):
        path = layer.area_path(a["id"])
        rings = []
        if path is not None:
            for poly in path.toSubpathPolygons():
                rings.append([[round(pt.x()), round(pt.y())] for pt in poly])
        areas.append({"id": a["id"], "name": a["name"], "rings": rings})
    from mapapp.model.figures import figure_groups

    return {
        # the Figures tab's order and names of what the figures count
        "tallies": [[g.tally, g.title] for g in figure_groups(situation)],
        "sources": sources,
        "places": places,
        "areas": areas,
        "actors": raw.get("actors", []),
        "events": raw.get("events", []),
        "claims": raw.get("claims", []),
    }


def styles_payload() -> dict[str, Any]:
    """The window's colours, symbols and labels, so the page draws what it draws."""
    from mapapp.render import style
    from mapapp.render.basemap import DETAIL_MAX_RESOLUTION
    from mapapp.render.bubbles import BUBBLE_R0, BUBBLE_R_PER_DECADE, CELL_PX, MAX_RADIUS
    from mapapp.render.event_styles import EVENT_STYLES
    from mapapp.render.legend import LABELS
    from mapapp.render.overlays import GRATICULE_STEPS, MIN_GRATICULE_PX
    from mapapp.render.scene import RANK_MAX_RESOLUTION

    def rgba(c) -> str:
        return f"rgba({c.red()},{c.green()},{c.blue()},{c.alpha() / 255:.3f})"

    names = (
        "SEA", "LAND_CONTEXT", "LAND", "LAND_FOCUS", "COUNTRY_EDGE", "ADMIN1_EDGE",
        "AZAWAD_FILL", "AZAWAD_HATCH", "AZAWAD_EDGE", "BORDER", "BORDER_CASING", "GRATICULE",
        "GRATICULE_TEXT", "PLACE_DOT", "PLACE_TEXT", "HALO", "COUNTRY_TEXT", "AZAWAD_TEXT",
        "SELECTION",
    )  # fmt: skip
    from mapapp.i18n import translate
    from mapapp.model.vocabulary import (
        TIME_PRECISIONS,
        event_type_label,
        precision_label,
        status_label,
        time_precision_label,
    )
    from mapapp.render.legend import legend_label

    return {
        "colours": {n.lower(): rgba(getattr(style, n)) for n in names},
        "status_colours": dict(style.STATUS_COLOURS),
        "status_labels": {code: status_label(code) for code in STATUS_LABELS},
        "precision_labels": {code: precision_label(code) for code in PRECISION_LABELS},
        "time_precision_labels": {code: time_precision_label(code) for code in TIME_PRECISIONS},
        "link_labels": {
            "corroborates": translate("page", "corroborates"),
            "contradicts": translate("page", "contradicts"),
        },
        "types": [
            {
                "name": name,
                "label": event_type_label(name),
                "shape": ms.shape,
                "fill": rgba(ms.fill),
                "size": ms.size,
            }
            for name, ms in EVENT_STYLES.items()
        ],
        "legend": {key: legend_label(key) for key in LABELS},
        "font": style.FONT_FAMILY,
        "rank_max_resolution": {str(k): v for k, v in RANK_MAX_RESOLUTION.items()},
        "detail_max_resolution": DETAIL_MAX_RESOLUTION,
        "graticule_steps": list(GRATICULE_STEPS),
        "min_graticule_px": MIN_GRATICULE_PX,
        "cell_px": CELL_PX,
        "bubble": [BUBBLE_R0, BUBBLE_R_PER_DECADE, MAX_RADIUS],
    }


def first_view(
    situation: Situation, layer: SituationLayer, choices: PageChoices, events: dict[str, list]
) -> list[float]:
    """The EPSG:3857 box the page opens on: the chosen one; else, when --from/--to left
    out some of a situation file's events, where the kept ones are; else the situation's
    extent (as a snapshot frames it)."""
    box = choices.view
    kept = [(x, y) for x, y in zip(events["mx"], events["my"], strict=True) if x is not None]
    windowed = choices.first_day is not None or choices.last_day is not None
    if box is None and windowed and situation.table is None and kept:
        xs, ys = [x for x, _ in kept], [y for _, y in kept]
        pad = max(max(xs) - min(xs), max(ys) - min(ys), 300_000.0) * 0.08  # as extent()
        box = (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)
    box = box or layer.extent() or (-2.0e7, -1.2e7, 2.0e7, 1.6e7)
    return [round(v) for v in box]
