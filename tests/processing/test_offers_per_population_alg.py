"""sozialplanung:offersperpopulation in real QGIS Processing."""

import sqlite3

import pytest
from qgis.core import (
    QgsApplication,
    QgsGraduatedSymbolRenderer,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from geolib.io import SYNTHETIC_LABEL, read_provenance, read_vector
from tests._qgis import memory_layer as _memory_layer
from tests._qgis import run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG

ALG = "sozialplanung:offersperpopulation"
AREAS = f"{KREIS_GPKG}|layername=gemeinden"


def test_provider_is_registered_with_german_group_names_untranslated_in_english():
    provider = QgsApplication.processingRegistry().providerById("sozialplanung")
    assert provider is not None
    alg = provider.algorithm("offersperpopulation")
    assert alg.displayName() == "Offers per inhabitants"
    assert "offers_per_1000" in alg.shortHelpString()


def test_runs_on_real_municipalities_and_writes_styled_documented_gpkg(examples, tmp_path):
    out = tmp_path / "opp.gpkg"
    results, _ = run_algorithm(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "AREAS": AREAS,
            "POPULATION_FIELD": "EWZ_2018",
            "CATEGORY_FIELD": "category",
            "OUTPUT": str(out),
        },
    )
    gdf = read_vector(out)
    offers = read_vector(examples["offers"], layer="offers")
    assert len(gdf) == 49
    assert gdf["offers"].sum() == len(offers)
    assert {"offers_per_1000", "rate_note", "n_senioren"} <= set(gdf.columns)
    expected = gdf["offers"] / gdf["EWZ_2018"] * 1000
    assert (gdf["offers_per_1000"] - expected).abs().max() < 1e-9
    layer_name = gdf.attrs.get("layer") or "opp"
    con = sqlite3.connect(out)
    styled = con.execute("SELECT f_table_name, useAsDefault FROM layer_styles").fetchall()
    con.close()
    assert styled == [(layer_name, 1)]
    prov = read_provenance(out, layer_name)
    assert prov["synthetic"] is True and prov["synthetic_label"] == SYNTHETIC_LABEL
    assert "OFFERS" in prov["inputs"]
    # QGIS opens it styled (default style from the GeoPackage)
    layer = QgsVectorLayer(str(out), "opp", "ogr")
    assert isinstance(layer.renderer(), QgsGraduatedSymbolRenderer)
    assert layer.renderer().classAttribute() == "offers_per_1000"
    # the layer loaded into the project after the run gets the style as well
    loaded = QgsVectorLayer(results["OUTPUT"], "o", "ogr")
    assert loaded.isValid()


def test_selected_features_only_is_honoured(examples, tmp_path):
    areas = QgsVectorLayer(AREAS, "gemeinden", "ogr")
    QgsProject.instance().addMapLayer(areas)
    try:
        ids = [f.id() for f in areas.getFeatures() if f["GEN"] in ("Elmshorn", "Wedel")]
        areas.selectByIds(ids)
        results, _ = run_algorithm(
            ALG,
            {
                "OFFERS": str(examples["offers"]),
                "AREAS": QgsProcessingFeatureSourceDefinition(areas.id(), True),
                "POPULATION_FIELD": "EWZ_2018",
                "OUTPUT": "memory:",
            },
        )
        out = results["OUTPUT"]
        out = out if isinstance(out, QgsVectorLayer) else QgsProject.instance().mapLayer(out)
        assert sorted(f["GEN"] for f in out.getFeatures()) == ["Elmshorn", "Wedel"]
    finally:
        QgsProject.instance().removeMapLayer(areas.id())


def test_outside_offers_and_zero_population_are_reported(tmp_path):
    areas = _memory_layer(
        "Polygon?crs=EPSG:25832&field=name:string&field=pop:integer",
        [
            ("POLYGON((0 0,100 0,100 100,0 100,0 0))", ["A", 1000]),
            ("POLYGON((100 0,200 0,200 100,100 100,100 0))", ["B", 0]),
        ],
    )
    offers = _memory_layer(
        "Point?crs=EPSG:25832&field=offer_id:string",
        [
            ("POINT(10 10)", ["x1"]),
            ("POINT(150 10)", ["x2"]),
            ("POINT(900 900)", ["far"]),
            (None, ["nogeom"]),
        ],
    )
    results, feedback = run_algorithm(
        ALG, {"OFFERS": offers, "AREAS": areas, "POPULATION_FIELD": "pop", "OUTPUT": "memory:"}
    )
    layer = results["OUTPUT"]
    rows = {f["name"]: f for f in layer.getFeatures()}
    assert rows["A"]["offers_per_1000"] == pytest.approx(1.0)
    assert rows["B"]["offers_per_1000"] is None or str(rows["B"]["offers_per_1000"]) == "NULL"
    assert rows["B"]["rate_note"] == "population is 0 or negative"
    assert "Offers outside every area (1): far" in feedback.text
    assert "1 features of the offers layer have no geometry" in feedback.text


