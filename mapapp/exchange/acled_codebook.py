"""ACLED's codebook as data: the columns of its layouts, the event types, the actor
('inter') codes, and readers for each coded column that accept every legal spelling and
say in one sentence why a value is not legal.

Layouts met in real exports:
- current (since ACLED's March 2023 column change): 31 lower-case columns, ``COLUMNS``;
- the same with ``inter1``/``inter2`` as text ("State forces") and ``interaction`` as
  "State forces-Rebel group" or "Protesters only";
- before March 2023: adds ``data_id``, ``event_id_no_cnty`` and ``iso3``, lacks
  ``disorder_type``, ``civilian_targeting`` and ``tags``; dates like "25 July 2019";
- the 2017 codebook (version 8): upper-case names, ``ALLY_ACTOR_1/2`` for the associated
  actors, ``GWNO`` for the country, event types such as "Battle-No change of territory".

``inter2`` is 0 (or empty) where an event has no second actor, and ``interaction`` then
ends in 0 ("20"): both are legal, not errors.
"""

from __future__ import annotations

import math
from datetime import date, datetime

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]
REQUIRED = ("event_date", "event_type", "actor1", "location", "latitude", "longitude")
# older names of today's columns (the 2017 codebook)
RENAMED = {"ally_actor_1": "assoc_actor_1", "ally_actor_2": "assoc_actor_2"}

SUB_EVENTS = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Remote explosive/landmine/IED",
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Grenade",
    ),
    "Violence against civilians": ("Attack", "Sexual violence", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Other",
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
    ),
}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
ACLED_TO_TYPE = {
    "Battles": "battle",
    "Explosions/Remote violence": "explosion",
    "Violence against civilians": "violence_against_civilians",
    "Protests": "protest",
    "Riots": "riot",
    "Strategic developments": "strategic_development",
}
# event types of the 2017 codebook → (today's event type, today's sub-event type)
OLD_EVENT_TYPES = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actor overtakes territory": (
        "Battles",
        "Non-state actor overtakes territory",
    ),
    "remote violence": ("Explosions/Remote violence", ""),
    "riots/protests": ("Protests", ""),
    "strategic development": ("Strategic developments", ""),
    "headquarters or base established": (
        "Strategic developments",
        "Headquarters or base established",
    ),
    "non-violent transfer of territory": (
        "Strategic developments",
        "Non-violent transfer of territory",
    ),
    "non-violent activity by a conflict actor": ("Strategic developments", "Other"),
}
EVENT_TYPES = {t.lower(): (t, "") for t in ACLED_TO_TYPE} | OLD_EVENT_TYPES

# actor ('inter') codes: 1 state forces … 8 external/other forces; 0 = no such actor
INTER_NAMES = {
    "state forces": 1,
    "rebel group": 2,
    "political militia": 3,
    "identity militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external/other forces": 8,
}
INTER_TO_KIND = {1: "state_military", 2: "armed_group", 3: "militia", 4: "militia"}
INTER_TO_KIND |= {5: "rioters", 6: "protesters", 7: "civilians", 8: "other"}

DATE_FORMATS = ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y")
DATE_FORMATS += ("%d-%m-%Y",)


def header(names: list[str]) -> list[str]:
    """Column names as today's codebook spells them (lower case, 2017 names mapped); a
    ValueError says what makes them no ACLED layout."""
    damaged = [n for n in names if any(ord(c) < 32 or ord(c) == 127 for c in n)]
    if damaged:  # no codebook column has one, and Arrow cannot carry a NUL in a name
        raise ValueError(f"column {damaged[0][:40]!r} has a control character in its name")
    names = [RENAMED.get(n.strip().lower(), n.strip().lower()) for n in names]
    missing = [c for c in REQUIRED if c not in names]
    if missing:
        raise ValueError(f"not an ACLED-layout header: missing column {', '.join(missing)}")
    twice = sorted({n for n in names if n and names.count(n) > 1})
    if twice:
        raise ValueError(f"column {', '.join(repr(n[:40]) for n in twice)} appears more than once")
    return names


def event_type(text: str) -> tuple[str, str]:
    """(today's event_type, the sub-event type an old type implies, or "")."""
    found = EVENT_TYPES.get(" ".join(text.split()).lower())
    if found is None:
        known = ", ".join(ACLED_TO_TYPE)
        raise ValueError(f"event_type {_short(text)} is not one of: {known} (or a 2017 type)")
    return found


def inter_code(text: str, column: str) -> int:
    """An actor type code 0..8 from a digit or ACLED's name; 0 (or empty) = no actor."""
    t = text.strip()
    if not t:
        return 0
    if t.isdigit() and int(t) <= 8:
        return int(t)
    if t.lower() in INTER_NAMES:
        return INTER_NAMES[t.lower()]
    raise ValueError(f"{column} {_short(text)} is not an actor type code 0..8 or an ACLED name")


def interaction(text: str) -> tuple[int, int]:
    """The two actor codes of ``interaction``: "12", "20", "60", "State forces-Rebel
    group", "Protesters only", or empty (0, 0)."""
    t = text.strip()
    if not t:
        return 0, 0
    if t.isdigit() and len(t) <= 2 and all(c in "012345678" for c in t):
        return int(t[0]), int(t[1]) if len(t) == 2 else 0
    low = t.lower()
    if low.endswith(" only") and low[: -len(" only")] in INTER_NAMES:
        return INTER_NAMES[low[: -len(" only")]], 0
    for name, code in INTER_NAMES.items():  # names contain no '-', so the split is unique
        if low.startswith(name + "-") and low[len(name) + 1 :] in INTER_NAMES:
            return code, INTER_NAMES[low[len(name) + 1 :]]
    raise ValueError(
        f"interaction {_short(text)} is neither two actor type digits (e.g. 12, 20) "
        "nor 'Type-Type' / 'Type only'"
    )


def event_date(text: str) -> date:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {_short(text)} is not a date like 2024-07-25 or 25 July 2024")


def precision(text: str, column: str) -> int:
    """time_precision / geo_precision: 1, 2 or 3; empty means the finest, 1."""
    t = text.strip()
    if t in ("", "1", "2", "3"):
        return int(t or 1)
    raise ValueError(f"{column} must be 1, 2 or 3, not {_short(text)}")


def coordinate(text: str, column: str, limit: float) -> float:
    try:
        x = float(text)
    except ValueError:
        raise ValueError(f"{column} {_short(text)} is not a number") from None
    if not math.isfinite(x) or not -limit <= x <= limit:
        raise ValueError(f"{column} {_short(text)} is outside -{limit:g}..{limit:g}")
    return x


def count(text: str, column: str) -> int | None:
    """A whole number ≥ 0 (fatalities, year), or None when the cell is empty."""
    t = text.strip()
    if not t:
        return None
    if t.isdigit() and len(t) <= 9:
        return int(t)
    raise ValueError(f"{column} must be a whole number, not {_short(text)}")


def timestamp(text: str) -> int | None:
    """ACLED's upload time in Unix seconds; a spreadsheet may have written 1.7223e+09."""
    t = text.strip()
    if not t:
        return None
    try:
        x = float(t)
    except ValueError:
        x = math.nan
    if not (math.isfinite(x) and 0 <= x < 1e11):
        raise ValueError(f"timestamp must be Unix seconds, not {_short(text)}")
    return int(x)


def _short(value: str) -> str:
    text = repr(value)
    return text if len(text) <= 50 else text[:47] + "…'"
