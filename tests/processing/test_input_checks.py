"""Bad inputs refused before any work, alike in every algorithm, in real QGIS Processing:
a layer without a usable CRS, a parameter out of range, an output format that cannot hold
the result. Each message names the input and the fix."""

import sqlite3

import geopandas as gpd
import pytest
from shapely.geometry import Point

from tests._qgis import german, run_algorithm_error
from tests.conftest import KREIS_GPKG

AREAS = f"{KREIS_GPKG}|layername=gemeinden"
NETWORK = f"{KREIS_GPKG}|layername=osm_strassen_wedel"


def _undefined(tmp_path, layer: str, srs_id: int = 0) -> str:
    """A copy of a Kreis Pinneberg layer whose GeoPackage CRS is GDAL's 'undefined'."""
    path = tmp_path / f"{layer}_srs{srs_id}.gpkg"
    gpd.read_file(KREIS_GPKG, layer=layer).to_file(path, layer=layer)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = ?", (srs_id,))
        con.execute("UPDATE gpkg_contents SET srs_id = ?", (srs_id,))
    return str(path)


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("undefined_crs")
    offers = tmp / "offers_ok.gpkg"
    gpd.GeoDataFrame(
        {"offer_id": [1, 2]}, geometry=[Point(548000, 5938000), Point(549000, 5939000)], crs=25832
    ).to_file(offers)
    return {
        "areas": _undefined(tmp, "gemeinden"),
        "areas_cartesian": _undefined(tmp, "gemeinden", -1),
        "points": _undefined(tmp, "osm_pois_wedel"),
        "network": _undefined(tmp, "osm_strassen_wedel"),
        "offers_ok": str(offers),
    }


def _cases(bad, examples, out):
    yield (
        "offersperpopulation",
        {"OFFERS": bad["points"], "AREAS": AREAS, "POPULATION_FIELD": "EWZ_2018"},
        "osm_pois_wedel_srs0",
    )
    yield (
        "offersperpopulation",
        {
            "OFFERS": bad["offers_ok"],
            "AREAS": bad["areas_cartesian"],
            "POPULATION_FIELD": "EWZ_2018",
        },
        "gemeinden_srs-1",
    )
    yield (
        "accessibility",
        {
            "DEMAND": bad["areas"],
            "POPULATION_FIELD": "EWZ_2018",
            "SUPPLY": bad["offers_ok"],
            "MAX_COST": 5000,
        },
        "gemeinden_srs0",
    )
    yield (
        "catchments",
        {"NETWORK": bad["network"], "OFFERS": bad["offers_ok"], "BREAKS": "500", "COST": 1},
        "osm_strassen_wedel_srs0",
    )
    yield (
        "offerdensity",
        {"INPUT": bad["points"], "RADIUS": 500, "PIXEL_SIZE": 100},
        "osm_pois_wedel_srs0",
    )
    yield (
        "surface",
        {"AREAS": bad["areas"], "FIELD": "EWZ_2018", "PIXEL_SIZE": 500},
        "gemeinden_srs0",
    )
    yield (
        "sozialformel",
        {"AREAS": bad["areas"], "AREA_KEY": "AGS", "TABLE": str(examples["indikatoren_csv"])},
        "gemeinden_srs0",
    )
    yield (
        "hilfeportal",
        {
            "SOURCE": str(examples["offers"]),
            "AREA": bad["areas"],
            "OUTPUT_CHECKS": str(out / "checks.gpkg"),
        },
        "gemeinden_srs0",
    )


def test_undefined_crs_is_refused_alike_in_every_algorithm(bad, examples, tmp_path):
    seen = set()
    for alg, params, layer in _cases(bad, examples, tmp_path):
        out = str(
            tmp_path
            / f"{alg}_{len(seen)}.{'tif' if alg in ('offerdensity', 'surface') else 'gpkg'}"
        )
        text = run_algorithm_error(f"sozialplanung:{alg}", {**params, "OUTPUT": out})
        assert "undefined coordinate reference system" in text, (alg, text)
        assert f"(layer '{layer}')" in text and "Assign projection" in text, (alg, text)
        assert "Traceback" not in text and "Unexpected error" not in text
        seen.add(alg)
    assert len(seen) == 7


def test_parameter_out_of_range_names_the_parameter_and_the_range(tmp_path):
    text = run_algorithm_error(
        "sozialplanung:surface",
        {"AREAS": AREAS, "FIELD": "EWZ_2018", "PIXEL_SIZE": 0.1, "OUTPUT": str(tmp_path / "s.tif")},
    )
    assert "The parameter 'Pixel size (m)' is 0.1; it must be at least 1." in text


