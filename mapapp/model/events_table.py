"""A situation's events as columns: what the map, the side panel, the timeline and the
filters read, whether the situation holds thirteen hand-made events or a million ACLED rows.

One row per event, held by polars (measured against pyarrow and DuckDB on a 1,000,000-row
ACLED file: see README). Per-event Python objects are built only for what a person looks
at (the details of one event); loading, filtering, drawing and hit-testing work on whole
columns. Lookups by id go through a sorted hash column (``row_of``), never a scan.

Time: ``day_lo``/``day_hi`` are the first and last day (days since 1970-01-01) that the
event's span can cover at its precision — a week-precise event covers its week, a
month-precise one its month — and are null where the span is open ("after 2012",
undated): such events never pass a time window.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

EPOCH = date(1970, 1, 1)
# name -> polars type name; every table has exactly these columns, in this order
SCHEMA = {
    "id": "String",
    "type": "Categorical",
    "subtype": "String",
    "title": "String",
    "notes": "String",
    "time_precision": "Categorical",
    "time_start": "String",
    "time_end": "String",
    "day_lo": "Int32",
    "day_hi": "Int32",
    "lon": "Float64",
    "lat": "Float64",
    "location_precision": "Categorical",
    "location": "String",
    "place": "String",
    "area": "String",
    "actor1": "String",
    "actor2": "String",
    "actors": "String",
    "country": "Categorical",
    "admin1": "Categorical",
    "fatalities": "Int32",
    "part_of": "String",
    "origin": "String",
}


SEARCHED = ("title", "subtype", "notes", "actor1", "actor2", "actors", "location")
UNIT_SEP = "\x1f"


def day_number(text: str) -> int:
    return (date.fromisoformat(text) - EPOCH).days


def span_days(precision: str, start: str, end: str) -> tuple[int | None, int | None]:
    """The days a time span can cover (see the module docstring); None, None if open."""
    if precision in ("after", "unknown") or not start:
        return None, None
    if precision == "week" and len(start) == 10:
        mid = date.fromisoformat(start)
        return (
            (mid - timedelta(days=3) - EPOCH).days,
            (mid + timedelta(days=3) - EPOCH).days,
        )
    last = end or start
    lo = day_number(_pad_start(start))
    hi = day_number(_pad_end(last))
    return lo, hi


def _pad_start(text: str) -> str:
    return text + "-01-01"[len(text) - 4 :]


def _pad_end(text: str) -> str:
    if len(text) == 4:
        return text + "-12-31"
    if len(text) == 7:
        y, m = int(text[:4]), int(text[5:7])
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return (nxt - timedelta(days=1)).isoformat()
    return text


def empty_frame() -> pl.DataFrame:
    import polars as pl

    return pl.DataFrame(schema={k: getattr(pl, t) for k, t in SCHEMA.items()})


def conform(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with the table's columns, types and order (missing ones empty)."""
    import polars as pl

    exprs = []
    for name, type_name in SCHEMA.items():
        dtype = getattr(pl, type_name)
        if name in frame.columns:
            exprs.append(pl.col(name).cast(dtype))
        else:  # absent: null (a String null costs a validity bit, not a string)
            exprs.append(pl.lit(None, dtype=dtype).alias(name))
    return frame.select(exprs)


