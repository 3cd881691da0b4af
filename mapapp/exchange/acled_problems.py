"""The codebook's checks of an ACLED table as row problems: every failed check of every
bad row, named by the line it starts on in the file (a note with a line break shifts the
lines after it), at most ``MAX_PROBLEMS``. Counted only when a row is bad."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.exchange import acled_codebook as codebook
from mapapp.model.files import Problem

if TYPE_CHECKING:
    import polars as pl

MAX_PROBLEMS = 50


def column_or_empty(frame: pl.DataFrame, name: str) -> pl.Expr:
    import polars as pl

    return pl.col(name) if name in frame.columns else pl.lit("")


def row_problems(
    path: Path,
    frame: pl.DataFrame,
    checked: pl.DataFrame,
    as_read: pl.DataFrame,
    first_line: int = 2,
) -> list[Problem]:
    """Every failed check, row by row, in line order (at most ``MAX_PROBLEMS``)."""
    import polars as pl

    c = lambda name: column_or_empty(frame, name)  # noqa: E731
    finite = lambda e: e.is_not_null() & e.is_finite()  # noqa: E731
    checks: list[tuple[pl.Expr, str, str]] = [  # (bad rows, column shown, message)
        (pl.col("_date").is_null(), "event_date", "is not a date like 2024-07-25"),
        (
            c("year").str.contains(r"^\d{0,9}$").not_(),
            "year",
            "must be a whole number",
        ),
        (
            pl.col("_tp").is_in([1, 2, 3]).not_().fill_null(True),
            "time_precision",
            "must be 1, 2 or 3",
        ),
        (
            pl.col("_gp").is_in([1, 2, 3]).not_().fill_null(True),
            "geo_precision",
            "must be 1, 2 or 3",
        ),
        (pl.col("_type").is_null(), "event_type", "is not an ACLED event type"),
        (
            (finite(pl.col("_lat")) & (pl.col("_lat").abs() <= 90)).not_(),
            "latitude",
            "is not a number in -90..90",
        ),
        (
            (finite(pl.col("_lon")) & (pl.col("_lon").abs() <= 180)).not_(),
            "longitude",
            "is not a number in -180..180",
        ),
        (pl.col("_i1") < 0, "inter1", "is not an actor type code 0..8 or an ACLED name"),
        (pl.col("_i2") < 0, "inter2", "is not an actor type code 0..8 or an ACLED name"),
        (
            pl.col("_pair").is_null(),
            "interaction",
            "is neither two actor type digits (e.g. 12, 20) nor 'Type-Type' / 'Type only'",
        ),
        (
            (c("fatalities") != "") & pl.col("_fat").is_null()
            | (pl.col("_fat") < 0).fill_null(False),
            "fatalities",
            "must be a whole number",
        ),
        (
            (c("timestamp") != "")
            & (
                finite(pl.col("_stamp")) & (pl.col("_stamp") >= 0) & (pl.col("_stamp") < 1e11)
            ).not_(),
            "timestamp",
            "must be Unix seconds",
        ),
        (c("actor1") == "", "actor1", "is empty"),
        (c("location") == "", "location", "is empty"),
        (
            c("iso").str.contains(r"^\d{0,3}$").not_(),
            "iso",
            "is not a numeric ISO 3166 country code",
        ),
        (
            c("civilian_targeting").str.to_lowercase().is_in(["", "civilian targeting"]).not_(),
            "civilian_targeting",
            "is not 'Civilian targeting'",
        ),
    ]
    flags = checked.select(
        [bad.fill_null(True).alias(f"_bad{k}") for k, (bad, _, _) in enumerate(checks)]
    )
    any_bad = flags.select(pl.any_horizontal(pl.all()).alias("a"))["a"]
    rows = any_bad.arg_true().head(MAX_PROBLEMS).to_list()
    if not rows:
        return []
    lines = _line_numbers(as_read, first_line)
    out: list[Problem] = []
    for r in rows:
        for k, (_, column, message) in enumerate(checks):
            if flags[f"_bad{k}"][r]:
                value = frame[column][r] if column in frame.columns else ""
                shown = "" if message == "is empty" else f" {codebook._short(value)}"
                out.append(Problem(f"line {lines[r]}", f"{column}{shown} {message}"))
    if any_bad.sum() > len(rows):
        out.append(Problem(f"line {lines[rows[-1]]}", "too many problems; stopped listing"))
    return out


def _line_numbers(frame: pl.DataFrame, first_line: int = 2) -> list[int]:
    """The line each row starts on: ``first_line`` for the first, plus the line breaks
    inside quoted cells of the rows before it."""
    import polars as pl

    breaks = frame.select(
        pl.sum_horizontal(
            [pl.col(c).str.count_matches("\n", literal=True) for c in frame.columns]
        ).alias("b")
    )["b"]
    rows = pl.Series(range(first_line, first_line + frame.height))
    starts = (breaks.cum_sum() - breaks + rows).to_list()
    return [int(s) for s in starts]
