"""Rows written into an empty GeoPackage layer with SQLite directly
(processing_algorithms.gpkg_rows): byte for byte the rows of QGIS's feature sink (which
writes through GDAL), the same catalogue (feature count, extent, triggers), read back
by QGIS; and nothing written where the layer is not as expected."""

import sqlite3

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely.geometry import LineString, MultiLineString, MultiPoint, Point, Polygon

from processing_algorithms import bridge, gpkg_rows, gpkg_rtree
from tests.processing.test_bridge import _raw_rows


def _empty_layer(path, gdf, wkb):
    fields = bridge.fields_from_frame(gdf)
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        wkb,
        bridge.crs_from_gdf(gdf),
        QgsCoordinateTransformContext(),
        QgsVectorFileWriter.SaveVectorOptions(),
    )
    return writer, fields


def _by_sink(path, gdf, wkb):
    writer, fields = _empty_layer(path, gdf, wkb)
    bridge.gdf_to_sink(gdf, writer, fields, wkb_type=wkb)
    del writer


def _catalogue(path, table):
    con = sqlite3.connect(path)
    try:
        return {
            "extent": con.execute(
                "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?",
                (table,),
            ).fetchone(),
            "count": con.execute(
                "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = ?", (table,)
            ).fetchone(),
            "triggers": sorted(
                sql.replace(table, "t")
                for (sql,) in con.execute(
                    "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                    (table,),
                )
            ),
        }
    finally:
        con.close()


def _frame(geoms):
    n = len(geoms)
    rng = np.random.default_rng(3)
    return gpd.GeoDataFrame(
        {
            "offer_id": [f"Angebot {i} – Straße" if i % 3 else None for i in range(n)],
            "n": pd.array([i if i % 4 else None for i in range(n)], dtype="Int64"),
            "cost": np.where(np.arange(n) % 5 == 0, np.nan, rng.uniform(0, 900, n)),
            "reached": pd.array([bool(i % 2) if i % 3 else None for i in range(n)], "boolean"),
            "big": np.arange(n, dtype=np.int64) * 2**40,
        },
        geometry=geoms,
        crs=25832,
    )


CASES = {
    "lines": ([LineString([(0, 0), (10.5, 3)]), LineString([(3, 3), (4, 9), (-2, 1)])] * 30, None),
    "lines into multi": (
        [LineString([(0, 0), (1, 1)]), MultiLineString([[(5, 5), (6, 7)], [(8, 8), (9, 1)]])] * 20,
        QgsWkbTypes.Type.MultiLineString,
    ),
    "points": ([Point(i * 0.5, -i) for i in range(50)], QgsWkbTypes.Type.Point),
    "points into multi": (
        [Point(1, 2), MultiPoint([(3, 4), (5, 6)])] * 10,
        QgsWkbTypes.Type.MultiPoint,
    ),
    "polygons": (
        [Polygon([(0, 0), (4, 0), (4, 4)], [[(1, 0.5), (3, 0.5), (3, 2.5)]])] * 12,
        QgsWkbTypes.Type.MultiPolygon,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_rows_and_catalogue_equal_the_feature_sinks(tmp_path, case):
    geoms, wkb = CASES[case]
    gdf = _frame(np.array(geoms, dtype=object))
    wkb = wkb if wkb is not None else bridge.wkb_type_of(gdf)
    _by_sink(tmp_path / "sink.gpkg", gdf, wkb)
    fast = str(tmp_path / "fast.gpkg")
    writer, fields = _empty_layer(fast, gdf, wkb)
    del writer
    frame = bridge._frame_for_ogr(gdf, fields)
    geometries = bridge._geometries_for(gdf.geometry.values, wkb)
    multi = QgsWkbTypes.isMultiType(wkb)
    with gpkg_rtree.bulk_index(fast, "fast", "geom", shapely.bounds(geometries)):
        assert gpkg_rows.insert_rows(fast, "fast", "geom", dict(frame.items()), geometries, multi)
    assert _raw_rows(fast, "fast") == _raw_rows(str(tmp_path / "sink.gpkg"), "sink")
    theirs, ours = _catalogue(str(tmp_path / "sink.gpkg"), "sink"), _catalogue(fast, "fast")
    assert ours["extent"] == pytest.approx(theirs["extent"])
    assert ours["count"] in ((len(gdf),), theirs["count"])
    assert ours["triggers"] == theirs["triggers"]
    layer = QgsVectorLayer(fast, "fast", "ogr")
    assert layer.isValid() and layer.featureCount() == len(gdf)
    assert layer.wkbType() == wkb
    back = bridge.source_to_gdf(layer)
    assert back["offer_id"].tolist() == gdf["offer_id"].tolist()
    assert back["n"].isna().tolist() == gdf["n"].isna().tolist()
    assert shapely.equals(back.geometry.values, gdf.geometry.values).all()


def _filled_later(tmp_path, geoms):
    gdf = _frame(np.array(geoms, dtype=object))
    path = str(tmp_path / "t.gpkg")
    writer, fields = _empty_layer(path, gdf, bridge.wkb_type_of(gdf))
    del writer
    return path, dict(bridge._frame_for_ogr(gdf, fields).items()), gdf.geometry.values


def test_declines_while_the_spatial_index_triggers_are_in_place(tmp_path):
    # their ST_IsEmpty exists only inside GDAL: the rows must go through GDAL
    path, columns, geoms = _filled_later(tmp_path, [LineString([(0, 0), (1, 1)])] * 3)
    before = _catalogue(path, "t")
    assert not gpkg_rows.insert_rows(path, "t", "geom", columns, geoms, False)
    assert _raw_rows(path, "t") == [] and _catalogue(path, "t") == before


@pytest.mark.parametrize(
    "geom", [LineString([(0, 0, 1), (1, 1, 2)]), LineString(), None], ids=["3d", "empty", "none"]
)
def test_declines_what_gdal_writes_its_own_way(tmp_path, geom):
    path, columns, geoms = _filled_later(tmp_path, [LineString([(0, 0), (1, 1)])] * 2)
    geoms = np.array([geoms[0], geom], dtype=object)
    aside = gpkg_rtree._set_aside(path, "t", "geom")  # as during bulk_index
    assert aside is not None
    try:
        assert not gpkg_rows.insert_rows(path, "t", "geom", columns, geoms, False)
    finally:
        gpkg_rtree._restore(aside)
    assert _raw_rows(path, "t") == []


def test_declines_a_layer_that_holds_rows(tmp_path):
    path, columns, geoms = _filled_later(tmp_path, [LineString([(0, 0), (1, 1)])] * 2)
    with gpkg_rtree.bulk_index(path, "t", "geom", shapely.bounds(geoms)):
        assert gpkg_rows.insert_rows(path, "t", "geom", columns, geoms, False)
    assert not gpkg_rows.insert_rows(path, "t", "geom", columns, geoms, False)
    assert len(_raw_rows(path, "t")) == 2
