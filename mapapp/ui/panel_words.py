"""How the side panel words a row's columns: where an event is, a place's position."""

from __future__ import annotations

from mapapp.i18n import format_number, translate
from mapapp.model.situation import Event, Situation
from mapapp.model.vocabulary import precision_label


def event_where(s: Situation, ev: Event) -> str:
    loc = ev.location
    if loc.place in s.places:
        name = s.places[loc.place].name
        if loc.precision == "near":
            return translate("side panel", "near {place}").format(place=name)
        return name
    if loc.area in s.areas:
        return translate("side panel", "{area} (region)").format(area=s.areas[loc.area].name)
    return precision_label(loc.precision)


def position(lat: float, lon: float) -> str:
    """'19.9486°N 2.9678°E', as the language writes it."""
    ns = translate("side panel", "N") if lat >= 0 else translate("side panel", "S")
    ew = translate("side panel", "E") if lon >= 0 else translate("side panel", "W")
    return translate("side panel", "{lat}°{ns} {lon}°{ew}").format(
        lat=format_number(abs(lat), 4), ns=ns, lon=format_number(abs(lon), 4), ew=ew
    )
