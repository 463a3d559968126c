"""Styles in the user's language: legend labels, field aliases and form tabs of the
QML files are English and translated when loaded; outputs keep the style as shown."""

import sqlite3

import pytest

from processing_algorithms.base import STYLES_DIR
from tests._qgis import german, run_algorithm


def _layer(uri: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "l", "memory" if "?" in uri else "ogr")
    assert layer.isValid()
    return layer


CHECKS_URI = "Point?crs=EPSG:25832&field=check:string&field=severity:string&field=reason:string"
OFFERS_URI = "Point?crs=EPSG:25832&field=title:string&field=category:string&field=url:string"


@pytest.mark.parametrize(
    ("translate", "checks", "alias", "tab", "other"),
    [
        (False, "no coordinates", "Reason", "Offer", "Other"),
        (True, "ohne Koordinaten", "Grund", "Angebot", "Sonstige"),
    ],
)
def test_labels_aliases_and_tabs_follow_the_language(translate, checks, alias, tab, other):
    import contextlib

    from processing_algorithms.styling import load_style

    with german() if translate else contextlib.nullcontext():
        layer = _layer(CHECKS_URI)
        assert load_style(layer, STYLES_DIR / "hilfeportal_checks.qml")
        labels = {c.value(): c.label() for c in layer.renderer().categories()}
        assert labels["no_coordinates"] == checks
        assert layer.attributeAlias(layer.fields().indexOf("reason")) == alias
        offers = _layer(OFFERS_URI)
        assert load_style(offers, STYLES_DIR / "hilfeportal_offers.qml")
        tabs = [t.name() for t in offers.editFormConfig().tabs()]
        labels = {c.value() or "": c.label() for c in offers.renderer().categories()}
    assert tabs[0] == tab
    assert labels["Senioren"] == "Senioren"  # a Hilfeportal category names itself
    assert labels[""] == other  # the class of all other values


def test_a_missing_style_is_reported_and_nothing_is_translated(tmp_path):
    from processing_algorithms.styling import load_style

    layer = _layer(CHECKS_URI)
    assert not load_style(layer, tmp_path / "missing.qml")


def test_outputs_store_the_translated_style_with_their_breaks(examples, tmp_path):
    out = tmp_path / "c.gpkg"
    with german():
        run_algorithm(
            "sozialplanung:catchments",
            {
                "OFFERS": str(examples["offers"]),
                "MODE": 1,
                "COST": 1,
                "BREAKS": "500,1000",
                "OUTPUT": f"ogr:dbname='{out}' table=\"areas\" (geom)",
            },
        )
    with sqlite3.connect(out) as con:
        query = "SELECT styleQML FROM layer_styles WHERE f_table_name = 'areas'"
        (qml,) = con.execute(query).fetchone()
    assert 'label="bis 500 m"' in qml and 'label="bis 1.000 m"' in qml
    assert "Break" not in qml and "Grenze" not in qml  # classes of breaks not there: gone
    reopened = _layer(f"{out}|layername=areas")
    assert [r.label() for r in reopened.renderer().ranges()] == ["bis 500 m", "bis 1.000 m"]


def test_every_style_text_has_a_german_translation():
    # the catalogue test covers what scripts/i18n.py extracts; this one checks that
    # the extraction finds the texts QGIS shows (one of each kind)
    import importlib.util

    from tests.conftest import ROOT

    spec = importlib.util.spec_from_file_location("i18n", ROOT / "scripts" / "i18n.py")
    i18n = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(i18n)
    found = {source for (context, source) in i18n.extract() if context == "styles"}
    assert {"no coordinates", "Reason", "Offer", "Break 1", "0.5 – 0.8", "Other"} <= found
    assert "Senioren" not in found and "0 – 20" not in found


def test_density_legend_numbers_follow_the_language(examples, tmp_path):
    import contextlib
    import re

    labels = {}
    for lang in ("en", "de"):
        out = tmp_path / f"dichte_{lang}.tif"
        params = {"INPUT": str(examples["offers"]), "RADIUS": 1000, "PIXEL_SIZE": 500}
        with german() if lang == "de" else contextlib.nullcontext():
            run_algorithm("sozialplanung:offerdensity", {**params, "OUTPUT": str(out)})
        qml = out.with_suffix(".qml").read_text(encoding="utf-8")
        labels[lang] = re.findall(r'label="([^"]*)"', qml)
    assert any("." in label for label in labels["en"])
    assert labels["de"] == [label.replace(".", ",") for label in labels["en"]]


def test_breaks_with_null_values_are_skipped_when_labelling():
    # a catchments layer edited by hand (or filled by another tool) may have NULL breaks
    from qgis.core import NULL

    from processing_algorithms.styling import label_breaks, load_style
    from tests._qgis import memory_layer

    uri = "Polygon?crs=EPSG:25832&field=break_no:integer&field=break_min:double"
    layer = memory_layer(uri, [(None, [NULL, 5.0]), (None, [2, NULL]), (None, [1, 5.0])])
    assert load_style(layer, STYLES_DIR / "catchments.qml")
    label_breaks(layer)
    assert [r.label() for r in layer.renderer().ranges()] == ["up to 5 min"]


@pytest.mark.parametrize(
    ("translate", "expected"),
    [
        (False, ["\u22121.5", "\u22121,250", "0.0", "90", "90.0", "\u22120.5", "1,125"]),
        (True, ["\u22121,5", "\u22121.250", "0,0", "90", "90,0", "\u22120,5", "1.125"]),
    ],
)
def test_displayed_numbers_have_a_minus_sign_and_fixed_decimals_on_request(translate, expected):
    import contextlib

    from processing_algorithms.styling import number

    with german() if translate else contextlib.nullcontext():
        shown = [
            number(-1.46),
            number(-1250.0),
            number(-0.04),  # rounds to 0: no sign
            number(90.0),
            number(90.0, 1, fixed=True),
            number(-0.5, 1, fixed=True),
            number(1125),
        ]
    assert shown == expected
