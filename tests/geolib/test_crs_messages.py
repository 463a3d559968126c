import pickle

import geopandas as gpd
import pytest
from shapely.geometry import Point

from geolib.crs import metric_crs, require_crs, to_metric
from geolib.errors import CRSError, FieldError
from geolib.messages import N_, Message, translate


def test_missing_crs_is_refused_with_how_to_set_it():
    with pytest.raises(CRSError, match="has no coordinate reference system") as info:
        require_crs(gpd.GeoSeries([Point(0, 0)]), what="offers layer")
    assert "Assign projection" in str(info.value)
    assert "offers layer" in str(info.value)


def test_reprojection_returns_new_frame_and_note():
    pts = gpd.GeoDataFrame(geometry=[Point(9.66, 53.58)], crs=4326)
    out, note = to_metric(pts, what="offers layer")
    assert out.crs.to_epsg() == 25832 and pts.crs.to_epsg() == 4326
    assert "reprojected from EPSG:4326" in note
    same, none = to_metric(out)
    assert same is out and none is None


def test_geographic_analysis_crs_is_refused():
    with pytest.raises(CRSError, match="geographic"):
        metric_crs(4326)


def test_message_keeps_template_and_translates_fields():
    msg = Message("The {what} has {n} rows.", what=N_("offers layer"), n=3)
    assert msg == "The offers layer has 3 rows."
    catalogue = {
        "The {what} has {n} rows.": "Der {what} hat {n} Zeilen.",
        "offers layer": "Angebotslayer",
    }
    assert translate(msg, lambda t: catalogue.get(t, t)) == "Der Angebotslayer hat 3 Zeilen."
    assert pickle.loads(pickle.dumps(msg)).template == msg.template


def test_error_carries_message_and_is_value_error():
    err = FieldError("No field '{field}'.", field="EWZ")
    assert isinstance(err, ValueError) and str(err) == "No field 'EWZ'."
    assert err.message.params == {"field": "EWZ"}


def test_broken_translation_falls_back_to_english():
    msg = Message("{n} rows", n=2)
    assert translate(msg, lambda t: "{m} Zeilen") == "2 rows"


def _gpkg_with_srs_id(tmp_path, srs_id):
    """A real GeoPackage layer whose CRS is GDAL's 'undefined' (srs_id 0 or -1)."""
    import sqlite3

    path = tmp_path / f"undefined_{srs_id}.gpkg"
    gpd.GeoDataFrame({"n": [1]}, geometry=[Point(550000, 5940000)], crs=25832).to_file(path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = ?", (srs_id,))
        con.execute("UPDATE gpkg_contents SET srs_id = ?", (srs_id,))
    return gpd.read_file(path)


@pytest.mark.parametrize(
    ("srs_id", "name"), [(0, "Undefined geographic SRS"), (-1, "Undefined Cartesian SRS")]
)
def test_undefined_gpkg_crs_is_refused_not_taken_as_degrees(tmp_path, srs_id, name):
    data = _gpkg_with_srs_id(tmp_path, srs_id)
    assert data.crs is not None  # GDAL gives it a CRS that stands for "unknown"
    with pytest.raises(CRSError, match="undefined coordinate reference system") as info:
        to_metric(data, what="offers layer")
    text = str(info.value)
    assert name in text and "offers layer" in text and "Assign projection" in text


def test_metres_labelled_as_degrees_are_refused():
    data = gpd.GeoSeries([Point(549870.9, 5939974.1)], crs=4326)
    with pytest.raises(CRSError, match="not degrees") as info:
        require_crs(data, what="offers layer")
    assert "549870.9" in str(info.value) and "EPSG:4326" in str(info.value)
    # real degrees pass
    assert require_crs(gpd.GeoSeries([Point(9.7, 53.6)], crs=4326)).to_epsg() == 4326