def _shapefile_without_prj(tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    path = tmp_path / "no_crs.shp"
    gpd.GeoDataFrame({"pop": [5]}, geometry=[box(0, 0, 1, 1)]).to_file(path)
    assert not path.with_suffix(".prj").exists()
    return str(path)


def test_layer_without_crs_is_refused_with_advice(tmp_path):
    offers = _memory_layer("Point?crs=EPSG:25832", [("POINT(0 0)", [])])
    message = run_algorithm_error(
        ALG,
        {
            "OFFERS": offers,
            "AREAS": _shapefile_without_prj(tmp_path),
            "POPULATION_FIELD": "pop",
            "OUTPUT": "memory:",
        },
    )
    assert "input 'Areas (polygons)' (layer 'no_crs') has no coordinate reference system" in message
    assert "Traceback" not in message


def test_empty_layer_and_text_population_are_refused():
    areas = _memory_layer(
        "Polygon?crs=EPSG:25832&field=pop:string", [("POLYGON((0 0,1 0,1 1,0 0))", ["viele"])]
    )
    offers = _memory_layer("Point?crs=EPSG:25832", [("POINT(0 0)", [])])
    message = run_algorithm_error(
        ALG, {"OFFERS": offers, "AREAS": areas, "POPULATION_FIELD": "pop", "OUTPUT": "memory:"}
    )
    assert "is not numeric" in message and "'viele'" in message
    empty = _memory_layer("Point?crs=EPSG:25832", [])
    message = run_algorithm_error(
        ALG, {"OFFERS": empty, "AREAS": AREAS, "POPULATION_FIELD": "EWZ_2018", "OUTPUT": "memory:"}
    )
    assert "offers layer is empty" in message


def test_unwritable_output_is_refused(examples, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    message = run_algorithm_error(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "AREAS": AREAS,
            "POPULATION_FIELD": "EWZ_2018",
            "OUTPUT": str(blocker / "out.gpkg"),
        },
    )
    assert "out.gpkg" in message
    assert "Traceback" not in message


def test_messages_are_german_with_the_translation(examples, tmp_path):
    from qgis.PyQt.QtCore import QCoreApplication

    from sozialplanung_plugin.i18n import install_translator, remove_translator

    translator = install_translator("de")
    try:
        assert translator is not None
        provider = QgsApplication.processingRegistry().providerById("sozialplanung")
        alg = provider.algorithm("offersperpopulation").create()
        assert alg.displayName() == "Angebote je Einwohner"
        areas = _shapefile_without_prj(tmp_path)
        message = run_algorithm_error(
            ALG,
            {
                "OFFERS": str(examples["offers"]),
                "AREAS": areas,
                "POPULATION_FIELD": "pop",
                "OUTPUT": "memory:",
            },
        )
        assert (
            "Der Layer „no_crs“ der Eingabe „Gebiete (Polygone)“ hat kein Koordinatenbezugssystem"
            in message
        )
        assert QCoreApplication.translate("geolib", "offers layer") == "Angebotslayer"
        # the reason of a NULL rate is a value in the output, also in German
        zero = _memory_layer(
            "Polygon?crs=EPSG:25832&field=pop:integer",
            [("POLYGON((0 0,100 0,100 100,0 100,0 0))", [0])],
        )
        results, _ = run_algorithm(
            ALG,
            {
                "OFFERS": str(examples["offers"]),
                "AREAS": zero,
                "POPULATION_FIELD": "pop",
                "OUTPUT": "memory:",
            },
        )
        notes = [f["rate_note"] for f in results["OUTPUT"].getFeatures()]
        assert notes == [
            QCoreApplication.translate(
                "OffersPerPopulationAlgorithm", "population is 0 or negative"
            )
        ]
        assert notes[0] != "population is 0 or negative"
    finally:
        remove_translator(translator)


def test_invalid_polygon_is_repaired_even_when_processing_would_abort():
    from qgis.core import QgsFeatureRequest, QgsProcessingContext

    areas = _memory_layer(
        "Polygon?crs=EPSG:25832&field=pop:integer",
        [("POLYGON((0 0,100 100,100 0,0 100,0 0))", [1000])],  # a bow-tie
    )
    offers = _memory_layer("Point?crs=EPSG:25832", [("POINT(90 50)", []), ("POINT(10 50)", [])])
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid)
    results, feedback = run_algorithm(
        ALG,
        {"OFFERS": offers, "AREAS": areas, "POPULATION_FIELD": "pop", "OUTPUT": "memory:"},
        context=context,
    )
    (feature,) = results["OUTPUT"].getFeatures()
    assert feature["offers"] == 2
    assert feature.geometry().isGeosValid()
    assert "1 invalid polygons of the area layer were repaired" in feedback.text


