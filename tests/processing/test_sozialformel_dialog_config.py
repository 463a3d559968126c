"""The Sozialformel's settings in the Processing dialog over a preset, the settings saved as a
preset, and the indicator and group tables from any table layer (real QGIS, real PostGIS)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyogrio
import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProject,
    QgsVectorLayer,
)

from geolib.io import read_provenance
from geolib.sozialformel import (
    CLASSIFICATIONS,
    COMBINATIONS,
    MISSING_POLICIES,
    PINNEBERG_PRESET,
    POST_SCALINGS,
    SCALINGS,
    config_to_mapping,
    load_config,
    read_groups,
    read_indicator_table,
    sozialformel,
)
from processing_algorithms import sozialformel_config as sc
from tests._qgis import recording_feedback, run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG

ALG = "sozialplanung:sozialformel"
AREAS = f"{KREIS_GPKG}|layername=gemeinden"
GROUP_FIELD = "planungsraum, kreis, groesse"
SECRET = "Geheim-Tabelle-0815"

# three indicators of the example table, one reversed, unequal weights, a German decimal
MATRIX = [
    ["kinderarmut", "children_u15_sgb2", "children_u15", "", "2", "", "", "Kinder"],
    ["bg_anteil", "bedarfsgemeinschaften", "households", "nein", "0,5", "rate", "1000", ""],
    ["einkommen", "income_total_eur", "taxpayers", "ja", "1.5", "mean", "", ""],
]
EQUIVALENT_TOML = """
title = "Testformel"
description = {description}
reference_year = 2019
scaling = "zscore"
combination = "sum"
post_scaling = "minmax"
threshold = 4
min_denominator = 20
suppress_index = false
missing = "refuse"

[classes]
method = "equal_interval"
count = 4

[[indicators]]
name = "kinderarmut"
label = "Kinder"
numerator = "children_u15_sgb2"
denominator = "children_u15"
weight = 2

[[indicators]]
name = "bg_anteil"
numerator = "bedarfsgemeinschaften"
denominator = "households"
per = 1000
weight = 0.5

[[indicators]]
name = "einkommen"
numerator = "income_total_eur"
denominator = "taxpayers"
kind = "mean"
reverse = true
weight = 1.5
"""


def _params(tmp_path, table, **extra):
    params = {
        "AREAS": AREAS,
        "AREA_KEY": "AGS",
        "TABLE": table,
        "OUTPUT": str(tmp_path / "sf.gpkg"),
        "OUTPUT_TABLE": str(tmp_path / "sf_table.gpkg"),
        "OUTPUT_GROUPS": None,
        "OUTPUT_REPORT": None,
    }
    params.update(extra)
    return params


def _dialog(**extra):
    """The dialog's settings equivalent to EQUIVALENT_TOML (enum values are indexes)."""
    return {
        "INDICATORS": [cell for row in MATRIX for cell in row],
        "SCALING": SCALINGS.index("zscore"),
        "COMBINATION": COMBINATIONS.index("sum"),
        "POST_SCALING": POST_SCALINGS.index("minmax"),
        "CLASS_METHOD": CLASSIFICATIONS.index("equal_interval"),
        "CLASS_COUNT": 4,
        "THRESHOLD": 4,
        "MIN_DENOMINATOR": 20,
        "SUPPRESS_INDEX": 1,  # no
        "MISSING": MISSING_POLICIES.index("refuse"),
        "TITLE": "Testformel",
        **extra,
    }


def _long(path) -> pd.DataFrame:
    frame = pyogrio.read_dataframe(path, read_geometry=False)
    return frame.sort_values(["ags", "year"]).reset_index(drop=True)


def _same_index(frame: pd.DataFrame, expected: pd.DataFrame) -> None:
    """The index per key and year of an output equals geolib's (NULL where geolib's NaN)."""
    got = frame.set_index(["ags", "year"])
    want = expected.set_index(["ags", "year"]).reindex(got.index)
    assert len(got) == len(expected)
    for column in ("index_value", "index_rank", "index_class"):
        np.testing.assert_array_equal(
            got[column].to_numpy(dtype=float), want[column].to_numpy(dtype=float), column
        )


