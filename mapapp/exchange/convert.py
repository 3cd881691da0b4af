"""`mapapp convert` and File → Import/Export: read any supported file into a situation,
write a situation in the format the output's suffix names."""

from __future__ import annotations

import json
from pathlib import Path

from mapapp.errors import ExportError
from mapapp.i18n import QT_TRANSLATE_NOOP, translate
from mapapp.model.files import Problem, SituationError, read_json
from mapapp.model.situation import Situation, situation_from_dict

READ_SUFFIXES = (".json", ".geojson", ".csv", ".parquet")
WRITE_SUFFIXES = (".json", ".geojson", ".kml", ".csv", ".parquet")
# the words of the file dialogs' filters (``export_filters``, ``import_filter``: translated)
FORMAT_NAMES = {
    ".geojson": "GeoJSON",
    ".kml": QT_TRANSLATE_NOOP("data", "KML for Google Earth"),
    ".csv": QT_TRANSLATE_NOOP("data", "CSV in ACLED's column layout"),
    ".parquet": "GeoParquet",
    ".json": QT_TRANSLATE_NOOP("data", "mapapp situation"),
}
READABLE = QT_TRANSLATE_NOOP("data", "Situation, GeoJSON, ACLED CSV or (Geo)Parquet")
ALL_FILES = QT_TRANSLATE_NOOP("data", "All files")


def export_filters() -> dict[str, str]:
    """The file dialog's filters for each format, in the interface's language."""
    return {
        suffix: f"{translate('data', name)} (*{suffix})" for suffix, name in FORMAT_NAMES.items()
    }


def import_filter() -> str:
    """The open dialog's filter of every readable file, in the interface's language."""
    readable, every = translate("data", READABLE), translate("data", ALL_FILES)
    return f"{readable} (*.json *.geojson *.csv *.parquet);;{every} (*)"


def read_any(path: Path | str, progress=None) -> Situation:
    """A situation from a situation file, GeoJSON, an ACLED-layout CSV or (Geo)Parquet
    (the last two as datasets: events in a table). ``progress(fraction, stage)``, if given,
    is called between the stages of a dataset's reading."""
    from mapapp.model.validation import validate

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from mapapp.exchange.acled_table import read_acled_table
        from mapapp.exchange.dataset import dataset_situation

        return dataset_situation(path, read_acled_table(path, progress or _no_progress))
    if suffix == ".parquet":
        return _read_parquet(path, progress)
    if suffix in (".json", ".geojson"):
        data = read_json(path)
        if suffix == ".geojson" or (
            isinstance(data, dict) and data.get("type") == "FeatureCollection"
        ):
            data = _situation_from_geojson(data, path)
    else:
        if suffix:
            msg = translate("data", "cannot read {suffix}; use .json, .geojson, .csv or .parquet")
        else:
            msg = translate(
                "data", "cannot read files without a suffix; use .json, .geojson, .csv or .parquet"
            )
        raise SituationError(path, [Problem("$", msg.format(suffix=suffix))])
    problems, texts = validate(data, path.parent)
    if problems:
        raise SituationError(path, problems)
    return situation_from_dict(data, texts, path)


def _no_progress(fraction: float, stage: str) -> None:
    pass


def _read_parquet(path: Path, progress=None) -> Situation:
    """A GeoParquet written by mapapp from a situation file gives that situation back
    (its document, validated as any situation file); any other is a dataset."""
    from mapapp.exchange.dataset import dataset_situation
    from mapapp.exchange.parquet import read_parquet_table
    from mapapp.model.validation import validate

    table, document = read_parquet_table(path, progress)
    if document is not None and document.get("events"):
        problems, texts = validate(document, path.parent)
        if problems:
            raise SituationError(path, problems)
        return situation_from_dict(document, texts, path)
    return dataset_situation(path, table, document)


def _situation_from_geojson(data: object, path: Path) -> dict:
    from mapapp.exchange.geojson import from_geojson

    situation, problems = from_geojson(data, path)
    if problems:
        raise SituationError(path, problems)
    sources = situation.get("sources")
    for source in sources if isinstance(sources, list) else []:
        # a text not shipped beside the GeoJSON (validation then checks the rest)
        name = source.get("text_file") if isinstance(source, dict) else None
        if isinstance(name, str) and name and not (path.parent / name).exists():
            del source["text_file"]
    return situation