class EventsTable:
    """One row per event (columns: ``SCHEMA``).

    ``raw``: for a dataset (ACLED), the file's rows with every column as written, so the
    details show every codebook field and a CSV export gives them back; ``raw_event[i]``
    is the table row of raw row ``i`` (the days of one exported event join into one row).
    """

    def __init__(
        self,
        frame: pl.DataFrame,
        raw: pl.DataFrame | None = None,
        raw_event: Any = None,
        numbers: Any = None,
        raw_numbers: Any = None,
    ) -> None:
        import numpy as np

        self.frame = conform(frame)
        self.raw = raw
        self.raw_event = raw_event  # numpy int array, len(raw)
        # each row's (and raw row's) number in the file it came from: a part of a table
        # (``take``) still cites the rows of the file
        self.numbers = np.arange(self.frame.height) if numbers is None else numbers
        if raw is not None and raw_numbers is None:
            raw_numbers = np.arange(raw.height)
        self.raw_numbers = raw_numbers
        self._hashes: Any = None  # sorted id hashes and their rows, built on first lookup
        self._haystack: pl.Series | None = None  # see ``haystack``

    def __len__(self) -> int:
        return self.frame.height

    def column(self, name: str) -> pl.Series:
        return self.frame[name]

    def numpy(self, name: str) -> np.ndarray:
        """A numeric column as numpy (nulls as NaN for floats, -1 for integers)."""
        s = self.frame[name]
        if s.dtype.is_float():
            return s.to_numpy()
        return s.fill_null(-1).to_numpy()

    def row_of(self, event_id: str) -> int | None:
        """The row of ``event_id``: a binary search over the sorted hashes of the ids."""
        import numpy as np
        import polars as pl

        if self._hashes is None:
            hashes = self.frame["id"].hash(seed=0).to_numpy()
            order = np.argsort(hashes, kind="stable")
            self._hashes = (hashes[order], order)
        hashes, order = self._hashes
        h = pl.Series([event_id]).hash(seed=0).to_numpy()[0]
        k = int(np.searchsorted(hashes, h))
        ids = self.frame["id"]
        while k < len(hashes) and hashes[k] == h:
            row = int(order[k])
            if ids[row] == event_id:
                return row
            k += 1
        return None

    def days(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """day_lo, day_hi (as int64, 0 where unknown) and which rows have both."""
        lo, hi = self.frame["day_lo"], self.frame["day_hi"]
        dated = (lo.is_not_null() & hi.is_not_null()).to_numpy()
        return (
            lo.fill_null(0).to_numpy().astype("int64"),
            hi.fill_null(0).to_numpy().astype("int64"),
            dated,
        )

    def in_days(self, first: int, last: int) -> np.ndarray:
        """Rows whose span can fall within days [first, last]; open spans never do."""
        lo, hi = self.frame["day_lo"], self.frame["day_hi"]
        return ((lo <= last) & (hi >= first)).fill_null(False).to_numpy()

    def matching_text(self, text: str) -> np.ndarray:
        """Rows whose title, sub-type, notes, actors or location contain ``text`` (any case).
        One literal scan of a lower-cased haystack built on the first search (a million
        rows: ~60 ms a search, against ~1.3 s lower-casing every column every time)."""
        needle = text.lower().replace(UNIT_SEP, " ")
        return self.haystack().str.contains(needle, literal=True).to_numpy()

    def haystack(self) -> pl.Series:
        """The searched columns of each row, lower-cased, joined by a unit separator (so a
        search never matches across two columns)."""
        import polars as pl

        if self._haystack is None:
            cols = [pl.col(c).fill_null("") for c in SEARCHED]
            joined = pl.concat_str(cols, separator=UNIT_SEP).str.to_lowercase()
            self._haystack = self.frame.select(joined.alias("h"))["h"]
        return self._haystack

    def row(self, i: int) -> dict[str, Any]:
        return self.frame.row(i, named=True)

    def raw_indices(self, row: int) -> np.ndarray:
        """The raw rows behind table row ``row`` (one, or the days of a joined event)."""
        import numpy as np

        if self.raw is None:
            return np.zeros(0, np.int64)
        return np.flatnonzero(self.raw_event == row)

    def take(self, rows: np.ndarray) -> EventsTable:
        """The table of the rows where ``rows`` (a boolean mask) is true; raw rows follow."""
        import numpy as np
        import polars as pl

        rows = np.asarray(rows, bool)
        mask = pl.Series(rows)
        if self.raw is None:
            return EventsTable(self.frame.filter(mask), numbers=self.numbers[rows])
        new_index = np.cumsum(rows) - 1
        keep = rows[self.raw_event]
        return EventsTable(
            self.frame.filter(mask),
            self.raw.filter(pl.Series(keep)),
            new_index[self.raw_event[keep]],
            numbers=self.numbers[rows],
            raw_numbers=self.raw_numbers[keep],
        )


def row_title(row: dict[str, Any]) -> str:
    """A row's title, or for dataset rows (which have none) its kind and place."""
    if row.get("title"):
        return row["title"]
    kind = row.get("subtype") or str(row.get("type") or "event").replace("_", " ")
    return f"{kind}: {row['location']}" if row.get("location") else kind


def title_expr() -> pl.Expr:
    """``row_title`` over whole columns (exports, sorting)."""
    import polars as pl

    def given(name: str) -> pl.Expr:
        col = pl.col(name).cast(pl.String)
        return pl.when(col != "").then(col)

    kind = pl.coalesce(given("subtype"), given("type").str.replace_all("_", " "), pl.lit("event"))
    at = pl.format("{}: {}", kind, given("location"))
    return pl.coalesce(given("title"), at, kind)


def day_text(day: int) -> str:
    return (EPOCH + timedelta(days=int(day))).isoformat()


def row_when(row: dict[str, Any]) -> str:
    """The row's time as a person reads it, at its precision."""
    precision, lo, hi = row.get("time_precision"), row.get("day_lo"), row.get("day_hi")
    start, end = row.get("time_start") or "", row.get("time_end") or ""
    if start:  # a document's span, as written
        from mapapp.model.time_span import TimeSpan

        return TimeSpan(precision or "day", start, end).label()
    from mapapp.i18n import format_date, translate
    from mapapp.model.time_span import span_words

    if lo is None or hi is None:
        return translate("time", "date unknown")
    if precision == "month":
        a, b = day_text(lo)[:7], day_text(hi)[:7]
        if a == b:
            return translate("time", "month of {month}").format(month=format_date(a))
        return span_words(a, b)
    if precision == "week":
        a, b = day_text(lo + 3), day_text(hi - 3)
        if a == b:
            return translate("time", "week of {day}").format(day=format_date(a))
        text = translate("time", "weeks of {first_day} to {last_day}")
        return text.format(first_day=format_date(a), last_day=format_date(b))
    return format_date(day_text(lo)) if lo == hi else span_words(day_text(lo), day_text(hi))


def row_where(row: dict[str, Any]) -> str:
    from mapapp.i18n import translate

    name = row.get("location") or ""
    precision = row.get("location_precision") or ""
    if precision == "near":
        if name:
            return translate("caption", "near {place}").format(place=name)
        return translate("precision", "near a named place")
    if precision == "region":
        if name:
            return translate("caption", "{area} (region)").format(area=name)
        return translate("precision", "region only")
    return name or translate("precision", "location unknown")


def unique_ids(ids: pl.Series) -> pl.Series:
    """Ids made unique: a repeated id gets -2, -3… in row order. (Sorted 64-bit hashes
    show in ~0.1 s that a million ids are all different; only then is there work.)"""
    import numpy as np
    import polars as pl

    hashes = np.sort(ids.hash(seed=1).to_numpy())
    if not (hashes[1:] == hashes[:-1]).any():
        return ids
    frame = ids.alias("i").to_frame()
    n = pl.int_range(pl.len()).over("i")
    renamed = (
        pl.when(n == 0).then(pl.col("i")).otherwise(pl.col("i") + "-" + (n + 1).cast(pl.String))
    )
    out = frame.select(renamed)["i"]
    # a suffix can meet an id that already has it ("a", "a", "a-2"): rename again
    return out if out.n_unique() == len(out) else unique_ids(out)


def from_document_events(data: dict[str, Any]) -> EventsTable:
    """The table of a validated situation document's ``events`` (hand-made: tens or
    hundreds of rows, read once; their positions come from their places)."""
    import polars as pl

    places = {p["id"]: p for p in data.get("places", [])}
    areas = {a["id"]: a for a in data.get("areas", [])}
    actors = {a["id"]: a["name"] for a in data.get("actors", [])}
    cols: dict[str, list] = {k: [] for k in SCHEMA}
    for i, e in enumerate(data.get("events", [])):
        t, loc = e["time"], e["location"]
        lo, hi = span_days(t["precision"], t.get("start", ""), t.get("end", ""))
        place = places.get(loc.get("place", ""))
        area = areas.get(loc.get("area", ""))
        names = [actors.get(p["actor"], p["actor"]) for p in e.get("actors", [])]
        row = {
            "id": e["id"],
            "type": e["type"],
            "subtype": e.get("subtype", ""),
            "title": e["title"],
            "notes": e.get("summary", ""),
            "time_precision": t["precision"],
            "time_start": t.get("start", ""),
            "time_end": t.get("end", ""),
            "day_lo": lo,
            "day_hi": hi,
            "lon": float(place["lon"]) if place else float("nan"),
            "lat": float(place["lat"]) if place else float("nan"),
            "location_precision": loc["precision"],
            "location": place["name"] if place else (area["name"] if area else ""),
            "place": loc.get("place", ""),
            "area": loc.get("area", ""),
            "actor1": names[0] if names else "",
            "actor2": names[1] if len(names) > 1 else "",
            "actors": "; ".join(names),
            "country": place.get("country", "") if place else "",
            "admin1": "",
            "fatalities": None,
            "part_of": e.get("part_of", ""),
            "origin": f"$.events[{i}]",
        }
        for k, v in row.items():
            cols[k].append(v)
    frame = pl.DataFrame(
        {
            k: pl.Series(k, v, dtype=pl.Int32 if k in ("day_lo", "day_hi", "fatalities") else None)
            for k, v in cols.items()
        }
    )
    return EventsTable(frame if len(frame) else empty_frame())
