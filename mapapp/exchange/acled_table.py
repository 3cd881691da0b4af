"""ACLED-layout CSV → events table, column by column (polars), for files of a million rows.

The codebook checks of ``acled_codebook`` run as vectorised masks; every problem still
names its line, and the line numbers (which a note with a line break shifts) are counted
only when there is a problem to report. What the CSV reader itself cannot parse (broken
UTF-8, unbalanced quotes, a row with too many fields) is located by the row-by-row reader,
``acled_import``, whose messages name the line.

Rows that our own export wrote for the days of one event (tagged ``mapapp:ID``) join back
into one event spanning those days, as ``acled_import`` does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.exchange import acled_codebook as codebook
from mapapp.exchange.acled import TAG
from mapapp.exchange.acled_parse import column_or_empty, parsed
from mapapp.exchange.acled_problems import (
    clean_numbers,
    distinct_values,
    line_path,
    row_problems,
)
from mapapp.exchange.quiet import rust_panics_quiet
from mapapp.i18n import format_number, translate
from mapapp.model.events_table import EventsTable, unique_ids
from mapapp.model.files import Problem, SituationError

if TYPE_CHECKING:
    import numpy as np
    import polars as pl

# columns read as codes or names (stripped of stray spaces); notes and sources stay as written
CODED = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "tags", "timestamp",
]  # fmt: skip
GEO = {1: "exact", 2: "near", 3: "region"}
TIME = {1: "day", 2: "week", 3: "month"}


def _no_progress(fraction: float, stage: str) -> None:
    pass


def read_acled_table(path: Path, progress=_no_progress) -> EventsTable:
    """The events of an ACLED-layout CSV; SituationError naming each bad line.
    ``progress(fraction, stage)`` is called between stages (and may raise to stop)."""
    path = Path(path)
    progress(0.02, translate("data", "reading"))
    return acled_frame_table(read_acled_rows(path), path, progress)


def read_acled_rows(path: Path) -> pl.DataFrame:
    """Every cell of the CSV as text; SituationError naming the line that cannot be read."""
    import polars as pl

    try:
        with rust_panics_quiet():
            return pl.read_csv(path, infer_schema=False, empty_string_is_null=False)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # PolarsError, OSError, or a panic of the Rust reader
        _refuse_unreadable(path, exc)
        raise  # not reached: the line-by-line reader raises


def acled_frame_table(
    raw: pl.DataFrame, path: Path, progress=_no_progress, first_line: int = 2
) -> EventsTable:
    """The events of ACLED-layout columns (all text) read from ``path`` (CSV or Parquet);
    ``first_line``: the line the first row starts on (a batch further down a file)."""
    progress(0.45, checking_rows(raw.height))
    frame, _numbers = acled_checked(raw, path, lambda: first_line)
    progress(0.75, translate("data", "building the events table"))
    return acled_events(frame)


def checking_rows(rows: int) -> str:
    """The stage of checking ``rows`` rows, as a person reads it."""
    return translate("data", "checking {rows} rows").format(rows=format_number(rows))


def acled_checked(
    raw: pl.DataFrame, path: Path, first_line: Callable[[], int] = lambda: 2
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The rows as kept (codebook names, stray spaces stripped) and their coordinates and
    upload times (``_lon``, ``_lat``, ``_stamp``), once every codebook check passed;
    SituationError naming each bad line (``first_line()``: the first row's). A conversion
    to GeoParquet needs no more: it writes the rows as kept."""
    frame, as_read, distinct = _kept(path, raw)
    numbers = clean_numbers(frame, distinct)
    if numbers is None:  # some row is bad (or none is there): say which, and why
        _checked(path, frame, as_read, first_line())
    return frame, numbers


def acled_events(frame: pl.DataFrame) -> EventsTable:
    """The events table of rows as kept (``acled_checked``)."""
    events, raw_event = _events(parsed(frame))
    return EventsTable(events, frame, raw_event)


