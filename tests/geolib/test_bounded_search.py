"""geolib.bounded_search.reached_costs: bounded searches on the nodes near their sources give
exactly the costs of scipy's dense Dijkstra on the whole graph."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from scipy import sparse
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from geolib import bounded_search, routing
from geolib.bounded_search import Reached, cost_per_metre, reached_costs
from geolib.network import _EPS, build_network
from geolib.routing import snap_points, with_sources


@pytest.fixture(autouse=True, params=[1, 4096])
def small_networks_searched_sparsely(monkeypatch, request):
    """Searches on the nodes near their sources also on these small networks (larger
    ones only by default), each group of sources alone or several in one run."""
    monkeypatch.setattr(bounded_search, "_SPARSE_FROM_NODES", 0)
    monkeypatch.setattr(bounded_search, "_BATCH_NODES", request.param)


def random_graph(seed, *, zero_cost=False):
    """A random directed graph with coordinates: a main cluster and a far island,
    coincident nodes joined by zero-length arcs, one-way arcs, then virtual sources
    (nodes without incoming arcs, on arcs between two nodes, some on the island).

    Returns the CSR matrix, the coordinates of all nodes, the number of network
    nodes and the source nodes."""
    rng = np.random.default_rng(seed)
    main = rng.uniform(0, 1000, size=(250, 2))
    island = rng.uniform(0, 100, size=(30, 2)) + 5000
    xy = np.vstack([main, island])
    xy = np.vstack([xy, xy[rng.choice(len(xy), 20, replace=False)]])  # coincident nodes
    n = len(xy)
    _, near = cKDTree(xy).query(xy, k=5)
    rows = np.repeat(np.arange(n), 4)
    cols = near[:, 1:].ravel()
    chord = np.hypot(*(xy[rows] - xy[cols]).T)
    cost = np.where(chord > 0, chord * rng.uniform(0.01, 0.03, len(rows)), _EPS)
    if zero_cost:
        cost[rng.choice(len(cost), 3, replace=False)] = 0.0
    # both directions, then drop some: one-way arcs
    rows, cols, cost = np.r_[rows, cols], np.r_[cols, rows], np.r_[cost, cost]
    keep = (rows != cols) & (rng.uniform(size=len(rows)) > 0.2)
    rows, cols, cost = rows[keep], cols[keep], cost[keep]
    # virtual sources on random arcs (the last ones on the island)
    k = 12
    arcs = np.r_[rng.choice(np.flatnonzero(rows < 250), k - 3), np.flatnonzero(rows >= 250)[:3]]
    t = rng.uniform(0, 1, k)
    t[0] = 0.0  # at a node
    a, b = rows[arcs], cols[arcs]
    src = n + np.arange(k)
    s_rows = np.r_[src, src]
    s_cols = np.r_[a, b]
    s_cost = np.maximum(np.r_[t * cost[arcs], (1 - t) * cost[arcs]], _EPS)
    one_way = np.r_[np.zeros(k, bool), rng.uniform(size=k) < 0.3]  # some only toward a
    all_rows = np.r_[rows, s_rows[~one_way]]
    all_cols = np.r_[cols, s_cols[~one_way]]
    all_cost = np.r_[cost, s_cost[~one_way]]
    graph = sparse.coo_matrix((all_cost, (all_rows, all_cols)), shape=(n + k, n + k)).tocsr()
    graph.sum_duplicates()
    return graph, xy, n, src


def dense(graph, src, group, limit, n):
    """Per group, scipy's dense Dijkstra on the whole graph, the cheapest over its sources."""
    dist = np.atleast_2d(csgraph.dijkstra(graph, directed=True, indices=src, limit=limit))
    out = np.full((group.max() + 1, n), np.inf)
    for g in range(group.max() + 1):
        out[g] = dist[group == g, :n].min(axis=0)
    return out


def gathered(chunks, n_groups, n):
    """The chunks of :func:`reached_costs` as one dense matrix (groups × n)."""
    out = np.full((n_groups, n), np.inf)
    for sel, reached in chunks:
        assert isinstance(reached, Reached)
        assert np.all(np.diff(reached.row * n + reached.node) > 0)  # sorted, no repeats
        out[sel[reached.row], reached.node] = reached.cost
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("limit", [0.0, 1.5, 6.0, np.inf])
def test_searches_on_nearby_nodes_give_exactly_the_costs_of_the_whole_graph(seed, limit):
    graph, xy, n, src = random_graph(seed)
    group = np.r_[np.arange(8), 8, 8, 9, 10]  # two sources of one group
    expected = dense(graph, src, group, limit, n)
    for chunk_bytes in (1, 256 * 1024**2):
        chunks = reached_costs(graph, src, limit, n=n, xy=xy, group=group, chunk_bytes=chunk_bytes)
        got = gathered(chunks, group.max() + 1, n)
        assert np.array_equal(got, expected)  # exactly, inf where not reached
    whole = reached_costs(graph, src, limit, n=n, group=group)  # without coordinates
    assert np.array_equal(gathered(whole, group.max() + 1, n), expected)
    balls = bounded_search.search_balls(graph, src, limit, n, xy)
    if 0 < limit < 2:
        # the searches ran on small parts of the graph; and they reached something
        assert balls is not None
        assert balls.size.max() < n / 4
        assert np.isfinite(expected).sum() > len(src)
    if limit == np.inf:
        assert balls is None
    island = expected[-1]  # the last group starts on the island: reaches only it
    assert not np.isfinite(island[:250]).any()


