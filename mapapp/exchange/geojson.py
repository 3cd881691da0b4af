"""Situation ↔ GeoJSON (RFC 7946).

Places, areas and events become features (lon,lat order, right-hand polygons, no
``crs`` member). Each feature carries its item as in the situation file plus flat,
readable columns for GIS tools (time_start, place_name, actor_names…), and events list
the claims about them. What has no geometry of its own — the sources, the actors and the
whole claim list — rides in a ``mapapp`` foreign member, so a mapapp GeoJSON converts
back into the same situation. A GeoJSON from elsewhere imports point by point, each
feature cited to the file it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mapapp.exchange.geometry import area_shape, event_point, rfc7946_geometry
from mapapp.i18n import translate
from mapapp.model.files import Problem
from mapapp.model.situation import Situation

FORMAT = "mapapp-situation"
EVENT_KEYS = ("id", "type", "subtype", "title", "summary", "part_of", "time", "location")
EVENT_KEYS += ("actors", "citations")
PLACE_KEYS = ("id", "name", "lon", "lat", "gazetteer", "country", "coordinate_source")
PLACE_KEYS += ("accuracy_km", "citations")
AREA_KEYS = ("id", "name", "geodata", "citations")
HEADER_KEYS = ("format", "version", "title", "description", "data_date", "focus")


def to_geojson(situation: Situation) -> dict[str, Any]:
    raw = situation.raw
    features = [_place_feature(p) for p in raw.get("places", [])]
    features += [_area_feature(situation, a) for a in raw.get("areas", [])]
    claims_raw = {c["id"]: c for c in raw.get("claims", [])}
    features += [_event_feature(situation, e, claims_raw) for e in raw.get("events", [])]
    member = {k: raw[k] for k in HEADER_KEYS if k in raw}
    member |= {k: raw.get(k, []) for k in ("sources", "actors", "claims")}
    return {
        "type": "FeatureCollection",
        "name": situation.title,
        "mapapp": member,
        "features": features,
    }


def _place_feature(p: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "id": f"place:{p['id']}",
        "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
        "properties": {"kind": "place", **p},
    }


def _area_feature(situation: Situation, a: dict[str, Any]) -> dict[str, Any]:
    shape = area_shape(situation.areas[a["id"]])
    return {
        "type": "Feature",
        "id": f"area:{a['id']}",
        "geometry": rfc7946_geometry(shape) if shape is not None else None,
        "properties": {"kind": "area", **a},
    }


def _event_feature(
    situation: Situation, e: dict[str, Any], claims_raw: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    event = situation.events[e["id"]]
    point = event_point(situation, event)
    loc, time = event.location, event.time
    place = situation.places.get(loc.place)
    area = situation.areas.get(loc.area)
    actors = [situation.actors[p.actor].name for p in event.actors if p.actor in situation.actors]
    claims = [_claim_dict(situation, claims_raw[c.id]) for c in situation.claims_about(event.id)]
    flat = {
        "time_start": time.start,
        "time_end": time.end,
        "time_precision": time.precision,
        "time_label": time.label(),
        "location_precision": loc.precision,
        "place_name": place.name if place else "",
        "area_name": area.name if area else "",
        "actor_names": "; ".join(actors),
        "claim_count": len(claims),
    }
    return {
        "type": "Feature",
        "id": f"event:{event.id}",
        "geometry": {"type": "Point", "coordinates": list(point)} if point else None,
        "properties": {"kind": "event", **e, **flat, "claims": claims},
    }


def _claim_dict(situation: Situation, raw: dict[str, Any]) -> dict[str, Any]:
    claimant = situation.actors.get(raw.get("claimant", ""))
    return {**raw, "claimant_name": claimant.name if claimant else ""}


# --- import -------------------------------------------------------------------------


def from_geojson(data: Any, path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """A situation dict (to be validated by the caller) from a GeoJSON object."""
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        return {}, [Problem("$", translate("data", "not a GeoJSON FeatureCollection"))]
    features = data.get("features")
    if not isinstance(features, list):
        return {}, [Problem("$.features", translate("data", "must be a list of features"))]
    member = data.get("mapapp")
    if isinstance(member, dict) and member.get("format") == FORMAT:
        return _from_mapapp(member, features)
    return _from_points(features, path)


def _from_mapapp(member: dict[str, Any], features: list[Any]) -> tuple[dict, list[Problem]]:
    out: dict[str, Any] = {k: member[k] for k in HEADER_KEYS if k in member}
    out |= {"sources": member.get("sources", []), "places": [], "areas": [], "events": []}
    problems = []
    for i, f in enumerate(features):
        props = f.get("properties") if isinstance(f, dict) else None
        if not isinstance(props, dict):
            msg = translate("data", "a feature without properties")
            problems.append(Problem(f"$.features[{i}]", msg))
            continue
        kind = props.get("kind")
        geom = f.get("geometry")
        if kind == "place":
            item = {k: props[k] for k in PLACE_KEYS if k in props}
            coords = geom.get("coordinates") if isinstance(geom, dict) else None
            if isinstance(coords, list) and len(coords) >= 2:
                item["lon"], item["lat"] = coords[0], coords[1]
            out["places"].append(item)
        elif kind == "area":
            item = {k: props[k] for k in AREA_KEYS if k in props}
            if "geodata" not in item and geom is not None:
                item["geometry"] = geom
            out["areas"].append(item)
        elif kind == "event":
            out["events"].append({k: props[k] for k in EVENT_KEYS if k in props})
        else:
            msg = translate("data", "must be place, area or event")
            problems.append(Problem(f"$.features[{i}].properties.kind", msg))
    out["actors"] = member.get("actors", [])
    out["claims"] = member.get("claims", [])
    return out, problems


def _from_points(features: list[Any], path: Path) -> tuple[dict, list[Problem]]:
    """Any point GeoJSON: each point is a place and an event at it, cited to the file."""
    from mapapp.model.ids import IdMaker

    source = {"id": "imported", "kind": "dataset", "title": path.name[:300]}
    places, events, problems = [], [], []
    ids = IdMaker()
    for i, f in enumerate(features):
        where = f"$.features[{i}]"
        geom = f.get("geometry") if isinstance(f, dict) else None
        if not isinstance(geom, dict) or geom.get("type") != "Point":
            msg = translate("data", "only Point features can be imported")
            problems.append(Problem(f"{where}.geometry", msg))
            continue
        props = f.get("properties")
        props = props if isinstance(props, dict) else {}
        coords = geom.get("coordinates")
        if (
            not isinstance(coords, list)
            or len(coords) < 2
            or not all(type(v) in (int, float) for v in coords[:2])
        ):
            msg = translate("data", "needs [lon, lat] numbers")
            problems.append(Problem(f"{where}.geometry.coordinates", msg))
            continue
        name = str(props.get("name") or props.get("title") or f.get("id") or f"Feature {i + 1}")
        cite = [{"source": "imported", "locator": f"feature {i + 1}"}]
        pid = ids.make(f"place-{name}")
        places.append(
            {"id": pid, "name": name[:300], "lon": coords[0], "lat": coords[1], "citations": cite}
        )
        date = str(props.get("date") or props.get("event_date") or "")[:10]
        time = {"precision": "day", "start": date} if _is_day(date) else {"precision": "unknown"}
        events.append(
            {
                "id": ids.make(str(f.get("id") or name)),
                "type": "report",
                "title": name[:300],
                "time": time,
                "location": {"precision": "exact", "place": pid},
                "citations": cite,
            }
        )
    situation = {
        "format": FORMAT,
        "version": 1,
        "title": f"Imported from {path.name}"[:300],
        "sources": [source],
        "places": places,
        "actors": [],
        "events": events,
        "claims": [],
    }
    return situation, problems


def _is_day(text: str) -> bool:
    import re

    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))
