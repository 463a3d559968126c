"""The KD-tree and cost bound a network keeps for its searches stay in memory: the disk
cache never writes them, and files written before they existed load and build them."""

import pickle
from dataclasses import replace

import geopandas as gpd
import numpy as np
import shapely

import geolib._network_cache as cache
from geolib.bounded_search import cost_per_metre
from geolib.network import build_network, clear_cache


def _lines():
    steps = [(x, y) for x in range(0, 1000, 100) for y in range(0, 1000, 100)]
    lines = [shapely.LineString([(x, y), (x + 100, y)]) for x, y in steps]
    lines += [shapely.LineString([(x, y), (x, y + 100)]) for x, y in steps]
    return gpd.GeoDataFrame(geometry=lines, crs=25832)


def _raw(path):
    with open(path, "rb") as fh:
        return pickle.load(fh)


def test_the_disk_cache_writes_no_tree_and_no_bound(tmp_path):
    clear_cache()
    net = build_network(_lines(), cost="time", profile="walk", cache_dir=tmp_path)
    net.node_tree()  # built while the network is being written
    net.cost_bound()
    cache.wait_for_saves()
    (path,) = tmp_path.glob("*.network")
    assert _raw(path)._kdtree is None and _raw(path)._cost_bound is None
    cache._save_to_disk(tmp_path, net.fingerprint, net)  # written after they were built
    assert _raw(path)._kdtree is None and _raw(path)._cost_bound is None
    assert net._kdtree is not None and net._cost_bound is not None  # still kept in memory
    loaded = cache._load_from_disk(tmp_path, net.fingerprint)
    assert loaded is not None and loaded is not net and loaded._kdtree is None
    assert loaded.cost_bound() == net.cost_bound() == cost_per_metre(net.graph, net.node_xy)
    near = loaded.node_tree().query_ball_point([450.0, 450.0], 120.0)
    assert sorted(near) == sorted(net.node_tree().query_ball_point([450.0, 450.0], 120.0))
    assert len(near) == 4


def test_a_file_written_before_the_tree_was_kept_loads_and_builds_it(tmp_path):
    clear_cache()
    net = build_network(_lines(), cost="distance", profile=None)
    lean = replace(net, geometry=cache._geometries_kept(net.geometry), _reversed=None)
    del lean.__dict__["_kdtree"], lean.__dict__["_cost_bound"]  # as format 5 wrote them
    with open(tmp_path / cache._disk_key(net.fingerprint), "wb") as fh:
        pickle.dump(lean, fh, protocol=pickle.HIGHEST_PROTOCOL)
    loaded = cache._load_from_disk(tmp_path, net.fingerprint)
    assert loaded is not None and "_kdtree" not in loaded.__dict__
    assert loaded._kdtree is None and loaded._cost_bound is None
    assert loaded.cost_bound() == 1.0  # metres: one per metre
    assert loaded.node_tree().n == net.n_nodes == 120
    assert np.array_equal(loaded.node_tree().data, net.node_xy)