# --- the dialog's settings over the preset ------------------------------------------------------
def test_dialog_settings_give_the_result_of_the_same_toml_and_save_it(examples, tmp_path):
    description = load_config(PINNEBERG_PRESET).description
    toml = tmp_path / "equivalent.toml"
    toml.write_text(EQUIVALENT_TOML.format(description=f'"{description}"'), encoding="utf-8")
    expected_config = load_config(toml)
    table = read_indicator_table(examples["indikatoren_csv"], config=expected_config)
    expected = sozialformel(table, config=expected_config)

    saved = tmp_path / "gespeichert.toml"
    params = _params(
        tmp_path, str(examples["indikatoren_csv"]), **_dialog(OUTPUT_CONFIG=str(saved))
    )
    results, _ = run_algorithm(ALG, params)
    assert results["OUTPUT_CONFIG"] == str(saved)
    _same_index(_long(params["OUTPUT_TABLE"]), expected.table)
    assert load_config(saved) == expected_config
    text = saved.read_text(encoding="utf-8")
    assert "INDICATORS" in text.splitlines()[1]  # the header names what the dialog set

    # the saved preset, run without any dialog setting, gives the same outputs
    again = tmp_path / "again"
    again.mkdir()
    params2 = _params(again, str(examples["indikatoren_csv"]), CONFIG=str(saved))
    run_algorithm(ALG, params2)
    pd.testing.assert_frame_equal(_long(params2["OUTPUT_TABLE"]), _long(params["OUTPUT_TABLE"]))
    areas = pyogrio.read_dataframe(params2["OUTPUT"], layer="sf", read_geometry=False)
    first = pyogrio.read_dataframe(params["OUTPUT"], layer="sf", read_geometry=False)
    pd.testing.assert_frame_equal(areas, first)


def test_one_setting_overrides_only_itself_and_the_preset_is_the_base(examples, tmp_path):
    # only the scaling set: the preset's indicators, weights and everything else stay
    mapping = config_to_mapping(load_config(PINNEBERG_PRESET))
    mapping["scaling"] = "percentile"
    config = load_config(mapping)
    expected = sozialformel(
        read_indicator_table(examples["indikatoren_csv"], config=config), config=config
    )
    params = _params(
        tmp_path,
        str(examples["indikatoren_csv"]),
        SCALING=SCALINGS.index("percentile"),
        INDICATORS=[],  # empty: the preset's
        CLASS_COUNT=None,
        OUTPUT_CONFIG=str(tmp_path / "p.toml"),
    )
    run_algorithm(ALG, params)
    _same_index(_long(params["OUTPUT_TABLE"]), expected.table)
    assert load_config(tmp_path / "p.toml") == config
    # and the preset alone differs: the setting did change the result
    plain = sozialformel(read_indicator_table(examples["indikatoren_csv"]), config=load_config())
    assert not np.allclose(
        plain.table["index_value"].fillna(-1).to_numpy(),
        expected.table["index_value"].fillna(-1).to_numpy(),
    )


def test_custom_breaks_in_the_dialog(examples, tmp_path):
    params = _params(
        tmp_path,
        str(examples["indikatoren_csv"]),
        CLASS_BREAKS="25; 50; 62,5",
        OUTPUT_CONFIG=str(tmp_path / "c.toml"),
    )
    run_algorithm(ALG, params)
    config = load_config(tmp_path / "c.toml")
    assert config.class_method == "custom" and config.class_breaks == (25.0, 50.0, 62.5)


