"""What happened to a stored situation: every change of an item, who made it (the database
role), when, and what it was before and after — read from the table the trigger fills."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mapapp.i18n import translate
from mapapp.store.connection import StoreError
from mapapp.store.schema import require


@dataclass(frozen=True)
class Change:
    at: datetime
    by: str
    action: str  # insert | update | delete
    kind: str
    item: str
    version: int | None
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    def fields(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) of each top-level field the change touched."""
        before, after = self.before or {}, self.after or {}
        keys = list(dict.fromkeys([*before, *after]))
        return [(k, before.get(k), after.get(k)) for k in keys if before.get(k) != after.get(k)]


def history(conn, name: str, item: str | None = None) -> list[Change]:
    """The situation's changes, oldest first; ``item``: one item's only."""
    require(conn)
    situation = _situation_id(conn, name)
    sql = (
        "SELECT at, by, action, kind, item, version, before, after FROM mapapp.changes"
        " WHERE situation = %s" + (" AND item = %s" if item else "") + " ORDER BY seq"
    )
    params = (situation, item) if item else (situation,)
    return [Change(*r) for r in conn.execute(sql, params)]


ITEMS = ("place", "area", "actor", "event", "claim")


def items_at(
    conn, name: str, at: datetime, kinds: tuple[str, ...] = ITEMS
) -> dict[tuple[str, str], dict[str, Any] | None]:
    """(kind, id) -> the item as it stood at ``at`` (None: not there then), for every item
    the history knows: its last recorded state up to then, else its state before its
    first change since. ``kinds`` may add "source" and "situation" (its own fields, as the
    one item of that kind); one the history never saw change is as it is now."""
    require(conn)
    situation = _situation_id(conn, name)
    rows = conn.execute(
        "SELECT DISTINCT ON (kind, item) kind, item,"
        " CASE WHEN at <= %(at)s THEN after ELSE before END FROM mapapp.changes"
        " WHERE situation = %(situation)s AND kind = ANY(%(kinds)s)"
        " ORDER BY kind, item, at <= %(at)s DESC,"
        " CASE WHEN at <= %(at)s THEN -seq ELSE seq END",
        {"at": at, "situation": situation, "kinds": list(kinds)},
    ).fetchall()
    return {(kind, item): doc for kind, item, doc in rows}


def restore(conn, name: str, at: datetime, item: str | None = None) -> int:
    """Bring the situation (or one item) back to how it stood at ``at``, in one
    transaction; the restore is itself recorded as changes. How many items changed."""
    from psycopg.types.json import Json

    from mapapp.store.situations import write_item

    then = items_at(conn, name, at)
    head = None if item else items_at(conn, name, at, ("situation",)).get(("situation", name))
    sources = {
        sid: doc
        for (_, sid), doc in items_at(conn, name, at, ("source",)).items()
        if item is None or sid == item
    }
    places = {iid: doc for (kind, iid), doc in then.items() if kind == "place" and doc}
    changed = 0
    with conn.transaction():
        situation = _situation_id(conn, name)
        already = _problems(conn, name)  # a store edited by hand may be broken already
        if head is not None:  # its title, description… as they were
            changed += conn.execute(
                "UPDATE mapapp.situations SET head = %s WHERE id = %s"
                " AND head::text IS DISTINCT FROM %s::json::text",
                (Json(head), situation, Json(head)),
            ).rowcount
        changed += _restore_sources(conn, situation, sources)
        now = {
            (kind, iid): (doc, position)
            for kind, iid, doc, position in conn.execute(
                "SELECT kind, id, doc, position FROM mapapp.items WHERE situation = %s FOR UPDATE",
                (situation,),
            )
        }
        keys = set(then) | set(now)
        if item is not None:
            keys = {k for k in keys if k[1] == item}
        last = max((p for _, p in now.values()), default=-1)
        for kind, iid in sorted(keys):
            current = now.get((kind, iid))
            # no history of it: as it is
            old = then.get((kind, iid), current[0] if current else None)
            if old is None and current is not None:
                conn.execute(
                    "DELETE FROM mapapp.items WHERE situation = %s AND kind = %s AND id = %s",
                    (situation, kind, iid),
                )
            elif old is not None and current is None:
                last += 1
                write_item(conn, situation, kind, iid, old, places, last)
            elif old is not None and old != current[0]:
                write_item(conn, situation, kind, iid, old, places)
            else:
                continue
            changed += 1
        _no_new_problems(conn, name, at, already)
    return changed


def _restore_sources(conn, situation: int, sources: dict[str, dict | None]) -> int:
    """Sources' descriptions as they were; one deleted since comes back without its text
    (the history keeps descriptions, not texts: a source that needs one is refused by
    the check that follows)."""
    from psycopg.types.json import Json

    now = dict(
        conn.execute(
            "SELECT id, doc FROM mapapp.sources WHERE situation = %s FOR UPDATE", (situation,)
        ).fetchall()
    )
    last = conn.execute(
        "SELECT coalesce(max(position), -1) FROM mapapp.sources WHERE situation = %s",
        (situation,),
    ).fetchone()[0]
    changed = 0
    for sid, doc in sources.items():
        current = now.get(sid)
        if doc == current:
            continue
        if doc is None:
            conn.execute(
                "DELETE FROM mapapp.sources WHERE situation = %s AND id = %s", (situation, sid)
            )
        elif current is None:
            last += 1
            conn.execute(
                "INSERT INTO mapapp.sources (situation, id, position, doc) VALUES (%s, %s, %s, %s)",
                (situation, sid, last, Json(doc)),
            )
        else:
            conn.execute(
                "UPDATE mapapp.sources SET doc = %s WHERE situation = %s AND id = %s",
                (Json(doc), situation, sid),
            )
        changed += 1
    return changed


def _problems(conn, name: str) -> list[str]:
    from mapapp.model.validation import validate
    from mapapp.store.situations import pull_situation

    data, texts = pull_situation(conn, name)
    return [str(p) for p in validate(data, None, texts)[0]]


def _no_new_problems(conn, name: str, at: datetime, already: list[str]) -> None:
    """Inside the restore's transaction: the situation it leaves validates as a file does
    (or at least no worse than before), or nothing of the restore is kept."""
    new = [p for p in _problems(conn, name) if p not in already]
    if new:
        raise StoreError(
            translate(
                "store", "{name} as at {time} would not be a valid situation: {problem}"
            ).format(name=name, time=at.isoformat(timespec="minutes"), problem=new[0])
        )


def _situation_id(conn, name: str) -> int:
    row = conn.execute("SELECT id FROM mapapp.situations WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise StoreError(
            translate("store", "no situation named {name!r} in the store").format(name=name)
        )
    return row[0]


def situation_at(conn, name: str, at: datetime) -> tuple[dict[str, Any], dict[str, str]]:
    """The situation as it stood at ``at`` — its own fields, sources and items then, in
    today's order, those deleted since after them — and its sources' texts."""
    from mapapp.model.doc_patch import HEAD, LIST_OF, LISTS, items_of, put
    from mapapp.store.situations import pull_situation

    data, texts = pull_situation(conn, name)
    then = items_at(conn, name, at, (*ITEMS, "source", "situation"))
    now = items_of(data)
    updates = {k: v for k, v in then.items() if k[0] in LIST_OF and now.get(k) != v}
    head = then.get(("situation", name))
    if head is not None:  # the fields as they were then (a list stays the lists')
        updates[HEAD] = {k: v for k, v in head.items() if k not in LISTS}
    return put(data, updates), texts
