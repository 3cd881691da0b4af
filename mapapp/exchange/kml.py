"""Situation → KML 2.2 for Google Earth.

Events are placemarks with a style per event type, a ``TimeSpan`` at the precision the
situation holds (KML dates may be YYYY, YYYY-MM or YYYY-MM-DD) and a balloon with the
details, the claims with their status, the quoted sentences and the source links. All
text from the data is escaped for HTML and then for XML: it shows as text, never runs
as markup. A 'near' event also carries its uncertainty circle; a region-level event
sits inside its area, which the Areas folder draws.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from html import escape
from typing import Any

from mapapp.exchange.geometry import area_shape, circle_ring, event_point
from mapapp.i18n import translate
from mapapp.model.situation import Citation, Event, Situation
from mapapp.model.vocabulary import event_type_label, precision_label, status_label

NS = "http://www.opengis.net/kml/2.2"
ICON = "http://maps.google.com/mapfiles/kml/shapes/{}.png"
# event type -> (stock icon, KML colour aabbggrr); the hues follow the map's markers
TYPE_STYLES = {
    "violence": ("firedept", "ff0f48d9", ("battle", "ambush", "attacks", "conflict")),
    "loss": ("caution", "ff0f48d9", ("aircraft_loss", "explosion")),
    "death": ("caution", "ff3d3d8b", ("death", "violence_against_civilians")),
    "political": ("flag", "ffa85f1f", ("takeover", "coup", "intervention", "agreement")),
    "civil": ("flag", "ffa85f1f", ("expulsion", "protest", "riot")),
    "other": ("info", "ff707070", ("weather", "report", "strategic_development")),
}


def to_kml(situation: Situation) -> str:
    ET.register_namespace("", NS)
    kml = ET.Element(_q("kml"))
    doc = _sub(kml, "Document")
    _text(doc, "name", situation.title)
    _text(doc, "description", _escape_para(situation.description))
    for key, (icon, colour, _) in TYPE_STYLES.items():
        _event_style(doc, key, icon, colour)
    _area_style(doc)
    _place_style(doc)

    events = _sub(doc, "Folder")
    _text(events, "name", translate("data", "Events"))
    for event in situation.chronological_events():
        _event_placemark(events, situation, event)
    places = _sub(doc, "Folder")
    _text(places, "name", translate("data", "Places"))
    for place in situation.places.values():
        pm = _sub(places, "Placemark", id=f"place-{place.id}")
        _text(pm, "name", place.name)
        _text(pm, "styleUrl", "#place")
        _text(pm, "description", _citations_html(situation, place.citations))
        _point(pm, place.lon, place.lat)
    areas = _sub(doc, "Folder")
    _text(areas, "name", translate("data", "Areas"))
    for area in situation.areas.values():
        shape = area_shape(area)
        pm = _sub(areas, "Placemark", id=f"area-{area.id}")
        _text(pm, "name", area.name)
        _text(pm, "styleUrl", "#area")
        _text(pm, "description", _citations_html(situation, area.citations))
        if shape is not None:
            _polygons(pm, shape)
    ET.indent(kml, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode") + "\n"


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, **attrs: str) -> ET.Element:
    return ET.SubElement(parent, _q(tag), attrs)


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    el = _sub(parent, tag)
    el.text = text
    return el


def _event_style(doc: ET.Element, key: str, icon: str, colour: str) -> None:
    style = _sub(doc, "Style", id=f"event-{key}")
    icon_style = _sub(style, "IconStyle")
    _text(icon_style, "color", colour)
    _text(icon_style, "scale", "1.1")
    _text(_sub(icon_style, "Icon"), "href", ICON.format(icon))
    _outline(style, colour, "30" + colour[2:])  # the 'near' circle
    balloon = _sub(style, "BalloonStyle")
    _text(balloon, "text", "$[description]")


def _outline(style: ET.Element, colour: str, fill: str) -> None:
    line = _sub(style, "LineStyle")
    _text(line, "color", colour)
    _text(line, "width", "2")
    _text(_sub(style, "PolyStyle"), "color", fill)


def _area_style(doc: ET.Element) -> None:
    _outline(_sub(doc, "Style", id="area"), "ffa85f1f", "28a85f1f")


def _place_style(doc: ET.Element) -> None:
    style = _sub(doc, "Style", id="place")
    icon_style = _sub(style, "IconStyle")
    _text(icon_style, "scale", "0.7")
    _text(_sub(icon_style, "Icon"), "href", ICON.format("placemark_circle"))


def _style_key(event_type: str) -> str:
    return next((k for k, (_, _, types) in TYPE_STYLES.items() if event_type in types), "other")


def _event_placemark(folder: ET.Element, situation: Situation, event: Event) -> None:
    pm = _sub(folder, "Placemark", id=f"event-{event.id}")
    _text(pm, "name", event.title)
    _time(pm, event)
    _text(pm, "styleUrl", f"#event-{_style_key(event.type)}")
    _text(pm, "description", event_balloon(situation, event))
    data = _sub(pm, "ExtendedData")
    for name, value in (
        ("id", event.id),
        ("type", event.type),
        ("time", event.time.label()),
        ("location_precision", event.location.precision),
        ("part_of", event.part_of),
    ):
        d = _sub(data, "Data", name=name)
        _text(d, "value", value)
    point = event_point(situation, event)
    if point is None:
        return
    loc = event.location
    if loc.precision == "near" and loc.radius_km:
        multi = _sub(pm, "MultiGeometry")
        _point(multi, *point)
        ring = circle_ring(point[0], point[1], loc.radius_km)
        _polygon(multi, [ring])
    else:
        _point(pm, *point)


def _time(pm: ET.Element, event: Event) -> None:
    t = event.time
    if not (t.start or t.end):
        return
    if t.precision == "week":
        span = _sub(pm, "TimeSpan")
        begin, end = t.bounds()
        _text(span, "begin", begin)
        _text(span, "end", end)
        return
    if t.start and t.precision != "after" and t.end in ("", t.start):
        _text(_sub(pm, "TimeStamp"), "when", t.start)
        return
    span = _sub(pm, "TimeSpan")
    if t.start:
        _text(span, "begin", t.start)
    if t.end:
        _text(span, "end", t.end)


def _point(parent: ET.Element, lon: float, lat: float) -> None:
    _text(_sub(parent, "Point"), "coordinates", f"{lon:.6f},{lat:.6f}")


def _polygons(parent: ET.Element, shape: Any) -> None:
    polys = list(getattr(shape, "geoms", [shape]))
    holder = _sub(parent, "MultiGeometry") if len(polys) > 1 else parent
    for poly in polys:
        rings = [list(poly.exterior.coords)] + [list(r.coords) for r in poly.interiors]
        _polygon(holder, rings)


def _polygon(parent: ET.Element, rings: list[list]) -> None:
    poly = _sub(parent, "Polygon")
    for i, ring in enumerate(rings):
        boundary = _sub(poly, "outerBoundaryIs" if i == 0 else "innerBoundaryIs")
        coords = " ".join(f"{x:.6f},{y:.6f}" for x, y, *_ in ring)
        _text(_sub(boundary, "LinearRing"), "coordinates", coords)


# --- balloons (HTML; every piece of data escaped) -----------------------------------


def event_balloon(situation: Situation, event: Event) -> str:
    loc = event.location
    where = precision_label(loc.precision)
    at = situation.places.get(loc.place) or situation.areas.get(loc.area)
    if at is not None:
        where = translate("data", "{precision}: {place}").format(precision=where, place=at.name)
    if loc.radius_km and loc.precision == "near":
        where = translate("data", "{where} (circle of {km} km drawn for 'near')").format(
            where=where, km=f"{loc.radius_km:g}"
        )
    when = translate("data", "When: {time}").format(time=event.time.label())
    where = translate("data", "Where: {place}").format(place=where)
    html = [
        f"<p><b>{escape(event.title)}</b><br/>{escape(event_type_label(event.type))}</p>",
        f"<p>{escape(when)}<br/>{escape(where)}</p>",
    ]
    if event.summary:
        html.append(f"<p>{escape(event.summary)}</p>")
    if loc.note:
        html.append(f"<p><i>{escape(loc.note)}</i></p>")
    if event.time.source:
        said = escape(translate("data", "Date from:"))
        html.append(f"<p>{said} {_source_html(situation, event.time.source)}</p>")
    if event.time.note:
        html.append(f"<p><i>{escape(event.time.note)}</i></p>")
    if event.actors:
        rows = "".join(
            f"<li>{escape(situation.actors[p.actor].name)}: {escape(p.role)}</li>"
            for p in event.actors
            if p.actor in situation.actors
        )
        said = escape(translate("data", "Actors:"))
        html.append(f"<p>{said}</p><ul>{rows}</ul>")
    claims = situation.claims_about(event.id)
    if claims:
        nobody = translate("data", "Unattributed")
        items = []
        for c in claims:
            who = situation.actors[c.claimant].name if c.claimant in situation.actors else ""
            figures = "; ".join(f.label() for f in c.figures)
            items.append(
                f"<li><b>{escape(who or nobody)}</b> "
                f"[{escape(status_label(c.status))}]: {escape(c.statement)}"
                + (f" <i>({escape(figures)})</i>" if figures else "")
                + _quotes_html(situation, c.citations)
                + "</li>"
            )
        said = escape(translate("data", "Claims:"))
        html.append(f"<p>{said}</p><ul>{''.join(items)}</ul>")
    html.append(_citations_html(situation, event.citations))
    return "".join(html)


def _quotes_html(situation: Situation, citations: tuple[Citation, ...]) -> str:
    quotes = [c for c in citations if c.quote]
    return "".join(
        f"<br/>“{escape(c.quote)}” — {_source_html(situation, c.source)}" for c in quotes
    )


def _citations_html(situation: Situation, citations: tuple[Citation, ...]) -> str:
    items = []
    for c in citations:
        text = f"“{escape(c.quote)}” — " if c.quote else ""
        where = f" ({escape(c.locator)})" if c.locator else ""
        items.append(f"<li>{text}{_source_html(situation, c.source)}{where}</li>")
    if not items:
        return ""
    said = escape(translate("data", "Sources:"))
    return f"<p>{said}</p><ul>{''.join(items)}</ul>"


def _source_html(situation: Situation, source_id: str) -> str:
    s = situation.sources.get(source_id)
    if s is None:
        return escape(source_id)
    name = escape(f"{s.publisher}: {s.title}" if s.publisher else s.title)
    if s.url.startswith(("http://", "https://")):
        return f'<a href="{escape(s.url, quote=True)}">{name}</a>'
    return name


def _escape_para(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""
