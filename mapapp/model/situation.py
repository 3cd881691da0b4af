"""The situation: sources, places, areas, actors, events and claims, each with citations.

Plain data, no Qt. Built from a dict that ``validation`` has already checked, so the
constructors trust types and references. (Not frozen: that doubles the cost of creating
the classes, which start-up pays.)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mapapp.i18n import QT_TRANSLATE_NOOP
from mapapp.model.time_span import TimeSpan

# a figure's qualifier before its number and unit (the unit is the source's word)
QUALIFIERS = {
    "over": QT_TRANSLATE_NOOP("figures", "over {value} {unit}"),
    "at least": QT_TRANSLATE_NOOP("figures", "at least {value} {unit}"),
    "about": QT_TRANSLATE_NOOP("figures", "about {value} {unit}"),
    "up to": QT_TRANSLATE_NOOP("figures", "up to {value} {unit}"),
}
# in English; model.vocabulary gives them in the interface's language
PRECISION_LABELS = {
    "exact": QT_TRANSLATE_NOOP("precision", "exact location"),
    "near": QT_TRANSLATE_NOOP("precision", "near a named place"),
    "region": QT_TRANSLATE_NOOP("precision", "region only"),
    "unknown": QT_TRANSLATE_NOOP("precision", "location unknown"),
}
STATUS_LABELS = {
    "self_reported": QT_TRANSLATE_NOOP("claim status", "self-reported"),
    "unverified": QT_TRANSLATE_NOOP("claim status", "unverified"),
    "alleged": QT_TRANSLATE_NOOP("claim status", "alleged"),
    "estimate": QT_TRANSLATE_NOOP("claim status", "estimate"),
    "disputed": QT_TRANSLATE_NOOP("claim status", "disputed"),
    "confirmed": QT_TRANSLATE_NOOP("claim status", "confirmed"),
    "misleading": QT_TRANSLATE_NOOP("claim status", "misleading"),
}


@dataclass
class Citation:
    source: str
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    locator: str | None = None
    note: str | None = None


@dataclass
class Source:
    id: str
    kind: str
    title: str
    publisher: str = ""
    url: str = ""
    text_file: str = ""
    sha256: str = ""
    published: str = ""
    accessed: str = ""
    note: str = ""
    text: str | None = None  # the source's text, when it ships beside the situation


@dataclass
class Place:
    id: str
    name: str
    lon: float
    lat: float
    citations: tuple[Citation, ...]
    gazetteer: str = ""
    country: str = ""
    coordinate_source: str = ""
    accuracy_km: float = 0.0  # placed by hand: how far the true place may lie


@dataclass
class Area:
    id: str
    name: str
    citations: tuple[Citation, ...]
    geodata: str = ""
    geometry: dict[str, Any] | None = None


@dataclass
class Alias:
    name: str
    citations: tuple[Citation, ...]


@dataclass
class Relation:
    relation: str
    actor: str
    citations: tuple[Citation, ...]


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    citations: tuple[Citation, ...]
    aliases: tuple[Alias, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass
class Location:
    precision: str  # exact | near | region | unknown
    place: str = ""
    area: str = ""
    radius_km: float | None = None
    note: str = ""


@dataclass
class Participation:
    actor: str
    role: str


@dataclass
class Event:
    id: str
    type: str
    title: str
    time: TimeSpan
    location: Location
    citations: tuple[Citation, ...]
    summary: str = ""
    part_of: str = ""
    actors: tuple[Participation, ...] = ()
    subtype: str = ""  # a finer type in an outside taxonomy (ACLED's sub_event_type)


@dataclass
class Figure:
    subject: str
    unit: str
    value: float | None = None
    min: float | None = None
    max: float | None = None
    qualifier: str = ""
    text: str = ""
    tally: str = ""

    def label(self) -> str:
        """The figure as the source put it: '20–80 fighters', 'over 1,000 men'."""
        from mapapp.i18n import format_number, translate

        if self.value is not None:
            value = format_number(self.value)
            if self.qualifier in QUALIFIERS:
                text = translate("figures", QUALIFIERS[self.qualifier])
                return text.format(value=value, unit=self.unit)
            return f"{value} {self.unit}"
        if self.min is not None and self.max is not None:
            return f"{format_number(self.min)}–{format_number(self.max)} {self.unit}"
        return f"“{self.text}”"


@dataclass
class ClaimLink:
    relation: str  # corroborates | contradicts
    claim: str


@dataclass
class Claim:
    id: str
    statement: str
    status: str
    citations: tuple[Citation, ...]
    claimant: str = ""
    figures: tuple[Figure, ...] = ()
    about: tuple[str, ...] = ()
    links: tuple[ClaimLink, ...] = ()


@dataclass
class Situation:
    title: str
    sources: dict[str, Source]
    places: dict[str, Place]
    areas: dict[str, Area]
    actors: dict[str, Actor]
    events: dict[str, Event]
    claims: dict[str, Claim]
    description: str = ""
    data_date: str = ""
    focus: tuple[str, ...] = ()
    path: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    # A dataset's events (ACLED, Parquet) as a table; ``events`` and ``claims`` are then
    # empty and one event's objects are built when a person opens it (exchange.dataset).
    table: Any = field(default=None, repr=False)
    _document_table: Any = field(default=None, repr=False)

    def events_table(self) -> Any:
        """The events as an ``EventsTable``: the dataset's, or one built from the document
        on first use (so the embedded situation's first frame never imports polars)."""
        if self.table is not None:
            return self.table
        if self._document_table is None:
            from mapapp.model.events_table import from_document_events

            self._document_table = from_document_events(self.raw)
        return self._document_table

    def has_event(self, event_id: str) -> bool:
        if event_id in self.events:
            return True
        return self.table is not None and self.table.row_of(event_id) is not None

    def event_count(self) -> int:
        return len(self.table) if self.table is not None else len(self.events)

    # queries -------------------------------------------------------------
    def chronological_events(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: (e.time.sort_key(), e.part_of != ""))

    def claims_about(self, event_id: str) -> list[Claim]:
        """Claims about an event or any of its parts."""
        ids = {event_id} | {e.id for e in self.events.values() if e.part_of == event_id}
        return [c for c in self.claims.values() if ids & set(c.about)]

    def claims_by(self, actor_id: str) -> list[Claim]:
        return [c for c in self.claims.values() if c.claimant == actor_id]

    def events_with(self, actor_id: str) -> list[Event]:
        return [
            e for e in self.chronological_events() if any(p.actor == actor_id for p in e.actors)
        ]

    def root_event(self, event_id: str) -> Event:
        event = self.events[event_id]
        seen = {event.id}
        while event.part_of and event.part_of not in seen:
            event = self.events[event.part_of]
            seen.add(event.id)
        return event

    def article(self) -> Source | None:
        """The first source that carries its own text."""
        return next((s for s in self.sources.values() if s.text is not None), None)

    def texts(self) -> dict[str, str]:
        """Source id -> text, for the sources that carry one (what citations check)."""
        return {s.id: s.text for s in self.sources.values() if s.text is not None}


def _cites(items: list[dict[str, Any]] | None) -> tuple[Citation, ...]:
    return tuple(Citation(**c) for c in items or ())


def situation_from_dict(
    data: dict[str, Any], texts: dict[str, str], path: Path | None
) -> Situation:
    """Build the model from validated data; ``texts`` maps source id -> source text."""
    sources = {s["id"]: Source(**s, text=texts.get(s["id"])) for s in data["sources"]}
    places = {p["id"]: Place(**{**p, "citations": _cites(p["citations"])}) for p in data["places"]}
    areas = {
        a["id"]: Area(**{**a, "citations": _cites(a["citations"])}) for a in data.get("areas", [])
    }
    actors = {
        a["id"]: Actor(
            id=a["id"],
            name=a["name"],
            kind=a["kind"],
            citations=_cites(a["citations"]),
            aliases=tuple(Alias(x["name"], _cites(x["citations"])) for x in a.get("aliases", [])),
            relations=tuple(
                Relation(r["relation"], r["actor"], _cites(r["citations"]))
                for r in a.get("relations", [])
            ),
        )
        for a in data["actors"]
    }
    events = {
        e["id"]: Event(
            id=e["id"],
            type=e["type"],
            title=e["title"],
            time=TimeSpan(**e["time"]),
            location=Location(**e["location"]),
            citations=_cites(e["citations"]),
            summary=e.get("summary", ""),
            subtype=e.get("subtype", ""),
            part_of=e.get("part_of", ""),
            actors=tuple(Participation(**p) for p in e.get("actors", [])),
        )
        for e in data["events"]
    }
    claims = {
        c["id"]: Claim(
            id=c["id"],
            statement=c["statement"],
            status=c["status"],
            citations=_cites(c["citations"]),
            claimant=c.get("claimant", ""),
            figures=tuple(Figure(**f) for f in c.get("figures", [])),
            about=tuple(c.get("about", [])),
            links=tuple(ClaimLink(**x) for x in c.get("links", [])),
        )
        for c in data["claims"]
    }
    return Situation(
        title=data["title"],
        description=data.get("description", ""),
        data_date=data.get("data_date", ""),
        focus=tuple(data.get("focus", [])),
        sources=sources,
        places=places,
        areas=areas,
        actors=actors,
        events=events,
        claims=claims,
        path=path,
        raw=data,
    )