def _areas_with_children(examples, tmp_path):
    import pandas as pd

    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    ind = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    latest = ind[ind["year"] == ind["year"].max()][["ags", "children_u15"]]
    areas = gemeinden.merge(latest, left_on="AGS", right_on="ags", how="left").drop(columns="ags")
    path = tmp_path / "areas.gpkg"
    areas.to_file(path, layer="areas")
    return str(path), latest


def test_target_group_rates_and_pooled_planning_regions(examples, tmp_path):
    areas, latest = _areas_with_children(examples, tmp_path)
    out, groups = tmp_path / "opp.gpkg", tmp_path / "groups.gpkg"
    run_algorithm(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "AREAS": areas,
            "POPULATION_FIELD": "EWZ_2018",
            "CATEGORY_FIELD": "category",
            "TARGET_GROUP_FIELD": "target_groups",
            "TARGET_GROUP": "Kinder",
            "TARGET_POPULATION_FIELD": "children_u15",
            "GROUPS": str(examples["planungsraeume"]),
            "AREA_KEY_FIELD": "AGS",
            "GROUP_KEY_FIELD": "ags",
            "GROUP_FIELDS": ["planungsraum", "kreis"],
            "OUTPUT": str(out),
            "OUTPUT_GROUPS": str(groups),
        },
    )
    per_area = read_vector(out)
    assert {"n_tg_kinder", "tg_kinder_per_1000", "n_kinder_jugend_und_familie"} <= set(
        per_area.columns
    )
    pooled = read_vector(groups)
    assert set(pooled["level"]) == {"planungsraum", "kreis"}
    kreis = pooled[pooled["level"] == "kreis"].iloc[0]
    assert kreis["group"] == "Kreis Pinneberg" and kreis["n_areas"] == 49
    assert kreis["offers"] == per_area["offers"].sum()
    assert kreis["children_u15"] == latest["children_u15"].sum()
    assert kreis["tg_kinder_per_1000"] == pytest.approx(
        per_area["n_tg_kinder"].sum() / latest["children_u15"].sum() * 1000
    )
    regions = pooled[pooled["level"] == "planungsraum"]
    assert regions["offers"].sum() == per_area["offers"].sum()
    assert (regions["EWZ_2018"].sum()) == per_area["EWZ_2018"].sum()


def test_group_table_and_its_output_go_together(examples, tmp_path):
    base = {
        "OFFERS": str(examples["offers"]),
        "AREAS": AREAS,
        "POPULATION_FIELD": "EWZ_2018",
        "OUTPUT": "memory:",
    }
    groups = tmp_path / "groups.gpkg"
    message = run_algorithm_error(ALG, {**base, "OUTPUT_GROUPS": str(groups)})
    assert "The output 'Offers per inhabitants by group' needs the input 'Group table" in message
    assert not groups.exists()
    _, feedback = run_algorithm(ALG, {**base, "GROUPS": str(examples["planungsraeume"])})
    unused = "The input 'Group table (e.g. planungsraeume.csv)' is used only"
    assert any(unused in w for w in feedback.warnings)


def test_target_group_without_population_field_is_refused(examples):
    message = run_algorithm_error(
        ALG,
        {
            "OFFERS": str(examples["offers"]),
            "AREAS": AREAS,
            "POPULATION_FIELD": "EWZ_2018",
            "TARGET_GROUP_FIELD": "target_groups",
            "TARGET_GROUP": "Kinder",
            "OUTPUT": "memory:",
        },
    )
    assert "Give both the target group and the population field" in message


def test_outside_offers_are_named_by_the_offer_id_field_or_their_row():
    areas = _memory_layer(
        "Polygon?crs=EPSG:25832&field=name:string&field=pop:integer",
        [("POLYGON((0 0,100 0,100 100,0 100,0 0))", ["A", 1000])],
    )
    offers = _memory_layer(
        "Point?crs=EPSG:25832&field=title:string",
        [("POINT(10 10)", ["Kita Nord"]), ("POINT(900 900)", ["Kita weit"])],
    )
    common = {"OFFERS": offers, "AREAS": areas, "POPULATION_FIELD": "pop", "OUTPUT": "memory:"}
    _, feedback = run_algorithm(ALG, {**common, "OFFER_ID_FIELD": "title"})
    assert "Offers outside every area (1): Kita weit" in feedback.text
    # without an id field: the row number, as in catchments and accessibility
    _, feedback = run_algorithm(ALG, common)
    assert "Offers outside every area (1): 2" in feedback.text
