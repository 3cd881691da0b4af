"""Two analysts' edits of one stored item, told apart field by field. When someone else
saved an item since the user's copy of it was read, ``sync.send`` merges the two edits
against their common base (``merge``): each keeps what only one of them changed. A field
both changed to different values (or an item one deleted and the other changed) is a
``Conflict``, which the send reports: nothing of that item is written, the store keeps
theirs, and the user is given mine, theirs and the base to choose from. The saving itself
(one transaction, the situation locked while it is decided) is in sync.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
