"""sozialplanung:accessibility with network costs (geolib.network from the catchments issue).

Kept apart from test_accessibility_alg.py: the test suite's bridge test must run before
QGIS opens data of this kind (see the report of issue 6).
"""

import importlib.util

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point

from geolib.io import read_vector
from tests._qgis import run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG
from tests.processing.test_accessibility_alg import ALG


def _lines(tmp_path, layer):
    """A copy of a line layer of the bundled data (QGIS must not hold the bundled file open)."""
    path = tmp_path / f"{layer}.gpkg"
    read_vector(KREIS_GPKG, layer=layer).to_file(path)
    return str(path)


@pytest.mark.skipif(
    importlib.util.find_spec("geolib.network") is not None,
    reason="geolib.network is there: the network path is tested with the network",
)
def test_network_without_network_module_says_what_to_do(examples, tmp_path):
    demand = tmp_path / "demand.gpkg"
    gpd.GeoDataFrame({"pop": [10.0]}, geometry=[Point(545000, 5937000)], crs=25832).to_file(demand)
    message = run_algorithm_error(
        ALG,
        {
            "DEMAND": str(demand),
            "POPULATION_FIELD": "pop",
            "SUPPLY": str(examples["offers"]),
            "MAX_COST": 10,
            "NETWORK": _lines(tmp_path, "osm_hauptstrassen"),
            "OUTPUT": "memory:",
        },
    )
    assert "Leave 'Network' empty for straight-line distances" in message


@pytest.mark.skipif(
    importlib.util.find_spec("geolib.network") is None,
    reason="geolib.network (catchments issue) not merged yet",
)
def test_network_travel_time_in_minutes(examples, tmp_path):
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    wedel = gemeinden[gemeinden["GEN"] == "Wedel"]
    xs, ys = np.meshgrid(np.arange(543000, 550000, 500.0), np.arange(5935000, 5941500, 500.0))
    pts = gpd.GeoDataFrame(
        {"pop": np.full(xs.size, 50.0)},
        geometry=[Point(x, y) for x, y in zip(xs.ravel(), ys.ravel())],
        crs=25832,
    )
    pts = pts[pts.within(wedel.union_all())].reset_index(drop=True)
    grid = tmp_path / "grid.gpkg"
    pts.to_file(grid)
    out = tmp_path / "acc.gpkg"
    run_algorithm(
        ALG,
        {
            "DEMAND": str(grid),
            "POPULATION_FIELD": "pop",
            "SUPPLY": str(examples["offers"]),
            "MAX_COST": 20,
            "NETWORK": _lines(tmp_path, "osm_strassen_wedel"),
            "PROFILE": 0,
            "OUTPUT": str(out),
        },
    )
    acc = read_vector(out)
    assert "nearest_min" in acc.columns
    reached = acc["nearest_min"].dropna()
    assert len(reached) > 0 and (reached <= 20).all()
    assert (acc["score_norm"] * acc["pop"]).sum() / acc["pop"].sum() == pytest.approx(1.0)
