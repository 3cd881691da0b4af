"""ACLED-layout CSV → situation.

Reads every layout ACLED has published (see ``acled_codebook``), UTF-8 with or without a
BOM. Each item cites its line. A row that cannot be read refuses the file, and every
problem of every such row is listed with its line number (up to ``MAX_PROBLEMS``), so a
user fixes a file in one go. Text (notes, names) is kept exactly as written, markup and
all: it is data, shown and exported as plain text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from mapapp.exchange import acled_codebook as codebook
from mapapp.exchange.acled import TAG, country_at, country_by_iso_n3
from mapapp.exchange.acled_problems import line_path
from mapapp.i18n import translate
from mapapp.model.files import Problem, SituationError
from mapapp.model.ids import IdMaker

MAX_PROBLEMS = 50
# sentences our own export adds to notes (see acled.acled_rows): dropped on re-import
DAY_NOTE = re.compile(r" Day \d+ of \d+ \([^)]*\); the fatalities of the whole event .*$")


@dataclass
class _Row:
    line: str  # where the row is: "line 12" in a CSV, "data row 11" in a table
    values: dict[str, str]
    day: date
    lat: float
    lon: float
    time_precision: int
    geo_precision: int
    event_type: str  # today's ACLED event_type
    sub_event_type: str
    inter: tuple[int, int]
    fatalities: int | None
    timestamp: int | None


def document_of_rows(
    path: Path, rows: list[tuple[str, dict[str, str]]]
) -> tuple[dict[str, Any], list[int]]:
    """The situation document of rows an events table kept as written (``EventsTable.raw``):
    the places, actors, cited events and fatality claims of the CSV import, for one
    event's details or a situation-file export. ``rows``: (locator, values). Also the
    positions of rows this reader cannot take (the column reader took them; the caller
    shows them from the table instead of losing them)."""
    builder = _Builder(path)
    refused = [i for i, (locator, values) in enumerate(rows) if builder.add(values, locator)]
    return builder.situation(), refused


def read_acled_csv(path: Path) -> dict[str, Any]:
    """A situation dict (validated by the caller) from an ACLED-layout CSV file."""
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        where = line_path(raw[: exc.start].count(b"\n") + 1)
        raise SituationError(path, [Problem(where, translate("data", "not UTF-8 text"))]) from None
    except OSError as exc:
        msg = translate("data", "cannot read file: {reason}").format(reason=exc.strerror)
        raise SituationError(path, [Problem("$", msg)]) from None
    if "\0" in text:
        where = line_path(text[: text.index("\0")].count("\n") + 1)
        msg = translate("data", "a NUL byte: not a text file")
        raise SituationError(path, [Problem(where, msg)])
    reader = csv.reader(io.StringIO(text, newline=""))
    header = _header(path, reader)
    builder = _Builder(path)
    problems: list[Problem] = []
    while len(problems) < MAX_PROBLEMS:
        line = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            msg = translate("data", "bad CSV: {reason}").format(reason=exc)
            problems.append(Problem(line_path(line), msg))
            break  # the reader cannot find the next row reliably
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            msg = translate("data", "{fields} fields where the header has {columns}")
            msg = msg.format(fields=len(values), columns=len(header))
            problems.append(Problem(line_path(line), msg))
            continue
        row_values = dict(zip(header, (v.strip() for v in values), strict=True))
        found = builder.add(row_values, f"line {line}")  # the locator its items cite
        problems += [Problem(line_path(line), m) for m in found]
    if len(problems) >= MAX_PROBLEMS:
        msg = translate("data", "too many problems; stopped reading")
        problems.append(Problem(line_path(reader.line_num), msg))
    if problems:
        raise SituationError(path, problems)
    if not builder.events:
        raise SituationError(path, [Problem(line_path(2), translate("data", "no event rows"))])
    return builder.situation()


def _header(path: Path, reader) -> list[str]:
    """Column names, lower-cased and with the 2017 names mapped to today's."""
    try:
        names = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        msg = translate("data", "the file is empty")
        raise SituationError(path, [Problem(line_path(1), msg)]) from None
    except csv.Error as exc:
        msg = translate("data", "not CSV: {reason}").format(reason=exc)
        raise SituationError(path, [Problem(line_path(1), msg)]) from None
    try:
        return codebook.header(names)
    except ValueError as exc:
        raise SituationError(path, [Problem(line_path(1), str(exc))]) from None


