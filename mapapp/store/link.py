"""A window's copy of a stored situation and what it knows of the store: per item, what
the store held when it last heard (``Link.base``) and at which version. The user's unsent
edits are the open document's difference from that base, so nothing needs queueing: the
operations here — taking others' saves in under the user's own (``rebase``), a decision on
a conflict (``resolve``) — are pure functions of documents; speaking to the store is
sync.py's."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from typing import Any

from mapapp.model.doc_patch import HEAD, Key, changes, head_of, items_of, put

ITEM_KINDS = ("place", "area", "actor", "event", "claim")  # what "keep both" can copy


@dataclass(frozen=True)
class Conflict:
    """Both edits changed ``fields`` differently since ``base`` (or one deleted what the
    other changed): nothing of the item is written, the store keeps ``theirs`` (at
    ``version``, last saved by ``by``) until the user decides."""

    kind: str
    item: str
    base: dict[str, Any]
    mine: dict[str, Any] | None  # None: deleted
    theirs: dict[str, Any] | None
    version: int
    by: str
    fields: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Link:
    """The store a document came from, and what it held of each item when last heard:
    ``base`` (the document as the store had it; an item the user changed keeps the
    store's version it was changed from) and each item's ``versions``."""

    url: str
    name: str
    base: dict[str, Any]
    versions: dict[Key, int]
    can_edit: bool

    def unsent(self, mine: dict[str, Any]) -> dict[Key, dict | None]:
        """The user's changes not yet in the store: (kind, id) -> item (None: deleted)."""
        return changes(self.base, mine)

    def differs_from(self, other: Link) -> list[Key]:
        """The items whose base or version is not what ``other`` holds."""
        mine, theirs = items_of(self.base), items_of(other.base)
        mine[HEAD], theirs[HEAD] = head_of(self.base), head_of(other.base)
        keys = dict.fromkeys([*mine, *theirs, *self.versions, *other.versions])
        return [
            k
            for k in keys
            if mine.get(k) != theirs.get(k) or self.versions.get(k) != other.versions.get(k)
        ]

    def record(self) -> dict[str, Any]:
        """What a recovery file keeps of the link (no password: libpq finds it again)."""
        from mapapp.store.connection import without_password

        return {
            "url": without_password(self.url),
            "name": self.name,
            "base": self.base,
            "versions": [[k, i, v] for (k, i), v in self.versions.items()],
            "can_edit": self.can_edit,
        }

    @staticmethod
    def from_record(record: dict[str, Any]) -> Link:
        return Link(
            str(record["url"]),
            str(record["name"]),
            record["base"],
            {(k, i): int(v) for k, i, v in record["versions"]},
            bool(record["can_edit"]),
        )


def keep_entries(link: Link, other: Link, keys) -> Link:
    """``link`` with the base and version of ``keys`` as ``other`` holds them."""
    base_items = items_of(other.base)
    updates = {k: (head_of(other.base) if k == HEAD else base_items.get(k)) for k in keys}
    versions = dict(link.versions)
    for key in keys:
        if key in other.versions:
            versions[key] = other.versions[key]
        else:
            versions.pop(key, None)
    return replace(link, base=put(link.base, updates), versions=versions)


def rebase(
    link: Link, mine: dict[str, Any], store_doc: dict[str, Any], versions: dict[Key, int]
) -> tuple[dict[str, Any], Link]:
    """The open document with the store's current state taken in and the user's unsent
    changes kept on top; the link as of that state (an unsent item keeps the base and
    version it was changed from, so its send merges with what came in)."""
    unsent = link.unsent(mine)
    mine_now = put(store_doc, unsent)
    base_items = items_of(link.base)
    kept = {k: base_items.get(k) for k in unsent if k != HEAD}
    if HEAD in unsent:
        kept[HEAD] = head_of(link.base)
    base = put(store_doc, kept)
    new_versions = dict(versions)
    for key in unsent:
        if key in link.versions:
            new_versions[key] = link.versions[key]
        else:
            new_versions.pop(key, None)
    return mine_now, replace(link, base=base, versions=new_versions)


def resolve(
    link: Link, mine: dict[str, Any], conflict: Conflict, keep: dict | None, copy_id: str = ""
) -> tuple[dict[str, Any], Link]:
    """The user's decision on a conflict: ``keep`` is what the item should be (mine,
    theirs, or a merge of their fields; None: deleted); ``copy_id``: keep both — mine is
    added as a new item of that id beside theirs. Nothing is written here: the decided
    item is now an ordinary unsent change made from their version, and the next
    ``send`` writes it."""
    key = (conflict.kind, conflict.item)
    base = put(link.base, {key: conflict.theirs})
    versions = dict(link.versions)
    if conflict.theirs is None:
        versions.pop(key, None)
    elif key != HEAD and conflict.kind != "source":
        versions[key] = conflict.version
    updates: dict[Key, dict | None] = {key: keep}
    if copy_id and conflict.mine is not None and conflict.kind in ITEM_KINDS:
        updates[(conflict.kind, copy_id)] = {**copy.deepcopy(conflict.mine), "id": copy_id}
    if key == HEAD:
        updates = {HEAD: keep}
    return put(mine, updates), replace(link, base=base, versions=versions)
