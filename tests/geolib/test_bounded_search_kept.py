"""The KD-tree of a network's nodes and the cost bound of its graph are kept with the
network: built on first need, once (also with threads), reused by later searches, and the
costs are exactly those of searches that build both again."""

import threading

import geopandas as gpd
import numpy as np
import pytest
import shapely
from scipy import sparse

from geolib import bounded_search
from geolib.bounded_search import cost_per_metre, reached_costs, search_balls
from geolib.catchments import network_catchments
from geolib.network import build_network, clear_cache, read_osm_lines
from geolib.routing import snap_points, with_sources
from tests.conftest import DATA


@pytest.fixture(autouse=True)
def small_networks_searched_sparsely(monkeypatch):
    """Searches on the nodes near their sources (balls) also on these small networks;
    every test with networks built anew (none from the memory cache)."""
    monkeypatch.setattr(bounded_search, "_SPARSE_FROM_NODES", 0)
    clear_cache()


def _grid(size=1500, seed=3):
    rng = np.random.default_rng(seed)
    steps = [(x, y) for x in range(0, size, 100) for y in range(0, size, 100)]
    lines = [shapely.LineString([(x, y), (x + 100, y + rng.uniform(-5, 5))]) for x, y in steps]
    lines += [shapely.LineString([(x, y), (x, y + 100)]) for x, y in steps]
    dirs = rng.choice(["0", "0", "1", "-1"], len(lines))
    return gpd.GeoDataFrame({"dir": dirs}, geometry=lines, crs=25832)


def _offers(rng, k, size=1500):
    points = shapely.points(rng.uniform(0, size, (k, 2)))
    return gpd.GeoDataFrame({"offer_id": [f"o{i}" for i in range(k)]}, geometry=points, crs=25832)


def _reached(net, graph, src, limit, index):
    """All chunks of :func:`reached_costs` as (row, node, cost) triples of the sources."""
    out = []
    for sel, reached in reached_costs(
        graph, src, limit, n=net.n_nodes, xy=net.node_xy, index=index, chunk_bytes=64 * 1024
    ):
        out.append((sel[reached.row], reached.node, reached.cost))
    return tuple(np.concatenate(parts) for parts in zip(*out))


@pytest.mark.parametrize("direction", ["from_offer", "to_offer"])
def test_built_on_first_search_and_reused_by_the_next(direction):
    net = build_network(_grid(), cost="time", profile="bike", direction_field="dir")
    routed = net if direction == "from_offer" else net.reversed()
    assert routed is not net or direction == "from_offer"
    assert routed._kdtree is None and routed._cost_bound is None  # lazy
    offers = _offers(np.random.default_rng(1), 20)
    args = {"breaks": "1,2", "walkoff": 20, "polygons": False, "direction": direction}
    first = network_catchments(net, offers, **args)
    tree, bound = routed._kdtree, routed._cost_bound
    assert tree is not None and bound == cost_per_metre(routed.graph, routed.node_xy) > 0
    again = network_catchments(net, offers, **args)
    assert routed._kdtree is tree and routed._cost_bound == bound  # not built again
    assert first.lines.equals(again.lines) and len(first.lines) > 100


def test_the_reversed_network_shares_the_tree_and_has_its_own_bound():
    net = build_network(_grid(), cost="time", profile="bike", direction_field="dir")
    back = net.reversed()
    assert back is not net
    assert back.node_tree() is net.node_tree()  # the same nodes
    assert back.cost_bound() == cost_per_metre(back.graph, back.node_xy)
    # a tree built on the reversed network first is shared the other way too
    other = build_network(_grid(seed=4), cost="time", profile="bike", direction_field="dir")
    assert other.reversed().node_tree() is other.node_tree()


def test_threads_asking_at_once_get_one_tree_and_bound():
    net = build_network(_grid(seed=5), cost="time", profile="walk")
    start = threading.Barrier(8)
    trees, bounds = [], []

    def ask():
        start.wait()
        trees.append(net.node_tree())
        bounds.append(net.cost_bound())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(trees) == 8 and all(tree is trees[0] for tree in trees)
    assert bounds == [net.cost_bound()] * 8


def test_a_graph_with_other_arcs_does_not_use_the_kept_bound():
    net = build_network(_grid(seed=6), cost="time", profile="walk")
    snapped = snap_points(net, _offers(np.random.default_rng(2), 10))
    graph, src = with_sources(net, snapped)
    slower = graph.copy()
    slower.data = slower.data * 2  # the same arcs, twice the cost: half as far
    net.cost_bound()
    balls = search_balls(slower, src, 2.0, net.n_nodes, net.node_xy, net)
    fresh = search_balls(slower, src, 2.0, net.n_nodes, net.node_xy)
    assert balls is not None and fresh is not None
    assert np.array_equal(balls.size, fresh.size)
    kept = search_balls(graph, src, 2.0, net.n_nodes, net.node_xy, net)
    assert kept.reach == pytest.approx(2 * balls.reach)  # r of the slower graph is doubled
    # other nodes: the tree of these, not the kept one
    moved = net.node_xy + 1000.0
    assert not bounded_search._same_nodes(net, moved)
    assert bounded_search._same_arcs(graph, net.graph, net.n_nodes)
    assert not bounded_search._same_arcs(slower, net.graph, net.n_nodes)
    assert not bounded_search._same_arcs(sparse.csr_matrix(graph[:, :-1]), net.graph, 3)


@pytest.mark.parametrize("name", ["andorra.osm.pbf", "north-bayreuth.osm.gz"])
@pytest.mark.parametrize(("profile", "limit"), [("walk", 12.0), ("car", 1.0)])
def test_osm_costs_with_the_kept_tree_and_bound_are_those_built_again(name, profile, limit):
    lines = read_osm_lines(DATA / "osm" / name)
    net = build_network(lines, cost="time", profile=profile)
    rng = np.random.default_rng(0)
    nodes = rng.choice(np.flatnonzero(net.component == net.main_component), 40, replace=False)
    offers = gpd.GeoDataFrame(geometry=shapely.points(net.node_xy[nodes]), crs=net.crs)
    for routed in (net, net.reversed()):
        graph, src = with_sources(routed, snap_points(routed, offers))
        assert search_balls(graph, src, limit, routed.n_nodes, routed.node_xy) is not None
        built = _reached(routed, graph, src, limit, None)
        for _ in range(2):  # the first run builds the kept tree and bound, the second uses them
            kept = _reached(routed, graph, src, limit, routed)
            assert all(np.array_equal(a, b) for a, b in zip(built, kept))
        assert routed._kdtree is not None and routed._cost_bound is not None
        assert len(built[0]) > 500
