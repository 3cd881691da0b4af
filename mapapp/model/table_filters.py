"""Which rows of an events table pass the side panel's filters, over whole columns.

Filters combine (all must pass); an empty field means 'any'. Time is the timeline's
window, applied on top by the caller (``timeline.TimeWindow.shown``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from mapapp.model.events_table import EventsTable


@dataclass(frozen=True)
class TableFilters:
    """text: search over title, notes, actors and location (any case); event_type: the
    table's type; actor: a name as actor1, actor2 or an associated actor; country and
    admin1: exact names; min_fatalities: at least this many recorded (None: any, rows
    without a figure included)."""

    text: str = ""
    event_type: str = ""
    actor: str = ""
    country: str = ""
    admin1: str = ""
    min_fatalities: int | None = None

    def described(self) -> dict[str, str]:
        """The active filters in words, label -> value (for a snapshot's metadata)."""
        words = {
            "Search": self.text,
            "Type": self.event_type,
            "Actor": self.actor,
            "Country": self.country,
            "Admin1": self.admin1,
            "Min fatalities": "" if self.min_fatalities is None else str(self.min_fatalities),
        }
        return {label: value for label, value in words.items() if value}


def matching_rows(table: EventsTable, f: TableFilters) -> np.ndarray:
    """Boolean per row: passes every filter in ``f``."""
    import numpy as np
    import polars as pl

    n = len(table)
    conditions: list[pl.Expr] = []
    if f.event_type:
        conditions.append(pl.col("type").cast(pl.String) == f.event_type)
    if f.actor:
        a = f.actor
        conditions.append(
            (pl.col("actor1") == a)
            | (pl.col("actor2") == a)
            | pl.col("actors").str.split("; ").list.contains(a)
        )
    if f.country:
        conditions.append(pl.col("country").cast(pl.String) == f.country)
    if f.admin1:
        conditions.append(pl.col("admin1").cast(pl.String) == f.admin1)
    if f.min_fatalities is not None:
        conditions.append(pl.col("fatalities") >= f.min_fatalities)
    out = np.ones(n, bool)
    if conditions:
        expr = pl.all_horizontal(conditions).fill_null(False).alias("m")
        out &= table.frame.select(expr)["m"].to_numpy()
    if f.text.strip():
        out &= table.matching_text(f.text.strip())
    return out


def choices(table: EventsTable, column: str, within: np.ndarray | None = None) -> list[str]:
    """The distinct values of a categorical column, most frequent first (for a filter's
    drop-down), optionally among some rows only (admin1 within a country)."""
    import polars as pl

    s = table.column(column)
    if within is not None:
        s = s.filter(pl.Series(within))
    counts = s.drop_nulls().cast(pl.String).value_counts(sort=True)
    return [v for v in counts[column].to_list() if v]


def top_actors(table: EventsTable, limit: int = 500) -> list[str]:
    """The actors named most often as actor 1 or 2 (a completer's list)."""
    import polars as pl

    both = pl.concat([table.column("actor1"), table.column("actor2")]).drop_nulls()
    counts = both.filter(both != "").value_counts(sort=True).head(limit)
    return counts[counts.columns[0]].to_list()
