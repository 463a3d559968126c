"""sozialplanung:sozialformel and sozialplanung:surface in real QGIS Processing."""

import contextlib
import re
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest
import rasterio
from qgis.core import (
    QgsApplication,
    QgsGraduatedSymbolRenderer,
    QgsRasterLayer,
    QgsSingleBandPseudoColorRenderer,
    QgsVectorLayer,
)

from geolib.io import SYNTHETIC_LABEL, read_provenance, read_vector
from geolib.messages import format_number
from tests._qgis import german, run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG

ALG = "sozialplanung:sozialformel"
SURFACE = "sozialplanung:surface"
AREAS = f"{KREIS_GPKG}|layername=gemeinden"


def _params(examples, tmp_path, **extra):
    params = {
        "AREAS": AREAS,
        "AREA_KEY": "AGS",
        "TABLE": str(examples["indikatoren_csv"]),
        "GROUPS": str(examples["planungsraeume"]),
        "GROUP_FIELD": "planungsraum, kreis, groesse",
        "OUTPUT": str(tmp_path / "sf.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "sf_table.gpkg"),
        "OUTPUT_GROUPS": str(tmp_path / "sf_groups.gpkg"),
        "OUTPUT_REPORT": str(tmp_path / "report.html"),
    }
    params.update(extra)
    return params


@pytest.fixture(scope="module")
def run(examples, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sozialformel")
    params = _params(examples, tmp)
    results, feedback = run_algorithm(ALG, params)
    return params, results, feedback


def test_algorithms_are_registered_with_the_issue_parameters():
    provider = QgsApplication.processingRegistry().providerById("sozialplanung")
    alg = provider.algorithm("sozialformel")
    names = [p.name() for p in alg.parameterDefinitions()]
    assert names == [
        "AREAS",
        "AREA_KEY",
        "TABLE",
        "YEARS",
        "GROUPS",
        "GROUP_FIELD",
        "CONFIG",
        "INDICATORS",
        "SCALING",
        "COMBINATION",
        "POST_SCALING",
        "REFERENCE_YEAR",
        "CLASS_METHOD",
        "CLASS_COUNT",
        "CLASS_BREAKS",
        "CLASS_YEARS",
        "THRESHOLD",
        "MIN_DENOMINATOR",
        "SUPPRESS_INDEX",
        "MISSING",
        "TITLE",
        "OUTPUT",
        "OUTPUT_TABLE",
        "OUTPUT_GROUPS",
        "OUTPUT_REPORT",
        "OUTPUT_CONFIG",
    ]
    # no long path inside the plugin folder: empty means the built-in preset
    assert alg.parameterDefinition("CONFIG").defaultValue() is None
    surface = provider.algorithm("surface")
    assert [p.name() for p in surface.parameterDefinitions()] == [
        "AREAS",
        "FIELD",
        "NUMERATOR",
        "DENOMINATOR",
        "METHOD",
        "PIXEL_SIZE",
        "OUTPUT",
    ]
    assert alg.group() == surface.group() == "Sozialformel"


def test_areas_output_is_styled_with_the_run_classes_and_documented(run):
    params, _, feedback = run
    out = read_vector(params["OUTPUT"], layer="sf")
    assert len(out) == 49
    assert {"index_value", "index_rank", "index_class", "index_change", "rank_change"} <= set(
        out.columns
    )
    # the preset withholds the index, rank and change of rows with a suppressed value
    shown = out["index_suppression"] == "none"
    assert 20 < shown.sum() < 49
    assert (out["index_value"].notna() == shown).all()
    assert out["index_rank"].notna().sum() == shown.sum()
    assert (out["index_change"].notna() == (out["change_suppression"] == "none")).all()
    assert out.loc[shown, "index_rank"].astype(int).is_unique
    layer = QgsVectorLayer(params["OUTPUT"], "sf", "ogr")
    renderer = layer.renderer()
    assert isinstance(renderer, QgsGraduatedSymbolRenderer)
    assert renderer.classAttribute() == "index_value"
    ranges = renderer.ranges()
    assert len(ranges) == 5
    # the ranges are the quantile classes of the latest year, so each holds ~10 areas
    for cls, rng in enumerate(ranges, start=1):
        members = out[out["index_class"] == cls]["index_value"]
        assert (members >= rng.lowerValue()).all() and (members <= rng.upperValue()).all()
    prov = read_provenance(params["OUTPUT"], "sf")
    assert prov["synthetic"] is True and prov["synthetic_label"] == SYNTHETIC_LABEL
    assert prov["data_year"] == 2023 and "TABLE" in prov["inputs"]
    assert "Wedel" in feedback.text or "Elmshorn" in feedback.text  # the top ten


def test_long_table_groups_and_report(run):
    params, _, _ = run
    table = pyogrio.read_dataframe(params["OUTPUT_TABLE"], read_geometry=False)
    assert len(table) == 49 * 5
    assert table["ags"].str.startswith("0").all()
    assert (table["synthetic"] == 1).all()
    groups = pyogrio.read_dataframe(params["OUTPUT_GROUPS"], read_geometry=False)
    assert set(groups["grouping"]) == {"planungsraum", "kreis", "groesse"}
    kreis = groups[(groups["grouping"] == "kreis") & (groups["year"] == 2023)]
    assert kreis["n_units"].tolist() == [49]
    assert read_provenance(params["OUTPUT_GROUPS"], "sf_groups")["synthetic"] is True
    with open(params["OUTPUT_REPORT"], encoding="utf-8") as handle:
        page = handle.read()
    assert SYNTHETIC_LABEL in page and "Cronbach" in page


def test_suppression_in_every_published_output(run, examples):
    params, _, _ = run
    raw = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    small = raw[raw["children_u15_sgb2"] < 3]
    assert len(small)  # the example table has small villages
    table = pyogrio.read_dataframe(params["OUTPUT_TABLE"], read_geometry=False)
    t = table.set_index(["ags", "year"])
    for row in small.itertuples():
        published = t.loc[(row.ags, row.year)]
        assert published["kinderarmut_suppressed"] == 1
        for col in ("kinderarmut_num", "kinderarmut_rate", "kinderarmut_scaled"):
            assert pd.isna(published[col]), col
    areas = read_vector(params["OUTPUT"], layer="sf")
    latest = small[small["year"] == 2023]["ags"]
    flagged = areas[areas["AGS"].isin(latest)]
    assert len(flagged) and flagged["kinderarmut_rate"].isna().all()
    assert (flagged["kinderarmut_suppressed"] == 1).all()
    # no suppressed value is written as 0
    con = sqlite3.connect(params["OUTPUT_TABLE"])
    zeros = con.execute(
        "SELECT COUNT(*) FROM sf_table WHERE kinderarmut_suppressed = 1 AND "
        "(kinderarmut_num = 0 OR kinderarmut_rate = 0)"
    ).fetchone()[0]
    con.close()
    assert zeros == 0
    groups = pyogrio.read_dataframe(params["OUTPUT_GROUPS"], read_geometry=False)
    sup = groups[groups["jugendarmut_suppressed"] == 1]
    assert sup["jugendarmut_rate"].isna().all()
    assert groups.loc[groups["grouping"] == "kreis", "kinderarmut_rate"].notna().all()


def test_geopackage_table_and_default_key(examples, tmp_path):
    params = _params(
        examples,
        tmp_path,
        TABLE=f"{examples['indikatoren_gpkg']}|layername=indikatoren",
        GROUPS=None,
        GROUP_FIELD=None,
        OUTPUT_GROUPS=None,
        OUTPUT_REPORT=None,
    )
    del params["AREA_KEY"]
    run_algorithm(ALG, params)
    assert len(read_vector(params["OUTPUT"], layer="sf")) == 49


def test_years_and_a_custom_configuration(examples, tmp_path):
    config = tmp_path / "c.toml"
    config.write_text(
        'reference_year = 2021\nscaling = "percentile"\ncombination = "geometric_mean"\n'
        'post_scaling = "minmax"\n[classes]\nmethod = "natural_breaks"\ncount = 4\n'
        '[[indicators]]\nname = "bg"\nnumerator = "bedarfsgemeinschaften"\n'
        'denominator = "households"\n',
        encoding="utf-8",
    )
    params = _params(
        examples,
        tmp_path,
        CONFIG=str(config),
        YEARS="2022-2023",
        GROUPS=None,
        GROUP_FIELD=None,
        OUTPUT_GROUPS=None,
    )
    run_algorithm(ALG, params)
    table = pyogrio.read_dataframe(params["OUTPUT_TABLE"], read_geometry=False)
    assert sorted(table["year"].unique()) == [2022, 2023]
    assert table["index_change"].notna().all()  # 2021 is computed for the change
    layer = QgsVectorLayer(params["OUTPUT"], "sf", "ogr")
    assert len(layer.renderer().ranges()) == 4


def test_bad_input_messages(examples, tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('scalling = "minmax"\n', encoding="utf-8")
    text = run_algorithm_error(ALG, _params(examples, tmp_path, CONFIG=str(config)))
    assert "scalling" in text and "Allowed keys" in text
    missing = tmp_path / "missing.csv"
    pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str}).drop(columns="households").to_csv(
        missing, index=False
    )
    text = run_algorithm_error(ALG, _params(examples, tmp_path, TABLE=str(missing)))
    assert "households" in text and "bg_anteil" in text
    text = run_algorithm_error(ALG, _params(examples, tmp_path, YEARS="2030"))
    assert "2030" in text
    foreign = tmp_path / "foreign.csv"
    extra = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    extra.loc[extra["ags"] == "01056001", "ags"] = "01099999"
    extra.to_csv(foreign, index=False)
    text = run_algorithm_error(
        ALG, _params(examples, tmp_path, TABLE=str(foreign), GROUPS=None, GROUP_FIELD=None)
    )
    assert "01099999" in text and "not in the area layer" in text


def test_the_report_is_german_with_the_translation(examples, tmp_path):
    from sozialplanung_plugin.i18n import install_translator, remove_translator

    params = _params(examples, tmp_path, GROUPS=None, GROUP_FIELD=None, OUTPUT_GROUPS=None)
    translator = install_translator("de")
    try:
        run_algorithm(ALG, {**params, "OUTPUT_TABLE": None, "YEARS": "2023"})
    finally:
        remove_translator(translator)
    page = Path(params["OUTPUT_REPORT"]).read_text(encoding="utf-8")
    assert "Validitätsbericht" in page and "Validity report" not in page


def test_the_german_report_has_german_numbers_and_words(examples, tmp_path):
    params = _params(examples, tmp_path, OUTPUT_TABLE=None)
    with german():
        run_algorithm(ALG, params)
    page = Path(params["OUTPUT_REPORT"]).read_text(encoding="utf-8")
    assert re.search(r"α = \d,\d\d\.", page), "alpha with a decimal comma"
    assert not re.search(r"<td>-?\d+\.\d+</td>", page), "no decimal point in a table cell"
    assert re.search(r"<td>\d+,\d</td>", page)  # an index of the groups table
    # the preset's configuration words as German labels, never the TOML words
    assert "gewichtetes Mittel" in page and "Min-Max gegen das Referenzjahr" in page
    assert "ablehnen" in page and "Quantile" in page
    for word in ("weighted_mean", "minmax_reference", "refuse", "quantile"):
        assert not re.search(rf"\b{word}\b", page), word


def test_surface_pycnophylactic_keeps_totals_and_is_styled(tmp_path):
    out = tmp_path / "ewz.tif"
    run_algorithm(
        SURFACE,
        {"AREAS": AREAS, "FIELD": "EWZ_2018", "METHOD": 1, "PIXEL_SIZE": 500, "OUTPUT": str(out)},
    )
    with rasterio.open(out) as src:
        values = src.read(1)
        assert src.crs.to_epsg() == 25832 and src.transform.a == 500
        assert "PROVENANCE" in src.tags()
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    assert values[values != src.nodata].sum() == pytest.approx(gemeinden["EWZ_2018"].sum())
    layer = QgsRasterLayer(str(out), "s")
    assert isinstance(layer.renderer(), QgsSingleBandPseudoColorRenderer)
    del layer


@pytest.mark.parametrize("language", ["en", "de"])
def test_surface_keeps_totals_at_coarse_pixels_and_the_log_says_what_it_sums_to(tmp_path, language):
    out = tmp_path / "ewz_3km.tif"
    with german() if language == "de" else contextlib.nullcontext():
        _, feedback = run_algorithm(
            SURFACE,
            {
                "AREAS": AREAS,
                "FIELD": "EWZ_2018",
                "METHOD": 1,
                "PIXEL_SIZE": 3000,
                "OUTPUT": str(out),
            },
        )
    with rasterio.open(out) as src:
        values = src.read(1)
    total = read_vector(KREIS_GPKG, layer="gemeinden")["EWZ_2018"].sum()
    assert values[values != src.nodata].sum() == pytest.approx(total)
    log = "\n".join(feedback.infos)
    if language == "en":
        assert f"sums to {format_number(total)} (input total {format_number(total)})" in log
        assert "own no cell centre at 3000 m" in log
    else:
        german_total = format_number(total, ",", ".")
        assert f"ergibt in der Summe {german_total} (Eingabe: {german_total})" in log
        assert "besitzen bei 3000 m keinen Zellmittelpunkt" in log


def test_surface_area_weighted_rate(run, tmp_path):
    params, _, _ = run
    out = tmp_path / "bg.tif"
    run_algorithm(
        SURFACE,
        {
            "AREAS": params["OUTPUT"],
            "NUMERATOR": "bg_anteil_num",
            "DENOMINATOR": "bg_anteil_den",
            "METHOD": 0,
            "PIXEL_SIZE": 1000,
            "OUTPUT": str(out),
        },
    )
    with rasterio.open(out) as src:
        values = src.read(1)
        tags = src.tags()
    inside = values[values != -9999]
    assert len(inside) and np.nanmax(inside) <= 100 and np.nanmin(inside) >= 0
    assert SYNTHETIC_LABEL in tags["TIFFTAG_IMAGEDESCRIPTION"]


def test_surface_bad_input(tmp_path):
    text = run_algorithm_error(
        SURFACE, {"AREAS": AREAS, "NUMERATOR": "EWZ_2018", "OUTPUT": str(tmp_path / "x.tif")}
    )
    assert "numerator and a denominator" in text
    text = run_algorithm_error(SURFACE, {"AREAS": AREAS, "OUTPUT": str(tmp_path / "y.tif")})
    assert "Give a field" in text
