"""Edits of a situation document, as pure functions from one document to the next.

Each edit returns a new document (the old one is left as it was, so an undo is keeping
the old one) and is checked by the same validation as a file: an edit that would make
the situation invalid is refused with the problems, and nothing changes. Citations of
an article are made from a selection: source, exact start/end offsets and the quoted
text, which validation checks against the article character for character.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from mapapp.i18n import translate
from mapapp.model.files import Problem
from mapapp.model.ids import IdMaker

KINDS = ("places", "actors", "events", "claims")


class EditError(Exception):
    """The edit would leave the situation invalid; ``problems`` say why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(map(str, problems[:3])))
        self.problems = problems


@dataclass(frozen=True)
class Selection:
    """A span of a source's text, as selected (``start``/``end``: character offsets)."""

    source: str
    start: int
    end: int
    text: str

    def citation(self) -> dict[str, Any]:
        return {"source": self.source, "start": self.start, "end": self.end, "quote": self.text}


def selection(texts: dict[str, str], source: str, start: int, end: int) -> Selection:
    """The selection of [start, end) in ``source``'s text, trimmed of surrounding spaces
    (a quote starts and ends on its words)."""
    text = texts[source]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise EditError([Problem("$", translate("data", "the selection holds no text"))])
    return Selection(source, start, end, text[start:end])


def new_id(data: dict[str, Any], text: str) -> str:
    """A readable id not used by any item of the document."""
    maker = IdMaker()
    for kind in ("sources", *KINDS):
        maker.used.update(item["id"] for item in data.get(kind, []))
    return maker.make(text)


def add_item(
    data: dict[str, Any], kind: str, item: dict[str, Any], texts: dict[str, str]
) -> dict[str, Any]:
    """The document with ``item`` appended to ``kind`` (places, actors, events, claims)."""
    if kind not in KINDS:
        raise ValueError(kind)
    out = copy.deepcopy(data)
    out.setdefault(kind, []).append(copy.deepcopy(item))
    return _checked(out, texts)


def change_item(
    data: dict[str, Any], kind: str, item_id: str, changes: dict[str, Any], texts: dict[str, str]
) -> dict[str, Any]:
    """The document with fields of one item replaced (a value None removes the field)."""
    out = copy.deepcopy(data)
    item = _find(out, kind, item_id)
    for key, value in changes.items():
        if value is None:
            item.pop(key, None)
        else:
            item[key] = copy.deepcopy(value)
    return _checked(out, texts)


def dependents(data: dict[str, Any], kind: str, item_id: str) -> list[str]:
    """What refers to an item (to say so before it is deleted): 'event battle (place)'."""
    out = []
    if kind == "places" and item_id in data.get("focus", []):
        out.append(translate("data", "the situation's focus places"))
    for e in data.get("events", []):
        loc = e.get("location", {})
        if kind == "places" and loc.get("place") == item_id:
            out.append(translate("data", "event {id} (its place)").format(id=e["id"]))
        if kind == "events" and e.get("part_of") == item_id:
            out.append(translate("data", "event {id} (part of it)").format(id=e["id"]))
        if kind == "actors" and any(p.get("actor") == item_id for p in e.get("actors", [])):
            out.append(translate("data", "event {id} (a participant)").format(id=e["id"]))
    for c in data.get("claims", []):
        if kind == "actors" and c.get("claimant") == item_id:
            out.append(translate("data", "claim {id} (its claimant)").format(id=c["id"]))
        if kind == "events" and item_id in c.get("about", []):
            out.append(translate("data", "claim {id} (what it is about)").format(id=c["id"]))
        if kind == "claims" and any(x.get("claim") == item_id for x in c.get("links", [])):
            out.append(translate("data", "claim {id} (a link to it)").format(id=c["id"]))
    for a in data.get("actors", []):
        if kind == "actors" and any(r.get("actor") == item_id for r in a.get("relations", [])):
            out.append(translate("data", "actor {id} (a relation)").format(id=a["id"]))
    return out


def delete_item(
    data: dict[str, Any],
    kind: str,
    item_id: str,
    texts: dict[str, str],
    detach: bool = False,
) -> dict[str, Any]:
    """The document without the item. While anything refers to it, the delete is refused
    (the caller asks the user first, showing ``dependents``) unless ``detach``: then the
    references go with it and what held them stays (a claim whose claimant is deleted
    becomes unattributed, an event whose place is deleted has an unknown location)."""
    found = dependents(data, kind, item_id)
    if found and not detach:
        what = ", ".join(found[:5]) + (" …" if len(found) > 5 else "")
        msg = translate("data", "still referred to by {items}").format(items=what)
        raise EditError([Problem(f"{kind} {item_id}", msg)])
    out = copy.deepcopy(data)
    _find(out, kind, item_id)
    out[kind] = [x for x in out[kind] if x["id"] != item_id]
    _drop_references(out, kind, item_id)
    return _checked(out, texts)


