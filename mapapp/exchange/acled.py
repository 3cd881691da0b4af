"""Situation → CSV in ACLED's column layout (the import is ``acled_import``).

The export follows ACLED's codebook: one row per day of a multi-day event, dates to the
day (time_precision 1) or mid-month (3), coordinates to 4 decimals coded to the place
(geo_precision 1 exact, 2 near, 3 region), the *lowest* fatality figure with every other
figure named in ``notes``, and never a finer precision than the situation holds: events
dated only to a year, or placed nowhere, are left out and reported. Sub-events are not
rows of their own (they would count the same fighting twice); the row of their parent
names them and counts their claims.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

from mapapp.exchange.acled_codebook import COLUMNS, DISORDER, SUB_EVENTS
from mapapp.exchange.geometry import event_point
from mapapp.model.situation import Event, Figure, Situation

LIST_SEP = "; "
TAG = "mapapp:"  # tags this event's rows, so a re-import joins the days into one event
MAX_DAY_ROWS = 31  # a longer span to the day is not "several days of fighting"

# our event type -> (ACLED event_type, default sub_event_type)
TYPE_TO_ACLED = {
    "battle": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"),
    "attacks": ("Battles", "Armed clash"),
    "conflict": ("Battles", "Armed clash"),
    "aircraft_loss": ("Battles", "Armed clash"),
    "takeover": ("Battles", "Non-state actor overtakes territory"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "violence_against_civilians": ("Violence against civilians", "Attack"),
    "protest": ("Protests", "Peaceful protest"),
    "riot": ("Riots", "Violent demonstration"),
    "agreement": ("Strategic developments", "Agreement"),
    "coup": ("Strategic developments", "Change to group/activity"),
}
# actor kind -> ACLED inter code (1 state forces, 2 rebels, 3 political militia,
# 4 identity militia, 5 rioters, 6 protesters, 7 civilians, 8 external/other forces)
KIND_TO_INTER = {
    "state_military": 1,
    "government": 1,
    "state": 1,
    "armed_group": 2,
    "militia": 3,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
}
ALLY_RELATIONS = {"allied_with", "backed_by", "part_of", "affiliate_of", "leader_of"}
FATALITY_WORDS = re.compile(r"\b(killed|dead|deaths?|fatalit\w*|died)\b", re.IGNORECASE)
PRECISION_OF_GEO = {"exact": 1, "near": 2, "region": 3}
ROLE = re.compile(r"(associated with )?actor ([12])")  # roles the import writes


@dataclass(frozen=True)
class Skipped:
    event_id: str
    reason: str


# --- export -------------------------------------------------------------------------


def to_acled_csv(situation: Situation) -> tuple[str, list[Skipped]]:
    rows, skipped = acled_rows(situation)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue(), skipped


def acled_rows(situation: Situation) -> tuple[list[dict[str, str]], list[Skipped]]:
    rows: list[dict[str, str]] = []
    skipped: list[Skipped] = []
    stamp = _timestamp(situation.data_date)
    for event in situation.chronological_events():
        if event.part_of:
            continue
        days, time_precision, why = _row_dates(event)
        point = event_point(situation, event)
        precision = PRECISION_OF_GEO.get(event.location.precision)
        if why:
            skipped.append(Skipped(event.id, why))
            continue
        if point is None or precision is None:
            skipped.append(Skipped(event.id, "no location: ACLED needs coordinates"))
            continue
        base = _event_columns(situation, event, point, precision, time_precision, stamp)
        fatalities, fatality_note = _fatalities(situation, event)
        for k, day in enumerate(days):
            row = dict(base)
            row["event_id_cnty"] = event.id if len(days) == 1 else f"{event.id}-{k + 1}"
            row["event_date"] = day.isoformat()
            row["year"] = str(day.year)
            notes = [base["notes"], fatality_note]
            if len(days) > 1:
                notes.append(
                    f"Day {k + 1} of {len(days)} ({days[0]} to {days[-1]}); the fatalities of "
                    "the whole event are counted on the first day's row."
                )
            row["notes"] = " ".join(n for n in notes if n)
            row["fatalities"] = (
                (str(fatalities) if k == 0 else "0") if fatalities is not None else ""
            )
            rows.append(row)
    return rows, skipped


def _row_dates(event: Event) -> tuple[list[date], int, str]:
    """The days of the event's rows, their time_precision, or why it cannot be a row."""
    t = event.time
    if t.precision == "day" and t.start:
        first = date.fromisoformat(_full(t.start))
        last = date.fromisoformat(_full(t.end or t.start))
        n = (last - first).days + 1
        if n > MAX_DAY_ROWS:
            return [], 0, f"spans {n} days; ACLED rows are single days"
        return [first + timedelta(days=i) for i in range(n)], 1, ""
    if t.precision == "week" and len(t.start) == 10:
        return [date.fromisoformat(t.start)], 2, ""
    if t.precision == "month" and t.start and (t.end or t.start)[:7] == t.start[:7]:
        return [date.fromisoformat(t.start[:7] + "-15")], 3, ""
    label = t.label()
    return [], 0, f"dated '{label}': ACLED needs at least the month"


