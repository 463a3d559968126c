"""geolib.network: building, snapping and od_costs on hand-built networks with known answers."""

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, MultiLineString, Point

from geolib.errors import CRSError, DataError, EmptyInputError, FieldError, ResourceError
from geolib.network import (
    Network,
    build_network,
    cache_info,
    clear_cache,
    od_costs,
    read_osm_lines,
    snap_points,
)
from geolib.routing import REASON_SMALL_PART
from tests.conftest import DATA


def frame(lines, crs=25832, **cols):
    return gpd.GeoDataFrame(cols, geometry=list(lines), crs=crs)


def pts(coords, crs=25832):
    return gpd.GeoDataFrame(geometry=[Point(c) for c in coords], crs=crs)


def test_walk_time_cost_is_length_over_speed():
    net = build_network(frame([LineString([(0, 0), (450, 0)])]), cost="time", profile="walk")
    # 450 m at 4.5 km/h = 75 m/min → 6 min
    assert net.cost_fw.tolist() == pytest.approx([6.0])
    assert net.unit == "min" and net.n_nodes == 2


def test_crossing_lines_are_noded_and_routable_across():
    cross = frame([LineString([(0, 0), (200, 0)]), LineString([(100, -100), (100, 100)])])
    net = build_network(cross, cost="distance", profile=None, node=True)
    assert net.n_edges == 4 and net.n_nodes == 5
    od = od_costs(net, pts([(0, 0)]), pts([(100, 100)]), max_cost=1000)
    assert od.table["cost"].tolist() == pytest.approx([200.0])
    unnoded = build_network(cross, cost="distance", profile=None)  # the default
    assert unnoded.n_components == 2
    assert "2 parts that are not connected" in " ".join(unnoded.notes)
    assert "main part holds 50.0 %" in " ".join(unnoded.notes)


def test_endpoints_within_snap_tolerance_are_joined():
    gap = frame([LineString([(0, 0), (100, 0)]), LineString([(100.3, 0), (200, 0)])])
    assert build_network(gap, cost="distance", profile=None, snap_tolerance=0.5).n_components == 1
    assert build_network(gap, cost="distance", profile=None, snap_tolerance=0.1).n_components == 2


def test_direction_field_like_qgis_forward_backward_both():
    lines = frame(
        [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (200, 0)])], dir=["1", "-1"]
    )
    net = build_network(lines, cost="distance", profile=None, direction_field="dir")
    a, b, c = pts([(0, 0)]), pts([(100, 0)]), pts([(200, 0)])
    assert len(od_costs(net, a, b, max_cost=1000).table) == 1  # along the first
    assert len(od_costs(net, b, a, max_cost=1000).table) == 0  # against the first
    assert len(od_costs(net, c, b, max_cost=1000).table) == 1  # the second only backwards
    assert len(od_costs(net, b, c, max_cost=1000).table) == 0


def test_osm_oneway_respected_by_car_and_ignored_on_foot():
    lines = frame([LineString([(0, 0), (100, 0)])], highway=["residential"], oneway=["yes"])
    a, b = pts([(0, 0)]), pts([(100, 0)])
    car = build_network(lines, cost="time", profile="car")
    assert car.cost_fw[0] == pytest.approx(100 / (30 * 1000 / 60))
    assert np.isinf(car.cost_bw[0])
    assert len(od_costs(car, b, a, max_cost=100).table) == 0
    walk = build_network(lines, cost="time", profile="walk")
    assert len(od_costs(walk, b, a, max_cost=100).table) == 1


def test_motorways_are_closed_on_foot_with_a_note():
    lines = frame(
        [LineString([(0, 0), (100, 0)]), LineString([(0, 10), (100, 10)])],
        highway=["motorway", "residential"],
    )
    net = build_network(lines, cost="time", profile="walk")
    assert net.n_edges == 1
    assert any("not usable" in n for n in net.notes)


def test_snapping_splits_the_edge_at_the_nearest_point():
    net = build_network(frame([LineString([(0, 0), (1000, 0)])]), cost="distance", profile=None)
    snapped = snap_points(net, pts([(250, 40), (800, 300)]), snap_distance=100)
    assert snapped.fraction.tolist() == pytest.approx([0.25])
    assert snapped.distance.tolist() == pytest.approx([40.0])
    assert snapped.unroutable["snap_dist_m"].tolist() == pytest.approx([300.0])
    assert snapped.unroutable["reason"].iloc[0].startswith("farther than")


