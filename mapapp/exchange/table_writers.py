"""Writers for dataset situations (events held as a table): ACLED CSV, GeoJSON and KML,
written part by part, each part's text built column-wise and written by polars, so a
million events take seconds and the memory for one part, never one Python object per
event. The parts are slices of a table in memory (``slices``), or the checked batches
of a file read as a stream (``acled_stream``), so a conversion's memory does not grow
with the file.

The file appears whole or not at all (``atomic``); a part that raises (a problem found
further down a streamed file) leaves nothing. ``progress(done, total)`` is called after
each part (total None when a stream's length is not known).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from mapapp.atomic import write_atomically
from mapapp.exchange.acled import TAG, TYPE_TO_ACLED
from mapapp.exchange.acled_codebook import COLUMNS, DISORDER
from mapapp.exchange.kml import ICON, NS, TYPE_STYLES, _style_key
from mapapp.i18n import tr, translate
from mapapp.model.events_table import EventsTable, title_expr

if TYPE_CHECKING:
    import polars as pl

CHUNK = 50_000
Progress = Callable[[int, int], None]
XML_BAD = r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]"  # not allowed in XML 1.0


def slices(table: EventsTable, size: int = CHUNK) -> Iterator[EventsTable]:
    """A table in parts of ``size`` rows (with their raw rows), for the writers."""
    import numpy as np

    if len(table) == 0:
        yield table
        return
    for start in range(0, len(table), size):
        rows = np.zeros(len(table), bool)
        rows[start : start + size] = True
        yield table.take(rows)


def _each(parts: Iterable[EventsTable], write, progress, total) -> None:
    done = 0
    for k, part in enumerate(parts):
        write(part, k == 0)
        done += len(part)
        if progress is not None:
            progress(done, total)


def write_table_csv(
    parts: Iterable[EventsTable],
    path: Path,
    progress: Progress | None = None,
    total: int | None = None,
) -> list[str]:
    """ACLED's current column layout. An ACLED dataset gives back its rows as read (every
    codebook column, older layouts' values kept); any other table is coded here."""
    import polars as pl

    from mapapp.exchange.dataset import is_acled

    left_out: set[str] = set()
    skipped = 0

    def part_csv(f, part: EventsTable, first: bool) -> None:
        nonlocal skipped
        if is_acled(part):
            raw = part.raw
            frame = raw.select(
                [pl.col(c) if c in raw.columns else pl.lit("").alias(c) for c in COLUMNS]
            )
            left_out.update(c for c in raw.columns if c not in COLUMNS)
        else:
            frame, n = _acled_columns(part)
            skipped += n
        frame.write_csv(f, include_header=first)

    def write(tmp: str) -> bool:
        with open(tmp, "wb") as f:
            f.write(b"\xef\xbb\xbf")
            _each(parts, lambda part, first: part_csv(f, part, first), progress, total)
        return True

    write_atomically(path, write)
    notes = []
    if left_out:
        note = translate("data", "columns of an older layout not in today's: {columns}")
        notes.append(note.format(columns=", ".join(sorted(left_out))))
    if skipped:
        notes.append(tr("left out %Ln events without a day or a position", "convert", skipped))
    return notes


