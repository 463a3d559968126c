"""The spatial index of a GeoPackage layer filled with pyogrio, built in bulk
(processing_algorithms.gpkg_rtree): the same boxes, triggers and extension row as the
row-by-row index of QGIS's feature sink, a tree SQLite accepts, spatial filters in
QGIS that find the right features, and edits afterwards that keep it consistent."""

import sqlite3

import geopandas as gpd
import numpy as np
import pytest
import shapely
from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsRectangle, QgsVectorLayer

from processing_algorithms import gpkg_rtree
from tests.processing.test_bridge import _gpkg_both_ways, _raw_rows


def _lines(n, seed=1):
    rng = np.random.default_rng(seed)
    start = rng.uniform(-5000, 5000, (n, 2))
    end = start + rng.normal(0, 40, (n, 2))
    return gpd.GeoDataFrame(
        {"offer_id": [f"o{i % 7}" for i in range(n)], "from_m": rng.uniform(0, 750, n)},
        geometry=shapely.linestrings(np.stack([start, end], axis=1)),
        crs=25832,
    )


def _index_state(path, table):
    con = sqlite3.connect(path)
    try:
        rtree = f"rtree_{table}_geom"
        return {
            "check": con.execute(f"SELECT rtreecheck('{rtree}')").fetchone()[0],
            "boxes": con.execute(f'SELECT * FROM "{rtree}" ORDER BY id').fetchall(),
            # the triggers as written for this table (its name replaced to compare)
            "triggers": sorted(
                sql.replace(table, "t")
                for (sql,) in con.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                    (table,),
                )
            ),
            "extensions": con.execute(
                "SELECT rowid, column_name, extension_name, definition, scope FROM gpkg_extensions"
            ).fetchall(),
        }
    finally:
        con.close()


def _in_rect(gdf, rect):
    b = shapely.bounds(gdf.geometry.values)
    hit = (b[:, 2] >= rect[0]) & (b[:, 0] <= rect[2]) & (b[:, 3] >= rect[1]) & (b[:, 1] <= rect[3])
    return set((np.flatnonzero(hit) + 1).tolist())  # fids count from 1


# one leaf as the root; two leaves; a full root of leaves and one more; three levels
@pytest.mark.parametrize("n", [1, 51, 52, 2602, 20000])
def test_bulk_index_equals_the_row_by_row_index(tmp_path, n):
    gdf = _lines(n)
    fast, slow_path, fast_path = _gpkg_both_ways(gdf, tmp_path)
    assert fast
    assert _raw_rows(slow_path, "slow") == _raw_rows(fast_path, "fast")
    slow, quick = _index_state(slow_path, "slow"), _index_state(fast_path, "fast")
    assert quick["check"] == "ok" and slow["check"] == "ok"
    assert len(quick["boxes"]) == n
    assert quick["boxes"] == slow["boxes"]  # SQLite's float rounding, every fid
    assert quick["triggers"] == slow["triggers"] and len(quick["triggers"]) >= 7
    assert quick["extensions"] == slow["extensions"]
    layer = QgsVectorLayer(fast_path, "fast", "ogr")
    assert layer.isValid() and layer.featureCount() == n
    for rect in [(-1000, -1000, 1500, 400), (4900, 4900, 6000, 6000), (0, 0, 1, 1)]:
        request = QgsFeatureRequest().setFilterRect(QgsRectangle(*rect))
        found = {f.id() for f in layer.getFeatures(request)}
        assert found == _in_rect(gdf, rect)


def test_the_bulk_index_takes_edits_afterwards(tmp_path):
    gdf = _lines(3000, seed=2)
    fast, _, fast_path = _gpkg_both_ways(gdf, tmp_path)
    assert fast
    layer = QgsVectorLayer(fast_path, "fast", "ogr")
    provider = layer.dataProvider()
    feature = QgsFeature(layer.fields())
    feature.setAttributes([None, "new", 1.0])
    feature.setGeometry(QgsGeometry.fromWkt("LineString (9000 9000, 9010 9010)"))
    assert provider.addFeatures([feature])[0]
    assert provider.deleteFeatures([5, 6, 7])
    del provider, layer  # closed: the triggers have updated the index
    state = _index_state(fast_path, "fast")
    assert state["check"] == "ok" and len(state["boxes"]) == 3000 + 1 - 3
    ids = {box[0] for box in state["boxes"]}
    assert not ids & {5, 6, 7} and 3001 in ids
    layer = QgsVectorLayer(fast_path, "fast", "ogr")
    found = {f.id() for f in layer.getFeatures(QgsRectangle(8999, 8999, 9001, 9001))}
    assert found == {3001}


def test_sqlite_inserts_the_boxes_when_the_nodes_cannot_be_written(tmp_path, monkeypatch):
    def refuse(*args):
        raise sqlite3.OperationalError("table may not be modified")

    monkeypatch.setattr(gpkg_rtree, "_write_tree", refuse)
    gdf = _lines(500, seed=3)
    fast, slow_path, fast_path = _gpkg_both_ways(gdf, tmp_path)
    assert fast
    slow, quick = _index_state(slow_path, "slow"), _index_state(fast_path, "fast")
    assert quick == {**slow, "check": "ok"} and slow["check"] == "ok"


def test_a_layer_without_the_usual_index_is_left_alone(tmp_path):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    from processing_algorithms import bridge

    gdf = _lines(10)
    path = str(tmp_path / "t.gpkg")
    writer = QgsVectorFileWriter.create(
        path,
        bridge.fields_from_frame(gdf),
        bridge.wkb_type_of(gdf),
        bridge.crs_from_gdf(gdf),
        QgsCoordinateTransformContext(),
        QgsVectorFileWriter.SaveVectorOptions(),
    )
    del writer
    con = sqlite3.connect(path)
    con.execute("DELETE FROM gpkg_extensions")  # an index GDAL would not maintain
    con.commit()
    con.close()
    before = _index_state(path, "t")
    with gpkg_rtree.bulk_index(path, "t", "geom", shapely.bounds(gdf.geometry.values)):
        assert _index_state(path, "t") == before  # nothing set aside
    assert _index_state(path, "t") == before