def test_german_parameter_message_uses_german_numbers(tmp_path):
    with german():
        text = run_algorithm_error(
            "sozialplanung:surface",
            {
                "AREAS": AREAS,
                "FIELD": "EWZ_2018",
                "PIXEL_SIZE": 0.5,
                "OUTPUT": str(tmp_path / "s.tif"),
            },
        )
    assert "0,5" in text and "Pixelgröße" in text, text


@pytest.mark.parametrize(
    ("alg", "params", "out", "expected"),
    [
        ("offerdensity", {"RADIUS": 500, "PIXEL_SIZE": 100}, "d.shp", ".tif, .tiff"),
        ("surface", {"FIELD": "EWZ_2018", "PIXEL_SIZE": 500}, "s.gpkg", ".tif, .tiff"),
        ("offersperpopulation", {"POPULATION_FIELD": "EWZ_2018"}, "o.tif", ".gpkg, .shp"),
    ],
)
def test_output_format_that_cannot_hold_the_result_is_refused(
    bad, tmp_path, alg, params, out, expected
):
    inputs = {
        "offerdensity": {"INPUT": f"{KREIS_GPKG}|layername=osm_pois_wedel"},
        "surface": {"AREAS": AREAS},
        "offersperpopulation": {"OFFERS": bad["offers_ok"], "AREAS": AREAS},
    }[alg]
    target = tmp_path / out
    text = run_algorithm_error(f"sozialplanung:{alg}", {**inputs, **params, "OUTPUT": str(target)})
    assert f"(extension '{target.suffix[1:]}')" in text and expected in text, text
    assert not target.exists()


def test_german_crs_refusal_names_the_layer_and_the_fix(bad, tmp_path):
    with german():
        text = run_algorithm_error(
            "sozialplanung:surface",
            {
                "AREAS": bad["areas"],
                "FIELD": "EWZ_2018",
                "PIXEL_SIZE": 500,
                "OUTPUT": str(tmp_path / "s.tif"),
            },
        )
    assert "Der Layer „gemeinden_srs0“ der Eingabe" in text, text
    assert "undefiniertes Koordinatenbezugssystem" in text and "Projektion zuweisen" in text


def test_german_size_refusal_uses_german_numbers(tmp_path):
    import re

    params = {
        "INPUT": f"{KREIS_GPKG}|layername=osm_pois_wedel",
        "RADIUS": 30,
        "PIXEL_SIZE": 0.001,
        "OUTPUT": str(tmp_path / "d.tif"),
    }
    english = run_algorithm_error("sozialplanung:offerdensity", params)
    assert re.search(r"would need about \d+\.\d (GB|TB)", english), english
    with german():
        text = run_algorithm_error("sozialplanung:offerdensity", params)
    assert re.search(r"bräuchte etwa \d+,\d (GB|TB) Arbeitsspeicher", text), text


def test_missing_input_file_and_wrong_file_type_name_the_parameter(tmp_path):
    text = run_algorithm_error(
        "sozialplanung:offersperpopulation",
        {
            "OFFERS": str(tmp_path / "nope.gpkg"),
            "AREAS": AREAS,
            "POPULATION_FIELD": "EWZ_2018",
            "OUTPUT": str(tmp_path / "o.gpkg"),
        },
    )
    assert "The input 'Offers (points)' cannot be opened from" in text and "nope.gpkg" in text
    not_osm = tmp_path / "streets.csv"
    not_osm.write_text("a\n1\n")
    text = run_algorithm_error(
        "sozialplanung:catchments",
        {
            "NETWORK_FILE": str(not_osm),
            "OFFERS": f"{KREIS_GPKG}|layername=osm_pois_wedel",
            "BREAKS": "500",
            "OUTPUT": str(tmp_path / "c.gpkg"),
        },
    )
    assert "Network from an OSM file" in text and "*.pbf" in text, text


def test_empty_network_is_called_empty_even_when_its_crs_is_undefined(tmp_path):
    path = tmp_path / "empty_net.gpkg"
    lines = gpd.read_file(KREIS_GPKG, layer="osm_strassen_wedel").iloc[:0]
    lines.to_file(path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = 0")
        con.execute("UPDATE gpkg_contents SET srs_id = 0")
    text = run_algorithm_error(
        "sozialplanung:catchments",
        {
            "NETWORK": str(path),
            "OFFERS": f"{KREIS_GPKG}|layername=osm_pois_wedel",
            "BREAKS": "500",
            "OUTPUT": str(tmp_path / "c.gpkg"),
        },
    )
    assert "The network layer is empty" in text and "coordinate reference" not in text
