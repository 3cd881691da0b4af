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


def carry(current: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> dict:
    """``current`` with the change from ``before`` to ``after`` made to it: ``after``
    itself when nothing else changed the document meanwhile, else only the items that
    change touched — what others changed since stays."""
    if current == before:
        return after
    return put(current, changes(before, after))
