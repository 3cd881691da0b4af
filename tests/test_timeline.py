"""The histogram and the time window, on whole columns: spans counted in every bin they
overlap at their precision, stacked by type; window, accumulate and fade."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl
import pytest

from mapapp.model.events_table import EPOCH, EventsTable, span_days
from mapapp.model.timeline import TimeWindow, bin_edges, histogram


def day(text: str) -> int:
    return (date.fromisoformat(text) - EPOCH).days


def table(rows: list[tuple[str, str, str, str]]) -> EventsTable:
    """(type, precision, start, end) per event."""
    spans = [span_days(p, s, e) for _, p, s, e in rows]
    return EventsTable(
        pl.DataFrame(
            {
                "id": [f"e{i}" for i in range(len(rows))],
                "type": [t for t, *_ in rows],
                "time_precision": [p for _, p, _, _ in rows],
                "day_lo": pl.Series([lo for lo, _ in spans], dtype=pl.Int32),
                "day_hi": pl.Series([hi for _, hi in spans], dtype=pl.Int32),
            }
        )
    )


EVENTS = [
    ("battle", "day", "2024-07-25", "2024-07-27"),  # three days
    ("battle", "day", "2024-07-29", ""),
    ("protest", "week", "2024-08-02", ""),  # 2024-07-30 .. 2024-08-05
    ("protest", "month", "2024-09", ""),  # the whole of September
    ("takeover", "after", "2012", ""),  # open: in no bin, in no window
]


def test_daily_histogram_counts_each_day_of_a_span():
    h = histogram(table(EVENTS), "day")
    assert h.types == ("battle", "protest", "takeover")
    assert h.edges[0] == day("2024-07-25") and h.edges[-1] == day("2024-09-30") + 1
    b = lambda d: int(np.searchsorted(h.edges, day(d), side="right") - 1)  # noqa: E731
    assert h.counts[b("2024-07-26")].tolist() == [1, 0, 0]
    assert h.counts[b("2024-07-28")].tolist() == [0, 0, 0]
    assert h.counts[b("2024-07-29")].tolist() == [1, 0, 0]
    assert h.counts[b("2024-08-01")].tolist() == [0, 1, 0]  # the week-precise protest
    assert h.counts[b("2024-09-15")].tolist() == [0, 1, 0]  # the month-precise one
    assert h.counts[:, 2].sum() == 0  # the open span is nowhere


def test_weekly_and_monthly_bins():
    w = histogram(table(EVENTS), "week")
    assert date.fromordinal(EPOCH.toordinal() + int(w.edges[0])).weekday() == 0  # Mondays
    assert w.totals().max() == 2  # week of 29 July: the battle and the protest's week
    m = histogram(table(EVENTS), "month")
    assert [int(e) for e in m.edges] == [
        day("2024-07-01"),
        day("2024-08-01"),
        day("2024-09-01"),
        day("2024-10-01"),
    ]
    assert m.counts.tolist() == [[2, 1, 0], [0, 1, 0], [0, 1, 0]]


def test_rows_restrict_the_histogram():
    t = table(EVENTS)
    only_protests = np.array([False, False, True, True, False])
    assert histogram(t, "month", only_protests).counts[:, 0].sum() == 0


def test_window_accumulate_and_fade():
    t = table(EVENTS)
    w = TimeWindow(day("2024-07-26"), day("2024-07-30"))
    assert w.shown(t).tolist() == [1, 1, 1, 0, 0]  # the week overlaps the window
    assert TimeWindow(day("2024-07-28"), day("2024-07-28")).shown(t).tolist() == [0] * 5
    acc = TimeWindow(day("2024-08-10"), day("2024-08-20"), "accumulate")
    assert acc.shown(t).tolist() == [1, 1, 1, 0, 0]
    fade = TimeWindow(day("2024-08-10"), day("2024-08-20"), "fade", fade_days=30)
    alpha = fade.shown(t)
    assert alpha[0] == pytest.approx(1 - 14 / 30)  # ended 2024-07-27, 14 days before it
    assert alpha[2] == pytest.approx(1 - 5 / 30)
    assert alpha[3] == 0 and alpha[4] == 0
    inside = TimeWindow(day("2024-07-20"), day("2024-08-20"), "fade", fade_days=30)
    assert inside.shown(t).tolist()[:3] == [1, 1, 1]  # in the window: not faded
    assert w.stepped(7).first == w.first + 7 and w.stepped(7).last == w.last + 7
    assert w.label() == "2024-07-26 to 2024-07-30"
    assert acc.label() == "up to 2024-08-20"


def test_edges_cover_the_range():
    e = bin_edges(day("2024-12-30"), day("2025-01-02"), "month")
    assert [int(x) for x in e] == [day("2024-12-01"), day("2025-01-01"), day("2025-02-01")]


def test_the_day_before_the_epoch_is_a_day_like_any_other():
    t = table([("battle", "day", "1969-12-31", "")])
    assert TimeWindow(day("1969-12-31"), day("1969-12-31")).shown(t).tolist() == [1.0]
    assert histogram(t, "day").counts.tolist() == [[1]]
