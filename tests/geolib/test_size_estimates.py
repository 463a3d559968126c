"""Requests that would explode are refused before the work, with the size they need."""

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point

from geolib.accessibility import BYTES_PER_PAIR, accessibility, estimate_pairs
from geolib.errors import ResourceError


def test_pair_estimate_matches_the_exact_count_on_a_grid():
    # a 100 × 100 grid of 100 m cells; every cell sees the cells within 250 m: 21 inside
    xs, ys = np.meshgrid(np.arange(100) * 100.0, np.arange(100) * 100.0)
    xy = np.column_stack([xs.ravel(), ys.ravel()])
    est = estimate_pairs(xy, xy, 250.0)
    assert 0.9 * 21 * len(xy) < est <= 21 * len(xy)


def test_accessibility_of_120k_cells_and_10k_offers_at_50_km_is_refused_with_its_size():
    rng = np.random.default_rng(1)
    # the extent of Kreis Pinneberg, about 60 × 70 km
    cells = rng.uniform((500_000, 5_930_000), (560_000, 6_000_000), size=(120_000, 2))
    offers = rng.uniform((500_000, 5_930_000), (560_000, 6_000_000), size=(10_000, 2))
    demand = gpd.GeoDataFrame(
        {"pop": np.ones(len(cells))}, geometry=gpd.points_from_xy(*cells.T), crs=25832
    )
    supply = gpd.GeoDataFrame(geometry=gpd.points_from_xy(*offers.T), crs=25832)
    pairs = estimate_pairs(cells, offers, 50_000)
    assert pairs > 0.5 * 120_000 * 10_000  # most pairs lie within 50 km
    with pytest.raises(ResourceError, match="would need about") as info:
        accessibility(demand, supply, population_field="pop", max_cost=50_000)
    need_gb = float(str(info.value).split("about ")[1].split(" GB")[0].replace(",", ""))
    assert need_gb == pytest.approx(pairs * BYTES_PER_PAIR / 1024**3, rel=0.01)


def test_small_straight_line_request_is_not_refused():
    demand = gpd.GeoDataFrame(
        {"pop": [10.0, 20.0]}, geometry=[Point(0, 0), Point(500, 0)], crs=25832
    )
    supply = gpd.GeoDataFrame(geometry=[Point(100, 0)], crs=25832)
    result = accessibility(demand, supply, population_field="pop", max_cost=1000)
    assert len(result.demand) == 2


def _grid_network(size: int = 10, step: float = 100.0):
    from shapely.geometry import LineString

    from geolib.network import build_network

    lines = [
        LineString([(i * step, j * step), ((i + di) * step, (j + dj) * step)])
        for i in range(size)
        for j in range(size)
        for di, dj in ((1, 0), (0, 1))
        if i + di < size and j + dj < size
    ]
    return build_network(gpd.GeoDataFrame(geometry=lines, crs=25832), cost="distance", profile=None)


def test_catchment_break_far_beyond_the_network_is_refused_with_what_fits():
    from geolib.catchments import network_catchments

    net = _grid_network()  # 900 m × 900 m: nothing is farther than 1,800 m on the streets
    offers = gpd.GeoDataFrame(
        {"offer_id": [1, 2, 3, 4]},
        geometry=[Point(0, 0), Point(900, 900), Point(450, 400), Point(100, 800)],
        crs=25832,
    )
    with pytest.raises(ResourceError, match="street pieces") as info:
        network_catchments(net, offers, breaks="1000000", max_pieces=200)
    text = str(info.value)
    assert "4 offers" in text and "100 % of the network" in text
    farthest = text.split("farthest point reached is ")[1].split(" m away")[0]
    farthest = float(farthest.replace(",", ""))
    assert 900 <= farthest <= 1800
    # what fits runs: one offer, a small break
    result = network_catchments(net, offers.iloc[:1], breaks="150", max_pieces=200)
    assert len(result.areas) == 1
