"""Round trips through the QGIS ⇄ GeoDataFrame bridge with real layers and providers."""

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProcessingContext,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterFeatureSource,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from processing_algorithms import bridge
from processing_algorithms.compat import field_type, type_id, type_ids
from tests.conftest import KREIS_GPKG, ROOT


def _frame():
    return gpd.GeoDataFrame(
        {
            "name": ["Müller", "Straße", None],
            "n": pd.array([1, None, 2**40], dtype="Int64"),
            "x": [1.5, np.nan, -2.25],
            "flag": pd.array([True, None, False], dtype="boolean"),
            "day": [dt.date(2020, 1, 2), None, dt.date(2023, 12, 31)],
            "when": pd.to_datetime(["2021-05-06 07:08:09", None, "2022-01-01 00:00:00"]),
        },
        geometry=[
            Polygon([(0, 0, 1), (1, 0, 2), (1, 1, 3)]),
            MultiPolygon([Polygon([(5, 5, 0), (6, 5, 0), (6, 6, 0)])]),
            None,
        ],
        crs=25832,
    )


def _to_memory_layer(gdf):
    fields = bridge.fields_from_frame(gdf)
    wkb = bridge.wkb_type_of(gdf)
    layer = QgsMemoryProviderUtils.createMemoryLayer("t", fields, wkb, bridge.crs_from_gdf(gdf))
    bridge.gdf_to_sink(gdf, layer.dataProvider(), fields, wkb_type=wkb)
    return layer


def test_round_trip_keeps_types_nulls_crs_umlauts_and_3d():
    gdf = _frame()
    layer = _to_memory_layer(gdf)
    assert QgsWkbTypes.displayString(layer.wkbType()) == "MultiPolygonZ"
    assert [type_id(f.type()) for f in layer.fields()] == [
        type_id(field_type(name))
        for name in ("QString", "LongLong", "Double", "Bool", "QDate", "QDateTime")
    ]
    feats = list(layer.getFeatures())
    assert feats[2]["name"] == NULL and feats[1]["n"] == NULL and feats[1]["x"] == NULL
    assert feats[0]["name"] == "Müller" and feats[2]["n"] == 2**40
    back = bridge.source_to_gdf(layer)
    assert back.crs.to_epsg() == 25832
    assert back["name"].tolist() == ["Müller", "Straße", None]
    assert back["n"].tolist() == [1, pd.NA, 2**40]
    assert back["x"].iloc[0] == 1.5 and np.isnan(back["x"].iloc[1])
    assert back["flag"].tolist() == [True, pd.NA, False]
    assert back["day"].tolist() == [dt.date(2020, 1, 2), None, dt.date(2023, 12, 31)]
    assert back["when"].iloc[0] == pd.Timestamp("2021-05-06 07:08:09")
    assert back.geometry.iloc[0].has_z and back.geometry.iloc[2] is None
    assert back.geometry.iloc[0].geom_type == "MultiPolygon"


def test_lines_and_points_keep_geometry_type():
    lines = gpd.GeoDataFrame({"a": [1]}, geometry=[LineString([(0, 0), (1, 1)])], crs=3857)
    layer = _to_memory_layer(lines)
    assert layer.wkbType() == QgsWkbTypes.Type.LineString
    assert layer.crs().authid() == "EPSG:3857"
    pts = gpd.GeoDataFrame({"a": [1]}, geometry=[Point(1, 2)], crs=25832)
    layer = _to_memory_layer(pts)
    layer.setCrs(QgsCoordinateReferenceSystem())
    back = bridge.source_to_gdf(layer)
    assert back.crs is None and back.geometry.iloc[0].equals(Point(1, 2))


def test_fast_path_equals_general_path_and_honours_selection():
    layer = QgsVectorLayer(f"{KREIS_GPKG}|layername=gemeinden", "g", "ogr")
    assert bridge._ogr_path(layer) is not None
    fast = bridge.layer_to_gdf(layer)
    slow = bridge.source_to_gdf(layer)
    pd.testing.assert_frame_equal(
        pd.DataFrame(fast.drop(columns="geometry")), pd.DataFrame(slow.drop(columns="geometry"))
    )
    assert fast.geometry.geom_equals(slow.geometry).all()
    layer.selectByIds([3, 7])
    sel = bridge.layer_to_gdf(layer, selected_only=True)
    assert sorted(sel["fid"].tolist()) == [3, 7]
    layer.setSubsetString('"EWZ_2018" > 20000')
    subset = bridge.layer_to_gdf(layer)
    assert len(subset) == layer.featureCount() and (subset["EWZ_2018"] > 20000).all()