def _parse_row(v: dict[str, str], line: str) -> tuple[_Row | None, list[str]]:
    """The row's coded columns read by the codebook; every problem, not only the first."""
    problems: list[str] = []

    def read(fn, *args):
        try:
            return fn(*args)
        except ValueError as exc:
            problems.append(str(exc))
            return None

    day = read(codebook.event_date, v["event_date"])
    read(codebook.count, v.get("year", ""), "year")
    time_precision = read(codebook.precision, v.get("time_precision", ""), "time_precision")
    geo_precision = read(codebook.precision, v.get("geo_precision", ""), "geo_precision")
    types = read(codebook.event_type, v["event_type"])
    lat = read(codebook.coordinate, v["latitude"], "latitude", 90)
    lon = read(codebook.coordinate, v["longitude"], "longitude", 180)
    inter1 = read(codebook.inter_code, v.get("inter1", ""), "inter1")
    inter2 = read(codebook.inter_code, v.get("inter2", ""), "inter2")
    pair = read(codebook.interaction, v.get("interaction", ""))
    fatalities = read(codebook.count, v.get("fatalities", ""), "fatalities")
    stamp = read(codebook.timestamp, v.get("timestamp", ""))
    if not v["actor1"]:
        problems.append(translate("data", "{column} is empty").format(column="actor1"))
    if not v["location"]:
        problems.append(translate("data", "{column} is empty").format(column="location"))
    iso = v.get("iso", "")
    if iso and not (iso.isdigit() and len(iso) <= 3):
        msg = translate("data", "{column}{value} is not a numeric ISO 3166 country code")
        problems.append(msg.format(column="iso", value=f" {iso[:20]!r}"))
    targeting = v.get("civilian_targeting", "")
    if targeting and targeting.lower() != "civilian targeting":
        msg = translate("data", "{column}{value} is not 'Civilian targeting'")
        problems.append(msg.format(column="civilian_targeting", value=f" {targeting[:40]!r}"))
    if problems:
        return None, problems
    # the inter columns win; an interaction code fills the ones left empty
    inter = (inter1 or pair[0], inter2 or pair[1])
    sub = v.get("sub_event_type", "") or types[1]
    row = _Row(
        line,
        v,
        day,
        lat,
        lon,
        time_precision,
        geo_precision,
        types[0],
        sub,
        inter,
        fatalities,
        stamp,
    )
    return row, []


