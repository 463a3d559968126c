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
def test_bulk_index_equals_the_row_by_row_index(tmp_path, n, trees_written):
    gdf = _lines(n)
    fast, slow_path, fast_path = _gpkg_both_ways(gdf, tmp_path)
    assert fast and trees_written == ["rtree_fast_geom"]
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


@pytest.fixture
def trees_written(monkeypatch):
    """The R*-trees written in bulk (not left to SQLite), by name."""
    written = []
    write = gpkg_rtree._write_tree

    def spy(con, rtree, ids, bounds):
        write(con, rtree, ids, bounds)
        written.append(rtree)

    monkeypatch.setattr(gpkg_rtree, "_write_tree", spy)
    return written


def test_a_layer_named_with_spaces_quotes_and_umlauts(tmp_path, trees_written):
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter, QgsWkbTypes

    from processing_algorithms import bridge

    gdf = _lines(300, seed=4)
    fields = bridge.fields_from_frame(gdf)
    path = str(tmp_path / 'Erreichte Wege_2024 "ü" 100%.gpkg')
    writer = QgsVectorFileWriter.create(
        path,
        fields,
        QgsWkbTypes.Type.LineString,
        bridge.crs_from_gdf(gdf),
        QgsCoordinateTransformContext(),
        QgsVectorFileWriter.SaveVectorOptions(),
    )
    del writer
    assert bridge.append_to_gpkg(gdf, path, None, fields, QgsWkbTypes.Type.LineString)
    table = 'Erreichte Wege_2024 "ü" 100%'
    assert trees_written == [f"rtree_{table}_geom"]
    con = sqlite3.connect(path)
    try:
        rtree = f"rtree_{table}_geom"
        assert con.execute("SELECT rtreecheck(?)", (rtree,)).fetchone()[0] == "ok"
        quoted = rtree.replace('"', '""')
        assert con.execute(f'SELECT count(*) FROM "{quoted}"').fetchone()[0] == 300
        triggers = con.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree%'"
        ).fetchone()[0]
        assert triggers >= 6
    finally:
        con.close()
    layer = QgsVectorLayer(path, "l", "ogr")
    rect = (-1000, -1000, 1500, 400)
    found = {f.id() for f in layer.getFeatures(QgsRectangle(*rect))}
    assert found == _in_rect(gdf, rect)


def test_row_ids_that_are_not_consecutive_go_in_one_by_one():
    con = sqlite3.connect(":memory:")
    con.execute('CREATE TABLE "t"(fid INTEGER PRIMARY KEY, x)')
    con.executemany('INSERT INTO "t" VALUES (?, 0)', [(3,), (4,), (9,)])
    assert gpkg_rtree._row_ids(con, "t", "fid").tolist() == [3, 4, 9]
    con.execute('CREATE TABLE "r"(rowid INTEGER PRIMARY KEY, nodeno)')
    gpkg_rtree._insert_rowids(con, "r", np.array([9, 3, 4]), np.array([2, 3, 4]))
    gpkg_rtree._insert_rowids(con, "r", np.array([11, 10]), np.array([5, 6]))  # one array
    assert con.execute('SELECT * FROM "r" ORDER BY rowid').fetchall() == [
        (3, 3),
        (4, 4),
        (9, 2),
        (10, 6),
        (11, 5),
    ]


def test_consecutive_row_ids_go_in_one_by_one_where_sqlite_has_no_json_each():
    # an SQLite without JSON: here a table named json_each hides the function, so the
    # one-statement insert fails as it would there and the rows go in one by one
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE json_each(a)")
    con.execute('CREATE TABLE "r"(rowid INTEGER PRIMARY KEY, nodeno)')
    with pytest.raises(sqlite3.OperationalError):
        con.execute("SELECT key, value FROM json_each('[1]')")
    gpkg_rtree._insert_rowids(con, "r", np.array([7, 5, 6]), np.array([1, 2, 3]))
    assert con.execute('SELECT * FROM "r" ORDER BY rowid').fetchall() == [(5, 2), (6, 3), (7, 1)]
