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


def items_at(conn, name: str, at: datetime) -> dict[tuple[str, str], dict[str, Any]]:
    """(kind, id) -> the item as it stood at ``at``: each item's last recorded state up to
    then; an item inserted later, or deleted by then, is absent."""
    require(conn)
    situation = _situation_id(conn, name)
    rows = conn.execute(
        "SELECT DISTINCT ON (kind, item) kind, item, action, after FROM mapapp.changes"
        " WHERE situation = %s AND at <= %s ORDER BY kind, item, seq DESC",
        (situation, at),
    ).fetchall()
    return {(kind, item): after for kind, item, action, after in rows if action != "delete"}


def restore(conn, name: str, at: datetime, item: str | None = None) -> int:
    """Bring the situation (or one item) back to how it stood at ``at``, in one
    transaction; the restore is itself recorded as changes. How many items changed."""
    from psycopg.types.json import Json

    from mapapp.store.situations import WHERE_SQL, where

    then = items_at(conn, name, at)
    places = {iid: doc for (kind, iid), doc in then.items() if kind == "place"}
    changed = 0
    with conn.transaction():
        situation = _situation_id(conn, name)
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
            old, current = then.get((kind, iid)), now.get((kind, iid))
            if old is None and current is not None:
                conn.execute(
                    "DELETE FROM mapapp.items WHERE situation = %s AND kind = %s AND id = %s",
                    (situation, kind, iid),
                )
            elif old is not None and current is None:
                last += 1
                conn.execute(
                    "INSERT INTO mapapp.items (situation, kind, id, position, doc, geom,"
                    f" radius_km, first_day, last_day) VALUES (%s, %s, %s, %s, %s, {WHERE_SQL})",
                    (situation, kind, iid, last, Json(old), *where(kind, old, places)),
                )
            elif old is not None and old != current[0]:
                conn.execute(
                    "UPDATE mapapp.items SET doc = %s, (geom, radius_km, first_day, last_day)"
                    f" = (SELECT {WHERE_SQL}) WHERE situation = %s AND kind = %s AND id = %s",
                    (Json(old), *where(kind, old, places), situation, kind, iid),
                )
            else:
                continue
            changed += 1
    return changed


def _situation_id(conn, name: str) -> int:
    row = conn.execute("SELECT id FROM mapapp.situations WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise StoreError(
            translate("store", "no situation named {name!r} in the store").format(name=name)
        )
    return row[0]


def situation_at(conn, name: str, at: datetime) -> tuple[dict[str, Any], dict[str, str]]:
    """The situation as it stood at ``at`` (its items then, in today's order, those
    deleted since after them) and its sources' texts; what it was called and which sources
    it had are as they are now (the history records items)."""
    from mapapp.model.doc_patch import LIST_OF, items_of, put
    from mapapp.store.situations import pull_situation

    data, texts = pull_situation(conn, name)
    then = items_at(conn, name, at)
    now = {k: v for k, v in items_of(data).items() if k[0] != "source"}
    updates: dict = {k: None for k in now if k not in then}
    updates.update({k: v for k, v in then.items() if k[0] in LIST_OF and now.get(k) != v})
    return put(data, updates), texts
