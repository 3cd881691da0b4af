"""Dataset situations: events read as a table (ACLED CSV, Parquet), and the cited
situation objects of one of their events, built only when a person opens it.

A dataset keeps its rows as written (``EventsTable.raw``); the details of an ACLED event
are the CSV import's own places, actors, fatality claims and citations, built from that
event's rows by ``acled_import``, so a million-row file pays for them one event at a time.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mapapp.model.events_table import EventsTable, row_title
from mapapp.model.situation import Situation, Source, situation_from_dict

DATASET_SOURCE = "acled-csv"


def dataset_situation(
    path: Path, table: EventsTable, document: dict[str, Any] | None = None
) -> Situation:
    """A situation whose events are ``table``; title and sources from ``document`` (what
    a GeoParquet written by mapapp carries) or named after the file."""
    doc = document or {}
    sources = {
        s["id"]: Source(**{k: v for k, v in s.items() if k in Source.__dataclass_fields__})
        for s in doc.get("sources", [])
        if isinstance(s, dict) and "id" in s and "kind" in s and "title" in s
    }
    if not sources:
        sources[DATASET_SOURCE] = Source(
            id=DATASET_SOURCE,
            kind="dataset",
            title=path.name[:300],
            note=f"{_kind(table)}; each event cites its data row.",
        )
    title = doc.get("title") if isinstance(doc.get("title"), str) else ""
    return Situation(
        title=title or f"Imported from {path.name}"[:300],
        description=str(doc.get("description", "")),
        data_date=str(doc.get("data_date", "") or _data_date(table)),
        sources=sources,
        places={},
        areas={},
        actors={},
        events={},
        claims={},
        path=path,
        raw={
            "title": title or f"Imported from {path.name}"[:300],
            "sources": [s.__dict__ for s in sources.values()],
        },
        table=table,
    )


def _kind(table: EventsTable) -> str:
    return "ACLED-layout data" if is_acled(table) else "a table of events"


def is_acled(table: EventsTable) -> bool:
    return table.raw is not None and "event_date" in table.raw.columns


def _data_date(table: EventsTable) -> str:
    """The newest row's upload day (ACLED's timestamp): what the data is as of."""
    if not is_acled(table) or "timestamp" not in table.raw.columns:
        return ""
    import polars as pl

    stamps = table.raw["timestamp"].cast(pl.Float64, strict=False)
    newest = stamps.max()
    if newest is None:
        return ""
    from datetime import datetime, timezone

    return datetime.fromtimestamp(float(newest), timezone.utc).date().isoformat()


def event_situation(situation: Situation, event_id: str) -> tuple[Situation, str] | None:
    """A situation holding one dataset event with its places, actors, claims and sources
    (cited to its data rows), and the event's id there; None if there is no such event."""
    table = situation.table
    row = table.row_of(event_id) if table is not None else None
    if row is None:
        return None
    path = situation.path or Path("data")
    doc = None
    if is_acled(table):
        from mapapp.exchange.acled_import import document_of_rows

        doc, refused = document_of_rows(path, _raw_rows(table, table.raw_indices(row)))
        if refused:  # the row reader is stricter than the columns on some spellings
            doc = None
    if doc is None:
        doc = {**_header(path), **_row_document(table, row)}
    built = situation_from_dict(doc, {}, path)
    return built, doc["events"][0]["id"]


def _raw_rows(table: EventsTable, indices) -> list[tuple[str, dict[str, str]]]:
    return [
        (f"data row {int(table.raw_numbers[i]) + 1}", table.raw.row(int(i), named=True))
        for i in indices
    ]


def _header(path: Path) -> dict[str, Any]:
    return {
        "format": "mapapp-situation",
        "version": 1,
        "title": f"Imported from {path.name}"[:300],
        "sources": [{"id": DATASET_SOURCE, "kind": "dataset", "title": path.name[:300]}],
        "places": [],
        "actors": [],
        "events": [],
        "claims": [],
    }


def _row_document(table: EventsTable, row: int) -> dict[str, Any]:
    """One table row as a situation's events and places (for rows that are not ACLED's
    codebook, or that only the column reader takes), citing the row of its file."""
    from mapapp.model.events_table import day_text

    r = table.row(row)
    n = int(table.numbers[row]) + 1
    cite = [{"source": DATASET_SOURCE, "locator": f"data row {n}"}]
    event: dict[str, Any] = {
        "id": f"data-row-{n}",
        "type": str(r["type"] or "report"),
        "title": row_title(r)[:300],
        "citations": cite,
        "time": {"precision": "unknown"},
        "location": {"precision": "unknown"},
    }
    if r["day_lo"] is not None and r["day_hi"] is not None:
        event["time"] = {"precision": "day", "start": day_text(r["day_lo"])}
        event["time"]["end"] = day_text(r["day_hi"])
        if r["time_precision"] not in (None, "day"):
            event["time"]["note"] = f"{r['time_precision']}-precise in the data"
    places = []
    lon, lat = r["lon"], r["lat"]
    if lon is not None and lat is not None and lon == lon and lat == lat:  # not NaN
        places.append(
            {
                "id": f"place-{n}",
                "name": (r["location"] or "position in the data")[:300],
                "lon": r["lon"],
                "lat": r["lat"],
                "citations": cite,
            }
        )
        precision = r["location_precision"] if r["location_precision"] != "unknown" else None
        event["location"] = {"precision": precision or "exact", "place": f"place-{n}"}
    if r["subtype"]:
        event["subtype"] = r["subtype"][:300]
    if r["notes"]:
        event["summary"] = r["notes"][:20000]
    return {"events": [event], "places": places}


def full_document(situation: Situation) -> dict[str, Any]:
    """The whole dataset as a situation document (for a situation-file export): one
    object per event, so this is for what a person will read, not a million rows."""
    table = situation.table
    path = situation.path or Path("data")
    rows = range(len(table))
    if is_acled(table):
        from mapapp.exchange.acled_import import document_of_rows

        raw = _raw_rows(table, range(table.raw.height))
        doc, refused = document_of_rows(path, raw)
        rows = sorted({int(table.raw_event[i]) for i in refused})
    else:
        doc = _header(path)
    for row in rows:  # what only the columns take, shown from the table
        part = _row_document(table, row)
        doc["events"] += part["events"]
        doc["places"] += part["places"]
    return doc


def document_situation(situation: Situation) -> Situation:
    """The dataset as a situation of cited objects (what a situation-file export holds)."""
    doc = full_document(situation)
    return situation_from_dict(doc, {}, situation.path)
