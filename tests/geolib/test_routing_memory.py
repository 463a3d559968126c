"""The memory check of od_costs counts what the way it takes allocates: searches on the
nodes near each origin need far less than dense cost rows over the whole network."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geolib import bounded_search
from geolib.errors import ResourceError
from geolib.network import build_network, clear_cache, read_osm_lines
from geolib.routing import od_costs
from tests.conftest import DATA

MB = 1024**2


@pytest.fixture(scope="module")
def walk():
    clear_cache()
    return build_network(read_osm_lines(DATA / "osm" / "north-bayreuth.osm.gz"), profile="walk")


def _points(net, rng, m):
    main = np.flatnonzero(net.component == net.main_component)
    xy = net.node_xy[rng.choice(main, m)] + rng.uniform(-20, 20, (m, 2))
    return gpd.GeoDataFrame(geometry=shapely.points(xy), crs=net.crs)


def test_sparse_searches_run_where_dense_rows_would_not_fit(walk, monkeypatch):
    # on this small network too, the searches on the nodes near each origin
    monkeypatch.setattr(bounded_search, "_SPARSE_FROM_NODES", 0)
    rng = np.random.default_rng(0)
    origins, destinations = _points(walk, rng, 1000), _points(walk, rng, 50)
    k, d, size = len(origins), len(destinations), walk.n_nodes + len(origins)
    # the check before: dense rows of all 1,000 origins over the whole graph, 31 MB
    before = 24 * k * d + min(k, 1 + 256 * MB // (8 * size)) * 8 * size
    budget = 20 * MB
    assert before > budget
    table = od_costs(walk, origins, destinations, max_cost=3.0, memory_limit=budget).table
    unlimited = od_costs(walk, origins, destinations, max_cost=3.0).table
    pd.testing.assert_frame_equal(table, unlimited)
    assert len(table) > 100 and table["cost"].max() <= 3.0
    # what truly does not fit is refused, with the same message
    with pytest.raises(ResourceError, match=r"This cost table would need about [\d.,]+ MB"):
        od_costs(walk, origins, destinations, max_cost=3.0, memory_limit=2 * MB)
    # far larger searches: all pairs at worst, and their balls
    with pytest.raises(ResourceError, match="cost table"):
        od_costs(walk, origins, destinations, max_cost=30.0, memory_limit=budget)


def test_dense_rows_are_counted_where_they_are_the_way(walk, monkeypatch):
    monkeypatch.setattr(bounded_search, "_SPARSE_FROM_NODES", 10**9)  # dense rows
    rng = np.random.default_rng(0)
    origins, destinations = _points(walk, rng, 1000), _points(walk, rng, 50)
    with pytest.raises(ResourceError, match="cost table"):
        od_costs(walk, origins, destinations, max_cost=3.0, memory_limit=20 * MB)
    table = od_costs(walk, origins, destinations, max_cost=3.0, memory_limit=40 * MB).table
    assert len(table) > 100
