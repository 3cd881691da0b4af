"""Time on whole columns: the histogram under the map and what a time window shows.

An event is a span of days at its precision (``day_lo``..``day_hi`` in the events table:
a week-precise event covers its week, a month-precise one its month), never a pinned day.
The histogram counts an event in every bin its span overlaps, stacked by type; a window
shows the events its days overlap (``window``), everything up to its end (``accumulate``),
or those with the events that ended before it fading out (``fade``). Open spans ("after
2012", undated) have no days and never show in a window. No Qt here: the timeline dock
and the snapshot both read these arrays.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from mapapp.i18n import tr
from mapapp.model.events_table import EPOCH

if TYPE_CHECKING:
    import numpy as np

    from mapapp.model.events_table import EventsTable

MODES = ("window", "accumulate", "fade")
BIN_SIZES = ("day", "week", "month")


@dataclass(frozen=True)
class Histogram:
    """``counts[b, t]``: events of type ``types[t]`` whose span overlaps bin ``b``, where
    bin ``b`` covers days ``edges[b]`` to ``edges[b + 1] - 1``."""

    bin_size: str
    edges: np.ndarray  # int days since 1970-01-01, one more than the bins
    types: tuple[str, ...]
    counts: np.ndarray  # shape (bins, types)

    def totals(self) -> np.ndarray:
        return self.counts.sum(axis=1)


def bin_edges(first: int, last: int, bin_size: str) -> np.ndarray:
    """Bin starts covering days [first, last], plus the end: days, Monday-weeks, months."""
    import numpy as np

    if bin_size == "day":
        return np.arange(first, last + 2, dtype=np.int64)
    if bin_size == "week":
        start = first - (EPOCH + timedelta(days=first)).weekday()
        return np.arange(start, last + 8, 7, dtype=np.int64)
    d0 = EPOCH + timedelta(days=first)
    d1 = EPOCH + timedelta(days=last)
    months = (d1.year - d0.year) * 12 + d1.month - d0.month + 2
    starts = []
    for k in range(months):
        y, m = divmod(d0.month - 1 + k, 12)
        starts.append((date(d0.year + y, m + 1, 1) - EPOCH).days)
    return np.asarray(starts, dtype=np.int64)


def bin_of(days: np.ndarray, edges: np.ndarray, bin_size: str) -> np.ndarray:
    """The bin of each day, by arithmetic (a search per row costs 10x more at a million)."""
    import numpy as np

    days = days.astype(np.int64)
    if bin_size == "day":
        return days - edges[0]
    if bin_size == "week":
        return (days - edges[0]) // 7
    months = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    return months - np.int64(edges[:1].astype("datetime64[D]").astype("datetime64[M]")[0])


def histogram(table: EventsTable, bin_size: str, rows: np.ndarray | None = None) -> Histogram:
    """Events per bin and type, over the rows given (default: all) that have days."""
    import numpy as np

    if bin_size not in BIN_SIZES:
        raise ValueError(f"bin size must be one of {', '.join(BIN_SIZES)}")
    lo, hi, dated = table.days()
    if rows is not None:
        dated = dated & rows
    import polars as pl

    kinds = table.column("type")  # categorical: the few distinct types, then their codes
    types = tuple(sorted(kinds.drop_nulls().unique().cast(pl.String).to_list()))
    if not dated.any():
        return Histogram(bin_size, np.zeros(1, np.int64), types, np.zeros((0, len(types)), int))
    lo, hi = lo[dated], hi[dated]
    edges = bin_edges(int(lo.min()), int(hi.max()), bin_size)
    nbins = len(edges) - 1
    codes = kinds.cast(pl.Enum(types)).to_physical().fill_null(0).to_numpy().astype(np.int64)
    codes = codes[dated]
    first, last = bin_of(lo, edges, bin_size), bin_of(hi, edges, bin_size)
    # +1 where a span enters a bin, -1 after its last bin; a running sum counts overlaps
    size = (nbins + 1) * len(types)
    delta = np.bincount(first * len(types) + codes, minlength=size) - np.bincount(
        (last + 1) * len(types) + codes, minlength=size
    )
    counts = np.cumsum(delta.reshape(nbins + 1, len(types)), axis=0)[:nbins]
    return Histogram(bin_size, edges, types, counts)


@dataclass(frozen=True)
class TimeWindow:
    """Days ``first``..``last`` (inclusive) and how the map shows events around them."""

    first: int
    last: int
    mode: str = "window"
    fade_days: int = 30  # in 'fade': how long an event takes to fade after it ends

    def shown(self, table: EventsTable) -> np.ndarray:
        """Per row: 1.0 shown, 0.0 hidden, in between fading (mode 'fade')."""
        import numpy as np

        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        lo, hi, dated = table.days()
        started = dated & (lo <= self.last)
        if self.mode == "window":
            return (started & (hi >= self.first)).astype(np.float32)
        if self.mode == "accumulate":
            return started.astype(np.float32)
        # in the window: solid; ended before it: fading over fade_days after its start
        age = np.maximum(self.first - hi, 0).astype(np.float32)
        alpha = np.clip(1.0 - age / max(self.fade_days, 1), 0.0, 1.0)
        return np.where(started, alpha, 0.0).astype(np.float32)

    def stepped(self, days: int) -> TimeWindow:
        """The window moved by ``days`` (playback, arrow keys), keeping its length."""
        return TimeWindow(self.first + days, self.last + days, self.mode, self.fade_days)

    def interval(self) -> str:
        """ISO 8601: '2024-07-25/2024-07-31' (a file's metadata, read by programs)."""
        a = (EPOCH + timedelta(days=self.first)).isoformat()
        b = (EPOCH + timedelta(days=self.last)).isoformat()
        return f"{a}/{b}"

    def mode_label(self) -> str:
        """The mode for a file's metadata, read by programs: in English."""
        if self.mode == "fade":
            return f"fade (earlier events fading over {self.fade_days} days)"
        return self.mode

    def label(self) -> str:
        """'2024-07-25 to 2024-07-31' (a caption says which window the map shows), in the
        interface's language."""
        from mapapp.i18n import format_date, translate
        from mapapp.model.time_span import span_words

        first = (EPOCH + timedelta(days=self.first)).isoformat()
        last = (EPOCH + timedelta(days=self.last)).isoformat()
        text = format_date(first) if first == last else span_words(first, last)
        if self.mode == "accumulate":
            return translate("time", "up to {day}").format(day=format_date(last))
        if self.mode == "fade":
            fading = tr("%Ln day(s)", "fade", self.fade_days)
            return translate("time", "{window} (earlier events fading over {days})").format(
                window=text, days=fading
            )
        return text
