"""A window's copy of a stored situation, kept in step with the store.

The copy remembers, item by item, what the store held when it last heard (``Link.base``)
and at which version. What the user changed since is simply the difference between that
and the open document, so nothing needs queueing: edits made while the database is away
stay in the document (and its recovery file) and are sent, through the same rules, when
it is back.

``send`` writes all of the user's unsent changes in one transaction, the situation locked
while it is decided: an item nobody else touched is written; one someone else saved since
is merged field by field against the base; a field both changed differently is a
``Conflict`` — nothing of that item is written, the store keeps theirs and the user
decides. The store's document is checked as a file is before the transaction commits, so
two edits that are each fine but clash together (a place deleted while an event is added
there) are refused rather than stored broken.

``rebase`` takes another analyst's saved changes into the open document without touching
the user's unsent ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from mapapp.i18n import translate
from mapapp.model.doc_patch import HEAD, Key, head_of, items_of, merge, put
from mapapp.store.connection import StoreError
from mapapp.store.link import Conflict, Link
from mapapp.store.schema import require


@dataclass
class Sent:
    """What ``send`` did: the link as the store now stands for the items decided,
    ``adopted``: items the store now holds differently from what the user had (merged
    with someone else's edit), ``conflicts``: items left for the user to decide."""

    link: Link
    written: int = 0
    adopted: dict[Key, dict | None] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)


def fetch(conn, name: str) -> tuple[dict[str, Any], dict[str, str], dict[Key, int]]:
    """The stored document, its sources' texts and each item's version."""
    from mapapp.store.situations import pull_situation

    data, texts = pull_situation(conn, name)
    versions = {
        (kind, item): version
        for kind, item, version in conn.execute(
            "SELECT i.kind, i.id, i.version FROM mapapp.items i JOIN mapapp.situations s"
            " ON s.id = i.situation WHERE s.name = %s",
            (name,),
        )
    }
    return data, texts, versions


def can_edit(conn) -> bool:
    """Whether the database lets this login write the store (the same test its row-level
    security makes, or the store's owner, whom that security does not bind)."""
    return bool(
        conn.execute(
            "SELECT pg_has_role(current_user, 'mapapp_editor', 'MEMBER')"
            " OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
            " OR pg_has_role(current_user, (SELECT tableowner FROM pg_tables"
            "   WHERE schemaname = 'mapapp' AND tablename = 'items'), 'MEMBER')"
        ).fetchone()[0]
    )


def open_link(conn, url: str, name: str) -> tuple[dict[str, Any], dict[str, str], Link]:
    data, texts, versions = fetch(conn, name)
    return data, texts, Link(url, name, data, versions, can_edit(conn))