def _acled_columns(table: EventsTable) -> tuple[pl.DataFrame, int]:
    import polars as pl

    f = table.frame.with_columns(pl.col("type").cast(pl.String))
    ok = (
        pl.col("day_lo").is_not_null()
        & pl.col("lon").is_not_nan()
        & pl.col("lat").is_not_nan()
        & pl.col("lon").is_not_null()
    )
    kept = f.filter(ok)
    acled_type = {k: v[0] for k, v in TYPE_TO_ACLED.items()}
    event_type = pl.col("type").replace_strict(acled_type, default="Strategic developments")
    epoch = pl.date(1970, 1, 1)
    mid = pl.when(pl.col("time_precision") == "week").then(pl.col("day_lo") + 3)
    day = mid.otherwise(pl.col("day_lo"))
    date = epoch + pl.duration(days=day)
    code = {"day": "1", "week": "2", "month": "3"}
    geo = {"exact": "1", "near": "2", "region": "3"}
    text = lambda name: pl.col(name).cast(pl.String).fill_null("")  # noqa: E731
    out = kept.select(
        pl.col("id").alias("event_id_cnty"),
        date.dt.strftime("%Y-%m-%d").alias("event_date"),
        date.dt.year().cast(pl.String).alias("year"),
        pl.col("time_precision")
        .cast(pl.String)
        .replace_strict(code, default="1")
        .alias("time_precision"),
        event_type.replace_strict(DISORDER, default="Strategic developments").alias(
            "disorder_type"
        ),
        event_type.alias("event_type"),
        text("subtype").alias("sub_event_type"),
        text("actor1").alias("actor1"),
        pl.lit("").alias("assoc_actor_1"),
        pl.lit("").alias("inter1"),
        text("actor2").alias("actor2"),
        pl.lit("").alias("assoc_actor_2"),
        pl.lit("").alias("inter2"),
        pl.lit("").alias("interaction"),
        pl.lit("").alias("civilian_targeting"),
        pl.lit("").alias("iso"),
        pl.lit("").alias("region"),
        text("country").alias("country"),
        text("admin1").alias("admin1"),
        pl.lit("").alias("admin2"),
        pl.lit("").alias("admin3"),
        text("location").alias("location"),
        pl.col("lat").round(4).cast(pl.String).alias("latitude"),
        pl.col("lon").round(4).cast(pl.String).alias("longitude"),
        pl.col("location_precision")
        .cast(pl.String)
        .replace_strict(geo, default="3")
        .alias("geo_precision"),
        pl.lit("").alias("source"),
        pl.lit("").alias("source_scale"),
        text("notes").alias("notes"),
        pl.col("fatalities").cast(pl.String).fill_null("").alias("fatalities"),
        (TAG + pl.col("id")).alias("tags"),
        pl.lit("").alias("timestamp"),
    )
    return out.select(COLUMNS), f.height - kept.height


def _iso_day(name: str) -> pl.Expr:
    import polars as pl

    return (pl.date(1970, 1, 1) + pl.duration(days=pl.col(name))).dt.strftime("%Y-%m-%d")


def write_table_geojson(
    parts: Iterable[EventsTable],
    path: Path,
    title: str,
    progress: Progress | None = None,
    total: int | None = None,
) -> list[str]:
    """A FeatureCollection of points (RFC 7946: lon/lat, 6 decimals), one feature per
    event, properties named as the table's columns; events without a position get a null
    geometry, as the RFC allows."""
    import polars as pl

    props = [
        "id", "type", "subtype", "title", "notes", "time_precision", "location_precision",
        "location", "actor1", "actor2", "actors", "country", "admin1", "fatalities",
    ]  # fmt: skip
    properties = pl.struct(
        *[title_expr().alias(c) if c == "title" else pl.col(c) for c in props],
        _iso_day("day_lo").alias("start"),
        _iso_day("day_hi").alias("end"),
    ).struct.json_encode()
    geometry = (
        pl.when(pl.col("lon").is_nan() | pl.col("lat").is_nan() | pl.col("lon").is_null())
        .then(pl.lit("null"))
        .otherwise(
            pl.concat_str(
                pl.lit('{"type":"Point","coordinates":['),
                pl.col("lon").round(6),
                pl.lit(","),
                pl.col("lat").round(6),
                pl.lit("]}"),
            )
        )
    )
    feature = pl.concat_str(
        pl.lit('{"type":"Feature","geometry":'),
        geometry,
        pl.lit(',"properties":'),
        properties,
        pl.lit("}"),
    ).alias("f")
    import json

    head = json.dumps({"type": "FeatureCollection", "name": title}, ensure_ascii=False)

    def write(tmp: str) -> bool:
        with open(tmp, "wb") as f:
            f.write((head[:-1] + ',"features":[\n').encode())
            lines = _Lines(f, feature, ",\n")
            _each(parts, lambda part, _first: lines(part.frame), progress, total)
            f.write(b"\n]}\n")
        return True

    write_atomically(path, write)
    return []


