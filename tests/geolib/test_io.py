import json
import sqlite3

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geolib.errors import OutputError, SourceError
from geolib.io import (
    SYNTHETIC_LABEL,
    OutputLayer,
    Provenance,
    attach_provenance,
    read_provenance,
    read_style,
    read_vector,
    write_gpkg,
)

QML = "<!DOCTYPE qgis><qgis version='3.22'><renderer-v2 type='singleSymbol'/></qgis>"


@pytest.fixture
def points():
    return gpd.GeoDataFrame(
        {"name": ["Müller-Lüdenscheidt", "Straße", None], "n": pd.array([1, None, 3], "Int64")},
        geometry=[Point(550000, 5950000), Point(551000, 5951000), Point(552000, 5952000)],
        crs=25832,
    )


def test_write_gpkg_is_version_12_styled_and_documented(tmp_path, points):
    path = tmp_path / "out.gpkg"
    prov = Provenance("Test", inputs={"a": "x.gpkg"}, data_year=2023, synthetic=True)
    write_gpkg(path, [OutputLayer("pts", points, style=QML, provenance=prov)])
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == 10200
    desc = con.execute("SELECT description FROM gpkg_contents WHERE table_name='pts'").fetchone()
    con.close()
    assert SYNTHETIC_LABEL in desc[0]
    assert read_style(path, "pts") == QML
    stored = read_provenance(path, "pts")
    assert stored["synthetic"] is True and stored["data_year"] == 2023
    assert stored["inputs"] == {"a": "x.gpkg"}
    back = read_vector(path, layer="pts")
    assert back["name"].tolist() == ["Müller-Lüdenscheidt", "Straße", None]
    assert back.crs.to_epsg() == 25832


def test_keep_existing_replaces_only_named_layers(tmp_path, points):
    path = tmp_path / "out.gpkg"
    write_gpkg(path, [OutputLayer("a", points), OutputLayer("b", points)])
    write_gpkg(path, [OutputLayer("a", points.iloc[:1])], keep_existing=True)
    assert len(read_vector(path, layer="a")) == 1
    assert len(read_vector(path, layer="b")) == 3
    write_gpkg(path, [OutputLayer("c", points)])
    with pytest.raises(SourceError, match="has no layer 'a'"):
        read_vector(path, layer="a")


def test_failed_write_leaves_old_file_untouched(tmp_path, points):
    path = tmp_path / "out.gpkg"
    write_gpkg(path, [OutputLayer("a", points)])
    before = path.read_bytes()
    no_crs = gpd.GeoDataFrame({"x": [1]}, geometry=[box(0, 0, 1, 1)])
    with pytest.raises(OutputError, match="has no CRS"):
        write_gpkg(path, [OutputLayer("a", points), OutputLayer("bad", no_crs)])
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["out.gpkg"]


@pytest.mark.parametrize("where", ["missing_dir/out.gpkg", "afile/out.gpkg"])
def test_not_writable_path_is_refused_with_advice(tmp_path, points, where):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError, match=r"(?i)choose another output path"):
        write_gpkg(tmp_path / where, [OutputLayer("a", points)])


def test_attribute_table_and_attach_provenance(tmp_path, points):
    path = tmp_path / "t.gpkg"
    table = pd.DataFrame({"ags": ["01056001"], "v": [1.5]})
    write_gpkg(path, [OutputLayer("tab", table)])
    attach_provenance(path, "tab", Provenance("Tabelle", parameters={"k": [1, 2]}))
    attach_provenance(path, "tab", Provenance("Tabelle 2"))
    assert read_provenance(path, "tab")["title"] == "Tabelle 2"
    con = sqlite3.connect(path)
    n = con.execute("SELECT count(*) FROM gpkg_metadata_reference WHERE table_name='tab'")
    assert n.fetchone()[0] == 1
    con.close()
    assert read_vector(path, layer="tab")["ags"].tolist() == ["01056001"]


def test_read_vector_errors_name_the_problem(tmp_path, points):
    with pytest.raises(SourceError, match="does not exist"):
        read_vector(tmp_path / "nope.gpkg")
    path = tmp_path / "two.gpkg"
    write_gpkg(path, [OutputLayer("a", points), OutputLayer("b", points)])
    with pytest.raises(SourceError, match="has 2 layers; name one of: a, b"):
        read_vector(path)


def test_provenance_is_json_serialisable():
    prov = Provenance("x", parameters={"obj": object()}, notes=["n"])
    assert json.loads(json.dumps(prov.as_dict()))["notes"] == ["n"]
