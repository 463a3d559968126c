"""sozialplanung:accessibility with network travel times (geolib.network).

Kept apart from test_accessibility_alg.py: the test suite's bridge test must run before
QGIS opens data of this kind (see the report of issue 6).
"""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point

from geolib.io import read_vector
from geolib.network import build_network
from tests._qgis import run_algorithm
from tests.conftest import KREIS_GPKG
from tests.processing.test_accessibility_alg import ALG


def _lines(tmp_path, layer):
    """A copy of a line layer of the bundled data (QGIS must not hold the bundled file open)."""
    path = tmp_path / f"{layer}.gpkg"
    read_vector(KREIS_GPKG, layer=layer).to_file(path)
    return str(path)


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
    ok = acc["routable"] == 1
    weighted = (acc["score_norm"] * acc["pop"])[ok].sum() / acc["pop"][ok].sum()
    assert weighted == pytest.approx(1.0)


def test_walking_minutes_on_wedel_detail_streets(tmp_path):
    """Walking minutes on the detailed Wedel streets, with an offer and a unit off the map."""
    streets = read_vector(KREIS_GPKG, layer="osm_strassen_wedel_detail")
    x0, y0, x1, y1 = streets.total_bounds
    xs, ys = np.meshgrid(np.arange(x0 + 100, x1, 250.0), np.arange(y0 + 100, y1, 250.0))
    demand = gpd.GeoDataFrame(
        {"pop": np.arange(xs.size, dtype=float) % 7 + 1},
        geometry=[Point(x, y) for x, y in zip(xs.ravel(), ys.ravel())],
        crs=25832,
    )
    demand = demand[demand.distance(streets.union_all()) <= 250].reset_index(drop=True)
    far_unit = len(demand)
    far = gpd.GeoDataFrame({"pop": [40.0]}, geometry=[Point(x0 - 3000, y0)], crs=25832)
    demand = pd.concat([demand, far], ignore_index=True)
    on_street = [
        streets.geometry.iloc[i].interpolate(0.5, normalized=True) for i in (0, 60, 120, 180, 240)
    ]
    offers = gpd.GeoDataFrame(
        {"oid": ["o0", "o1", "o2", "o3", "o4", "far"], "places": [5.0, 3, 8, 2, 4, 9]},
        geometry=[Point(p.x + 5, p.y + 5) for p in on_street] + [Point(x1 + 5000, y1)],
        crs=25832,
    )
    demand_path, offers_path = tmp_path / "demand.gpkg", tmp_path / "offers.gpkg"
    demand.to_file(demand_path)
    offers.to_file(offers_path)
    out, out_supply = tmp_path / "acc.gpkg", tmp_path / "offers_out.gpkg"
    max_min = 25.0
    _, feedback = run_algorithm(
        ALG,
        {
            "DEMAND": str(demand_path),
            "POPULATION_FIELD": "pop",
            "SUPPLY": str(offers_path),
            "CAPACITY_FIELD": "places",
            "OFFER_ID_FIELD": "oid",
            "MAX_COST": max_min,
            "NETWORK": _lines(tmp_path, "osm_strassen_wedel_detail"),
            # these streets meet (end on each other, cross) without shared vertices: node them
            "NODING": True,
            "PROFILE": 0,
            "OUTPUT": str(out),
            "OUTPUT_SUPPLY": str(out_supply),
        },
    )
    acc = read_vector(out)
    sup = read_vector(out_supply)
    assert len(acc) == len(demand) and len(sup) == len(offers)  # nothing dropped
    # the unit and the offer off the map: kept, marked, counted, NULL
    assert acc["routable"].tolist() == [1] * far_unit + [0]
    assert sup["routable"].tolist() == [1, 1, 1, 1, 1, 0]
    assert np.isnan(acc["score"].iloc[far_unit]) and np.isnan(acc["nearest_min"].iloc[far_unit])
    assert f"1 of {len(demand)} demand units are farther than 250 m" in feedback.text
    assert "1 of 6 offers are farther than 250 m" in feedback.text
    # walking minutes: within the maximum, and never faster than the straight line
    # (4.5 km/h = 75 m/min, less the distances of both points to the street of the
    # network's main part, where points snap)
    reached = acc[acc["nearest_min"].notna()]
    assert len(reached) > len(acc) / 2
    assert (reached["nearest_min"] <= max_min).all()
    net = build_network(streets, cost="time", profile="walk")
    edges = net.edges()
    lines = edges[edges["part"] == net.main_component].union_all()
    near = offers.set_index("oid").geometry.loc[reached["nearest_offer"]].to_numpy()
    straight = reached.distance(gpd.GeoSeries(near, index=reached.index, crs=25832))
    snap = reached.distance(lines) + gpd.GeoSeries(near, crs=25832).distance(lines).to_numpy()
    assert (reached["nearest_min"] * 75 >= straight - snap - 1e-6).all()
    # the far offer reaches nobody; the shares of the routable offers add up
    assert sup["demand_in_reach"].iloc[5] == 0 and np.isnan(sup["ratio"].iloc[5])
    served = sup["ratio"].notna()
    assert (acc["score"] * acc["pop"]).sum() == pytest.approx(sup["places"][served].sum())
    ok = acc["routable"] == 1
    weighted = (acc["score_norm"] * acc["pop"])[ok].sum() / acc["pop"][ok].sum()
    assert weighted == pytest.approx(1.0)
    # the distance along the network: walking at 4.5 km/h, metres are 75 × the minutes
    out_m = tmp_path / "acc_m.gpkg"
    run_algorithm(
        ALG,
        {
            "DEMAND": str(demand_path),
            "POPULATION_FIELD": "pop",
            "SUPPLY": str(offers_path),
            "CAPACITY_FIELD": "places",
            "OFFER_ID_FIELD": "oid",
            "MAX_COST": max_min * 75,
            "NETWORK": _lines(tmp_path, "osm_strassen_wedel_detail"),
            # these streets meet (end on each other, cross) without shared vertices: node them
            "NODING": True,
            "PROFILE": 0,
            "COST": 1,
            "OUTPUT": str(out_m),
        },
    )
    acc_m = read_vector(out_m)
    assert "nearest_m" in acc_m.columns and "nearest_min" not in acc_m.columns
    np.testing.assert_allclose(acc_m["nearest_m"], acc["nearest_min"] * 75, rtol=1e-9)
    np.testing.assert_allclose(acc_m["score"], acc["score"], rtol=1e-9)
    assert acc_m["nearest_offer"].tolist() == acc["nearest_offer"].tolist()