def _drop_references(data: dict[str, Any], kind: str, item_id: str) -> None:
    def prune(item: dict[str, Any], key: str, keep) -> None:
        if key in item:
            item[key] = [x for x in item[key] if keep(x)]
            if not item[key]:
                del item[key]

    if kind == "places":
        prune(data, "focus", lambda x: x != item_id)
    for e in data.get("events", []):
        loc = e.get("location", {})
        if kind == "places" and loc.get("place") == item_id:
            del loc["place"]
            loc.pop("radius_km", None)
            if loc.get("precision") in ("exact", "near") or not loc.get("area"):
                loc["precision"] = "region" if loc.get("area") else "unknown"
        if kind == "events" and e.get("part_of") == item_id:
            del e["part_of"]
        if kind == "actors":
            prune(e, "actors", lambda p: p.get("actor") != item_id)
    for c in data.get("claims", []):
        if kind == "actors" and c.get("claimant") == item_id:
            del c["claimant"]
        if kind == "events":
            prune(c, "about", lambda x: x != item_id)
        if kind == "claims":
            prune(c, "links", lambda x: x.get("claim") != item_id)
    for a in data.get("actors", []):
        if kind == "actors":
            prune(a, "relations", lambda r: r.get("actor") != item_id)


def _find(data: dict[str, Any], kind: str, item_id: str) -> dict[str, Any]:
    for item in data.get(kind, []):
        if item["id"] == item_id:
            return item
    raise EditError([Problem(f"{kind} {item_id}", translate("data", "no such item"))])


def _checked(data: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    from mapapp.model.validation import validate

    problems, _ = validate(data, None, texts)
    if problems:
        raise EditError(problems)
    return data


# Places put on the map by hand: their coordinates come from the user's click, said so by
# a source every such place names as its coordinate_source, with how far off it may be.
HAND_SOURCE = {
    "id": "placed-by-hand",
    "kind": "reference",
    "title": "Placed by hand on the map in mapapp",
    "note": "Coordinates chosen by the analyst on the map, not taken from a gazetteer; "
    "accuracy_km says how far the true place may lie.",
}
ACCURACIES_KM = {
    "exact (within 100 m)": 0.1,
    "within 1 km": 1.0,
    "within 5 km": 5.0,
    "within 25 km": 25.0,
    "rough (within 100 km)": 100.0,
}


def hand_placed(
    data: dict[str, Any],
    name: str,
    lon: float,
    lat: float,
    accuracy_km: float,
    citation: dict[str, Any],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A place at a clicked position (and the document with its coordinate source, added
    once), ready for ``add_item``."""
    out = copy.deepcopy(data)
    if not any(s["id"] == HAND_SOURCE["id"] for s in out.get("sources", [])):
        out.setdefault("sources", []).append(dict(HAND_SOURCE))
    place = {
        "id": new_id(out, name),
        "name": name[:300],
        "lon": round(lon, 6),
        "lat": round(lat, 6),
        "coordinate_source": HAND_SOURCE["id"],
        "accuracy_km": accuracy_km,
        "citations": [copy.deepcopy(citation)],
    }
    return out, place


def move_event(
    data: dict[str, Any], event_id: str, place_id: str, texts: dict[str, str]
) -> dict[str, Any]:
    """The event located at another place (as precisely as before, or 'near' when it had
    no place: a place moved to is a place known)."""
    out = copy.deepcopy(data)
    loc = _find(out, "events", event_id)["location"]
    loc["place"] = place_id
    if loc["precision"] in ("unknown", "region"):
        loc["precision"] = "near"
        loc.pop("area", None)
    return _checked(out, texts)


def cite_gazetteer_place(
    data: dict[str, Any], p: Any, citation: dict[str, Any], texts: dict[str, str]
) -> dict[str, Any]:
    """A gazetteer's place ``p`` cited by ``citation``: one more citation of the place
    the document already has by that name and position, else a new place."""
    for x in data.get("places", []):
        if x["name"] == p.name and (x["lat"], x["lon"]) == (p.lat, p.lon):
            cites = {"citations": [*x["citations"], citation]}
            return change_item(data, "places", x["id"], cites, texts)
    place = {
        "id": new_id(data, p.name),
        "name": p.name[:300],
        "lon": p.lon,
        "lat": p.lat,
        "gazetteer": p.name[:300],
        "citations": [citation],
    }
    if p.country:
        place["country"] = p.country
    return add_item(data, "places", place, texts)
