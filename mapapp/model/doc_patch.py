"""A situation document seen item by item: what changed between two versions of it, and
the same change carried onto a third. Both a shared situation and the undo history need
it: another analyst's saved edit must not be taken back by my Undo, and my unsent edits
must survive the arrival of theirs — so a change is the items it touched, never the
whole document."""

from __future__ import annotations

import copy
from typing import Any

# the document's lists of items, and the kind of item each holds, in the file's order
LISTS = {
    "sources": "source",
    "places": "place",
    "areas": "area",
    "actors": "actor",
    "events": "event",
    "claims": "claim",
}
LIST_OF = {kind: key for key, kind in LISTS.items()}
HEAD = ("head", "")  # the document's own fields (title, description, data date…)

Key = tuple[str, str]  # (kind, id)


def items_of(doc: dict[str, Any]) -> dict[Key, dict[str, Any]]:
    """Every item (and source) of ``doc`` by (kind, id), in file order."""
    return {(kind, item["id"]): item for key, kind in LISTS.items() for item in doc.get(key) or ()}


def head_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The document's fields other than its lists."""
    return {k: v for k, v in doc.items() if k not in LISTS}


def changes(before: dict[str, Any], after: dict[str, Any]) -> dict[Key, dict | None]:
    """(kind, id) -> the item as ``after`` holds it (None: removed) for each item that
    differs; ``HEAD`` when the document's own fields do."""
    old, new = items_of(before), items_of(after)
    out: dict[Key, dict | None] = {
        k: new.get(k) for k in dict.fromkeys([*old, *new]) if old.get(k) != new.get(k)
    }
    if head_of(before) != head_of(after):
        out[HEAD] = head_of(after)
    return out


def put(doc: dict[str, Any], updates: dict[Key, dict | None]) -> dict[str, Any]:
    """A copy of ``doc`` with each item in ``updates`` replaced, added (at the end of its
    list) or removed (None), and its own fields replaced for ``HEAD``."""
    out = copy.copy(doc)
    if HEAD in updates:  # fields keep their places; new ones go last
        head = copy.deepcopy(updates[HEAD] or {})
        out = {k: (v if k in LISTS else head[k]) for k, v in doc.items() if k in LISTS or k in head}
        out.update({k: v for k, v in head.items() if k not in out})
    by_list: dict[str, dict[str, dict | None]] = {}
    for (kind, item_id), item in updates.items():
        if (kind, item_id) != HEAD:
            by_list.setdefault(LIST_OF[kind], {})[item_id] = item
    for key, wanted in by_list.items():
        kept = []
        for item in doc.get(key) or ():
            if item["id"] in wanted:
                new = wanted.pop(item["id"])
                if new is not None:
                    kept.append(copy.deepcopy(new))
            else:
                kept.append(item)
        kept += [copy.deepcopy(item) for item in wanted.values() if item is not None]
        out[key] = kept
    return out


def merge(base: dict, mine: dict, theirs: dict) -> tuple[dict, tuple[str, ...]]:
    """Three-way merge of one item by top-level field: (merged, fields both changed
    differently — theirs is kept there). Field order follows theirs, then fields only mine
    adds."""
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


def carry(
    current: dict[str, Any], before: dict[str, Any], after: dict[str, Any]
) -> tuple[dict[str, Any], list[Key]]:
    """``current`` with the change from ``before`` to ``after`` made to it, and the items
    it could not be made to. ``after`` itself when nothing else changed the document
    meanwhile; else only the fields that change touched, so what others changed since —
    other items, other fields of the same item — stays. An item whose touched fields others
    changed too, or deleted, or added differently, cannot take the change."""
    if current == before:
        return after, []
    now, old = items_of(current), items_of(before)
    now[HEAD], old[HEAD] = head_of(current), head_of(before)
    updates: dict[Key, dict | None] = {}
    refused: list[Key] = []
    for key, wanted in changes(before, after).items():
        was, is_now = old.get(key), now.get(key)
        if is_now == was:  # nobody else touched it
            updates[key] = wanted
        elif wanted is None or was is None or is_now is None:
            if is_now != wanted:  # a removal or addition that others' edits overtook
                refused.append(key)
        else:
            merged, clashes = merge(was, wanted, is_now)
            if clashes:
                refused.append(key)
            else:
                updates[key] = merged
    return put(current, updates), refused