def test_class_thresholds_of_each_year_from_the_dialog(examples, tmp_path):
    # the preset fixes the thresholds to the reference year; the dialog asks for each year's
    mapping = config_to_mapping(load_config(PINNEBERG_PRESET))
    mapping["classes"]["per_year"] = True
    config = load_config(mapping)
    table = read_indicator_table(examples["indikatoren_csv"], config=config)
    expected = sozialformel(table, config=config)
    fixed = sozialformel(table, config=load_config(PINNEBERG_PRESET))
    params = _params(
        tmp_path,
        str(examples["indikatoren_csv"]),
        CLASS_YEARS=1,
        OUTPUT_CONFIG=str(tmp_path / "y.toml"),
    )
    run_algorithm(ALG, params)
    _same_index(_long(params["OUTPUT_TABLE"]), expected.table)
    assert load_config(tmp_path / "y.toml") == config
    # the setting changed the classes of some year (else this test proves nothing)
    assert not np.array_equal(
        expected.table["index_class"].fillna(-1).to_numpy(),
        fixed.table["index_class"].fillna(-1).to_numpy(),
    )
    # a class count set alone keeps the preset's choice of thresholds
    again = tmp_path / "again"
    again.mkdir()
    params = _params(
        again, str(examples["indikatoren_csv"]), CLASS_COUNT=4, OUTPUT_CONFIG=str(again / "c.toml")
    )
    run_algorithm(ALG, params)
    assert load_config(again / "c.toml").class_per_year is False