def test_the_bound_holds_for_every_arc_and_no_bound_without_positive_costs():
    graph, xy, n, src = random_graph(3)
    r = cost_per_metre(graph, xy)
    coo = graph.tocoo()
    net = (coo.row < n) & (coo.col < n)  # the bound is on the arcs among network nodes
    coo = sparse.coo_matrix((coo.data[net], (coo.row[net], coo.col[net])), shape=(n, n))
    chord = np.hypot(*(xy[coo.row] - xy[coo.col]).T)
    assert r > 0
    assert np.all(coo.data >= r * chord)
    assert np.any(np.isclose(coo.data, r * chord))  # the smallest ratio, not less
    free, xy, n, src = random_graph(3, zero_cost=True)
    assert cost_per_metre(free, xy) == 0.0
    assert bounded_search.search_balls(free, src, 1.5, n, xy) is None  # the whole graph, not a ball
    group = np.arange(len(src))
    got = gathered(reached_costs(free, src, 1.5, n=n, xy=xy), len(src), n)
    assert np.array_equal(got, dense(free, src, group, 1.5, n))


def test_hand_built_cost_per_metre():
    # 0 → 1: 100 m for 2 (0.02 a metre); 1 → 2: 100 m for 5; 1 → 3 coincident, 0 cost
    xy = np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [100.0, 0.0]])
    graph = sparse.csr_matrix(
        (np.array([2.0, 5.0, 0.0]), (np.array([0, 1, 1]), np.array([1, 2, 3]))), shape=(4, 4)
    )
    assert cost_per_metre(graph, xy) == pytest.approx(0.02)
    lone = sparse.csr_matrix((np.array([1.0]), ([1], [3])), shape=(4, 4))
    assert cost_per_metre(lone, xy) == np.inf  # no arc between different places


def test_network_sources_with_loops_one_ways_and_islands_are_the_same():
    rng = np.random.default_rng(7)
    # a perturbed grid, a loop edge, one-way streets and a far island
    lines = []
    for i in range(12):
        for j in range(11):
            a = (j * 100 + rng.uniform(-20, 20), i * 100.0)
            lines.append(shapely.LineString([a, ((j + 1) * 100, i * 100 + rng.uniform(-5, 5))]))
            lines.append(shapely.LineString([(i * 100.0, j * 100), (i * 100.0, (j + 1) * 100)]))
    lines.append(shapely.LineString([(0, 0), (-50, -50), (-50, 0), (0, 0)]))  # a loop
    lines.append(shapely.LineString([(5000, 5000), (5100, 5000), (5100, 5100)]))  # island
    frame = gpd.GeoDataFrame(
        {"dir": rng.choice(["0", "0", "1", "-1"], len(lines))}, geometry=lines, crs=25832
    )
    net = build_network(frame, cost="time", profile="walk", direction_field="dir", node=True)
    assert (net.edge_u == net.edge_v).any() and np.isinf(net.cost_fw).any()
    assert net.n_components > 1
    pts = np.r_[rng.uniform(0, 1100, size=(25, 2)), [[-50, -30], [5050, 5001], [0, 0]]]
    offers = gpd.GeoDataFrame(geometry=shapely.points(pts), crs=25832)
    snapped = snap_points(net, offers, islands="any")
    graph, src = with_sources(net, snapped)
    xy = net.node_xy
    group = np.arange(len(src))
    for limit in (0.0, 0.7, 3.0, np.inf):
        got = gathered(
            reached_costs(graph, src, limit, n=net.n_nodes, xy=xy), len(src), net.n_nodes
        )
        assert np.array_equal(got, dense(graph, src, group, limit, net.n_nodes))
    assert bounded_search.search_balls(graph, src, 0.7, net.n_nodes, xy) is not None


def test_reached_looks_up_costs_and_inf_for_the_rest():
    dist = np.array([[0.0, np.inf, 2.0, 9.0], [np.inf, 1.0, np.inf, np.inf]])
    reached = Reached.from_dense(dist, 3)  # the first 3 columns
    assert reached.row.tolist() == [0, 0, 1] and reached.node.tolist() == [0, 2, 1]
    got = reached.at(np.array([0, 0, 0, 1, 1]), np.array([0, 1, 2, 1, 2]))
    assert got.tolist() == [0.0, np.inf, 2.0, 1.0, np.inf]
    key = reached._key  # the lookup keys: computed once, kept for every later lookup
    assert key.tolist() == [0 * 3 + 0, 0 * 3 + 2, 1 * 3 + 1]
    assert reached.at(np.array([1, 0]), np.array([1, 2])).tolist() == [1.0, 2.0]
    assert reached._key is key
    empty = Reached.from_dense(np.full((1, 3), np.inf), 3)
    assert empty.at(np.array([0]), np.array([1])).tolist() == [np.inf]