def test_od_costs_on_a_ring_take_the_shorter_way_and_respect_max_cost():
    ring = frame(
        [
            LineString([(0, 0), (1000, 0)]),
            LineString([(1000, 0), (1000, 1000)]),
            LineString([(1000, 1000), (0, 1000)]),
            LineString([(0, 1000), (0, 0)]),
        ]
    )
    net = build_network(ring, cost="distance", profile=None)
    origins = pts([(100, 0)])
    dests = pts([(900, 0), (0, 900), (500, 1000)])
    od = od_costs(net, origins, dests, max_cost=1000)
    assert od.table["destination"].tolist() == [0, 1]
    assert od.table["cost"].tolist() == pytest.approx([800.0, 1000.0])
    assert od.table["origin"].tolist() == [0, 0]
    # 1,600 m to the far side
    assert od_costs(net, origins, dests, max_cost=5000).table["cost"].iloc[2] == pytest.approx(
        1600.0
    )
    assert set(od.table.columns) == {"origin", "destination", "cost"}


def test_od_costs_reports_unroutable_points_with_reason():
    net = build_network(frame([LineString([(0, 0), (100, 0)])]), cost="distance", profile=None)
    od = od_costs(net, pts([(0, 0), (0, 5000)]), pts([(50, 0)]), max_cost=500, snap_distance=50)
    assert od.table["origin"].tolist() == [0]
    assert len(od.unroutable_origins) == 1 and "reason" in od.unroutable_origins
    assert len(od.unroutable_destinations) == 0
    assert od.notes


def test_geographic_lines_are_reprojected_with_a_note():
    lines = frame([LineString([(9.70, 53.58), (9.71, 53.58)])], crs=4326)
    net = build_network(lines, cost="distance", profile=None)
    assert net.crs.to_epsg() == 25832
    assert 600 < net.length[0] < 700
    assert any("reprojected" in n for n in net.notes)


def test_single_lines_and_multipart_layers_give_the_same_network_after_reprojection():
    # all single 2D lines go by flat coordinate arrays (reprojected with pyproj on x/y,
    # ends and lengths from the arrays); a multipart row sends the layer the general way
    # (GeoSeries.to_crs, shapely parts): both must give the same edges, nodes and costs
    rng = np.random.default_rng(3)
    lon, lat = 9.70 + rng.uniform(0, 0.02, (40, 3)), 53.58 + rng.uniform(0, 0.01, (40, 3))
    lines = [LineString(np.column_stack([x, y])) for x, y in zip(lon, lat)]
    lines += [LineString([lines[0].coords[-1], lines[1].coords[0]])]  # shared ends
    single = build_network(frame(lines, crs=4326), cost="distance", profile=None)
    multi = [*lines[:-1], MultiLineString([lines[-1]])]
    general = build_network(frame(multi, crs=4326), cost="distance", profile=None)
    assert single.crs == general.crs and single.crs.to_epsg() == 25832
    assert np.array_equal(single.edge_u, general.edge_u)
    assert np.array_equal(single.edge_v, general.edge_v)
    assert np.allclose(single.node_xy, general.node_xy, rtol=0, atol=1e-9)
    assert np.allclose(single.length, general.length, rtol=1e-12)
    assert np.allclose(single.graph.toarray(), general.graph.toarray(), rtol=1e-12)
    expected = shapely.length(gpd.GeoSeries(lines, crs=4326).to_crs(25832).values)
    assert np.allclose(np.sort(single.length), np.sort(expected), rtol=1e-12)


def test_parallel_edges_keep_the_cheapest_arc_each_way():
    lines = frame(
        [
            LineString([(0, 0), (100, 0)]),  # one-way a -> b, 100 m
            LineString([(0, 0), (50, 30), (100, 0)]),  # both ways, 116.6 m
            LineString([(100, 0), (50, -10), (0, 0)]),  # one-way b -> a, 102.0 m
        ],
        oneway=["yes", "no", "yes"],
    )
    net = build_network(lines, cost="distance", profile="bike")
    a, b = net.edge_u[0], net.edge_v[0]
    assert net.graph.nnz == 2
    assert net.graph[a, b] == pytest.approx(100.0)
    assert net.graph[b, a] == pytest.approx(2 * np.hypot(50, 10))


def test_missing_crs_is_refused():
    with pytest.raises(CRSError, match="no coordinate reference system"):
        build_network(
            frame([LineString([(0, 0), (1, 0)])], crs=None), cost="distance", profile=None
        )


def test_empty_network_is_refused():
    with pytest.raises(EmptyInputError, match="no lines to route on"):
        build_network(frame([]), cost="distance", profile=None)


@pytest.mark.parametrize("bad", [0, -5, None])
def test_zero_negative_or_missing_speeds_name_the_rows(bad):
    lines = frame(
        [LineString([(0, 0), (100, 0)]), LineString([(100, 0), (200, 0)])], kmh=[10.0, bad]
    )
    with pytest.raises(DataError, match=r"speed field 'kmh'.*rows 2"):
        build_network(lines, cost="time", profile=None, speed_field="kmh")