class _Builder:
    """Rows to places, actors, events and fatality claims; rows tagged with one mapapp id
    (the days of one exported event) join back into one event."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.source = "acled-csv"
        self.ids = IdMaker()
        self.ids.used.add(self.source)
        self.events: dict[str, list[_Row]] = {}
        self.places: dict[tuple[str, float, float], dict[str, Any]] = {}
        self.actors: dict[str, dict[str, Any]] = {}
        self.named_sources: dict[str, dict[str, Any]] = {}

    def add(self, v: dict[str, str], line: str) -> list[str]:
        """Take the row, or return what is wrong with it."""
        row, problems = _parse_row(v, line)
        if row is None:
            return problems
        tags = [t for t in v.get("tags", "").split(";") if t.strip().startswith(TAG)]
        key = tags[0].strip()[len(TAG) :] if tags else f"\0{line}"
        self.events.setdefault(key, []).append(row)
        return []

    def situation(self) -> dict[str, Any]:
        events, claims = [], []
        for key, rows in self.events.items():
            event, claim = self._event(key, rows)
            events.append(event)
            if claim:
                claims.append(claim)
        out = {
            "format": "mapapp-situation",
            "version": 1,
            "title": f"Imported from {self.path.name}"[:300],
            "description": f"Events read from the ACLED-layout CSV file {self.path.name}.",
            "sources": [
                {
                    "id": self.source,
                    "kind": "dataset",
                    "title": self.path.name[:300],
                    "note": "CSV in ACLED's column layout; each item cites its line.",
                },
                *self.named_sources.values(),
            ],
            "places": list(self.places.values()),
            "actors": list(self.actors.values()),
            "events": events,
            "claims": claims,
        }
        stamps = [r.timestamp for rows in self.events.values() for r in rows if r.timestamp]
        if stamps:  # the newest row's upload day: what the data is as of
            out["data_date"] = datetime.fromtimestamp(max(stamps), timezone.utc).date().isoformat()
        return out

    def _cite(self, rows: list[_Row]) -> list[dict[str, Any]]:
        """The file's line, then each report the row names in its source column."""
        out: list[dict[str, Any]] = []
        for r in rows:
            out.append({"source": self.source, "locator": r.line})
            for name in r.values.get("source", "").split(";"):
                if name.strip():
                    note = f"named in the source column of {r.line}"
                    out.append({"source": self._named_source(name.strip()), "note": note})
        return out

    def _named_source(self, name: str) -> str:
        if name not in self.named_sources:
            self.named_sources[name] = {
                "id": self.ids.make(f"source-{name}"),
                "kind": "report",
                "title": name[:300],
                "publisher": name[:300],
                "note": f"Named in {self.path.name[:200]}; mapapp has not read it.",
            }
        return self.named_sources[name]["id"]

    def _event(self, key: str, rows: list[_Row]) -> tuple[dict[str, Any], dict | None]:
        first = rows[0]
        v = first.values
        eid = self.ids.make(key if not key.startswith("\0") else v.get("event_id_cnty") or key)
        participants = []
        for n in (1, 2):
            main = v.get(f"actor{n}", "")
            if main:
                aid = self._actor(main, first.inter[n - 1], rows)
                participants.append({"actor": aid, "role": f"actor {n}"})
            for assoc in v.get(f"assoc_actor_{n}", "").split(";"):
                if assoc.strip():
                    aid = self._actor(assoc.strip(), 0, rows)
                    participants.append({"actor": aid, "role": f"associated with actor {n}"})
        sub = first.sub_event_type
        etype = codebook.ACLED_TO_TYPE[first.event_type]
        if sub in ("Government regains territory", "Non-state actor overtakes territory"):
            etype = "takeover"
        elif sub == "Agreement":
            etype = "agreement"
        event: dict[str, Any] = {
            "id": eid,
            "type": etype,
            "title": f"{sub or first.event_type}: {v['location']}"[:300],
            "time": _time(rows),
            "location": self._location(first),
            "actors": participants,
            "citations": self._cite(rows),
        }
        if sub:
            event["subtype"] = sub[:300]
        notes = v.get("notes", "")
        if not key.startswith("\0"):  # our own export: drop the sentences it generates
            notes = DAY_NOTE.sub("", notes)
        if notes:
            event["summary"] = notes[:20000]
        counts = [r.fatalities for r in rows if r.fatalities is not None]
        if not counts:
            return event, None
        total = sum(counts)
        claim = {
            "id": self.ids.make(f"{eid}-fatalities"),
            "statement": f"{total} fatalities recorded in the imported data.",
            "status": "estimate",
            "figures": [
                {
                    "subject": "People killed",
                    "unit": "fatalities",
                    "value": total,
                    "tally": f"{eid}-dead",
                }
            ],
            "about": [eid],
            "citations": self._cite(rows),
        }
        return event, claim

    def _location(self, row: _Row) -> dict[str, Any]:
        v = row.values
        key = (v["location"], row.lat, row.lon)
        if key not in self.places:
            place = {
                "id": self.ids.make(f"place-{v['location']}"),
                "name": v["location"][:300],
                "lon": row.lon,
                "lat": row.lat,
                "coordinate_source": self.source,
                "citations": [{"source": self.source, "locator": row.line}],
            }
            country = country_by_iso_n3(v.get("iso", "")) or country_at(row.lon, row.lat)
            if country and country.get("iso_a2"):
                place["country"] = country["iso_a2"]
            self.places[key] = place
        pid = self.places[key]["id"]
        if row.geo_precision == 1:
            return {"precision": "exact", "place": pid}
        if row.geo_precision == 2:
            note = "ACLED geo_precision 2: near this town or in a small part of its region."
            return {"precision": "near", "place": pid, "note": note}
        note = "ACLED geo_precision 3: only a larger region is known; coded to this point."
        return {"precision": "region", "place": pid, "note": note}

    def _actor(self, name: str, inter: int, rows: list[_Row]) -> str:
        if name not in self.actors:
            self.actors[name] = {
                "id": self.ids.make(name),
                "name": name[:300],
                "kind": codebook.INTER_TO_KIND.get(inter, "other"),
                "citations": [{"source": self.source, "locator": rows[0].line}],
            }
        return self.actors[name]["id"]


def _time(rows: list[_Row]) -> dict[str, Any]:
    """The rows' dates at the coarsest precision any of them has."""
    precision = max(r.time_precision for r in rows)
    lo, hi = min(r.day for r in rows).isoformat(), max(r.day for r in rows).isoformat()
    if precision == 3:
        return {"precision": "month", "start": lo[:7], "end": hi[:7]}
    if precision == 2 and lo == hi:
        note = "ACLED time_precision 2: within about a week of this date."
        return {"precision": "week", "start": lo, "note": note}
    if precision == 2:  # several week-precise rows: widen to the weeks around them
        lo = (min(r.day for r in rows) - timedelta(days=3)).isoformat()
        hi = (max(r.day for r in rows) + timedelta(days=3)).isoformat()
        note = "ACLED time_precision 2 rows: each within about a week of its date."
        return {"precision": "day", "start": lo, "end": hi, "note": note}
    return {"precision": "day", "start": lo, "end": hi}
