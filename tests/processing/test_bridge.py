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
from tests.conftest import KREIS_GPKG


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