def test_speed_field_sets_time():
    lines = frame([LineString([(0, 0), (1000, 0)])], kmh=[60.0])
    net = build_network(lines, cost="time", profile=None, speed_field="kmh")
    assert net.cost_fw[0] == pytest.approx(1.0)


def test_multipart_and_3d_lines_are_split_and_flattened_with_notes():
    lines = frame(
        [
            MultiLineString([[(0, 0, 5), (100, 0, 6)], [(100, 0, 6), (100, 100, 7)]]),
            LineString([(100, 100, 7), (0, 100, 8)]),
        ]
    )
    net = build_network(lines, cost="distance", profile=None)
    assert net.n_edges == 3 and net.n_components == 1
    text = " ".join(net.notes)
    assert "3D" in text and "multipart" in text
    od = od_costs(net, pts([(0, 0)]), pts([(0, 100)]), max_cost=1000)
    assert od.table["cost"].tolist() == pytest.approx([300.0])


def test_network_in_several_parts_is_reported_and_each_part_works():
    lines = frame([LineString([(0, 0), (100, 0)]), LineString([(0, 500), (100, 500)])])
    net = build_network(lines, cost="distance", profile=None)
    assert net.n_components == 2
    a, b = pts([(0, 0), (0, 500)]), pts([(100, 0), (100, 500)])
    od = od_costs(net, a, b, max_cost=1000, islands="any")
    assert od.table[["origin", "destination"]].values.tolist() == [[0, 0], [1, 1]]
    # by default only the main part (a tie: the first) is snapped to
    od = od_costs(net, a, b, max_cost=1000)
    assert od.table[["origin", "destination"]].values.tolist() == [[0, 0]]
    assert od.unroutable_origins["reason"].tolist() == [REASON_SMALL_PART]


def test_second_build_is_reused_from_the_cache():
    clear_cache()
    lines = frame([LineString([(0, 0), (100, 0)])])
    first = build_network(lines, cost="distance", profile=None)
    hits = cache_info()["hits"]
    assert build_network(lines.copy(), cost="distance", profile=None) is first
    assert cache_info()["hits"] == hits + 1
    assert build_network(lines, cost="time", profile="walk") is not first
    changed = frame([LineString([(0, 0), (101, 0)])])
    assert build_network(changed, cost="distance", profile=None) is not first


def test_oversized_cost_table_is_refused_with_its_size():
    net = build_network(frame([LineString([(0, 0), (1000, 0)])]), cost="distance", profile=None)
    many = pts([(x % 1000, 0) for x in range(3000)])
    with pytest.raises(ResourceError, match=r"would need about [\d.,]+ MB"):
        od_costs(net, many, many, max_cost=10, memory_limit=50 * 1024**2)


def test_read_osm_lines_from_pbf_and_gz_builds_car_network():
    pytest.importorskip("osmium", reason="python3-pyosmium is not installed")
    pbf = read_osm_lines(DATA / "osm" / "andorra.osm.pbf")
    assert {"highway", "oneway"} <= set(pbf.columns) and pbf["highway"].notna().all()
    gz = read_osm_lines(DATA / "osm" / "north-bayreuth.osm.gz")
    assert len(gz) > 1000
    net = build_network(pbf, cost="time", profile="car")
    assert isinstance(net, Network) and net.n_edges > 1000
    assert net.crs.is_projected
    assert np.isinf(net.cost_bw).any()  # some one-way streets


# --- properties of od_costs on random points of a grid -------------------------------------

_coords = st.tuples(st.floats(0, 400), st.floats(0, 400))


def _grid_network():
    geoms = []
    for i in range(5):
        geoms.append(LineString([(0, i * 100), (400, i * 100)]))
        geoms.append(LineString([(i * 100, 0), (i * 100, 400)]))
    return build_network(frame(geoms), cost="distance", profile=None, node=True)


@settings(max_examples=25, deadline=None)
@given(points=st.lists(_coords, min_size=2, max_size=6))
def test_od_costs_symmetric_at_least_straight_line_and_triangle(points):
    net = _grid_network()
    p = pts(points)
    table = od_costs(net, p, p, max_cost=10_000, snap_distance=100).table
    cost = {(o, d): c for o, d, c in table.itertuples(index=False)}
    n = len(points)
    assert len(cost) == n * n  # a connected grid: every pair is routable
    snapped = snap_points(net, p, snap_distance=100)
    on_net = shapely.line_interpolate_point(
        net.geometry[snapped.edge], snapped.fraction, normalized=True
    )
    for a in range(n):
        assert cost[(a, a)] == pytest.approx(0.0, abs=1e-6)
        for b in range(n):
            assert cost[(a, b)] == pytest.approx(cost[(b, a)], abs=1e-6)
            # at least the straight line between the snapped places; at most the Manhattan way
            straight = shapely.distance(on_net[a], on_net[b])
            assert cost[(a, b)] >= straight - 1e-6
            for c in range(n):
                assert cost[(a, c)] <= cost[(a, b)] + cost[(b, c)] + 1e-6
    # max_cost leaves out exactly the pairs beyond it
    limit = float(np.median(list(cost.values()))) + 0.5
    bounded = od_costs(net, p, p, max_cost=limit, snap_distance=100).table
    assert len(bounded) == sum(1 for v in cost.values() if v <= limit)


