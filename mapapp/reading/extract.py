"""Everything an article says that a situation is made of — places, days, actors, figures —
found in one pass, each an exact span of the text. The command line (mapapp extract) and
the authoring window both read an article through here.

Where two finds cover the same words, the more specific reading wins: an actor's name
over a place inside it ("Front de libération de l'Azawad" is not the place Azawad), a day
over the number in it, a place over a figure.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from typing import TYPE_CHECKING

from mapapp.reading.actors import find_actors
from mapapp.reading.dates import find_dates
from mapapp.reading.figures import find_figures
from mapapp.reading.finds import Find, span
from mapapp.reading.language import segments

if TYPE_CHECKING:
    from mapapp.geo.gazetteer import Gazetteer
    from mapapp.model.place_mentions import Mention

# the kinds, from the one that wins an overlap to the one that yields
PRECEDENCE = ("actor", "date", "place", "figure")


def extract(
    text: str,
    published: dt.date | None = None,
    lang: str = "auto",
    gazetteer: Gazetteer | None = None,
    kinds: tuple[str, ...] = PRECEDENCE,
    places: list[Find] | None = None,
) -> list[Find]:
    """The finds of ``kinds`` in ``text``, sorted by position, never overlapping.
    ``lang``: 'fr', 'en' or 'auto' (each paragraph's own); ``published``: the day relative
    dates count from (without it they are found but not dated); ``places``: the place
    names already found (the window finds them with the user's own places)."""
    segs = segments(text, lang)
    found: list[Find] = []
    if "actor" in kinds:  # a name read as it stood on the publication day ("CSP")
        found += find_actors(text, day=published.isoformat() if published else None)
    if "date" in kinds:
        found += find_dates(text, segs, published)
    if places is not None:
        found += places
    elif "place" in kinds:
        found += find_places(text, gazetteer)
    if "figure" in kinds:
        found += find_figures(text, segs)
    return _without_overlaps(found)


def find_places(text: str, gazetteer: Gazetteer | None = None) -> list[Find]:
    from mapapp.geo.gazetteer import continents, countries, load_gazetteer
    from mapapp.model.place_mentions import find_mentions

    gazetteer = gazetteer or load_gazetteer()
    mentions = find_mentions(text, gazetteer, countries(), continents())
    return [place_find(text, m) for m in mentions]


def place_find(text: str, m: Mention) -> Find:
    value = place_value(m.place)
    value["alternatives"] = [place_value(a) for a in m.alternatives]
    return span("place", text, m.start, m.end, value)


def place_value(p) -> dict:
    return {
        "id": p.id,
        "name": p.name,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "source": p.source,
    }


def _without_overlaps(found: list[Find]) -> list[Find]:
    rank = {k: i for i, k in enumerate(PRECEDENCE)}
    starts: list[int] = []  # the kept spans, sorted by start (they never overlap)
    kept: list[Find] = []
    # the winning kind first, then the longer span
    for f in sorted(found, key=lambda f: (rank[f.kind], f.start - f.end, f.start)):
        i = bisect_right(starts, f.start)
        if i > 0 and kept[i - 1].end > f.start:
            continue  # the span before runs into this one
        if i < len(kept) and kept[i].start < f.end:
            continue  # this one runs into the span after
        starts.insert(i, f.start)
        kept.insert(i, f)
    return kept