class _Lines:
    """Writes parts' rows as text joined by ``sep`` (the first row written has none)."""

    def __init__(self, f: IO[bytes], text: pl.Expr, sep: str) -> None:
        self.f, self.text, self.sep, self.started = f, text, sep, False

    def __call__(self, chunk: pl.DataFrame) -> None:
        if chunk.height:
            _lines(self.f, chunk, self.text, not self.started, self.sep)
            self.started = True


def _lines(f: IO[bytes], chunk: pl.DataFrame, text: pl.Expr, first: bool, sep: str) -> None:
    """The chunk's rows as text, one per line after ``sep`` (built only now, so one
    chunk's strings are in memory, and written by polars: no Python string per row)."""
    import polars as pl

    if not first:
        f.write(sep.encode())
    lines = chunk.select(
        pl.when(pl.int_range(pl.len()) < pl.len() - 1).then(text + sep).otherwise(text)
    )
    lines.write_csv(f, include_header=False, quote_style="never", line_terminator="")


def _xml(name: str) -> pl.Expr:
    """A column as XML text: characters XML cannot hold removed, markup escaped."""
    import polars as pl

    return _escaped(pl.col(name))


def _escaped(col: pl.Expr) -> pl.Expr:
    import polars as pl

    col = col.cast(pl.String).fill_null("").str.replace_all(XML_BAD, "")
    for a, b in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;")):
        col = col.str.replace_all(a, b, literal=True)
    return col


def write_table_kml(
    parts: Iterable[EventsTable],
    path: Path,
    title: str,
    progress: Progress | None = None,
    total: int | None = None,
) -> list[str]:
    """Placemarks with the event's type style, a TimeSpan at its precision and the notes
    as the balloon text (escaped twice: KML balloons are HTML, the data is plain text)."""
    import polars as pl

    styles = {t: "event-" + _style_key(t) for types in TYPE_STYLES.values() for t in types[2]}
    balloon = pl.format(
        "&lt;p&gt;{}&lt;/p&gt;&lt;p&gt;{}: {}&lt;/p&gt;",
        _xml("notes").str.replace_all("&", "&amp;", literal=True),
        _xml("actor1").str.replace_all("&", "&amp;", literal=True),
        _xml("location").str.replace_all("&", "&amp;", literal=True),
    )
    name = _escaped(title_expr())
    placed = pl.col("lon").is_not_nan() & pl.col("lat").is_not_nan()
    placemark = pl.format(
        "<Placemark><name>{}</name><description>{}</description>"
        "<TimeSpan><begin>{}</begin><end>{}</end></TimeSpan>"
        "<styleUrl>#{}</styleUrl><Point><coordinates>{},{}</coordinates></Point>"
        "</Placemark>",
        name,
        balloon,
        _iso_day("day_lo").fill_null(""),
        _iso_day("day_hi").fill_null(""),
        pl.col("type").cast(pl.String).replace_strict(styles, default="event-other"),
        pl.col("lon").round(6),
        pl.col("lat").round(6),
    ).alias("p")
    skipped = 0

    def part_kml(lines: _Lines, part: EventsTable) -> None:
        nonlocal skipped
        frame = part.frame.filter(placed)
        skipped += part.frame.height - frame.height
        lines(frame)

    def write(tmp: str) -> bool:
        with open(tmp, "wb") as f:
            head = f'<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="{NS}"><Document>'
            head += f"<name>{_escape(title)}</name>\n"
            for key, (icon, colour, _) in TYPE_STYLES.items():
                href = _escape(ICON.format(icon))
                head += (
                    f'<Style id="event-{key}"><IconStyle><color>{colour}</color>'
                    f"<scale>1.1</scale><Icon><href>{href}</href></Icon></IconStyle>"
                    "<BalloonStyle><text>$[description]</text></BalloonStyle></Style>\n"
                )
            folder = _escape(translate("data", "Events"))
            f.write((head + f"<Folder><name>{folder}</name>\n").encode())
            lines = _Lines(f, placemark, "\n")
            _each(parts, lambda part, _first: part_kml(lines, part), progress, total)
            f.write(b"\n</Folder></Document></kml>\n")
        return True

    write_atomically(path, write)
    return [tr("left out %Ln events without a position", "convert", skipped)] if skipped else []


def _escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;"})
