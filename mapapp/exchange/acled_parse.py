"""ACLED's coded columns parsed, column by column (polars): each value as the number,
date or code it stands for, null where it is not legal, for the checks
(``acled_problems``) and the events table (``acled_table``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mapapp.exchange import acled_codebook as codebook

if TYPE_CHECKING:
    import polars as pl


def column_or_empty(frame: pl.DataFrame, name: str) -> pl.Expr:
    import polars as pl

    return pl.col(name) if name in frame.columns else pl.lit("")


def numbers(frame: pl.DataFrame) -> list[pl.Expr]:
    """The coordinates and the upload time as numbers (``_lat``, ``_lon``, ``_stamp``):
    all a conversion to GeoParquet needs parsed row by row."""
    import polars as pl

    c = lambda name: column_or_empty(frame, name)  # noqa: E731
    return [
        c("latitude").cast(pl.Float64, strict=False).alias("_lat"),
        c("longitude").cast(pl.Float64, strict=False).alias("_lon"),
        c("timestamp").cast(pl.Float64, strict=False).alias("_stamp"),
    ]


def parsed(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with parsed columns (null where a value is not legal) and a row number."""
    import polars as pl

    c = lambda name: column_or_empty(frame, name)  # noqa: E731
    iso = c("event_date").str.contains(r"^\d{4}-\d{1,2}-\d{1,2}$")
    dates = frame.select(
        pl.when(iso).then(c("event_date").str.strptime(pl.Date, "%Y-%m-%d", strict=False))
    ).to_series()
    if dates.null_count():  # older layouts: every date form the codebook has used
        dates = frame.select(
            pl.when(c("event_date").str.contains(r"^[0-9A-Za-z][0-9A-Za-z /-]*$")).then(
                pl.coalesce(
                    [
                        c("event_date").str.strptime(pl.Date, f, strict=False)
                        for f in codebook.DATE_FORMATS
                    ]
                )
            )
        ).to_series()
    inter_text = {"": 0, **{str(k): k for k in range(9)}, **{f"0{k}": k for k in range(9)}}
    inter_text |= codebook.INTER_NAMES
    pairs = _interaction_texts()
    types = {k: v[0] for k, v in codebook.EVENT_TYPES.items()}
    implied = {k: v[1] for k, v in codebook.EVENT_TYPES.items()}
    event_type = c("event_type").str.to_lowercase().str.replace_all(r"\s+", " ")
    return frame.with_row_index("_row").with_columns(
        dates.alias("_date"),
        _precision(c("time_precision")).alias("_tp"),
        _precision(c("geo_precision")).alias("_gp"),
        event_type.replace_strict(types, default=None).alias("_type"),
        event_type.replace_strict(implied, default=None).alias("_implied"),
        *numbers(frame),
        c("inter1").str.to_lowercase().replace_strict(inter_text, default=-1).alias("_i1"),
        c("inter2").str.to_lowercase().replace_strict(inter_text, default=-1).alias("_i2"),
        c("interaction").str.to_lowercase().replace_strict(pairs, default=None).alias("_pair"),
        pl.when(c("fatalities").str.contains(r"^\d{1,9}$"))
        .then(c("fatalities").cast(pl.Int32, strict=False))
        .alias("_fat"),
    )


def _precision(col: pl.Expr) -> pl.Expr:
    """1, 2 or 3 exactly as the codebook writes them (empty: 1); anything else null."""
    import polars as pl

    return col.replace_strict({"": 1, "1": 1, "2": 2, "3": 3}, default=None, return_dtype=pl.Int8)


def _interaction_texts() -> dict[str, int]:
    """Every legal spelling of ``interaction`` → the two codes as one number (12, 20)."""
    out = {"": 0}
    for a in range(9):
        out[str(a)] = a * 10
        for b in range(9):
            out[f"{a}{b}"] = a * 10 + b
    for name, a in codebook.INTER_NAMES.items():
        out[f"{name} only"] = a * 10
        for other, b in codebook.INTER_NAMES.items():
            out[f"{name}-{other}"] = a * 10 + b
    return out