@pytest.mark.parametrize(
    ("cells", "row", "column", "value"),
    [
        (["Kinder Armut", "a", "b", "", "", "", "", ""], 1, "Name", "Kinder Armut"),
        (["a", "", "b", "", "", "", "", ""], 1, "Numerator", ""),
        (
            ["a", "x", "n", "", "", "", "", "", "b", "x", "n", "", "abc", "", "", ""],
            2,
            "Weight",
            "abc",
        ),
        (["a", "x", "n", "", "-1", "", "", ""], 1, "Weight", "-1"),
        (["a", "x", "n", "vielleicht", "", "", "", ""], 1, "Reverse", "vielleicht"),
        (["a", "x", "n", "", "", "share", "", ""], 1, "Kind", "share"),
        (["a", "x", "n", "", "", "", "0", ""], 1, "Per", "0"),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column(cells, row, column, value):
    with pytest.raises(QgsProcessingException) as err:
        sc.indicator_rows(cells)
    text = str(err.value)
    assert f"row {row}," in text and f"column '{column}" in text and f"'{value}'" in text


def test_bad_tables_and_contradicting_classes_are_refused_in_the_run(examples, tmp_path):
    table = str(examples["indikatoren_csv"])
    text = run_algorithm_error(
        ALG, _params(tmp_path, table, INDICATORS=["a", "x", "n", "", "zwei", "", "", ""])
    )
    assert "row 1" in text and "Weight" in text and "zwei" in text
    text = run_algorithm_error(ALG, _params(tmp_path, table, INDICATORS=["a", "x", "n"]))
    assert "3 values" in text and "8 columns" in text
    twice = ["a", "x", "n", "", "", "", "", ""] * 2
    text = run_algorithm_error(ALG, _params(tmp_path, table, INDICATORS=twice))
    assert "Rows 1 and 2" in text and "'a'" in text
    text = run_algorithm_error(ALG, _params(tmp_path, table, INDICATORS=["a", "x", "n"] + [""] * 5))
    assert "'x'" in text and "indicator 'a'" in text  # geolib: the table lacks the column
    text = run_algorithm_error(
        ALG, _params(tmp_path, table, CLASS_METHOD=CLASSIFICATIONS.index("custom"))
    )
    assert "Class breaks" in text
    text = run_algorithm_error(ALG, _params(tmp_path, table, CLASS_METHOD=0, CLASS_BREAKS="20; 40"))
    assert "Class breaks" in text and "custom" in text
    text = run_algorithm_error(ALG, _params(tmp_path, table, CLASS_BREAKS="20; vierzig"))
    assert "vierzig" in text
    text = run_algorithm_error(ALG, _params(tmp_path, table, GROUPS=str(tmp_path / "fehlt.csv")))
    assert "fehlt.csv" in text and "does not exist" in text and "Groups" in text
    # a scaling against the reference needs its year: geolib's message names the setting
    text = run_algorithm_error(
        ALG, _params(tmp_path, table, REFERENCE_YEAR=2030, YEARS="2022-2023")
    )
    assert "2030" in text


def test_every_choice_has_a_label_in_the_dialog():
    for what, words in sc.WORDS.items():
        assert set(sc.LABELS[what]) == set(words), what


# --- the tables from any table layer ----------------------------------------------------------
@pytest.fixture(scope="module")
def reference(examples, tmp_path_factory):
    """The run with the files' paths, as before: the outputs every source kind must give."""
    tmp = tmp_path_factory.mktemp("reference")
    params = _params(
        tmp,
        str(examples["indikatoren_csv"]),
        GROUPS=str(examples["planungsraeume"]),
        GROUP_FIELD=GROUP_FIELD,
        OUTPUT_GROUPS=str(tmp / "groups.gpkg"),
    )
    run_algorithm(ALG, params)
    return _long(params["OUTPUT_TABLE"]), _groups(params["OUTPUT_GROUPS"])


def _groups(path) -> pd.DataFrame:
    frame = pyogrio.read_dataframe(path, read_geometry=False)
    return frame.sort_values(["grouping", "group_name", "year"]).reset_index(drop=True)


def _run_with(tmp_path, table, groups, *, context=None):
    params = _params(
        tmp_path,
        table,
        GROUPS=groups,
        GROUP_FIELD=GROUP_FIELD,
        OUTPUT_GROUPS=str(tmp_path / "groups.gpkg"),
    )
    _, feedback = run_algorithm(ALG, params, context=context)
    return _long(params["OUTPUT_TABLE"]), _groups(params["OUTPUT_GROUPS"]), feedback, params


def _assert_same(reference, got_table, got_groups):
    ref_table, ref_groups = reference
    pd.testing.assert_frame_equal(got_table, ref_table)
    pd.testing.assert_frame_equal(got_groups, ref_groups)


def _delimited(path) -> QgsVectorLayer:
    uri = f"file://{path}?type=csv&delimiter=,&detectTypes=yes&geomType=none"
    layer = QgsVectorLayer(uri, path.stem, "delimitedtext")
    assert layer.isValid()
    return layer


def test_csv_layers_of_both_providers_with_lost_leading_zeros(examples, reference, tmp_path):
    # QGIS's delimited-text provider reads a key as a number: a spreadsheet's CSV export
    # (1056001) always, the example CSV (01056001) on QGIS 3.22 (newer keep it as text)
    exported = tmp_path / "export.csv"
    frame = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    frame.assign(ags=frame["ags"].astype(int)).to_csv(exported, index=False)
    table = _delimited(exported)
    assert table.fields().field("ags").isNumeric()
    assert next(table.getFeatures())["ags"] == 1056001
    groups = _delimited(examples["planungsraeume"])
    got_table, got_groups, feedback, params = _run_with(tmp_path, table, groups)
    _assert_same(reference, got_table, got_groups)
    assert "leading zero" in feedback.text and "padded to 8 digits" in feedback.text
    inputs = read_provenance(params["OUTPUT"], "sf")["inputs"]
    assert "export.csv" in inputs["TABLE"] and "planungsraeume.csv" in inputs["GROUPS"]
    as_is = tmp_path / "as_is"
    as_is.mkdir()
    table = _delimited(examples["indikatoren_csv"])
    _assert_same(reference, *_run_with(as_is, table, groups)[:2])
    # GDAL's CSV driver (the "ogr" provider) reads every column as text
    ogr_dir = tmp_path / "ogr"
    ogr_dir.mkdir()
    table = QgsVectorLayer(str(examples["indikatoren_csv"]), "t", "ogr")
    groups = QgsVectorLayer(str(examples["planungsraeume"]), "g", "ogr")
    assert table.isValid() and not table.fields().field("ags").isNumeric()
    _assert_same(reference, *_run_with(ogr_dir, table, groups)[:2])


def test_xlsx_and_geopackage_tables(examples, reference, tmp_path):
    indicators = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    mapping = pd.read_csv(examples["planungsraeume"], dtype=str)
    xlsx = tmp_path / "tabellen.xlsx"
    with pd.ExcelWriter(xlsx) as writer:  # the AGS as numbers, as a spreadsheet keeps them
        indicators.assign(ags=indicators["ags"].astype(int)).to_excel(
            writer, sheet_name="indikatoren", index=False
        )
        mapping.assign(ags=mapping["ags"].astype(int)).to_excel(
            writer, sheet_name="gruppen", index=False
        )
    table = QgsVectorLayer(f"{xlsx}|layername=indikatoren", "t", "ogr")
    groups = QgsVectorLayer(f"{xlsx}|layername=gruppen", "g", "ogr")
    assert table.isValid() and table.fields().field("ags").isNumeric()
    out = tmp_path / "xlsx"
    out.mkdir()
    _assert_same(reference, *_run_with(out, table, groups)[:2])
    gpkg = tmp_path / "tabellen.gpkg"
    pyogrio.write_dataframe(indicators, gpkg, layer="indikatoren")
    pyogrio.write_dataframe(mapping, gpkg, layer="gruppen")
    table = QgsVectorLayer(f"{gpkg}|layername=indikatoren", "t", "ogr")
    groups = QgsVectorLayer(f"{gpkg}|layername=gruppen", "g", "ogr")
    assert "fid" in groups.fields().names()  # the GeoPackage's row id is no group field
    out = tmp_path / "gpkg"
    out.mkdir()
    _assert_same(reference, *_run_with(out, table, groups)[:2])
    every = _params(out, table, GROUPS=groups, OUTPUT_GROUPS=str(out / "all.gpkg"))
    run_algorithm(ALG, every)  # no group field: every column of the table but key and name
    assert set(_groups(every["OUTPUT_GROUPS"])["grouping"]) == {
        "planungsraum",
        "planungsraum_rs",
        "kreis",
        "groesse",
    }
    # a project's layer, chosen by its id as the dialog passes it
    project = QgsProject()
    project.addMapLayers([table, groups])
    context = QgsProcessingContext()
    context.setProject(project)
    out = tmp_path / "project"
    out.mkdir()
    _assert_same(reference, *_run_with(out, table.id(), groups.id(), context=context)[:2])


def _child(alg_id, child_id, sources, outputs=None):
    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    for name, value in sources.items():
        if isinstance(value, tuple):  # (child id, output name)
            source = QgsProcessingModelChildParameterSource.fromChildOutput(*value)
        else:
            source = QgsProcessingModelChildParameterSource.fromStaticValue(value)
        child.addParameterSources(name, [source])
    model_outputs = {}
    for model_name, output_name in (outputs or {}).items():
        out = QgsProcessingModelOutput(model_name)
        out.setChildOutputName(output_name)
        out.setChildId(child_id)
        model_outputs[model_name] = out
    child.setModelOutputs(model_outputs)
    return child


def test_tables_from_a_model_step(examples, reference, tmp_path):
    """The indicator and group tables as the outputs of earlier steps of a model
    (temporary memory layers)."""
    import processing

    model = QgsProcessingModelAlgorithm("tables_from_steps", "tests")
    for child_id, path in (("t", examples["indikatoren_csv"]), ("g", examples["planungsraeume"])):
        model.addChildAlgorithm(
            _child(
                "native:extractbyexpression",
                child_id,
                {"INPUT": str(path), "EXPRESSION": '"ags" IS NOT NULL'},
            )
        )
    model.addChildAlgorithm(
        _child(
            ALG,
            "sf",
            {
                "AREAS": AREAS,
                "AREA_KEY": "AGS",
                "TABLE": ("t", "OUTPUT"),
                "GROUPS": ("g", "OUTPUT"),
                "GROUP_FIELD": GROUP_FIELD,
            },
            {"index": "OUTPUT", "table": "OUTPUT_TABLE", "groups": "OUTPUT_GROUPS"},
        )
    )
    model.updateDestinationParameters()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = {
        "sf:index": str(tmp_path / "sf.gpkg"),
        "sf:table": str(tmp_path / "sf_table.gpkg"),
        "sf:groups": str(tmp_path / "groups.gpkg"),
    }
    processing.run(model, params, feedback=recording_feedback(), context=context)
    _assert_same(reference, _long(params["sf:table"]), _groups(params["sf:groups"]))
    inputs = read_provenance(params["sf:index"], "sf")["inputs"]
    assert "(memory)" in inputs["TABLE"] and "uid=" not in inputs["TABLE"]


@pytest.fixture
def postgis_tables(postgres, examples, tmp_path):
    """The example tables in PostGIS: the indicators with a text AGS and a serial id,
    the groups with an integer AGS as the primary key."""
    name = f"tables_{tmp_path.name[-8:].replace('-', '_')}".lower()
    conninfo = postgres.create_database(name)
    indicators = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    counts = [c for c in indicators.columns if c not in ("ags", "name", "source_note")]
    columns = ", ".join(f"{c} bigint" for c in counts)
    postgres.psql(
        f"CREATE TABLE indikatoren (id serial PRIMARY KEY, ags text, name text, {columns}, "
        "source_note text);"
        "CREATE TABLE gruppen (ags integer PRIMARY KEY, name text, planungsraum text, "
        "planungsraum_rs text, kreis text, groesse text);",
        name,
    )
    postgres.copy_in("indikatoren", indicators, name)
    mapping = pd.read_csv(examples["planungsraeume"], dtype=str)
    postgres.copy_in("gruppen", mapping.assign(ags=mapping["ags"].astype(int)), name)

    def layer(table: str, key: str) -> QgsVectorLayer:
        uri = QgsDataSourceUri(f"{conninfo} password='{SECRET}'")
        uri.setDataSource("public", table, None, "", key)
        found = QgsVectorLayer(uri.uri(False), table, "postgres")
        assert found.isValid(), table
        return found

    return layer("indikatoren", "id"), layer("gruppen", "ags")


def test_postgis_tables_without_credentials_in_the_provenance(postgis_tables, reference, tmp_path):
    table, groups = postgis_tables
    assert groups.fields().field("ags").isNumeric()
    got_table, got_groups, _, params = _run_with(tmp_path, table, groups)
    _assert_same(reference, got_table, got_groups)
    provenance = read_provenance(params["OUTPUT"], "sf")
    assert SECRET not in str(provenance)
    assert "password='***'" in provenance["inputs"]["TABLE"]
    assert 'table="public"."gruppen"' in provenance["inputs"]["GROUPS"]


def test_the_sozialbericht_takes_its_groups_from_a_layer(examples, reference, tmp_path):
    sf = tmp_path / "sf"
    sf.mkdir()
    _, _, _, params = _run_with(
        sf, str(examples["indikatoren_csv"]), str(examples["planungsraeume"])
    )
    out = tmp_path / "bericht"
    run_algorithm(
        "sozialplanung:sozialbericht",
        {
            "AREAS": params["OUTPUT"],
            "AREA_YEARS": params["OUTPUT_TABLE"],
            "GROUP_YEARS": params["OUTPUT_GROUPS"],
            "GROUPS": _delimited(examples["planungsraeume"]),
            "OUTPUT_FOLDER": str(out),
        },
    )
    text = (out / "data.js").read_text(encoding="utf-8")
    members = read_groups(examples["planungsraeume"])
    assert all(f'"{key}"' in text for key in members["ags"])
