"""The network fingerprint: it changes with everything that shapes a network, only."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import LineString, MultiLineString, Point

from geolib._network_cache import _fingerprint


def _lines():
    return gpd.GeoDataFrame(
        {
            "highway": ["residential", "footway", None],
            "maxspeed": pd.array([30, None, 50], dtype="Int64"),
            "name": ["a", "b", "c"],
        },
        geometry=[
            LineString([(0, 0), (10, 0), (10, 10)]),
            MultiLineString([[(0, 0), (0, 5)], [(0, 5), (0, 10)]]),
            LineString([(5, 5), (6, 6)]),
        ],
        crs=25832,
    )


def _key(lines, columns=("highway", "maxspeed"), *options):
    return _fingerprint(lines, set(columns), "time", "walk", *options)


def test_same_data_same_key_and_other_fields_do_not_count():
    lines = _lines()
    other = lines.copy()
    other["name"] = ["x", "y", "z"]
    assert _key(lines) == _key(other) == _key(_lines())


@pytest.mark.parametrize(
    "change",
    [
        lambda g: g.__setitem__("geometry", g.geometry.translate(0.001, 0)),
        # the same coordinates in one part instead of two
        lambda g: g.__setitem__(
            "geometry",
            [g.geometry.iloc[0], LineString([(0, 0), (0, 5), (0, 5), (0, 10)]), g.geometry.iloc[2]],
        ),
        lambda g: g.__setitem__("geometry", [*g.geometry.iloc[:2], None]),
        lambda g: g.__setitem__("geometry", [*g.geometry.iloc[:2], LineString()]),
        lambda g: g.__setitem__("geometry", [*g.geometry.iloc[:2], Point(5, 5)]),
        lambda g: g.__setitem__("highway", ["residential", "footway", "primary"]),
        lambda g: g.__setitem__("maxspeed", pd.array([30, 40, 50], dtype="Int64")),
        lambda g: g.__setitem__("maxspeed", [30.0, np.nan, 50.0]),  # another type
        lambda g: g.__setitem__("highway", [["a"], ["b"], None]),  # unhashable values
        lambda g: g.set_crs(3857, allow_override=True, inplace=True),
    ],
)
def test_key_changes_with_geometry_fields_and_crs(change):
    lines = _lines()
    changed = _lines()
    change(changed)
    assert _key(changed) != _key(lines)


def test_key_changes_with_options_and_z():
    lines = _lines()
    assert _key(lines, ("highway",), 1) != _key(lines, ("highway",), 2)
    lifted = _lines()
    lifted["geometry"] = [LineString([(0, 0, 1), (10, 0, 1), (10, 10, 1)]), *lifted.geometry[1:]]
    assert _key(lifted) != _key(lines)
