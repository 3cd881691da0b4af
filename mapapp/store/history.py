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
    row = conn.execute("SELECT id FROM mapapp.situations WHERE name = %s", (name,)).fetchone()
    if row is None:
        raise StoreError(
            translate("store", "no situation named {name!r} in the store").format(name=name)
        )
    sql = (
        "SELECT at, by, action, kind, item, version, before, after FROM mapapp.changes"
        " WHERE situation = %s" + (" AND item = %s" if item else "") + " ORDER BY seq"
    )
    params = (row[0], item) if item else (row[0],)
    return [Change(*r) for r in conn.execute(sql, params)]