def test_cache_key_changes_with_the_fields_that_shape_the_network():
    clear_cache()
    lines = frame([LineString([(0, 0), (100, 0)])], kmh=[10.0], name=["a"])
    first = build_network(lines, cost="time", profile=None, speed_field="kmh")
    renamed = lines.assign(name=["b"])  # a field the network does not use
    assert build_network(renamed, cost="time", profile=None, speed_field="kmh") is first
    faster = lines.assign(kmh=[20.0])
    rebuilt = build_network(faster, cost="time", profile=None, speed_field="kmh")
    assert rebuilt is not first and rebuilt.cost_fw[0] == pytest.approx(first.cost_fw[0] / 2)


def test_network_kept_on_disk_is_reused_by_another_process(tmp_path):
    """What a second ``qgis_process`` run sees: a new process finds the built network."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(
        """
        import sys
        import geopandas as gpd
        from shapely.geometry import LineString
        from geolib.network import build_network, cache_info
        lines = gpd.GeoDataFrame(
            geometry=[LineString([(0, 0), (100, 0)]), LineString([(100, 0), (100, 50)])],
            crs=25832,
        )
        net = build_network(lines, cost="time", profile="walk", cache_dir=sys.argv[1])
        print(cache_info()["disk_hits"], cache_info()["builds"], net.n_edges,
              round(float(net.cost_fw.sum()), 6))
        """
    )
    root = str(Path(__file__).resolve().parents[2])

    def run():
        out = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "cache")],
            capture_output=True,
            text=True,
            cwd=root,
            check=True,
        )
        return out.stdout.split()

    first, second = run(), run()
    assert first[:2] == ["0", "1"]  # built
    assert second[:2] == ["1", "0"]  # read from the folder, not built
    assert first[2:] == second[2:]
    files = list((tmp_path / "cache").glob("*.network"))
    assert len(files) == 1
    # a damaged file is built again, silently
    files[0].write_bytes(b"not a network")
    assert run()[:2] == ["0", "1"]


def test_disk_cache_keeps_at_most_its_number_of_files(tmp_path, monkeypatch):
    import geolib._network_cache as cache
    import geolib.network as network

    monkeypatch.setattr(cache, "DISK_CACHE_FILES", 2)
    for i in range(4):
        lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (100 + i, 0)])], crs=25832)
        network.build_network(lines, cost="distance", profile=None, cache_dir=tmp_path)
    cache.wait_for_saves()  # they are written by a thread of their own
    assert len(list(tmp_path.glob("*.network"))) == 2
    assert not list(tmp_path.glob("*.part"))


def test_a_cache_folder_that_cannot_be_written_is_skipped(tmp_path):
    import geolib.network as network

    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    lines = gpd.GeoDataFrame(geometry=[LineString([(0, 0), (123, 0)])], crs=25832)
    net = network.build_network(lines, cost="distance", profile=None, cache_dir=blocked / "x")
    assert net.n_edges == 1


@pytest.mark.parametrize("option", ["speed_field", "direction_field"])
def test_a_missing_field_is_named_with_the_fields_there_are(option):
    lines = gpd.GeoDataFrame({"name": ["a"]}, geometry=[LineString([(0, 0), (100, 0)])], crs=25832)
    with pytest.raises(FieldError) as err:
        build_network(lines, cost="time", profile="walk", **{option: "tempo"})
    assert "no field 'tempo'" in str(err.value) and "name" in str(err.value)


def test_disk_cache_keeps_the_geometries_exactly(tmp_path):
    import geolib._network_cache as cache
    import geolib.network as network

    geoms = [
        LineString([(0.1, 0.2), (100.30000000000001, 0.0), (100.3, 50.7)]),
        LineString([(100.3, 50.7), (7e5 + 1e-9, 6e6)]),
    ]
    lines = gpd.GeoDataFrame(geometry=geoms, crs=25832)
    built = network.build_network(lines, cost="distance", profile=None, cache_dir=tmp_path)
    cache.wait_for_saves()
    network.clear_cache()
    before = cache_info()["disk_hits"]
    kept = network.build_network(lines, cost="distance", profile=None, cache_dir=tmp_path)
    assert cache_info()["disk_hits"] == before + 1
    assert kept is not built
    assert shapely.equals_exact(kept.geometry, built.geometry, tolerance=0).all()
    assert (shapely.get_num_coordinates(kept.geometry) == [3, 2]).all()
