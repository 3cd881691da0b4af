"""Other analysts' saved changes, as they happen: a connection of its own LISTENs on the
``mapapp`` channel the store's trigger announces every item change on, and hands back the
ones of one situation — who changed which item, how, to which version. The window turns
them into a refresh and a brief note; the edits stay in the store, never in the undo
history of the one who reads them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from mapapp.store.connection import connect


@dataclass(frozen=True)
class Changed:
    kind: str
    item: str
    action: str  # insert | update | delete
    version: int | None
    by: str


class Listener:
    """``changes(timeout)`` yields the situation's changes saved by anyone, as soon as
    PostgreSQL delivers them; ``close()`` ends the listening connection."""

    def __init__(self, url: str, name: str) -> None:
        self.conn = connect(url)
        row = self.conn.execute(
            "SELECT id FROM mapapp.situations WHERE name = %s", (name,)
        ).fetchone()
        self.situation = row[0] if row else None
        self.conn.execute("LISTEN mapapp")

    def changes(self, timeout: float | None = None) -> Iterator[Changed]:
        for note in self.conn.notifies(timeout=timeout):
            try:
                said = json.loads(note.payload)
            except ValueError:
                continue
            if said.get("situation") != self.situation:
                continue
            yield Changed(
                str(said.get("kind", "")),
                str(said.get("id", "")),
                str(said.get("action", "")),
                said.get("version"),
                str(said.get("by", "")),
            )

    def close(self) -> None:
        self.conn.close()
