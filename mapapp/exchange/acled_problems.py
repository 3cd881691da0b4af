"""The codebook's checks of an ACLED table as row problems: every failed check of every
bad row, named by the line it starts on in the file (a note with a line break shifts the
lines after it), at most ``MAX_PROBLEMS``. Counted only when a row is bad."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mapapp.exchange import acled_codebook as codebook
from mapapp.exchange.acled_parse import column_or_empty, numbers, parsed
from mapapp.i18n import QT_TRANSLATE_NOOP, translate
from mapapp.model.files import Problem

if TYPE_CHECKING:
    import polars as pl

MAX_PROBLEMS = 50
# coded columns, checked on their distinct values (a few dozen in a million rows) when
# the question is only whether any row is bad; the others (coordinates, upload times,
# names) take no longer row by row
BY_VALUE = (
    "event_date", "year", "time_precision", "geo_precision", "event_type", "inter1",
    "inter2", "interaction", "fatalities", "iso", "civilian_targeting",
)  # fmt: skip


# what is wrong with a value: {column} its column, {value} the value (with a space before)
NOT_A_DATE = QT_TRANSLATE_NOOP("data", "{column}{value} is not a date like 2024-07-25")
WHOLE = QT_TRANSLATE_NOOP("data", "{column}{value} must be a whole number")
ONE_TO_THREE = QT_TRANSLATE_NOOP("data", "{column}{value} must be 1, 2 or 3")
INTER = QT_TRANSLATE_NOOP("data", "{column}{value} is not an actor type code 0..8 or an ACLED name")
EMPTY = QT_TRANSLATE_NOOP("data", "{column} is empty")


def line_path(line: int) -> str:
    """Where a problem of a CSV is: "line 12", in the interface's language."""
    return translate("data", "line {line}").format(line=line)


def _checks(frame: pl.DataFrame) -> list[tuple[pl.Expr, str, str]]:
    """(bad rows of ``parsed(frame)``, the column, what is wrong, marked for translation):
    each check looks at one column's value only."""
    import polars as pl

    c = lambda name: column_or_empty(frame, name)  # noqa: E731
    finite = lambda e: e.is_not_null() & e.is_finite()  # noqa: E731
    return [
        (pl.col("_date").is_null(), "event_date", NOT_A_DATE),
        (c("year").str.contains(r"^\d{0,9}$").not_(), "year", WHOLE),
        (pl.col("_tp").is_in([1, 2, 3]).not_().fill_null(True), "time_precision", ONE_TO_THREE),
        (pl.col("_gp").is_in([1, 2, 3]).not_().fill_null(True), "geo_precision", ONE_TO_THREE),
        (
            pl.col("_type").is_null(),
            "event_type",
            QT_TRANSLATE_NOOP("data", "{column}{value} is not an ACLED event type"),
        ),
        (
            (finite(pl.col("_lat")) & (pl.col("_lat").abs() <= 90)).not_(),
            "latitude",
            QT_TRANSLATE_NOOP("data", "{column}{value} is not a number in -90..90"),
        ),
        (
            (finite(pl.col("_lon")) & (pl.col("_lon").abs() <= 180)).not_(),
            "longitude",
            QT_TRANSLATE_NOOP("data", "{column}{value} is not a number in -180..180"),
        ),
        (pl.col("_i1") < 0, "inter1", INTER),
        (pl.col("_i2") < 0, "inter2", INTER),
        (
            pl.col("_pair").is_null(),
            "interaction",
            QT_TRANSLATE_NOOP(
                "data",
                "{column}{value} is neither two actor type digits (e.g. 12, 20) nor "
                "'Type-Type' / 'Type only'",
            ),
        ),
        (
            (c("fatalities") != "") & pl.col("_fat").is_null()
            | (pl.col("_fat") < 0).fill_null(False),
            "fatalities",
            WHOLE,
        ),
        (
            (c("timestamp") != "")
            & (
                finite(pl.col("_stamp")) & (pl.col("_stamp") >= 0) & (pl.col("_stamp") < 1e11)
            ).not_(),
            "timestamp",
            QT_TRANSLATE_NOOP("data", "{column}{value} must be Unix seconds"),
        ),
        (c("actor1") == "", "actor1", EMPTY),
        (c("location") == "", "location", EMPTY),
        (
            c("iso").str.contains(r"^\d{0,3}$").not_(),
            "iso",
            QT_TRANSLATE_NOOP("data", "{column}{value} is not a numeric ISO 3166 country code"),
        ),
        (
            c("civilian_targeting").str.to_lowercase().is_in(["", "civilian targeting"]).not_(),
            "civilian_targeting",
            QT_TRANSLATE_NOOP("data", "{column}{value} is not 'Civilian targeting'"),
        ),
    ]


def row_problems(
    path: Path,
    frame: pl.DataFrame,
    checked: pl.DataFrame,
    as_read: pl.DataFrame,
    first_line: int = 2,
) -> list[Problem]:
    """Every failed check, row by row, in line order (at most ``MAX_PROBLEMS``)."""
    import polars as pl

    checks = _checks(frame)
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
                shown = "" if message == EMPTY else f" {codebook._short(value)}"
                text = translate("data", message).format(column=column, value=shown)
                out.append(Problem(line_path(lines[r]), text))
    if any_bad.sum() > len(rows):
        stopped = translate("data", "too many problems; stopped listing")
        out.append(Problem(line_path(lines[rows[-1]]), stopped))
    return out


def distinct_values(frame: pl.DataFrame) -> pl.DataFrame:
    """The distinct values of each column of ``BY_VALUE`` in ``frame``, as one frame: each
    column's made as long as the longest's by repeating its first value."""
    import polars as pl

    names = [c for c in BY_VALUE if c in frame.columns]
    if frame.height == 0:
        return frame.select(names)
    lists = frame.select(pl.col(names).unique().implode())  # one row: a list per column
    values = [lists[name][0].alias(name) for name in names]
    longest = max(len(v) for v in values)
    return pl.DataFrame([v.extend_constant(v[0], longest - len(v)) for v in values])


def clean_numbers(frame: pl.DataFrame, distinct: pl.DataFrame) -> pl.DataFrame | None:
    """The rows' coordinates and upload times (``numbers``) if every row passes every
    check, else None (then ``row_problems`` on the parsed rows says which fail, and why).

    A check looks at one column's value, so a coded column passes when its distinct
    values (``distinct_values``) do; the other columns are checked row by row."""
    if frame.height == 0:
        return None
    named = [c for c in ("actor1", "location", "timestamp") if c in frame.columns]
    rows = frame.select(*numbers(frame), *named)
    by_value = [bad for bad, column, _ in _checks(distinct) if column in BY_VALUE]
    by_row = [bad for bad, column, _ in _checks(rows) if column not in BY_VALUE]
    if _any(parsed(distinct), by_value) or _any(rows, by_row):
        return None
    return rows.select("_lon", "_lat", "_stamp")


def _any(frame: pl.DataFrame, bad: list[pl.Expr]) -> bool:
    import polars as pl

    return frame.select(pl.any_horizontal([b.fill_null(True) for b in bad]).any()).item()


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
