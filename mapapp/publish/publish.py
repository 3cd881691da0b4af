"""From a situation to its page on disk: shared by ``mapapp publish`` and the window's
File → Publish web page…, so both write the same file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mapapp.model.situation import Situation
from mapapp.publish.page import (
    MAX_EVENTS,
    CannotPublish,
    Published,
    created_now,
    data_element,
    render_page,
)
from mapapp.publish.page_data import (
    PageChoices,
    document_payload,
    events_payload,
    first_view,
    styles_payload,
)
from mapapp.publish.page_text import page_texts

Progress = Callable[[float, str], None]


def check_size(n: int, windowed: bool = False) -> None:
    """Refuse a page of no event, or of more than a browser opens in a few seconds."""
    if n == 0:
        raise CannotPublish(
            "no event to publish" + (": none falls within --from/--to" if windowed else "")
        )
    if n > MAX_EVENTS:
        raise CannotPublish(
            f"{n:,} events are more than a web page can carry (at most {MAX_EVENTS:,}); "
            "publish a time window with --from/--to"
        )


def publish(
    situation: Situation,
    out: Path | str,
    choices: PageChoices | None = None,
    progress: Progress | None = None,
) -> Published:
    """Write ``situation``'s page to ``out`` (whole or not at all)."""
    choices = choices or PageChoices()
    from mapapp import __version__
    from mapapp.atomic import write_text
    from mapapp.publish.basemap_blob import basemap_blob
    from mapapp.render.basemap import default_basemap
    from mapapp.render.situation_layer import SituationLayer
    from mapapp.render.snapshot import attribution_for, situation_sources

    def step(fraction: float, stage: str) -> None:
        if progress is not None:
            progress(fraction, stage)

    situation, keep = _within(situation, choices)
    count = situation.event_count() if keep is None else int(keep.sum())
    check_size(count, choices.first_day is not None or choices.last_day is not None)
    step(0.05, "drawing the basemap")
    basemap = default_basemap()
    layer = SituationLayer(situation, basemap)
    blob = basemap_blob(basemap.pack)
    step(0.3, "the events")
    events = events_payload(situation, layer, keep)
    step(0.6, "the sources")
    document = document_payload(situation, layer)
    title = choices.title or situation.title
    view = first_view(situation, layer, choices, events)
    tiles = None
    if choices.tiles is not None:
        from mapapp.publish.page_tiles import tiles_payload

        step(0.7, "the basemap tiles")
        tiles = tiles_payload(choices.tiles, view)
    attribution = attribution_for(situation)
    if tiles is not None and tiles["attribution"]:
        attribution += f" · Tiles: {tiles['attribution']}"
    meta = {
        "title": title,
        "description": situation.description or title,
        "version": __version__,
        "created": created_now(),
        "data_date": situation.data_date,
        "sources": situation_sources(situation),
        "attribution": attribution,
        "view": view,
        # the days the page was limited to (--from/--to), for its 'About'
        "days": [choices.first_day, choices.last_day],
        "select": choices.select or None,
        # the situation's places as the window labels them: its focus bold, and those the
        # basemap's gazetteer lacks added (name, x, y)
        "focus_places": sorted(layer.focus_names()) if situation.table is None else [],
        "extra_places": [[n, round(x), round(y)] for n, x, y in layer.extra_places()]
        if situation.table is None
        else [],
        "styles": styles_payload(),
        "texts": page_texts(),
    }
    elements = [
        data_element("mapapp-meta", meta),
        data_element("mapapp-basemap", blob=blob),
        data_element("mapapp-events", events),
    ]
    if document is not None:
        elements.append(data_element("mapapp-document", document))
    if tiles is not None:
        elements.append(data_element("mapapp-tiles", tiles))
    step(0.85, "writing the page")
    from mapapp.publish.page_tiles import tile_origins

    text = render_page(meta, elements, tile_origins(tiles))
    out = Path(out)
    write_text(out, text)
    step(1.0, "done")
    return Published(out, len(text.encode("utf-8")), count)


def _within(situation: Situation, choices: PageChoices) -> tuple[Situation, Any]:
    """The situation limited to the events whose days fall within --from/--to (undated
    ones left out), and for a situation file the mask of its rows kept (its document
    stays whole: claims and actors are looked up by id); a dataset's table is cut here,
    before a million rows are turned into the page's columns."""
    if choices.first_day is None and choices.last_day is None:
        return situation, None
    from dataclasses import replace

    first = choices.first_day if choices.first_day is not None else -(2**31)
    last = choices.last_day if choices.last_day is not None else 2**31 - 1
    rows = situation.events_table().in_days(first, last)
    if situation.table is not None:
        return replace(situation, table=situation.table.take(rows)), None
    return situation, rows


__all__ = ["CannotPublish", "PageChoices", "Published", "check_size", "publish"]
