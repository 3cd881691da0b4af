"""`mapapp convert` and File → Import/Export: read any supported file into a situation,
write a situation in the format the output's suffix names."""

from __future__ import annotations

import json
from pathlib import Path

from mapapp.errors import ExportError
from mapapp.model.files import Problem, SituationError, read_json
from mapapp.model.situation import Situation, situation_from_dict

READ_SUFFIXES = (".json", ".geojson", ".csv")
WRITE_SUFFIXES = (".json", ".geojson", ".kml", ".csv")
EXPORT_FILTERS = {
    ".geojson": "GeoJSON (*.geojson)",
    ".kml": "KML for Google Earth (*.kml)",
    ".csv": "CSV in ACLED's column layout (*.csv)",
    ".json": "mapapp situation (*.json)",
}
IMPORT_FILTER = "Situation, GeoJSON or ACLED CSV (*.json *.geojson *.csv);;All files (*)"


def read_any(path: Path | str) -> Situation:
    """A situation from a situation file, a GeoJSON file or an ACLED-layout CSV; every
    kind goes through the same validation."""
    from mapapp.model.validation import validate

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        from mapapp.exchange.acled_import import read_acled_csv

        data = read_acled_csv(path)
    elif suffix in (".json", ".geojson"):
        data = read_json(path)
        if suffix == ".geojson" or (
            isinstance(data, dict) and data.get("type") == "FeatureCollection"
        ):
            data = _situation_from_geojson(data, path)
    else:
        kind = suffix or "files without a suffix"
        problem = Problem("$", f"cannot read {kind}; use .json, .geojson or .csv")
        raise SituationError(path, [problem])
    problems, texts = validate(data, path.parent)
    if problems:
        raise SituationError(path, problems)
    return situation_from_dict(data, texts, path)


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


def write_any(situation: Situation, path: Path | str) -> list[str]:
    """Write ``situation`` as the suffix says; returns notes on what the format left out."""
    from mapapp.atomic import write_text

    path = Path(path)
    suffix = path.suffix.lower()
    notes: list[str] = []
    if suffix == ".geojson":
        from mapapp.exchange.geojson import to_geojson

        text = json.dumps(to_geojson(situation), ensure_ascii=False, indent=1) + "\n"
    elif suffix == ".kml":
        from mapapp.exchange.kml import to_kml

        text = to_kml(situation)
    elif suffix == ".csv":
        from mapapp.exchange.acled import to_acled_csv

        text, skipped = to_acled_csv(situation)
        notes += [f"left out event {s.event_id}: {s.reason}" for s in skipped]
    elif suffix == ".json":
        text = json.dumps(situation.raw, ensure_ascii=False, indent=1) + "\n"
        notes += _unshipped_texts(situation, path)
    else:
        raise ExportError(
            f"unsupported output format {suffix or '(no suffix)'!r}; "
            "use .geojson, .kml, .csv or .json"
        )
    write_text(path, text)
    return notes


def _unshipped_texts(situation: Situation, out: Path) -> list[str]:
    """Source texts the new file names but which are not beside it."""
    notes = []
    for s in situation.sources.values():
        if s.text_file and not (out.parent / s.text_file).exists():
            notes.append(
                f"source {s.id} names its text {s.text_file}; copy it beside {out.name} "
                "so the quotes can be checked"
            )
    return notes