def _full(text: str) -> str:
    return text if len(text) == 10 else text[:7] + "-01" if len(text) == 7 else text + "-01-01"


def _event_columns(
    situation: Situation,
    event: Event,
    point: tuple[float, float],
    geo_precision: int,
    time_precision: int,
    stamp: str,
) -> dict[str, str]:
    event_type, default_sub = TYPE_TO_ACLED.get(event.type, ("Strategic developments", "Other"))
    sub = event.subtype if event.subtype in SUB_EVENTS[event_type] else default_sub
    side1, side2 = _sides(situation, event)
    inter1 = _inter(situation, side1[0]) if side1 else ""
    inter2 = _inter(situation, side2[0]) if side2 else ""
    codes = sorted(int(c) for c in (inter1, inter2) if c)
    interaction = "".join(str(c) for c in codes) + ("0" if len(codes) == 1 else "")
    lon, lat = point
    loc = event.location
    place = situation.places.get(loc.place)
    # the place's own country code wins: a 1:10m border can put a border town outside
    country = country_by_iso2(place.country) if place and place.country else None
    country = country or country_at(lon, lat)
    area = situation.areas.get(loc.area)
    parts = [e for e in situation.chronological_events() if e.part_of == event.id]
    notes = event.summary or event.title
    if parts:
        notes += " Includes: " + "; ".join(e.title for e in parts) + "."
    return {
        "disorder_type": DISORDER[event_type],
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": _name(situation, side1[0]) if side1 else "",
        "assoc_actor_1": LIST_SEP.join(_name(situation, a) for a in side1[1:]),
        "inter1": inter1,
        "actor2": _name(situation, side2[0]) if side2 else "",
        "assoc_actor_2": LIST_SEP.join(_name(situation, a) for a in side2[1:]),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting"
        if event_type == "Violence against civilians"
        else "",
        "iso": str(int(country["iso_n3"])) if country and country.get("iso_n3") else "",
        "region": country.get("subregion", "") if country else "",
        "country": country.get("name", "") if country else "",
        "admin1": mali_admin1_at(lon, lat) if country and country.get("iso_a3") == "MLI" else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else (area.name if area else ""),
        "latitude": f"{lat:.4f}",
        "longitude": f"{lon:.4f}",
        "geo_precision": str(geo_precision),
        "time_precision": str(time_precision),
        "source": LIST_SEP.join(_sources_of(situation, event)),
        "source_scale": "",
        "notes": notes,
        "tags": f"{TAG}{event.id}",
        "timestamp": stamp,
    }


def _name(situation: Situation, actor_id: str) -> str:
    return situation.actors[actor_id].name


def _inter(situation: Situation, actor_id: str) -> str:
    return str(KIND_TO_INTER.get(situation.actors[actor_id].kind, 8))


def _sides(situation: Situation, event: Event) -> tuple[list[str], list[str]]:
    """Actor 1 and its allies, then the other side: the first listed actor leads side 1;
    an actor related to side 1 (allied with, backed by, part of…) joins it."""
    ids = [p.actor for p in event.actors if p.actor in situation.actors]
    if not ids:
        return [], []
    coded = [(p.actor, ROLE.fullmatch(p.role)) for p in event.actors if p.actor in ids]
    if all(m for _, m in coded):  # imported from this layout: the sides are given
        sides: tuple[list[str], list[str]] = ([], [])
        for actor, m in sorted(coded, key=lambda am: am[1].group(1) is not None):
            sides[int(m.group(2)) - 1].append(actor)
        return sides
    side1, side2 = [ids[0]], []
    for actor in ids[1:]:
        (side1 if any(_allied(situation, actor, a) for a in side1) else side2).append(actor)
    return side1, side2