def _kept(path: Path, raw: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The rows as kept, as read (line numbers count the line breaks of the cells as
    written), and the distinct values of the columns checked by value (``BY_VALUE``)."""
    import polars as pl

    as_read = _normalise_header(path, raw).with_columns(pl.all().cast(pl.String).fill_null(""))
    frame, distinct = _stripped(as_read)
    return frame, as_read, distinct


def _checked(
    path: Path, frame: pl.DataFrame, as_read: pl.DataFrame, first_line: int
) -> pl.DataFrame:
    """The rows parsed (``parsed``); SituationError naming each bad line."""
    checked = parsed(frame)
    problems = row_problems(path, frame, checked, as_read, first_line)
    if problems:
        raise SituationError(path, problems)
    if checked.height == 0:
        raise SituationError(path, [Problem(line_path(2), translate("data", "no event rows"))])
    return checked


def _refuse_unreadable(path: Path, exc: Exception) -> None:
    """Let the row-by-row reader say which line cannot be read; it raises."""
    from mapapp.exchange.acled_import import read_acled_csv

    read_acled_csv(path)
    reason = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
    msg = translate("data", "cannot read the CSV: {reason}").format(reason=reason)
    raise SituationError(path, [Problem(line_path(1), msg)])


def _stripped(frame: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Stray spaces around codes and names removed, in the columns that have any (a clean
    export has none, and a million-row copy of every column is not free); and the distinct
    values of the columns checked by value (``distinct_values``), which say whether those
    are padded at less cost than their rows."""
    import polars as pl

    distinct = distinct_values(frame)
    by_row = [c for c in CODED if c in frame.columns and c not in distinct.columns]
    padded = frame.select([_padded(c) for c in by_row]).row(0)
    padded += distinct.select([_padded(c) for c in distinct.columns]).row(0)
    dirty = [c for c, p in zip([*by_row, *distinct.columns], padded, strict=True) if p]
    if not dirty:
        return frame, distinct
    frame = frame.with_columns(pl.col(dirty).str.strip_chars())
    return frame, distinct_values(frame)


def _padded(name: str) -> pl.Expr:
    """Whether any value of the column has spaces around it."""
    import polars as pl

    col = pl.col(name)
    return (col.str.len_bytes() != col.str.strip_chars().str.len_bytes()).any()


def _normalise_header(path: Path, frame: pl.DataFrame) -> pl.DataFrame:
    renamed = [c for c in frame.columns if "_duplicated_" in c]
    if renamed:  # polars renames a repeated column; the codebook has each column once
        original = renamed[0].split("_duplicated_")[0]
        msg = translate("data", "column {name!r} appears more than once")
        raise SituationError(path, [Problem(line_path(1), msg.format(name=original[:40]))])
    try:
        frame.columns = codebook.header(frame.columns)
    except ValueError as exc:
        raise SituationError(path, [Problem(line_path(1), str(exc))]) from None
    return frame


def _events(checked: pl.DataFrame) -> tuple[pl.DataFrame, np.ndarray]:
    """Table rows from checked ACLED rows (days of one exported event joined), and the
    table row of each file row."""
    import polars as pl

    c = lambda name: column_or_empty(checked, name)  # noqa: E731
    # columns taken as they are share the file's buffers; only what differs is new memory
    sub = _sub_event_type(checked, pl.col("_implied"))
    others = pl.concat_str(
        [c("assoc_actor_1"), c("assoc_actor_2")], separator="; "
    ).str.strip_chars("; ")
    tagged_any = _tagged_any(checked)
    tag = _tag() if tagged_any else pl.lit(None, pl.String)
    event_type = _event_type(pl.col("_type"), sub)
    rows = checked.select(
        (
            pl.coalesce(tag, pl.when(c("event_id_cnty") != "").then(c("event_id_cnty")))
            if tagged_any
            or "event_id_cnty" not in checked.columns
            or (checked["event_id_cnty"] == "").any()
            else c("event_id_cnty")
        ).alias("key"),
        event_type.cast(pl.Categorical).alias("type"),
        sub.alias("subtype"),
        c("notes").alias("notes"),
        pl.col("_date"),
        pl.col("_tp"),
        pl.col("_lon").alias("lon"),
        pl.col("_lat").alias("lat"),
        pl.col("_gp"),
        c("location").alias("location"),
        c("actor1").alias("actor1"),
        c("actor2").alias("actor2"),
        others.alias("actors"),
        c("country").alias("country"),
        c("admin1").alias("admin1"),
        pl.col("_fat").alias("fatalities"),
        pl.col("_row"),
        tag.is_not_null().alias("_tagged"),
    )
    tagged = rows.filter(pl.col("_tagged"))
    if tagged.height:
        joined = tagged.group_by("key", maintain_order=True).agg(
            pl.all().exclude("_date", "_tp", "fatalities").first(),
            pl.col("_date").min().alias("_date"),
            pl.col("_date").max().alias("_last"),
            pl.col("_tp").max(),
            pl.when(pl.col("fatalities").is_not_null().any())
            .then(pl.col("fatalities").cast(pl.Int64).sum().clip(0, 2**31 - 1).cast(pl.Int32))
            .alias("fatalities"),
        )
        rows = pl.concat(
            [rows.join(tagged.select("_row"), on="_row", how="anti"), joined], how="diagonal"
        ).sort("_row")
    if "_last" not in rows.columns:
        rows = rows.with_columns(pl.col("_date").alias("_last"))
    rows = rows.with_columns(pl.col("_last").fill_null(pl.col("_date")))
    day = (pl.col("_date") - pl.date(1970, 1, 1)).dt.total_days().cast(pl.Int32)
    last = (pl.col("_last") - pl.date(1970, 1, 1)).dt.total_days().cast(pl.Int32)
    if (rows["_tp"] == 3).any():  # month-precise rows cover their months
        epoch = pl.date(1970, 1, 1)
        month_end = (pl.col("_last").dt.month_end() - epoch).dt.total_days().cast(pl.Int32)
        month_start = (pl.col("_date").dt.month_start() - epoch).dt.total_days().cast(pl.Int32)
    else:
        month_end = month_start = pl.lit(None, dtype=pl.Int32)
    raw_event = _raw_event(checked, rows, tag)
    if rows["key"].null_count():
        fallback = "row-" + (pl.col("_row") + 1).cast(pl.String)
        rows = rows.with_columns(pl.coalesce("key", fallback).alias("key"))
    rows = rows.with_columns(unique_ids(rows["key"]).alias("key"))
    frame = rows.select(
        pl.col("key").alias("id"),
        "type",
        "subtype",
        "notes",
        pl.col("_tp").replace_strict(TIME, return_dtype=pl.String).alias("time_precision"),
        pl.when(pl.col("_tp") == 3)
        .then(month_start)
        .when(pl.col("_tp") == 2)
        .then(day - 3)
        .otherwise(day)
        .alias("day_lo"),
        pl.when(pl.col("_tp") == 3)
        .then(month_end)
        .when(pl.col("_tp") == 2)
        .then(last + 3)
        .otherwise(last)
        .alias("day_hi"),
        "lon",
        "lat",
        pl.col("_gp").replace_strict(GEO, return_dtype=pl.String).alias("location_precision"),
        "location",
        "actor1",
        "actor2",
        "actors",
        "country",
        "admin1",
        "fatalities",
    )
    return frame, raw_event


def _raw_event(checked: pl.DataFrame, rows: pl.DataFrame, tag: pl.Expr) -> np.ndarray:
    """For each file row, its table row: by its own row, or by its tag when it is one day
    of a joined event."""
    import numpy as np
    import polars as pl

    if rows.height == checked.height:  # nothing joined: row i is event i
        return np.arange(rows.height, dtype=np.int64)

    pos = rows.select("_row", "key", "_tagged").with_columns(
        pl.int_range(pl.len(), dtype=pl.Int64).alias("_pos")
    )
    by_tag = pos.filter(pl.col("_tagged")).select(
        pl.col("key").alias("_tag"), pl.col("_pos").alias("_tpos")
    )
    mapped = (
        checked.select("_row", tag.alias("_tag"))
        .join(pos.select("_row", "_pos"), on="_row", how="left", maintain_order="left")
        .join(by_tag, on="_tag", how="left", maintain_order="left")
    )
    return mapped.select(pl.coalesce("_tpos", "_pos"))[:, 0].to_numpy()


def _sub_event_type(frame: pl.DataFrame, implied: pl.Expr) -> pl.Expr:
    """The sub-event type as written, else the one the event type implies."""
    import polars as pl

    sub = column_or_empty(frame, "sub_event_type")
    if "sub_event_type" not in frame.columns or (frame["sub_event_type"] == "").any():
        sub = pl.when(sub != "").then(sub).otherwise(implied)
    return sub


def _event_type(acled_type: pl.Expr, sub: pl.Expr) -> pl.Expr:
    """mapapp's event type of an ACLED event type (as the codebook names it) and its
    sub-event type: territory changing hands is a takeover, an agreement an agreement."""
    import polars as pl

    event_type = acled_type.replace_strict(codebook.ACLED_TO_TYPE, default="strategic_development")
    return (
        pl.when(sub.is_in(["Government regains territory", "Non-state actor overtakes territory"]))
        .then(pl.lit("takeover"))
        .when(sub == "Agreement")
        .then(pl.lit("agreement"))
        .otherwise(event_type)
    )


def _tagged_any(frame: pl.DataFrame) -> bool:
    return "tags" in frame.columns and frame["tags"].str.contains(TAG, literal=True).any()


def _tag() -> pl.Expr:
    """The event a row is one day of, in a file mapapp exported (null in other rows)."""
    import polars as pl

    return pl.col("tags").str.extract(rf"{TAG}([^;\s]+)", 1)


def row_markers(frame: pl.DataFrame, numbers: pl.DataFrame) -> tuple[pl.DataFrame, list[str]]:
    """Where the events table will put a marker, and its type, from checked rows
    (``acled_checked``) before the table is built: ``lon``, ``lat`` and ``code`` (an
    index into the types returned) per event (an exported event's days are one event, at
    its first day's place). The type is worked out once per distinct pair of event and
    sub-event types, not for each of a million rows."""
    import polars as pl

    keys = frame.select(
        column_or_empty(frame, "event_type").alias("_et"),
        column_or_empty(frame, "sub_event_type").alias("_sub"),
    )
    pairs = keys.unique()
    event_type = pl.col("_et").str.to_lowercase().str.replace_all(r"\s+", " ")
    acled_type = event_type.replace_strict(
        {k: v[0] for k, v in codebook.EVENT_TYPES.items()}, default=None
    )
    implied = event_type.replace_strict(
        {k: v[1] for k, v in codebook.EVENT_TYPES.items()}, default=None
    )
    sub = pl.when(pl.col("_sub") != "").then(pl.col("_sub")).otherwise(implied)
    pairs = pairs.with_columns(_event_type(acled_type, sub).alias("type"))
    types = sorted(pairs["type"].unique().to_list())
    code = pl.col("type").replace_strict({t: i for i, t in enumerate(types)}, return_dtype=pl.Int16)
    pairs = pairs.select("_et", "_sub", code.alias("code"))
    where = numbers.select(pl.col("_lon").alias("lon"), pl.col("_lat").alias("lat"))
    rows = pl.concat([where, keys], how="horizontal")
    rows = rows.join(pairs, on=["_et", "_sub"], how="left", maintain_order="left")
    if _tagged_any(frame):
        tag = frame.select(_tag()).to_series()
        rows = rows.filter(tag.is_null() | tag.is_first_distinct())
    return rows.select("lon", "lat", "code"), types
