"""Details of one dataset event: the cited event the CSV import would have made (places,
actors, fatality claim, sources), then every column of its data rows as written, with
what each code means."""

from __future__ import annotations

from mapapp.exchange.acled_codebook import INTER_NAMES
from mapapp.model.situation import Situation
from mapapp.ui.details_html import DetailsRenderer, e, lines

TIME_CODES = {"1": "1 — the day is known", "2": "2 — within about a week", "3": "3 — the month"}
GEO_CODES = {
    "1": "1 — the place itself",
    "2": "2 — near the place or in a small part of its region",
    "3": "3 — only a larger region is known; coded to this point",
}
INTER_CODES = {str(code): f"{code} — {name}" for name, code in INTER_NAMES.items()}
INTER_CODES["0"] = "0 — no such actor"


def _meaning(column: str, value: str) -> str:
    if column == "time_precision":
        return TIME_CODES.get(value, value)
    if column == "geo_precision":
        return GEO_CODES.get(value, value)
    if column in ("inter1", "inter2"):
        return INTER_CODES.get(value.lstrip("0") or "0", value)
    return value


def dataset_event_html(situation: Situation, event_id: str) -> str | None:
    from mapapp.exchange.dataset import event_situation

    table = situation.table
    built = event_situation(situation, event_id)
    if built is None:
        return None
    one, eid = built
    html = DetailsRenderer(one).event(one.events[eid])
    row = table.row_of(event_id)
    if table.raw is not None:
        for i in table.raw_indices(row):
            values = table.raw.row(int(i), named=True)
            number = int(table.raw_numbers[i]) + 1
            html += _fields(f"Data row {number}: every column as written", values)
    else:
        html += _fields(f"Data row {int(table.numbers[row]) + 1}", table.row(row))
    return html


def _fields(heading: str, values: dict) -> str:
    cells = []
    for column, value in values.items():
        text = "" if value is None else str(value)
        if not text:
            continue
        cells.append(
            f"<tr><td><small>{e(column)}</small></td><td>{lines(_meaning(column, text))}</td></tr>"
        )
    return f"<h4>{e(heading)}</h4><table cellspacing='2'>{''.join(cells)}</table>"