def test_fast_path_keeps_integer_fields_with_nulls_integer(tmp_path):
    # pyogrio reads an integer field with NULLs as float64 (ids would become "12.0")
    path = tmp_path / "ids.gpkg"
    gpd.GeoDataFrame(
        {"id": pd.array([12, None, 7], dtype="Int64")},
        geometry=[Point(0, 0), Point(1, 1), Point(2, 2)],
        crs=25832,
    ).to_file(path)
    layer = QgsVectorLayer(str(path), "ids", "ogr")
    assert type_id(layer.fields().field("id").type()) in type_ids("Int", "LongLong")
    fast = bridge.layer_to_gdf(layer)
    assert str(fast["id"].dtype) == "Int64"
    assert fast["id"].astype(str).tolist() == ["12", "<NA>", "7"]
    pd.testing.assert_series_equal(fast["id"], bridge.source_to_gdf(layer)["id"])


def test_fast_path_reads_a_geopackage_named_without_its_layer_silently(tmp_path):
    """Outputs carry QGIS's layer_styles table: opened by the file name alone, QGIS shows
    the first layer, and the fast path reads that one without pyogrio's warning."""
    import warnings

    from geolib.io import OutputLayer, write_gpkg

    path = tmp_path / "index.gpkg"
    frame = gpd.GeoDataFrame({"v": [1.5, 2.5]}, geometry=[Point(0, 0), Point(1, 1)], crs=25832)
    write_gpkg(path, OutputLayer("index", frame, style=ROOT / "styles" / "hilfeportal_offers.qml"))
    layer = QgsVectorLayer(str(path), "index", "ogr")
    assert layer.isValid() and bridge._ogr_path(layer) is not None  # the fast path
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fast = bridge.layer_to_gdf(layer)
    assert [str(w.message) for w in caught] == []
    assert fast["v"].tolist() == [1.5, 2.5]


def test_processing_source_honours_selected_features_only():
    from qgis.core import QgsProject

    layer = QgsVectorLayer(f"{KREIS_GPKG}|layername=gemeinden", "g", "ogr")
    layer.startEditing()  # an edited layer must take the general path
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds([1, 2, 3])
        param = QgsProcessingParameterFeatureSource("INPUT")
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        value = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        from qgis.core import QgsProcessingParameters

        source = QgsProcessingParameters.parameterAsSource(param, value, context)
        gdf = bridge.source_to_gdf(source)
        assert sorted(gdf["fid"].tolist()) == [1, 2, 3]
    finally:
        layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_invalid_geometry_passes_through_for_repair():
    layer = QgsVectorLayer("Polygon?crs=EPSG:25832&field=a:integer", "bad", "memory")
    feat = QgsFeature(layer.fields())
    feat.setAttributes([1])
    feat.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 10 10, 10 0, 0 10, 0 0))"))
    layer.dataProvider().addFeatures([feat])
    request = QgsFeatureRequest().setInvalidGeometryCheck(
        QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck
    )
    gdf = bridge.source_to_gdf(layer, request=request)
    assert not gdf.geometry.iloc[0].is_valid


@pytest.mark.parametrize("n", [0, 1, 12001])
def test_sink_batches_write_every_row(n):
    gdf = gpd.GeoDataFrame({"i": np.arange(n)}, geometry=[Point(i, i) for i in range(n)], crs=25832)
    layer = _to_memory_layer(gdf)
    assert layer.featureCount() == n


# ---- GeoPackage outputs: pyogrio's append equals the feature sink -----------------------


