"""Details of one dataset event: the cited event the CSV import would have made (places,
actors, fatality claim, sources), then every column of its data rows as written, with
what each code means."""

from __future__ import annotations

from mapapp.exchange.acled_codebook import INTER_NAMES
from mapapp.i18n import QT_TRANSLATE_NOOP, translate
from mapapp.model.situation import Situation
from mapapp.ui.details_html import DetailsRenderer, e, lines

# in English; _meaning gives them in the interface's language
TIME_CODES = {
    "1": QT_TRANSLATE_NOOP("details", "1 — the day is known"),
    "2": QT_TRANSLATE_NOOP("details", "2 — within about a week"),
    "3": QT_TRANSLATE_NOOP("details", "3 — the month"),
}
GEO_CODES = {
    "1": QT_TRANSLATE_NOOP("details", "1 — the place itself"),
    "2": QT_TRANSLATE_NOOP("details", "2 — near the place or in a small part of its region"),
    "3": QT_TRANSLATE_NOOP("details", "3 — only a larger region is known; coded to this point"),
}
INTER_LABELS = {  # ACLED's names of its actor types (INTER_NAMES), by code
    "1": QT_TRANSLATE_NOOP("details", "state forces"),
    "2": QT_TRANSLATE_NOOP("details", "rebel group"),
    "3": QT_TRANSLATE_NOOP("details", "political militia"),
    "4": QT_TRANSLATE_NOOP("details", "identity militia"),
    "5": QT_TRANSLATE_NOOP("details", "rioters"),
    "6": QT_TRANSLATE_NOOP("details", "protesters"),
    "7": QT_TRANSLATE_NOOP("details", "civilians"),
    "8": QT_TRANSLATE_NOOP("details", "external/other forces"),
}
INTER_CODES = {str(code): name for name, code in INTER_NAMES.items()}
NO_ACTOR = QT_TRANSLATE_NOOP("details", "0 — no such actor")


def _inter(code: str) -> str:
    """'1 — state forces', ACLED's name in the interface's language."""
    if code in INTER_LABELS and INTER_LABELS[code] == INTER_CODES.get(code):
        return f"{code} — {translate('details', INTER_LABELS[code])}"
    return f"{code} — {INTER_CODES[code]}"


def _meaning(column: str, value: str) -> str:
    if column == "time_precision":
        return translate("details", TIME_CODES[value]) if value in TIME_CODES else value
    if column == "geo_precision":
        return translate("details", GEO_CODES[value]) if value in GEO_CODES else value
    if column in ("inter1", "inter2"):
        code = value.lstrip("0") or "0"
        if code == "0":
            return translate("details", NO_ACTOR)
        return _inter(code) if code in INTER_CODES else value
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
            heading = translate("details", "Data row {number}: every column as written")
            html += _fields(heading.format(number=number), values)
    else:
        heading = translate("details", "Data row {number}")
        html += _fields(heading.format(number=int(table.numbers[row]) + 1), table.row(row))
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