@pytest.mark.parametrize(("direction", "west", "east"), [(0, 500.0, 2100.0), (1, 2100.0, 500.0)])
def test_direction_on_a_one_way_street_and_the_offer_id(tmp_path, direction, west, east):
    """People routed toward the offer (default) or from it; catchments use the same names."""
    from shapely.geometry import LineString

    lines = gpd.GeoDataFrame(
        {"dir": ["1", "0"]},
        geometry=[
            LineString([(0, 0), (1000, 0)]),
            LineString([(0, 0), (0, 300), (1000, 300), (1000, 0)]),
        ],
        crs=25832,
    )
    people = gpd.GeoDataFrame(
        {"pop": [1.0, 2.0]}, geometry=[Point(0, 0), Point(1000, 0)], crs=25832
    )
    offers = gpd.GeoDataFrame({"offer_id": ["K1"]}, geometry=[Point(500, 0)], crs=25832)
    paths = {}
    for name, frame in (("lines", lines), ("people", people), ("offers", offers)):
        paths[name] = str(tmp_path / f"{name}.gpkg")
        frame.to_file(paths[name])
    out = tmp_path / "acc.gpkg"
    run_algorithm(
        ALG,
        {
            "DEMAND": paths["people"],
            "POPULATION_FIELD": "pop",
            "SUPPLY": paths["offers"],
            "MAX_COST": 5000,
            "NETWORK": paths["lines"],
            "COST": 1,
            "DIRECTION_FIELD": "dir",
            "DIRECTION": direction,
            "OUTPUT": str(out),
        },
    )
    acc = read_vector(out)
    assert acc["nearest_m"].tolist() == pytest.approx([west, east])
    # no id field chosen: the layer's offer_id
    assert acc["nearest_offer"].tolist() == ["K1", "K1"]
