"""The brief note a window shows when another analyst's saved change comes in: who
changed what, each item named as the user sees it."""

from __future__ import annotations

from mapapp.i18n import tr, translate


def who_changed_what(heard: list, old: dict, new: dict) -> list[str]:
    """A brief note of who changed what, each item named as the user sees it; only what
    changed the window's document (not the user's own saves coming back)."""
    from mapapp.model.doc_patch import HEAD, head_of, items_of

    before, after = items_of(old), items_of(new)
    before[HEAD], after[HEAD] = head_of(old), head_of(new)
    said = {
        "insert": translate("store", "{who} added {kind} “{item}”"),
        "update": translate("store", "{who} changed {kind} “{item}”"),
        "delete": translate("store", "{who} deleted {kind} “{item}”"),
    }
    notes = []
    for change in heard:
        key = HEAD if change.kind == "situation" else (change.kind, change.item)
        if before.get(key) == after.get(key):
            continue
        item = after.get(key) or before.get(key) or {}
        label = item.get("title") or item.get("name") or change.item
        text = said.get(change.action, said["update"]).format(
            who=change.by, kind=_kind_word(change.kind), item=label
        )
        if text not in notes:
            notes.append(text)
    if len(notes) > 3:
        more = len(notes) - 2
        notes = [*notes[:2], tr("and %Ln more change(s)", "store", more)]
    return notes


def _kind_word(kind: str) -> str:
    return {
        "place": translate("store", "place"),
        "area": translate("store", "area"),
        "actor": translate("store", "actor"),
        "event": translate("store", "event"),
        "claim": translate("store", "claim"),
        "source": translate("store", "source"),
        "situation": translate("store", "situation"),
    }.get(kind, kind)