def _allied(situation: Situation, a: str, b: str) -> bool:
    def related(x: str, y: str) -> bool:
        return any(
            r.actor == y and r.relation in ALLY_RELATIONS for r in situation.actors[x].relations
        )

    return related(a, b) or related(b, a)


def _sources_of(situation: Situation, event: Event) -> list[str]:
    cited = [c.source for c in event.citations]
    for claim in situation.claims_about(event.id):
        cited += [c.source for c in claim.citations]
    if event.time.source:
        cited.append(event.time.source)
    out: list[str] = []
    for sid in cited:
        s = situation.sources.get(sid)
        if s is None or s.kind == "dataset":  # ACLED's column names the original reports
            continue
        name = s.publisher or s.title
        if name and name not in out:
            out.append(name)
    return out


def _fatalities(situation: Situation, event: Event) -> tuple[int | None, str]:
    """ACLED's figure: per group counted (tally), the lowest claimed number; summed over
    groups. The note names the choice and every figure, numeric or not."""
    groups: dict[str, list[tuple[float, str]]] = {}
    mentions: dict[str, list[str]] = {}
    for claim in situation.claims_about(event.id):
        who = situation.actors[claim.claimant].name if claim.claimant in situation.actors else ""
        for fig in claim.figures:
            if not FATALITY_WORDS.search(fig.subject):
                continue
            key = fig.tally or fig.subject
            status = claim.status.replace("_", "-")
            mention = f"{who or 'unattributed'}: {fig.label()} ({status})"
            if mention not in mentions.setdefault(key, []):
                mentions[key].append(mention)
            low = _lowest(fig)
            if low is not None:
                groups.setdefault(key, []).append((low, who))
    if not mentions:
        return None, ""
    chosen = {k: min(v)[0] for k, v in groups.items()}
    total = int(sum(chosen.values()))
    listing = "; ".join(
        f"{k.replace('-', ' ')}: {', '.join(v)}" for k, v in sorted(mentions.items())
    )
    if not chosen:
        return None, f"Fatalities unknown: no figure is a number ({listing})."
    if sum(len(v) for v in mentions.values()) == 1:
        return total, ""  # one figure, nothing chosen
    picked = ", ".join(f"{k.replace('-', ' ')} {v:g}" for k, v in sorted(chosen.items()))
    note = f"Fatalities: {total}, the lowest figure claimed per group ({picked})."
    return total, f"{note} Other figures exist; all claims: {listing}."


def _lowest(fig: Figure) -> float | None:
    if fig.value is not None and fig.qualifier != "up to":
        return fig.value
    if fig.min is not None:
        return fig.min
    return None


def _timestamp(data_date: str) -> str:
    """Rows change when the situation's data does: its date, as ACLED's Unix timestamp."""
    try:
        day = date.fromisoformat(data_date)
    except ValueError:
        return str(int(datetime.now(timezone.utc).timestamp()))
    return str(int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp()))


@cache
def _countries() -> tuple[Any, list[dict[str, Any]]]:
    import shapely

    from mapapp.geo import layers

    feats = layers.load_layer("countries_10m")
    tree = shapely.STRtree([f.geometry for f in feats])
    return tree, [f.props for f in feats]


def country_at(lon: float, lat: float) -> dict[str, Any] | None:
    """The Natural Earth country containing the point (within the shipped window)."""
    import shapely

    tree, props = _countries()
    hits = tree.query(shapely.Point(lon, lat), predicate="intersects")
    return props[int(hits[0])] if len(hits) else None


def country_by_iso2(code: str) -> dict[str, Any] | None:
    _, props = _countries()
    return next((p for p in props if p.get("iso_a2") == code), None)


def country_by_iso_n3(code: str) -> dict[str, Any] | None:
    if not code.isdigit():
        return None
    _, props = _countries()
    return next((p for p in props if p.get("iso_n3", "").lstrip("0") == code.lstrip("0")), None)


def mali_admin1_at(lon: float, lat: float, tolerance_km: float = 5.0) -> str:
    """Mali's admin-1 region at the point, or the nearest one within ``tolerance_km``
    (the 1:10m outline can leave a border town just outside)."""
    import shapely

    from mapapp.geo import layers

    pt = shapely.Point(lon, lat)
    feats = layers.load_layer("mali_admin1")
    for f in feats:
        if f.geometry.intersects(pt):
            return str(f.props.get("name", ""))
    near = min(feats, key=lambda f: f.geometry.distance(pt))
    if layers.distance_to_km(lon, lat, near.geometry) <= tolerance_km:
        return str(near.props.get("name", ""))
    return ""
