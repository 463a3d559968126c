"""geolib.nx: networks from and to networkx graphs, routed like networkx routes them."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point

from geolib.catchments import network_catchments
from geolib.errors import CRSError, DataError, ParameterError
from geolib.network import build_network

nx = pytest.importorskip("networkx", reason="python3-networkx is not installed")

from geolib.nx import from_networkx, to_networkx  # noqa: E402


def _street_graph(seed: int = 7, size: int = 6) -> nx.MultiDiGraph:
    """A grid of streets 100-180 m apart with jittered nodes, some one-way, some
    parallel edges, curved geometries on a few; node ids are strings (like OSM ids)."""
    rng = np.random.default_rng(seed)
    g = nx.MultiDiGraph(crs="EPSG:25832")
    for i in range(size):
        for j in range(size):
            g.add_node(
                f"n{i}-{j}",
                x=500_000 + i * 140 + rng.uniform(-40, 40),
                y=5_900_000 + j * 140 + rng.uniform(-40, 40),
            )
    for i in range(size):
        for j in range(size):
            for di, dj in ((1, 0), (0, 1)):
                if i + di >= size or j + dj >= size:
                    continue
                a, b = f"n{i}-{j}", f"n{i + di}-{j + dj}"
                pa = (g.nodes[a]["x"], g.nodes[a]["y"])
                pb = (g.nodes[b]["x"], g.nodes[b]["y"])
                mid = ((pa[0] + pb[0]) / 2 + rng.uniform(-15, 15), (pa[1] + pb[1]) / 2)
                line = LineString([pa, mid, pb]) if rng.random() < 0.4 else LineString([pa, pb])
                length = line.length * rng.uniform(1.0, 1.3)  # a detour the line omits
                g.add_edge(a, b, length=length, geometry=line)
                if rng.random() < 0.8:  # else one-way
                    g.add_edge(b, a, length=length, geometry=shapely.reverse(line))
                if rng.random() < 0.1:  # a parallel, longer way
                    g.add_edge(a, b, length=length * 1.5)
    return g


def test_catchment_costs_equal_networkx_dijkstra():
    g = _street_graph()
    net = from_networkx(g)
    nodes = list(g.nodes)
    source = "n2-3"
    offers = gpd.GeoDataFrame(
        {"offer_id": ["x"]},
        geometry=[Point(g.nodes[source]["x"], g.nodes[source]["y"])],
        crs="EPSG:25832",
    )
    # from the offer: networkx's single-source costs; toward it: those on the reversed graph
    for direction, graph in (("from_offer", g), ("to_offer", g.reverse())):
        result = network_catchments(
            net,
            offers,
            breaks="300,600,900",
            node_costs=True,
            polygons=False,
            direction=direction,
        )
        ours = dict(zip((nodes[i] for i in result.nodes["node"]), result.nodes["cost_m"]))
        theirs = nx.single_source_dijkstra_path_length(graph, source, cutoff=900, weight="length")
        assert set(ours) == set(theirs)
        assert len(theirs) > 10  # a real part of the grid, not the start alone
        for node, cost in theirs.items():
            assert ours[node] == pytest.approx(cost, abs=1e-6)


def test_travel_time_graph_gives_minutes():
    g = _street_graph(seed=3)
    for _, _, data in g.edges(data=True):
        data["travel_time"] = data["length"] / (15 / 3.6)  # seconds at 15 km/h
    net = from_networkx(g, weight="travel_time")
    assert (net.cost, net.unit) == ("time", "min")
    source = "n0-0"
    offers = gpd.GeoDataFrame(
        geometry=[Point(g.nodes[source]["x"], g.nodes[source]["y"])], crs="EPSG:25832"
    )
    result = network_catchments(
        net,
        offers,
        breaks="2,4",
        id_field=None,
        node_costs=True,
        polygons=False,
        direction="from_offer",
    )
    nodes = list(g.nodes)
    theirs = nx.single_source_dijkstra_path_length(g, source, cutoff=240, weight="travel_time")
    ours = dict(zip((nodes[i] for i in result.nodes["node"]), result.nodes["cost_min"]))
    assert set(ours) == set(theirs)
    for node, seconds in theirs.items():
        assert ours[node] == pytest.approx(seconds / 60, abs=1e-6)


def test_round_trip_from_geolib_network():
    lines = gpd.GeoDataFrame(
        {"dir": ["1", "0", "0", "0"]},
        geometry=[
            LineString([(0, 0), (400, 0)]),
            LineString([(400, 0), (400, 300), (800, 300)]),
            LineString([(0, 0), (0, 500)]),
            LineString([(0, 500), (400, 0)]),
        ],
        crs="EPSG:25832",
    )
    net = build_network(lines, cost="distance", profile=None, direction_field="dir")
    g = to_networkx(net)
    assert g.graph["crs"] == "EPSG:25832"
    assert g.number_of_nodes() == net.n_nodes
    # every open direction is one edge: the one-way street once, the others twice
    assert g.number_of_edges() == int(
        np.isfinite(net.cost_fw).sum() + np.isfinite(net.cost_bw).sum()
    )
    for u, v, data in g.edges(data=True):
        start, end = shapely.get_coordinates(data["geometry"])[[0, -1]]
        assert tuple(start) == (g.nodes[u]["x"], g.nodes[u]["y"])
        assert tuple(end) == (g.nodes[v]["x"], g.nodes[v]["y"])
    back = from_networkx(g)
    np.testing.assert_array_equal(back.node_xy, net.node_xy)
    assert (back.graph != net.graph).nnz == 0  # the same arcs with the same costs
    assert back.n_components == net.n_components
    again = to_networkx(back)
    assert sorted(again.edges(data="length")) == sorted(g.edges(data="length"))


def test_undirected_graph_is_open_both_ways():
    g = nx.Graph()
    g.add_node(1, x=0.0, y=0.0)
    g.add_node(2, x=250.0, y=0.0)
    g.add_edge(1, 2)  # no length, no geometry: the straight line's length
    net = from_networkx(g, crs=25832)
    assert net.cost_fw.tolist() == net.cost_bw.tolist() == [250.0]


def test_bad_graphs_are_refused_with_the_fix():
    g = nx.MultiDiGraph()
    g.add_node(1, x=9.8, y=53.6)
    g.add_node(2, x=9.81, y=53.6)
    g.add_edge(1, 2, length=700.0)
    with pytest.raises(ParameterError, match="crs="):
        from_networkx(g)
    with pytest.raises(CRSError, match="geographic"):
        from_networkx(g, crs=4326)
    with pytest.raises(ParameterError, match="travel_time"):
        from_networkx(g, crs=25832, weight="minutes")
    with pytest.raises(DataError, match="travel_time"):
        from_networkx(g, crs=25832, weight="travel_time")
    g[1][2][0]["length"] = "700 m"  # text, as some exports have it
    with pytest.raises(DataError, match="'700 m'"):
        from_networkx(g, crs=25832)
    g[1][2][0]["length"] = 700.0
    g.add_node(3)
    with pytest.raises(DataError, match="x/y"):
        from_networkx(g, crs=25832)


def test_without_networkx_the_error_says_how_to_install_it(monkeypatch):
    import sys

    from geolib.errors import GeolibError

    monkeypatch.setitem(sys.modules, "networkx", None)  # what Python does when it is absent
    with pytest.raises(GeolibError, match="python3-networkx"):
        from_networkx(object())


def test_docstring_examples_run():
    import doctest

    import geolib.nx

    result = doctest.testmod(geolib.nx)
    assert result.attempted > 0 and result.failed == 0
