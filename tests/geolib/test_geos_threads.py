"""Polygonizing through GEOS's C library with the GIL released gives shapely's own result:
the same faces, cuts, dangles and invalid rings, byte for byte, from any thread, through
shapely's own GEOS objects or through WKB, and the same catchment polygons."""

import ctypes.util
from concurrent.futures import ThreadPoolExecutor

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString

from geolib import _geos_threads
from geolib.catchments import network_catchments
from geolib.network import build_network, clear_cache, read_osm_lines
from tests.conftest import DATA


def _grid(n=6, step=100.0):
    """Blocks of a street grid, with a dangle, a cut line between two parts and a loop."""
    lines = [
        LineString([(i * step, j * step), ((i + 1) * step, j * step)])
        for i in range(n)
        for j in range(n + 1)
    ]
    lines += [
        LineString([(i * step, j * step), (i * step, (j + 1) * step)])
        for i in range(n + 1)
        for j in range(n)
    ]
    far = n * step + 300.0
    lines += [
        LineString([(0, 0), (-40, -70)]),  # a dangle
        LineString([(n * step, 0), (far, 0)]),  # a cut line to a second part
        LineString([(far, 0), (far + 50, 0), (far + 50, 50), (far, 50), (far, 0)]),
        LineString([(250, 250), (260, 280), (240, 280), (250, 250)]),  # a ring inside a block
    ]
    return np.array(lines, dtype=object)


def _cases():
    rng = np.random.default_rng(5)
    grid = _grid()
    # a random subset: dangles and cut lines of every kind, and an invalid ring
    subset = grid[rng.random(len(grid)) < 0.7]
    bowtie = LineString([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])  # crosses itself
    return {
        "grid": grid,
        "subset": subset,
        "bowtie": np.array([bowtie], dtype=object),
        "one line": np.array([LineString([(0, 0), (1, 1)])], dtype=object),
        "empty": np.array([], dtype=object),
    }


def _wkb(parts):
    return [shapely.to_wkb(p) for p in parts]


@pytest.mark.parametrize("case", list(_cases()))
@pytest.mark.parametrize("shared", [True, False], ids=["shapely's objects", "WKB"])
def test_the_four_parts_are_shapelys(case, shared, monkeypatch):
    geos = _geos_threads._library()
    assert geos is not None, "no GEOS C library found: the polygons would hold the GIL"
    monkeypatch.setattr(_geos_threads, "_library", lambda: geos._replace(shared=shared))
    lines = _cases()[case]
    ours = _geos_threads.polygonize_full(lines)
    assert _wkb(ours) == _wkb(shapely.polygonize_full(lines))
    if case == "grid":  # every part is there: the test sees each of them
        faces, cuts, dangles, invalid = (shapely.get_num_geometries(p) for p in ours)
        assert faces == 38 and cuts == 1 and dangles == 1 and invalid == 0
    if case == "bowtie":
        assert shapely.get_num_geometries(ours[3]) >= 1  # an invalid ring


def test_the_library_found_here_is_shapelys_and_used():
    assert _geos_threads.available()
    assert _geos_threads._library().shared  # one GEOS C library in this process


def test_threads_at_once_get_each_their_own_result():
    cases = list(_cases().values()) * 8
    expected = [_wkb(shapely.polygonize_full(c)) for c in cases]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(_geos_threads.polygonize_full, cases))
    assert [_wkb(g) for g in got] == expected


def test_switched_off_or_with_z_it_is_shapelys_function(monkeypatch):
    calls = []
    real = shapely.polygonize_full
    monkeypatch.setattr(shapely, "polygonize_full", lambda lines: calls.append(1) or real(lines))
    grid = _cases()["grid"]
    _geos_threads.polygonize_full(grid)
    assert calls == []
    lifted = shapely.force_3d(grid, 7.0)
    faces = _geos_threads.polygonize_full(lifted)[0]
    assert calls == [1] and shapely.has_z(shapely.get_parts(faces)).all()
    monkeypatch.setenv(_geos_threads.DISABLE_ENV, "1")
    assert not _geos_threads.available()
    assert _wkb(_geos_threads.polygonize_full(grid)) == _wkb(real(grid))
    assert calls == [1, 1]


def test_a_library_without_geos_is_passed_over(monkeypatch):
    libc = ctypes.util.find_library("c")
    real = _geos_threads._candidates()
    monkeypatch.setattr(
        _geos_threads, "_candidates", lambda: [("/no/such/libgeos_c.so", True), (libc, True), *real]
    )
    _geos_threads._library.cache_clear()
    try:
        geos = _geos_threads._library()
        assert geos is not None and "libgeos_c" in geos.lib._name
        monkeypatch.setattr(_geos_threads, "_candidates", lambda: [(libc, True)])
        _geos_threads._library.cache_clear()
        assert _geos_threads._library() is None and not _geos_threads.available()
        grid = _cases()["grid"]  # then shapely's own function
        assert _wkb(_geos_threads.polygonize_full(grid)) == _wkb(shapely.polygonize_full(grid))
    finally:
        _geos_threads._library.cache_clear()


@pytest.mark.parametrize("name", ["andorra.osm.pbf", "north-bayreuth.osm.gz"])
def test_catchment_polygons_are_the_same_without_it(name, monkeypatch):
    clear_cache()
    net = build_network(read_osm_lines(DATA / "osm" / name), cost="time", profile="walk")
    rng = np.random.default_rng(1)
    nodes = rng.choice(np.flatnonzero(net.component == net.main_component), 30, replace=False)
    offers = gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(len(nodes))]},
        geometry=shapely.points(net.node_xy[nodes]),
        crs=net.crs,
    )

    def areas():
        return network_catchments(net, offers, breaks="5,10,15", walkoff=50).areas

    threaded = areas()
    monkeypatch.setenv(_geos_threads.DISABLE_ENV, "1")
    held = areas()
    assert len(threaded) == 90
    assert _wkb(threaded.geometry.values) == _wkb(held.geometry.values)