def _wobbly_grid(rng, size: int, wobble: float, directions: list[str]) -> gpd.GeoDataFrame:
    """Streets of a 100 m grid whose far ends are moved by up to ``wobble`` metres (so
    they do not all meet), each with a random one-way code of ``directions``."""
    steps = [(x, y) for x in range(0, size, 100) for y in range(0, size, 100)]
    lines = [
        shapely.LineString([(x, y), (x + 100, y + rng.uniform(-wobble, wobble))]) for x, y in steps
    ] + [
        shapely.LineString([(x, y), (x + rng.uniform(-wobble, wobble), y + 100)]) for x, y in steps
    ]
    return gpd.GeoDataFrame({"dir": rng.choice(directions, len(lines))}, geometry=lines, crs=25832)


def test_od_costs_are_those_of_dense_dijkstra_rows():
    from geolib.network import od_costs

    rng = np.random.default_rng(11)
    frame = _wobbly_grid(rng, 1500, 30, ["0", "0", "1", "-1"])
    net = build_network(frame, cost="time", profile="walk", direction_field="dir", node=True)
    o = gpd.GeoDataFrame(geometry=shapely.points(rng.uniform(0, 1500, (30, 2))), crs=25832)
    d = gpd.GeoDataFrame(geometry=shapely.points(rng.uniform(0, 1500, (60, 2))), crs=25832)
    so, sd = snap_points(net, o), snap_points(net, d)
    graph, src = with_sources(net, so)
    assert bounded_search.search_balls(graph, src, 4.0, net.n_nodes, net.node_xy) is not None
    dist = csgraph.dijkstra(graph, directed=True, indices=src, limit=4.0)
    du, dv = net.edge_u[sd.edge], net.edge_v[sd.edge]
    cost = np.minimum(
        dist[:, du] + routing._times(sd.fraction, net.cost_fw[sd.edge]),
        dist[:, dv] + routing._times(1 - sd.fraction, net.cost_bw[sd.edge]),
    )
    for i, j in zip(*np.nonzero(so.edge[:, None] == sd.edge[None, :])):
        t0, t1, e = so.fraction[i], sd.fraction[j], sd.edge[j]
        way = t1 - t0 if t1 >= t0 else t0 - t1
        along = net.cost_fw[e] if t1 >= t0 else net.cost_bw[e]
        cost[i, j] = min(cost[i, j], routing._times(np.array([way]), np.array([along]))[0])
    oi, di = np.nonzero(cost <= 4.0)
    table = od_costs(net, o, d, max_cost=4.0).table
    assert len(table) > 20
    assert table["origin"].tolist() == so.position[oi].tolist()
    assert table["destination"].tolist() == sd.position[di].tolist()
    assert np.array_equal(table["cost"].to_numpy(), cost[oi, di])


@pytest.mark.parametrize("direction", ["from_offer", "to_offer"])
def test_catchment_lines_of_sparse_searches_are_those_of_dense_rows(monkeypatch, direction):
    from geolib.catchments import network_catchments

    rng = np.random.default_rng(5)
    frame = _wobbly_grid(rng, 2000, 20, ["0", "0", "0", "1", "-1"])
    net = build_network(frame, cost="time", profile="bike", direction_field="dir", node=True)
    points = [shapely.Point(p) for p in rng.uniform(0, 2000, (12, 2))]
    points.append(shapely.MultiPoint(rng.uniform(0, 2000, (3, 2))))  # one offer, 3 sources
    offers = gpd.GeoDataFrame({"offer_id": [f"o{i}" for i in range(13)]}, geometry=points)
    offers = offers.set_crs(25832)
    args = {"breaks": "1,2", "walkoff": 20, "polygons": False, "direction": direction}
    sparse_lines = network_catchments(net, offers, **args).lines
    assert (
        bounded_search.search_balls(net.graph, np.arange(3), 2.0, net.n_nodes, net.node_xy)
        is not None
    )
    monkeypatch.setattr(bounded_search, "_SPARSE_FROM_NODES", 10**9)  # dense rows
    dense_lines = network_catchments(net, offers, **args).lines
    assert len(dense_lines) > 100 and set(dense_lines["offer_id"]) >= {"o12"}
    pd.testing.assert_frame_equal(sparse_lines, dense_lines)
    assert shapely.equals_exact(sparse_lines.geometry.values, dense_lines.geometry.values, 0).all()
