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
