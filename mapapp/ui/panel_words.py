"""How the side panel words its columns' names, a row's columns (where an event is, a
place's position) and the span its date filter offers."""

from __future__ import annotations

from PySide6.QtCore import QDate

from mapapp.i18n import format_number, translate
from mapapp.model.situation import Event, Situation
from mapapp.model.vocabulary import precision_label


def column_names() -> tuple[list[str], ...]:
    """The events', actors', claims' and places' column names."""
    return (
        [
            translate("side panel", "Event"),
            translate("side panel", "When"),
            translate("side panel", "Where"),
        ],
        [translate("side panel", "Actor"), translate("side panel", "Kind")],
        [
            translate("side panel", "Status"),
            translate("side panel", "Claimant"),
            translate("side panel", "Claim"),
            translate("side panel", "Figures"),
        ],
        [
            translate("side panel", "Place"),
            translate("side panel", "Country"),
            translate("side panel", "Position"),
        ],
    )


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


def whole_years(s: Situation) -> tuple[QDate, QDate]:
    """The date filter's range: the whole years the situation's events fall in."""
    dates = [d for ev in s.events.values() for d in (ev.time.start, ev.time.end) if d]
    first = QDate.fromString((min(dates) if dates else "2000")[:4] + "-01-01", "yyyy-MM-dd")
    last = QDate.fromString((max(dates) if dates else "2030")[:4] + "-12-31", "yyyy-MM-dd")
    return first, last
