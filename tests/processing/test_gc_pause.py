"""Reading a layer runs without Python's cyclic garbage collector, which comes back after."""

import gc
import threading

import geopandas as gpd
import numpy as np
import pytest
import shapely
from qgis.core import QgsVectorLayer

from processing_algorithms import bridge
from processing_algorithms.gc_pause import paused_gc


@pytest.fixture
def collector_runs():
    """The generations of the collections that run while the test's block runs."""
    seen: list[int] = []

    def record(phase, info):
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(record)
    try:
        yield seen
    finally:
        gc.callbacks.remove(record)


@pytest.fixture(scope="module")
def points_layer(tmp_path_factory):
    xy = np.random.default_rng(3).uniform(0, 10_000, (30_000, 2))
    path = tmp_path_factory.mktemp("gc") / "points.gpkg"
    gpd.GeoDataFrame({"n": np.arange(len(xy))}, geometry=shapely.points(xy), crs=25832).to_file(
        path
    )
    layer = QgsVectorLayer(str(path), "points", "ogr")
    assert layer.isValid()
    return layer


@pytest.mark.parametrize("read", ["layer_to_gdf", "source_to_gdf"])
def test_reading_many_geometries_runs_no_collection(points_layer, collector_runs, read):
    assert gc.isenabled()
    frame = getattr(bridge, read)(points_layer)
    during = list(collector_runs)
    assert len(frame) == 30_000 and frame.geometry.notna().all()
    # 30,000 new geometries would start the collector dozens of times (every 700 new
    # objects); paused, it runs once, for all of them, when it comes back at the end
    assert len(during) <= 1
    assert gc.isenabled()
    gc.collect()
    assert collector_runs  # the recorder itself works


def test_a_collector_switched_off_before_stays_off(points_layer):
    gc.disable()
    try:
        bridge.layer_to_gdf(points_layer)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_after_an_error():
    inside: list[bool] = []

    def fail():
        with paused_gc():
            inside.append(gc.isenabled())
            raise ValueError("inside")

    with pytest.raises(ValueError, match="inside"):
        fail()
    assert inside == [False]
    assert gc.isenabled()


def test_overlapping_blocks_in_two_threads_leave_it_on_after_the_last():
    entered, leave_first = threading.Event(), threading.Event()
    states: list[bool] = []

    def first():
        with paused_gc():
            entered.set()
            leave_first.wait(10)
        states.append(gc.isenabled())  # the main thread's block is still open

    thread = threading.Thread(target=first)
    thread.start()
    assert entered.wait(10)
    with paused_gc():
        leave_first.set()
        thread.join(10)
        assert not gc.isenabled()
    assert states == [False]
    assert gc.isenabled()