def send(conn, link: Link, mine: dict[str, Any], texts: dict[str, str]) -> Sent:
    """Write the user's unsent changes (see the module's docstring)."""
    from psycopg.types.json import Json

    from mapapp.model.validation import validate
    from mapapp.store.situations import stored_head, write_item

    unsent = link.unsent(mine)
    if not unsent:
        return Sent(link)
    require(conn)
    base_items = items_of(link.base)
    sent = Sent(link)
    with conn.transaction():
        row = conn.execute(
            "SELECT id FROM mapapp.situations WHERE name = %s AND kind = 'situation' FOR UPDATE",
            (link.name,),
        ).fetchone()
        if row is None:
            raise StoreError(
                translate("store", "no situation named {name!r} in the store").format(
                    name=link.name
                )
            )
        situation = row[0]
        store_doc, store_texts, store_versions = fetch(conn, link.name)
        theirs_items = items_of(store_doc)
        decided: dict[Key, dict | None] = {}  # what the store will hold
        for key, after in unsent.items():
            before = head_of(link.base) if key == HEAD else base_items.get(key)
            theirs = head_of(store_doc) if key == HEAD else theirs_items.get(key)
            if key == HEAD or key[0] == "source":  # no versions: compare with the base
                changed_since = theirs != before
            else:
                changed_since = store_versions.get(key) != link.versions.get(key)
            outcome = _decide(key, before, after, theirs, changed_since)
            if isinstance(outcome, _Clash):
                sent.conflicts.append(
                    Conflict(
                        key[0],
                        key[1],
                        before or {},
                        after,
                        theirs,
                        store_versions.get(key, 0),
                        _last_by(conn, situation, key),
                        outcome.fields,
                    )
                )
                continue
            decided[key] = outcome.value
            if outcome.value != after:
                sent.adopted[key] = outcome.value
        if not decided:
            return sent
        now = put(store_doc, decided)
        now_texts = {**store_texts, **{k: v for k, v in texts.items() if k not in store_texts}}
        problems, _ = validate(now, None, now_texts)
        if problems:
            raise StoreError(
                translate(
                    "store",
                    "your changes and others' saved meanwhile cannot stand together: {problem}",
                ).format(problem=problems[0])
            )
        places = {p["id"]: p for p in now.get("places", [])}
        new_versions = dict(link.versions)
        positions = _last_positions(conn, situation)
        for key, value in decided.items():
            kind, item = key
            if key == HEAD:
                conn.execute(
                    "UPDATE mapapp.situations SET head = %s, updated_at = now(),"
                    " updated_by = session_user WHERE id = %s",
                    (Json(stored_head(now)), situation),
                )
            elif kind == "source":
                _write_source(conn, situation, item, value, now_texts, positions)
            elif value is None:
                conn.execute(
                    "DELETE FROM mapapp.items WHERE situation = %s AND kind = %s AND id = %s",
                    (situation, kind, item),
                )
                new_versions.pop(key, None)
            else:
                position = None
                if key not in theirs_items:  # a new item goes last of its kind
                    position = positions[kind] = positions.get(kind, -1) + 1
                new_versions[key] = write_item(conn, situation, kind, item, value, places, position)
            sent.written += 1
    sent.link = replace(link, base=put(link.base, decided), versions=new_versions)
    return sent


@dataclass(frozen=True)
class _Clash:
    fields: tuple[str, ...]


@dataclass(frozen=True)
class _Write:
    value: dict | None


def _decide(key: Key, before, after, theirs, changed_since: bool) -> _Write | _Clash:
    """What the store should hold of one item the user changed from ``before`` to
    ``after`` (None: absent) while it holds ``theirs``."""
    if not changed_since or theirs == after:
        return _Write(after)
    if before is None:  # both added an item of this id, differently
        return _Clash(tuple(sorted(set(after or {}) | set(theirs or {}))))
    if after is None or theirs is None:  # deleted by one, changed by the other
        return _Clash(("(deleted)",))
    merged, clashes = merge(before, after, theirs)
    return _Clash(clashes) if clashes else _Write(merged)


def _last_by(conn, situation: int, key: Key) -> str:
    """Who saved the item last (for the title or a source, which the history does not
    record: whoever last changed the situation)."""
    if key == HEAD or key[0] == "source":
        row = conn.execute(
            "SELECT updated_by FROM mapapp.situations WHERE id = %s", (situation,)
        ).fetchone()
        return row[0] if row else ""
    row = conn.execute(
        "SELECT by FROM mapapp.changes WHERE situation = %s AND kind = %s AND item = %s"
        " ORDER BY seq DESC LIMIT 1",
        (situation, *key),
    ).fetchone()
    return row[0] if row else ""


def _last_positions(conn, situation: int) -> dict[str, int]:
    rows = conn.execute(
        "SELECT kind, max(position) FROM mapapp.items WHERE situation = %s GROUP BY kind",
        (situation,),
    ).fetchall()
    out = dict(rows)
    source = conn.execute(
        "SELECT max(position) FROM mapapp.sources WHERE situation = %s", (situation,)
    ).fetchone()[0]
    out["source"] = -1 if source is None else source
    return out


def _write_source(conn, situation, item, value, texts, positions) -> None:
    from psycopg.types.json import Json

    from mapapp.store.situations import text_sha256

    if value is None:
        conn.execute(
            "DELETE FROM mapapp.sources WHERE situation = %s AND id = %s", (situation, item)
        )
        return
    positions["source"] += 1
    conn.execute(
        "INSERT INTO mapapp.sources (situation, id, position, doc, text, sha256)"
        " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (situation, id)"
        " DO UPDATE SET doc = excluded.doc",
        (
            situation,
            item,
            positions["source"],
            Json(value),
            texts.get(item),
            text_sha256(texts.get(item)),
        ),
    )
