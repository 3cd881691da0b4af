"""Saving an edit to a stored item without losing anyone's words: every save names the
version it was made from. When the store still holds that version, the edit is written;
when someone saved since, the two edits are merged field by field against their common
base — each keeps what only one of them changed — and only a field both changed, to
different values, is a conflict: nothing is written and the caller gets mine, theirs and
the base to choose from. One transaction per save, the row locked while it is decided, so
a client killed mid-save leaves the item as it was."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mapapp.i18n import translate
from mapapp.store.connection import StoreError
from mapapp.store.schema import require


@dataclass(frozen=True)
class Saved:
    version: int  # the item's version in the store now
    doc: dict[str, Any]  # what the store holds now (the merge, when there was one)
    merged: bool = False  # someone else's saved edit was kept beside this one


@dataclass(frozen=True)
class Conflict:
    """Both edits changed ``fields`` differently since ``base``: the store keeps
    ``theirs`` (at ``version``) until the user decides."""

    kind: str
    item: str
    base: dict[str, Any]
    mine: dict[str, Any] | None  # None: deleted
    theirs: dict[str, Any] | None
    version: int
    by: str
    fields: tuple[str, ...] = field(default=())


def merge(base: dict, mine: dict, theirs: dict) -> tuple[dict, tuple[str, ...]]:
    """Three-way merge by top-level field: (merged, fields both changed differently).
    Field order follows theirs, then fields only mine adds."""
    merged: dict[str, Any] = {}
    clashes = []
    for key in dict.fromkeys([*theirs, *mine, *base]):
        b, m, t = base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING)
        if m == b:
            value = t  # only they changed it (or nobody did)
        elif t in (b, m):
            value = m  # only I changed it, or we agree
        else:
            clashes.append(key)
            value = t
        if value is not _MISSING:
            merged[key] = value
    return merged, tuple(clashes)


_MISSING = object()


def save_item(
    conn, name: str, kind: str, doc: dict[str, Any], base: dict[str, Any], base_version: int
) -> Saved | Conflict:
    """Write ``doc`` (the item as edited from ``base``, read at ``base_version``)."""
    from psycopg.types.json import Json

    require(conn)
    with conn.transaction():
        row = conn.execute(
            "SELECT i.situation, i.doc, i.version, i.updated_by FROM mapapp.items i"
            " JOIN mapapp.situations s ON s.id = i.situation"
            " WHERE s.name = %s AND i.kind = %s AND i.id = %s FOR UPDATE OF i",
            (name, kind, doc["id"]),
        ).fetchone()
        if row is None:
            raise StoreError(
                translate("store", "{kind} {item} is no longer in {name}").format(
                    kind=kind, item=doc["id"], name=name
                )
            )
        situation, theirs, version, by = row
        merged_with_theirs = version != base_version
        if merged_with_theirs:
            mine = doc
            doc, clashes = merge(base, mine, theirs)
            if clashes:
                return Conflict(kind, doc["id"], base, mine, theirs, version, by, clashes)
        if doc == theirs:
            return Saved(version, theirs, merged_with_theirs)
        new_version = conn.execute(
            "UPDATE mapapp.items SET doc = %s WHERE situation = %s AND kind = %s AND id = %s"
            " RETURNING version",
            (Json(doc), situation, kind, doc["id"]),
        ).fetchone()[0]
    return Saved(new_version, doc, merged_with_theirs)


def read_item(conn, name: str, kind: str, item: str) -> tuple[dict[str, Any], int]:
    """An item as the store holds it now, and its version (what an edit starts from)."""
    row = conn.execute(
        "SELECT i.doc, i.version FROM mapapp.items i JOIN mapapp.situations s"
        " ON s.id = i.situation WHERE s.name = %s AND i.kind = %s AND i.id = %s",
        (name, kind, item),
    ).fetchone()
    if row is None:
        raise StoreError(
            translate("store", "{kind} {item} is no longer in {name}").format(
                kind=kind, item=item, name=name
            )
        )
    return row[0], row[1]
