"""The geodata layer is real and its derived geometry is right (no Qt)."""

import hashlib
import json
import re

import pytest

from mapapp.geo import layers
from mapapp.geo.basemap_pack import PACK_NAME, PACKED_LAYERS, build_pack, load_pack
from mapapp.resources_path import geodata_dir

TINZAOUATEN = (2.96778, 19.94861)  # lon, lat


def test_border_geodesic_length_is_about_1266_km():
    km = layers.geodesic_length_km(layers.mali_algeria_border())
    assert 1200 <= km <= 1330, km


def test_border_is_the_shared_edge_of_mali_and_algeria():
    countries = {f.props["iso_a3"]: f.geometry for f in layers.load_layer("countries_10m")}
    border = layers.mali_algeria_border()
    # every vertex of the border lies on both country outlines (within ~1 m)
    for country in ("MLI", "DZA"):
        assert countries[country].boundary.distance(border) < 1e-5
        assert border.difference(countries[country].boundary.buffer(1e-5)).length < 1e-6


def test_azawad_geodesic_area_is_about_820000_km2():
    km2 = layers.geodesic_area_km2(layers.azawad())
    assert 780_000 <= km2 <= 860_000, km2


@pytest.mark.parametrize("name", ["Kidal", "Tessalit", "Gao", "Timbuktu"])
def test_northern_towns_lie_inside_azawad(name):
    assert layers.azawad().contains(layers.place(name).geometry)


@pytest.mark.parametrize("name", ["Bamako", "Mopti"])
def test_southern_towns_lie_outside_azawad(name):
    assert not layers.azawad().intersects(layers.place(name).geometry)


def test_azawad_outer_edge_follows_the_10m_mali_border():
    mali = next(
        f.geometry for f in layers.load_layer("countries_10m") if f.props["iso_a3"] == "MLI"
    )
    az = layers.azawad()
    assert az.difference(mali).area < 1e-9  # never outside Mali
    # Mali's outline north of 17°N (Algeria, Niger, Mauritania sides) is Azawad's outline
    from shapely.geometry import box

    north = mali.boundary.intersection(box(-13, 17.5, 5, 26))
    assert north.difference(az.boundary.buffer(1e-7)).length < 1e-6


def test_tinzaouaten_is_within_5_km_of_the_border():
    lon, lat = TINZAOUATEN
    place = layers.place("Tinzaouaten").geometry
    assert (place.x, place.y) == pytest.approx((lon, lat), abs=1e-5)
    assert layers.distance_to_km(lon, lat, layers.mali_algeria_border()) < 5.0


def test_every_place_names_its_source():
    places = layers.load_layer("places")
    assert len(places) >= 12
    for f in places:
        assert f.props.get("source"), f.props
        lon, lat = f.geometry.x, f.geometry.y
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_rfc7946():
    for name in PACKED_LAYERS:
        data = json.loads((geodata_dir() / f"{name}.geojson").read_text(encoding="utf-8"))
        assert data["type"] == "FeatureCollection" and "crs" not in data
    import shapely

    for f in layers.load_layer("countries_10m") + layers.load_layer("azawad"):
        # exterior rings counter-clockwise (right-hand rule)
        for part in getattr(f.geometry, "geoms", [f.geometry]):
            assert part.exterior.is_ccw
            assert shapely.is_valid(part)


def test_pack_is_up_to_date_with_the_geojson():
    packed = (geodata_dir() / PACK_NAME).read_bytes()
    rebuilt = build_pack(geodata_dir())
    assert hashlib.sha256(rebuilt).hexdigest() == hashlib.sha256(packed).hexdigest(), (
        "resources/geodata/basemap.3857.bin is stale: run packaging/geodata/build.py"
    )


def test_pack_vertices_are_the_projected_geojson():
    from mapapp.geo.projection import WEB_MERCATOR

    pack = load_pack(geodata_dir() / PACK_NAME)
    feat = pack.layers["mali_algeria_border"][0]
    start, count = feat.rings[0]
    xy = pack.ring_coords(start, count)
    line = layers.mali_algeria_border()
    first = next(iter(getattr(line, "geoms", [line]))).coords[0]
    assert (xy[0], xy[1]) == pytest.approx(WEB_MERCATOR.forward(*first), abs=0.01)


def test_simplified_outlines_stay_within_their_tolerance():
    """Every stored simplification of every outline strays at most its tolerance from the
    full outline, saves vertices, and drops only rings smaller than the tolerance."""
    import numpy as np
    import shapely

    pack = load_pack(geodata_dir() / PACK_NAME)

    def ring(start, count):
        return np.frombuffer(pack.ring_bytes(start, count), dtype="<f8").reshape(-1, 2)

    checked = 0
    for name in ("world_context", "countries_10m", "mali_admin1", "azawad"):
        for feat in pack.layers[name]:
            full = [ring(s, c) for s, c in feat.rings]
            previous = sum(len(r) for r in full)
            for i, (tol, _, _) in enumerate(feat.simplified):
                assert feat.level_within(tol) == i
                assert feat.level_within(tol * 1.999) == i  # levels double
                rings = feat.rings_at(i)
                simple = [ring(s, c) for s, c in rings]
                assert sum(len(r) for r in simple) <= 0.8 * previous
                previous = sum(len(r) for r in simple)
                big = [r for r in full if np.ptp(r[:, 0]) >= tol or np.ptp(r[:, 1]) >= tol]
                for a, b in zip(big, simple, strict=True):
                    d = shapely.hausdorff_distance(shapely.linestrings(a), shapely.linestrings(b))
                    assert d <= tol * 1.0001, (name, feat.props.get("name"), tol, d)
                    checked += 1
            assert feat.level_within(255.0) == -1
            assert feat.rings_at(-1) == feat.rings
    assert checked > 1000
    # far out, the countries of a home-view frame are drawn from under 40% of their vertices
    countries = pack.layers["countries_10m"]
    full = sum(c for f in countries for _, c in f.rings)
    coarse = sum(c for f in countries for _, c in f.rings_at(f.level_within(1024.0)))
    assert coarse < full / 2.5


def test_provenance_lists_every_derived_file_as_it_is():
    text = (geodata_dir() / "PROVENANCE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| [^|]+ \| ([\d,]+) \| `([0-9a-f]{16})` \|$", text, re.M)
    listed = {name: (int(size.replace(",", "")), sha) for name, size, sha in rows}
    files = sorted(p for p in geodata_dir().iterdir() if p.suffix in (".geojson", ".bin"))
    assert sorted(listed) == [p.name for p in files]
    for path in files:
        data = path.read_bytes()
        assert listed[path.name] == (len(data), hashlib.sha256(data).hexdigest()[:16]), (
            f"{path.name} differs from resources/geodata/PROVENANCE.md: "
            "run packaging/geodata/build.py"
        )
