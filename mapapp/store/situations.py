"""A situation file into the store and back: each source and item a row, in file order,
with the file's other fields kept as written, so a pull gives back the file that was
pushed. One transaction each way: a push interrupted leaves nothing half-written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mapapp.i18n import translate
from mapapp.store.connection import StoreError
from mapapp.store.schema import require

# the file's item lists and the kind each holds, in the file's order
LISTS = {
    "places": "place",
    "areas": "area",
    "actors": "actor",
    "events": "event",
    "claims": "claim",
}


@dataclass(frozen=True)
class StoredSituation:
    name: str
    kind: str
    items: int
    size: int  # bytes of JSON held
    updated_at: datetime
    updated_by: str


def push_situation(conn, name: str, data: dict[str, Any], texts: dict[str, str]) -> int:
    """Store a validated situation (``data`` as its file holds it, ``texts``: source id ->
    text) under ``name``; its id in the store. A name already taken is refused."""
    from psycopg.types.json import Json

    require(conn)
    head = stored_head(data)
    places = {p["id"]: p for p in data.get("places", [])}
    with conn.transaction():
        situation = new_situation_row(conn, name, "situation", head)
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO mapapp.sources (situation, id, position, doc, text, sha256) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [
                    (
                        situation,
                        s["id"],
                        i,
                        Json(s),
                        texts.get(s["id"]),
                        text_sha256(texts.get(s["id"])),
                    )
                    for i, s in enumerate(data.get("sources", []))
                ],
            )
            rows = []
            for key, kind in LISTS.items():
                for i, item in enumerate(data.get(key, [])):
                    rows.append(
                        (situation, kind, item["id"], i, Json(item), *where(kind, item, places))
                    )
            cur.executemany(
                "INSERT INTO mapapp.items (situation, kind, id, position, doc, geom, radius_km,"
                f" first_day, last_day) VALUES (%s, %s, %s, %s, %s, {WHERE_SQL})",
                rows,
            )
    return situation


def stored_head(doc: dict[str, Any]) -> dict[str, Any]:
    """What ``situations.head`` keeps of a document: its own fields, and each list's
    place among them (the lists themselves are rows)."""
    from mapapp.model.doc_patch import LISTS as ALL_LISTS

    return {k: (None if k in ALL_LISTS else v) for k, v in doc.items()}


def write_item(
    conn, situation: int, kind: str, item: str, doc: dict, places: dict, position=None
) -> int:
    """Write one item's row — its JSON, point, radius and days — as an update, or as an
    insert at ``position``; its version now."""
    from psycopg.types.json import Json

    if position is None:
        sql = (
            "UPDATE mapapp.items SET doc = %s, (geom, radius_km, first_day, last_day)"
            f" = (SELECT {WHERE_SQL}) WHERE situation = %s AND kind = %s AND id = %s"
            " RETURNING version"
        )
        params = (Json(doc), *where(kind, doc, places), situation, kind, item)
    else:
        sql = (
            "INSERT INTO mapapp.items (situation, kind, id, position, doc, geom, radius_km,"
            f" first_day, last_day) VALUES (%s, %s, %s, %s, %s, {WHERE_SQL}) RETURNING version"
        )
        params = (situation, kind, item, position, Json(doc), *where(kind, doc, places))
    return conn.execute(sql, params).fetchone()[0]


def text_sha256(text: str | None) -> str | None:
    """The SHA-256 of a source's text as UTF-8 (its file's bytes): a team can tell the
    article it cites is the one it read."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else None


def new_situation_row(conn, name: str, kind: str, head: dict[str, Any]) -> int:
    """The row of a new situation or dataset (inside the caller's transaction); a name
    already taken is refused."""
    from psycopg.types.json import Json

    taken = conn.execute("SELECT 1 FROM mapapp.situations WHERE name = %s", (name,)).fetchone()
    if taken:
        raise StoreError(
            translate("store", "the store already holds a situation named {name!r}").format(
                name=name
            )
        )
    return conn.execute(
        "INSERT INTO mapapp.situations (name, kind, head) VALUES (%s, %s, %s) RETURNING id",
        (name, kind, Json(head)),
    ).fetchone()[0]


WHERE_SQL = (
    "CASE WHEN %s::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(%s, %s), 4326) END,"
    " %s::float8, %s::date, %s::date"
)  # geom, radius_km, first_day, last_day from where() below


def where(kind: str, item: dict, places: dict) -> tuple:
    """(lon, lon, lat, radius, first day, last day) the indexes keep for an item."""
    lon = lat = radius = None
    first = last = None
    if kind == "place":
        lon, lat = item.get("lon"), item.get("lat")
    elif kind == "event":
        loc = item.get("location", {})
        place = places.get(loc.get("place", ""))
        if place is not None:
            lon, lat = place.get("lon"), place.get("lat")
        radius = loc.get("radius_km")
        first, last = _days(item.get("time", {}))
    return lon, lon, lat, radius, first, last


def _days(time: dict) -> tuple[str | None, str | None]:
    from mapapp.model.time_span import TimeSpan

    span = TimeSpan(time.get("precision", "unknown"), time.get("start", ""), time.get("end", ""))
    try:
        first, last = span.bounds()
    except (ValueError, TypeError):
        return None, None
    # an open end ('before 2020', 'after 2012') is widened to year 0 or 9999: no day
    first = first if first and not first.startswith("0000") else None
    last = last if last and not last.startswith("9999") else None
    return first, last


def pull_situation(conn, name: str) -> tuple[dict[str, Any], dict[str, str]]:
    """The situation as its file holds it, and its sources' texts (id -> text)."""
    require(conn)
    row = conn.execute(
        "SELECT id, head FROM mapapp.situations WHERE name = %s AND kind = 'situation'", (name,)
    ).fetchone()
    if row is None:
        raise StoreError(
            translate("store", "no situation named {name!r} in the store").format(name=name)
        )
    situation, head = row
    sources = conn.execute(
        "SELECT id, doc, text FROM mapapp.sources WHERE situation = %s ORDER BY position",
        (situation,),
    ).fetchall()
    items: dict[str, list] = {kind: [] for kind in LISTS.values()}
    for kind, doc in conn.execute(
        "SELECT kind, doc FROM mapapp.items WHERE situation = %s ORDER BY kind, position",
        (situation,),
    ):
        items[kind].append(doc)
    data: dict[str, Any] = {}
    for key, value in head.items():
        if key == "sources":
            data[key] = [doc for _, doc, _ in sources]
        elif key in LISTS:
            data[key] = items[LISTS[key]]
        else:
            data[key] = value
    for key, kind in LISTS.items():  # a list the file had not, filled in the store since
        if items[kind] and key not in data:
            data[key] = items[kind]
    texts = {sid: text for sid, _, text in sources if text is not None}
    return data, texts


def list_situations(conn) -> list[StoredSituation]:
    require(conn)
    rows = conn.execute(
        "SELECT s.name, s.kind, count(i.id), coalesce(sum(octet_length(i.doc::text)), 0)"
        " + octet_length(s.head::text), s.updated_at, s.updated_by"
        " FROM mapapp.situations s LEFT JOIN mapapp.items i ON i.situation = s.id"
        " GROUP BY s.id ORDER BY s.name"
    ).fetchall()
    return [StoredSituation(*r) for r in rows]
