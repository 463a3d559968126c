"""Network topology on hand-built cases with known answers: noding by level, OSM node ids,
loop edges, islands, multipoints and the reversed network."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, MultiPoint, Point

from geolib.catchments import network_catchments
from geolib.errors import DataError, ParameterError
from geolib.network import build_network, clear_cache
from geolib.routing import (
    REASON_FAR,
    REASON_SMALL_PART,
    SMALL_PART_NOTE,
    od_costs,
    snap_points,
    with_sources,
)


def frame(lines, crs=25832, **cols):
    return gpd.GeoDataFrame(cols, geometry=list(lines), crs=crs)


def pts(geoms, crs=25832, **cols):
    geoms = [g if not isinstance(g, tuple) else Point(g) for g in geoms]
    return gpd.GeoDataFrame(cols, geometry=geoms, crs=crs)


def cost(net, a, b, **kw):
    table = od_costs(net, pts([a]), pts([b]), max_cost=10_000, **kw).table
    return float(table["cost"].iloc[0]) if len(table) else None


# --- noding by level --------------------------------------------------------------------------
ROAD = LineString([(0, 0), (200, 0)])
OVER = LineString([(100, -100), (100, 100)])


def test_without_noding_crossing_lines_do_not_connect_by_default():
    net = build_network(frame([ROAD, OVER]), cost="distance", profile=None)
    assert net.n_components == 2 and not net.noded


@pytest.mark.parametrize(
    ("cols", "connected"),
    [
        ({"bridge": [None, "yes"]}, False),  # a bridge over the road
        ({"bridge": ["no", "viaduct"]}, False),
        ({"tunnel": ["", "yes"]}, False),
        ({"layer": [None, 1]}, False),  # missing layer is 0
        ({"layer": ["0", None]}, True),
        ({"bridge": ["yes", "yes"], "layer": [1, 1]}, True),  # one level
        ({"bridge": [None, None]}, True),
        ({}, True),
    ],
)
def test_noding_joins_only_lines_on_one_level(cols, connected):
    net = build_network(frame([ROAD, OVER], **cols), cost="distance", profile=None, node=True)
    assert (net.n_components == 1) is connected
    assert net.noded is connected  # edges meet only at their ends when on one level
    found = cost(net, (0, 0), (100, 100), islands="any")
    assert found == (pytest.approx(200.0) if connected else None)


def test_lines_of_different_levels_still_meet_at_shared_vertices_and_ends():
    road = LineString([(0, 0), (100, 0), (200, 0)])  # a vertex where the ramp starts
    ramp = LineString([(100, 0), (100, 100)])
    beyond = LineString([(100, 100), (300, 100)])  # meets the ramp's end, another level
    net = build_network(
        frame([road, ramp, beyond], bridge=[None, "yes", None], layer=[None, 1, 2]),
        cost="distance",
        profile=None,
        node=True,
    )
    assert net.n_components == 1
    assert cost(net, (0, 0), (300, 100)) == pytest.approx(400.0)
    # the road is split at the ramp's start: 4 edges
    assert net.n_edges == 4


# --- OSM node ids -----------------------------------------------------------------------------
def osm_lines(**over):
    cols = {"node_from": [1, 2, 4], "node_to": [2, 3, 5]}
    cols.update(over)
    geoms = [
        LineString([(0, 0), (100, 0)]),
        LineString([(100, 0), (200, 0)]),
        # passes through node 2's place without sharing it (a bridge in OSM)
        LineString([(100, -50), (100, 0), (100, 50)]),
    ]
    return frame(geoms, **cols)


def test_node_ids_are_the_nodes_and_only_shared_ids_connect(tmp_path):
    clear_cache()
    net = build_network(osm_lines(), cost="distance", profile=None, cache_dir=tmp_path)
    assert sorted(net.node_id.tolist()) == [1, 2, 3, 4, 5]
    xy = dict(zip(net.node_id.tolist(), map(tuple, net.node_xy)))
    assert xy[2] == (100.0, 0.0) and xy[5] == (100.0, 50.0)
    assert net.n_edges == 3 and net.n_components == 2
    assert sorted(zip(net.node_id[net.edge_u].tolist(), net.node_id[net.edge_v].tolist())) == [
        (1, 2),
        (2, 3),
        (4, 5),
    ]
    # kept on disk with the ids
    clear_cache()
    again = build_network(osm_lines(), cost="distance", profile=None, cache_dir=tmp_path)
    assert again.node_id.tolist() == net.node_id.tolist()


def test_a_segment_of_length_zero_joins_its_two_nodes():
    geoms = [
        LineString([(0, 0), (100, 0)]),
        LineString([(100, 0), (100, 0)]),  # two OSM nodes at one place
        LineString([(100, 0), (200, 0)]),
    ]
    net = build_network(
        frame(geoms, node_from=[1, 2, 6], node_to=[2, 6, 3]), cost="distance", profile=None
    )
    assert net.n_nodes == 3 and net.n_components == 1
    assert cost(net, (0, 0), (200, 0)) == pytest.approx(200.0)


def test_equal_ids_at_different_places_are_refused():
    bad = osm_lines(node_from=[1, 2, 4], node_to=[2, 3, 1])  # node 1 at (0,0) and (100,50)
    with pytest.raises(DataError, match=r"node id 1 .*rows 0, 2"):
        build_network(bad, cost="distance", profile=None)


def test_lines_without_ids_are_joined_by_coordinates_with_a_note():
    lines = pd.concat(
        [
            osm_lines(),
            frame([LineString([(200, 0), (300, 0)])], node_from=[None], node_to=[None]),
        ],
        ignore_index=True,
    )
    net = build_network(lines, cost="distance", profile=None)
    assert sorted(net.node_id.tolist()) == [-1, 1, 2, 3, 4, 5]
    assert cost(net, (0, 0), (300, 0)) == pytest.approx(300.0)
    assert any("1 lines of the network layer have no OSM node ids" in n for n in net.notes)


# --- loop edges -------------------------------------------------------------------------------
LOOP = LineString([(0, 0), (100, 0), (100, 100), (0, 100), (0, 0)])  # 400 m, from and to (0, 0)
STEM = LineString([(0, 0), (-100, 0)])


def loop_network(cost="distance", profile=None):
    return build_network(frame([LOOP, STEM]), cost=cost, profile=profile)


def test_a_loop_edge_has_one_node():
    net = loop_network(cost="distance")
    loop = np.flatnonzero(net.edge_u == net.edge_v)
    assert len(loop) == 1 and net.length[loop[0]] == pytest.approx(400.0)


def test_a_point_on_a_loop_edge_reaches_its_node_the_shorter_way():
    net = loop_network(cost="distance")
    # 100 m back to (0, 0), not 100 + 300 (both halves added); then 50 m on the stem
    assert cost(net, (100, 0), (-50, 0)) == pytest.approx(150.0)
    assert cost(net, (-50, 0), (100, 0)) == pytest.approx(150.0)
    snapped = snap_points(net, pts([(100, 0)]))
    graph, src = with_sources(net, snapped)
    node = net.edge_u[snapped.edge[0]]
    assert graph[src[0], node] == pytest.approx(100.0)


def test_loop_edge_on_foot_costs_the_shorter_half_in_minutes():
    net = loop_network(cost="time", profile="walk")  # 75 m/min
    assert cost(net, (100, 0), (0, 0)) == pytest.approx(100 / 75)


def test_catchment_on_a_loop_edge_goes_both_ways_round():
    net = loop_network(cost="distance")
    # offer on the loop: 150 m ahead, 100 m back to the node, then 50 m on along the loop
    # from its other end and 50 m on the stem
    res = network_catchments(net, pts([(100, 0)], offer_id=["a"]), breaks=[150], walkoff=5)
    assert res.lines.length.sum() == pytest.approx(350.0)
    # offer on the stem: the loop is reached at its node from both ends, 100 m each
    res = network_catchments(net, pts([(-50, 0)], offer_id=["a"]), breaks=[150], walkoff=5)
    assert res.lines.length.sum() == pytest.approx(300.0)


# --- islands ----------------------------------------------------------------------------------
def island_network():
    return build_network(
        frame(
            [
                LineString([(0, 0), (500, 0)]),
                LineString([(500, 0), (1000, 0)]),  # main part: 3 nodes
                LineString([(0, 500), (100, 500)]),  # 100 m far from the main part
                LineString([(600, 60), (662, 60)]),  # 62 m close to it
            ]
        ),
        cost="distance",
        profile=None,
    )


ISLAND_POINTS = [(500, 10), (50, 520), (5000, 5000), (630, 50)]
LABELS = pd.Series(["a", "b", "c", "d"])


def test_network_parts_note_says_what_they_mean():
    net = island_network()
    assert net.n_components == 3 and net.part_length[net.main_component] == 1000.0
    note = " ".join(net.notes)
    assert "3 parts that are not connected" in note
    assert "main part holds 86.1 %" in note and "at most 100 m long" in note


def test_points_snap_to_the_main_part_by_default():
    net = island_network()
    snapped = snap_points(net, pts(ISLAND_POINTS), snap_distance=100, labels=LABELS)
    assert snapped.position.tolist() == [0, 3]
    assert snapped.distance.tolist() == pytest.approx([10.0, 50.0])  # d: to the main part
    assert set(net.component[net.edge_u[snapped.edge]]) == {net.main_component}
    un = snapped.unroutable
    assert un.index.tolist() == [1, 2]
    assert un["reason"].tolist() == [REASON_SMALL_PART, REASON_FAR]
    assert un["snap_dist_m"].tolist() == pytest.approx([20.0, np.hypot(4000, 5000)], abs=0.1)
    small = [n for n in snapped.notes if n.template == SMALL_PART_NOTE]
    assert len(small) == 1 and small[0].endswith("not routed: b.")
    assert any("snapped to the main part: d." in n for n in snapped.notes)


def test_points_snap_to_any_part_when_allowed_and_are_named_with_its_size():
    net = island_network()
    snapped = snap_points(net, pts(ISLAND_POINTS), snap_distance=100, labels=LABELS, islands="any")
    assert snapped.position.tolist() == [0, 1, 3]
    assert snapped.distance.tolist() == pytest.approx([10.0, 20.0, 10.0])
    assert snapped.unroutable["reason"].tolist() == [REASON_FAR]
    assert any(n.endswith("(its length in brackets): b (100 m), d (62 m).") for n in snapped.notes)


def test_notes_name_the_first_ten_points_then_an_ellipsis():
    net = island_network()
    many = pts([(x, 510) for x in range(12)])
    snapped = snap_points(net, many, snap_distance=100)
    note = next(n for n in snapped.notes if n.template == SMALL_PART_NOTE)
    assert note.endswith("not routed: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, ….")
    with pytest.raises(ParameterError, match="'all'"):
        snap_points(net, many, islands="all")


# --- multipoints ------------------------------------------------------------------------------
def test_every_point_of_a_multipoint_is_snapped_and_the_cheapest_counts():
    net = build_network(frame([LineString([(0, 0), (1000, 0)])]), cost="distance", profile=None)
    origins = pts([MultiPoint([(100, 0), (900, 0)]), (500, 0)])
    dests = pts([(800, 0), MultiPoint([(0, 0), (950, 0)])])
    snapped = snap_points(net, origins)
    assert snapped.position.tolist() == [0, 0, 1] and snapped.part.tolist() == [0, 1, 0]
    table = od_costs(net, origins, dests, max_cost=10_000).table
    got = {(o, d): c for o, d, c in table.itertuples(index=False)}
    assert got == pytest.approx({(0, 0): 100.0, (0, 1): 50.0, (1, 0): 300.0, (1, 1): 450.0})


def test_multipoint_parts_far_from_the_network_are_left_out_with_a_note():
    net = build_network(frame([LineString([(0, 0), (1000, 0)])]), cost="distance", profile=None)
    snapped = snap_points(net, pts([MultiPoint([(100, 0), (100, 900)])]), snap_distance=100)
    assert snapped.position.tolist() == [0] and len(snapped.unroutable) == 0
    assert any("1 points of multipoint features" in n for n in snapped.notes)
    far = snap_points(net, pts([MultiPoint([(100, 500), (100, 900)])]), snap_distance=100)
    assert len(far.position) == 0 and far.unroutable["snap_dist_m"].tolist() == [500.0]


# --- the reversed network ---------------------------------------------------------------------
def test_reversed_network_gives_the_transposed_costs():
    ring = [  # one-way, counter-clockwise
        LineString([(0, 0), (100, 0)]),
        LineString([(100, 0), (100, 100)]),
        LineString([(100, 100), (0, 100)]),
        LineString([(0, 100), (0, 0)]),
    ]
    net = build_network(
        frame(ring, dir=["1"] * 4), cost="distance", profile=None, direction_field="dir"
    )
    places = pts([(0, 0), (100, 0), (100, 50), (20, 100)])
    back = net.reversed()
    assert back is net.reversed() and back.reversed() is net
    forward = od_costs(net, places, places, max_cost=1000).table
    reverse = od_costs(back, places, places, max_cost=1000).table
    matrix = forward.pivot(index="origin", columns="destination", values="cost")
    rmatrix = reverse.pivot(index="origin", columns="destination", values="cost")
    assert matrix.loc[0, 1] == pytest.approx(100.0) and matrix.loc[1, 0] == pytest.approx(300.0)
    np.testing.assert_allclose(rmatrix.to_numpy(), matrix.T.to_numpy())


def test_a_network_without_one_way_edges_is_its_own_reverse():
    two_way = build_network(frame([LineString([(0, 0), (100, 0)])]), cost="distance", profile=None)
    assert two_way.reversed() is two_way
    one_way = build_network(
        frame([LineString([(0, 0), (100, 0)])], dir=["1"]),
        cost="distance",
        profile=None,
        direction_field="dir",
    )
    assert one_way.reversed() is not one_way