def _gpkg_both_ways(gdf, tmp_path, wkb=None):
    """The frame written into a QGIS-made GeoPackage per feature and with pyogrio;
    returns (written fast?, per-feature path, pyogrio path)."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    fields = bridge.fields_from_frame(gdf)
    wkb = wkb if wkb is not None else bridge.wkb_type_of(gdf)
    paths = []
    fast = None
    for name in ("slow", "fast"):
        path = str(tmp_path / f"{name}.gpkg")
        writer = QgsVectorFileWriter.create(
            path,
            fields,
            wkb,
            bridge.crs_from_gdf(gdf),
            QgsCoordinateTransformContext(),
            QgsVectorFileWriter.SaveVectorOptions(),
        )
        if name == "slow":
            bridge.gdf_to_sink(gdf, writer, fields, wkb_type=wkb)
            del writer
        else:
            del writer
            target = bridge.gpkg_layer_of(path)
            assert target == (path, None)
            fast = bridge.append_to_gpkg(gdf, *target, fields, wkb)
        paths.append(path)
    return fast, *paths


def _read_both(slow, fast):
    a = bridge.source_to_gdf(QgsVectorLayer(slow, "a", "ogr"))
    b = bridge.source_to_gdf(QgsVectorLayer(fast, "b", "ogr"))
    return a, b


def _raw_rows(path, table):
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute(f'SELECT * FROM "{table}" ORDER BY fid').fetchall()
    finally:
        con.close()


def test_gpkg_append_equals_feature_sink_with_nulls_and_large_ints(tmp_path):
    gdf = gpd.GeoDataFrame(
        {
            "name": ["Müller", None, "Straße", "x"],
            "n": pd.array([1, None, 2**40, -(2**62)], dtype="Int64"),
            "big": np.array([2**53 + 1, 0, -1, 7], dtype=np.int64),
            "x": [1.5, np.nan, -2.25, 1e300],
            "flag": pd.array([True, None, False, True], dtype="boolean"),
            "ok": [True, False, True, True],
            "ids": [["a", "b"], None, "c", ["d"]],
        },
        geometry=[
            Polygon([(0, 0), (1, 0), (1, 1)]),
            MultiPolygon([Polygon([(5, 5), (6, 5), (6, 6)]), Polygon([(8, 8), (9, 8), (9, 9)])]),
            Polygon([(2, 2), (3, 2), (3, 3)]),
            Polygon([(2, 2), (3, 2), (3, 3)]),
        ],
        crs=25832,
    )
    fast, slow_path, fast_path = _gpkg_both_ways(gdf, tmp_path)
    assert fast
    assert _raw_rows(slow_path, "slow") == _raw_rows(fast_path, "fast")
    a, b = _read_both(slow_path, fast_path)
    pd.testing.assert_frame_equal(a, b)
    assert b["n"].tolist() == [1, pd.NA, 2**40, -(2**62)] and b["big"].iloc[0] == 2**53 + 1
    assert b["ids"].tolist() == ["a; b", None, "c", "d"]
    assert b.crs.to_epsg() == 25832 and b.geometry.iloc[0].geom_type == "MultiPolygon"
    layers = [QgsVectorLayer(p, "l", "ogr") for p in (slow_path, fast_path)]
    assert [layer.wkbType() for layer in layers] == [QgsWkbTypes.Type.MultiPolygon] * 2
    assert layers[0].fields().names() == layers[1].fields().names()
    assert [f.type() for f in layers[0].fields()] == [f.type() for f in layers[1].fields()]


def test_gpkg_append_keeps_declared_single_type_and_gpkg_version(tmp_path):
    import sqlite3

    lines = gpd.GeoDataFrame(
        {"offer_id": ["a", "b"], "from_m": [0.0, 10.0]},
        geometry=[LineString([(0, 0), (1, 1)]), LineString([(1, 1), (2, 0)])],
        crs=25832,
    )
    fast, slow_path, fast_path = _gpkg_both_ways(lines, tmp_path, QgsWkbTypes.Type.LineString)
    assert fast
    assert _raw_rows(slow_path, "slow") == _raw_rows(fast_path, "fast")
    versions = []
    for path in (slow_path, fast_path):
        con = sqlite3.connect(path)
        versions.append(con.execute("PRAGMA user_version").fetchone())
        con.close()
    assert versions[0] == versions[1]  # the same GeoPackage version QGIS writes


@pytest.mark.parametrize(
    "column",
    [
        [dt.date(2020, 1, 2), None],  # dates as objects: the sink converts them itself
        [1, "a"],  # mixed objects become text the QGIS way
        # date-times: QGIS writes '…T07:08:09.000', GDAL 3.10 '…T07:08:09'
        pd.to_datetime(["2021-05-06 07:08:09", None]),
        pd.to_datetime(["2021-01-01", None]).tz_localize("Europe/Berlin"),
    ],
)
def test_gpkg_append_declines_what_the_sink_converts_itself(tmp_path, column):
    gdf = gpd.GeoDataFrame({"v": column}, geometry=[Point(0, 0), Point(1, 1)], crs=25832)
    fast, _, fast_path = _gpkg_both_ways(gdf, tmp_path)
    assert fast is False
    assert bridge.source_to_gdf(QgsVectorLayer(fast_path, "b", "ogr")).empty


@pytest.mark.parametrize(
    "second",
    [Point(1, 1), None, LineString()],  # the sink writes these in its own way
)
def test_gpkg_append_declines_geometries_of_another_type_or_none(tmp_path, second):
    gdf = gpd.GeoDataFrame(
        {"v": [1, 2]}, geometry=[LineString([(0, 0), (1, 1)]), second], crs=25832
    )
    fast, _, _ = _gpkg_both_ways(gdf, tmp_path, QgsWkbTypes.Type.LineString)
    assert fast is False


def test_gpkg_layer_of_names_only_geopackage_files(tmp_path):
    assert bridge.gpkg_layer_of("memory:x") is None
    assert bridge.gpkg_layer_of("/a/b.shp") is None
    assert bridge.gpkg_layer_of("/a/b.gpkg|layername=c") == ("/a/b.gpkg", "c")
    assert bridge.gpkg_layer_of("/a/b.gpkg|layerid=0") is None
    gdf = gpd.GeoDataFrame({"v": [1]}, geometry=[Point(0, 0)], crs=25832)
    fields = bridge.fields_from_frame(gdf)
    gdf.to_file(tmp_path / "two.gpkg", layer="a")
    gdf.to_file(tmp_path / "two.gpkg", layer="b")
    # which of two layers is meant is not known: nothing is written
    assert not bridge.append_to_gpkg(
        gdf, str(tmp_path / "two.gpkg"), None, fields, QgsWkbTypes.Type.Point
    )
    # a layer that has features already is not QGIS's new one
    assert not bridge.append_to_gpkg(
        gdf, str(tmp_path / "two.gpkg"), "a", fields, QgsWkbTypes.Type.Point
    )
