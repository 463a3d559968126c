"""Numbers in geolib's messages are fields, so a German message shows German numbers
(``12,5 m``, ``2,5; -1``), as the QGIS side formats them (``tr_geolib``)."""

import geopandas as gpd
import pytest
from shapely.geometry import LineString, Point

from geolib.accessibility import step_weights
from geolib.catchments import network_catchments, parse_breaks
from geolib.errors import DataError, ParameterError
from geolib.messages import Message, format_number, number_list, translate
from geolib.network import build_network


def _german(message) -> str:
    """``message`` with the numbers of its fields as a German QGIS shows them (the
    templates kept: the catalogue is not needed for the numbers)."""
    return translate(message, lambda text: text, lambda v: format_number(v, ",", "."))


def test_a_list_of_numbers_is_one_field_of_number_fields():
    numbers = number_list([2.5, 10, 12000.25])
    assert str(numbers) == "2.5, 10, 12,000.25"
    assert _german(Message("got {breaks}.", breaks=numbers)) == "got 2,5, 10, 12.000,25."


def test_bad_breaks_are_named_in_the_users_numbers():
    with pytest.raises(ParameterError) as failed:
        parse_breaks("2.5,-1")
    assert str(failed.value) == "Breaks must be greater than 0; got 2.5, -1."
    assert _german(failed.value.message).endswith("got 2,5, -1.")
    with pytest.raises(ParameterError) as failed:
        parse_breaks([7.5, 2.5])
    assert _german(failed.value.message).endswith("got 7,5, 2,5.")


def test_bad_zone_breaks_and_weights_are_named_in_the_users_numbers():
    with pytest.raises(ParameterError) as failed:
        step_weights(30, breaks=[1.5, 1.5, 3])
    assert "1,5, 1,5, 3" in _german(failed.value.message)
    with pytest.raises(ParameterError) as failed:
        step_weights(30, breaks=[10, 20, 30], weights=[1, 0.5, -0.25])
    assert "1, 0,5, -0,25" in _german(failed.value.message)


def test_offers_far_from_the_network_are_listed_with_german_metres():
    street = build_network(
        gpd.GeoDataFrame(geometry=[LineString([(0, 0), (1000, 0)])], crs=25832),
        cost="distance",
        profile=None,
    )
    far = gpd.GeoDataFrame(
        {"offer_id": ["far1", "far2"]}, geometry=[Point(0, 13000), Point(0, 24000)], crs=25832
    )
    with pytest.raises(DataError) as failed:
        network_catchments(street, far, breaks=[10], snap_distance=12.5)
    english = str(failed.value)
    assert "within 12.5 m" in english and "far1 (13,000 m), far2 (24,000 m)" in english
    german = _german(failed.value.message)
    assert "within 12,5 m" in german and "far1 (13.000 m), far2 (24.000 m)" in german


def test_network_and_snapping_notes_show_german_numbers():
    from geolib.routing import snap_points
    from tests.geolib.test_topology import ISLAND_POINTS, LABELS, island_network, pts

    net = island_network()
    assert any("holds 86,1 %" in _german(note) for note in net.notes)
    snapped = snap_points(net, pts(ISLAND_POINTS), snap_distance=99.5, labels=LABELS)
    english = [str(note) for note in snapped.notes]
    german = [_german(note) for note in snapped.notes]
    assert any("99.5 m" in n for n in english) and any("99,5 m" in n for n in german)
    assert not any("99.5" in n for n in german)
