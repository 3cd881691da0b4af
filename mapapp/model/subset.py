"""The part of a situation the user is looking at (filters and the time window), for
exports that follow what the map shows."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mapapp.model.situation import Situation, situation_from_dict

if TYPE_CHECKING:
    import numpy as np


def dataset_subset(situation: Situation, rows: np.ndarray) -> Situation:
    """A dataset with only the rows where ``rows`` is true."""
    return replace(situation, table=situation.table.take(rows))


def document_subset(situation: Situation, event_ids: set[str]) -> Situation:
    """A situation file with only ``event_ids``: a part whose parent is left out stands on
    its own; claims about none of the kept events go, the others keep only kept events;
    sources, places, areas and actors stay (they are what the kept items cite)."""
    raw: dict[str, Any] = dict(situation.raw)
    events = []
    for e in raw.get("events", []):
        if e["id"] not in event_ids:
            continue
        if e.get("part_of") and e["part_of"] not in event_ids:
            e = {k: v for k, v in e.items() if k != "part_of"}
        events.append(e)
    claims = []
    for c in raw.get("claims", []):
        about = [x for x in c.get("about", []) if x in event_ids]
        if c.get("about") and not about:
            continue
        claims.append({**c, "about": about} if c.get("about") else c)
    raw["events"], raw["claims"] = events, claims
    texts = situation.texts()
    return situation_from_dict(raw, texts, situation.path)
