"""The published page's own words, in the interface's language: translated here when the
page is made (the page itself has no translator) and carried as data. A text is a
template with {named} parts the viewer fills; a count has its singular and plural, the
viewer choosing by the language's rule ("1 événement", "0 événement", "2 événements")."""

from __future__ import annotations

from mapapp.i18n import language, translate


def page_texts() -> dict[str, object]:
    return {
        "lang": language(),
        "about": translate("page", "About this map"),
        "about_close": translate("page", "Close"),
        "search": translate("page", "Search events, places, actors"),
        "every_actor": translate("page", "Every actor"),
        "any_status": translate("page", "Any claim status"),
        "in_view": translate("page", "only events in the map's view"),
        "count_in_view": translate("page", "{shown} of {total} events in view"),
        "count": translate("page", "{shown} of {total} events"),
        "events_total": [translate("page", "{n} event"), translate("page", "{n} events")],
        "data_as_of": translate("page", "data as of {date}"),
        "play": translate("page", "Play"),
        "pause": translate("page", "Pause"),
        "all_time": translate("page", "All time"),
        "every_date": translate("page", "Every date shown"),
        "mode_window": translate("page", "window"),
        "mode_accumulate": translate("page", "accumulate"),
        "mode_fade": translate("page", "fade"),
        "no_dated": translate("page", "No dated events"),
        "legend": translate("page", "Legend"),
        "event_type": translate("page", "Event: {type}"),
        "north_up": translate("page", "North is up"),
        "true_at": translate("page", "true at {latitude}"),
        "unattributed": translate("page", "Unattributed"),
        "figures": translate("page", "Figures: {figures}"),
        "linked": translate("page", "{relation} {claimant}: {statement}"),
        "an_unattributed_claim": translate("page", "an unattributed claim"),
        "part_of": translate("page", "Part of "),
        "when": translate("page", "When: "),
        "precision": translate("page", " (precision: {precision})"),
        "where": translate("page", "Where: "),
        "within": translate("page", "Within this event"),
        "actors": translate("page", "Actors"),
        "actors_colon": translate("page", "Actors: "),
        "with": translate("page", "With: "),
        "fatalities": translate("page", "Fatalities (as coded): "),
        "claims": translate("page", "Claims ({n})"),
        "figures_side": translate("page", "Figures side by side"),
        "what_source_says": translate("page", "What the source says"),
        "characters": translate("page", " — characters {start}–{end}"),
        "no_quote": translate("page", "no quoted text"),
        "row_of": translate("page", "Row {id} of {title}"),
        "spot": [
            translate("page", "{n} event at this spot"),
            translate("page", "{n} events at this spot"),
        ],
        "spot_hint": translate("page", "They share one position in the data; choose one."),
        "spot_more": translate(
            "page", "and {n} more; narrow the time window or search to see them"
        ),
        "place_coordinates": translate(
            "page", "{place}: {lat}° {ns}, {lon}° {ew}. These are the place's coordinates."
        ),
        "place_coordinates_near": translate(
            "page",
            "{place}: {lat}° {ns}, {lon}° {ew}. These are the place's coordinates, "
            "not the event's.",
        ),
        "ring_note": translate(
            "page", "The ring on the map ({km} km) only draws 'near'; the source gives no distance."
        ),
        "near_place": translate("page", "near {place} ({precision})"),
        "place": translate("page", "{place} ({precision})"),
        "region_place": translate("page", "{area} ({precision}; no point is implied)"),
        "west": translate("page", "W"),
        "tip_cluster_zoom": translate("page", "{count}: {types} — click to zoom in"),
        "tip_cluster_list": translate("page", "{count}: {types} — click to list them"),
        "days_from_to": translate("page", "from {first} to {last}"),
        "span": translate("page", "{first} to {last}"),
        "days_from": translate("page", "from {first} on"),
        "days_to": translate("page", "up to {last}"),
        "holds_days": translate(
            "page",
            "This page holds the events {days}; the situation's other events were left out "
            "when it was published.",
        ),
        "sources_title": translate("page", "Where the data comes from"),
        "made_with": translate("page", "Made with mapapp {version} on {created}."),
        "made_with_date": translate(
            "page", "Made with mapapp {version} on {created}; data as of {date}."
        ),
        "credits": translate(
            "page",
            "Map drawn with Leaflet 1.9.4 (BSD-2-Clause licence, © Volodymyr Agafonkin, "
            "CloudMade). Basemap: Natural Earth 1:10m (public domain); places: GeoNames (CC BY "
            "4.0). This page is one file and makes no request: it works offline.",
        ),
        "could_not_open": translate("page", "This page could not be opened: {reason}"),
        "map_label": translate("page", "Map: drag to pan, wheel or +/- to zoom, arrows to move"),
        "events_label": translate("page", "Events"),
        "timeline_label": translate("page", "Timeline"),
        "histogram_label": translate("page", "Events per day; drag the window"),
        "close_details": translate("page", "Close the details"),
        "claim_status_label": translate("page", "Claim status"),
        "actor_label": translate("page", "Actor"),
        "mode_label": translate("page", "How the window shows time"),
    }
