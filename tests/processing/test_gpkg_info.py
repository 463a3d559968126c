"""What a GeoPackage holds, read with SQLite (processing_algorithms.gpkg_info), agrees
with GDAL's answers (pyogrio) on files written by geolib and by QGIS."""

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import Point

from geolib.io import OutputLayer, Provenance, write_gpkg
from processing_algorithms import data_years, gpkg_info


@pytest.fixture
def two_layers(tmp_path):
    points = gpd.GeoDataFrame(
        {"name": ["a", "b", None], "n": [1, 2, 3]},
        geometry=[Point(0, 0), Point(1, 1), Point(2, 2)],
        crs=25832,
    )
    table = pd.DataFrame({"key": ["x"], "value": [1.5]})
    path = tmp_path / "two.gpkg"
    write_gpkg(
        path,
        [
            OutputLayer("points", points, provenance=Provenance("p", data_year=2021)),
            OutputLayer("table", table),
        ],
    )
    return path


def test_tables_fields_and_counts_as_gdal_reads_them(two_layers):
    gdal = [name for name, _ in pyogrio.list_layers(two_layers) if name != "layer_styles"]
    assert sorted(gpkg_info.data_tables(two_layers)) == sorted(gdal) == ["points", "table"]
    for layer in gdal:
        info = gpkg_info.layer_info(two_layers, layer)
        ref = pyogrio.read_info(two_layers, layer=layer, force_feature_count=True)
        assert info.fields == list(ref["fields"])
        assert info.fid == ref["fid_column"]
        assert info.geometry == (ref["geometry_name"] or None)
        assert gpkg_info.feature_count(two_layers, layer) == ref["features"]
        assert info.empty is (ref["features"] == 0)
    assert gpkg_info.layer_info(two_layers, "nothing") is None
    with pytest.raises(LookupError):  # two layers: no "only layer"
        gpkg_info.feature_count(two_layers, None)


def test_the_provenance_year_of_a_layer_and_none_where_there_is_none(two_layers):
    assert gpkg_info.has_layer_metadata(two_layers, "points")
    assert not gpkg_info.has_layer_metadata(two_layers, "table")
    assert data_years.years_of_layer(f"{two_layers}|layername=points") == {"2021"}
    assert data_years.years_of_layer(f"{two_layers}|layername=table") == set()


def test_a_missing_file_is_an_error_and_is_not_created(tmp_path):
    missing = tmp_path / "missing.gpkg"
    with pytest.raises(OSError):
        gpkg_info.data_tables(missing)
    assert not missing.exists()
    assert data_years.years_of_layer(str(missing)) == set()