def write_any(situation: Situation, path: Path | str, progress=None) -> list[str]:
    """Write ``situation`` as the suffix says; returns notes on what the format left out.
    ``progress(done, total)`` follows a dataset's rows."""
    from mapapp.atomic import write_text

    path = Path(path)
    suffix = path.suffix.lower()
    notes: list[str] = []
    if suffix == ".parquet":
        from mapapp.exchange.parquet import write_geoparquet

        document = situation.raw if situation.table is None else _dataset_header(situation)
        table = situation.events_table()
        if progress is not None:
            progress(0, len(table))
        write_geoparquet(table, path, document)
        if progress is not None:
            progress(len(table), len(table))
        return []
    if situation.table is not None and suffix in (".geojson", ".kml", ".csv"):
        from mapapp.exchange import table_writers as w

        parts, total = w.slices(situation.table), len(situation.table)
        if suffix == ".csv":
            return w.write_table_csv(parts, path, progress, total)
        writer = w.write_table_geojson if suffix == ".geojson" else w.write_table_kml
        return writer(parts, path, situation.title, progress, total)
    if situation.table is not None and suffix == ".json":
        from mapapp.exchange.dataset import full_document

        text = json.dumps(full_document(situation), ensure_ascii=False, indent=1) + "\n"
        write_text(path, text)
        return []
    if suffix == ".geojson":
        from mapapp.exchange.geojson import to_geojson

        text = json.dumps(to_geojson(situation), ensure_ascii=False, indent=1) + "\n"
    elif suffix == ".kml":
        from mapapp.exchange.kml import to_kml

        text = to_kml(situation)
    elif suffix == ".csv":
        from mapapp.exchange.acled import to_acled_csv

        text, skipped = to_acled_csv(situation)
        left_out = translate("data", "left out event {id}: {reason}")
        notes += [left_out.format(id=s.event_id, reason=s.reason) for s in skipped]
    elif suffix == ".json":
        text = json.dumps(situation.raw, ensure_ascii=False, indent=1) + "\n"
        notes += _unshipped_texts(situation, path)
    else:
        msg = translate(
            "data",
            "unsupported output format {suffix!r}; use .geojson, .kml, .csv, .parquet or .json",
        )
        raise ExportError(msg.format(suffix=suffix or translate("data", "(no suffix)")))
    write_text(path, text)
    return notes


STREAMED = (".geojson", ".kml", ".csv", ".parquet")


def convert_stream(src: Path, out: Path, progress=None) -> tuple[list[str], int] | None:
    """An ACLED-layout CSV converted batch by batch (memory: one batch, whatever the
    file's size); the notes and the events written, or None when the file needs reading
    whole (see ``acled_stream``). ``progress(done, None)`` follows the rows written."""
    from mapapp.exchange.acled_stream import AcledStream, WholeFile

    suffix = out.suffix.lower()
    if src.suffix.lower() != ".csv" or suffix not in STREAMED:
        return None
    stream = AcledStream(src)
    title = f"Imported from {src.name}"[:300]
    try:
        if suffix == ".parquet":
            from mapapp.exchange.parquet import write_geoparquet_rows

            def header() -> dict:
                doc = {"title": title, "sources": [_stream_source(src)]}
                return {**doc, "data_date": stream.data_date} if stream.data_date else doc

            # the rows as kept, with the positions the checks parsed: no events table
            rows = (
                (frame, numbers["_lon"].to_numpy(), numbers["_lat"].to_numpy())
                for frame, numbers in stream.batches()
            )
            write_geoparquet_rows(rows, out, header, progress)
            notes: list[str] = []
        else:
            from mapapp.exchange import table_writers as w

            if suffix == ".csv":
                notes = w.write_table_csv(stream, out, progress)
            else:
                writer = w.write_table_geojson if suffix == ".geojson" else w.write_table_kml
                notes = writer(stream, out, title, progress)
    except WholeFile:
        return None
    return notes, stream.rows


def _stream_source(src: Path) -> dict:
    from mapapp.exchange.dataset import DATASET_SOURCE

    note = "ACLED-layout data; each event cites its data row."
    return {"id": DATASET_SOURCE, "kind": "dataset", "title": src.name[:300], "note": note}


def _dataset_header(situation: Situation) -> dict:
    """What a dataset's GeoParquet carries besides its rows: title, date and sources."""
    out = {"title": situation.title, "sources": [s.__dict__ for s in situation.sources.values()]}
    if situation.description:
        out["description"] = situation.description
    if situation.data_date:
        out["data_date"] = situation.data_date
    return out


def _unshipped_texts(situation: Situation, out: Path) -> list[str]:
    """Source texts the new file names but which are not beside it."""
    notes = []
    for s in situation.sources.values():
        if s.text_file and not (out.parent / s.text_file).exists():
            note = translate(
                "data",
                "source {id} names its text {file}; copy it beside {name} so the quotes can be "
                "checked",
            )
            notes.append(note.format(id=s.id, file=s.text_file, name=out.name))
    return notes
