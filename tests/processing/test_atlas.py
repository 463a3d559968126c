"""The Sozialplanungsatlas: project, groups, languages, reruns and refused input, built
by QGIS itself (the layouts and maps: test_atlas_maps.py)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from geolib.io import (
    OutputLayer,
    Provenance,
    read_provenance,
    read_style,
    read_vector,
    write_gpkg,
)
from tests._qgis import german, recording_feedback, run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG
from tests.processing._atlas import (
    GROUPS,
    GROUPS_EN,
    OTHER_THEME,
    THEME_IDS,
    _groups_by_theme,
    _image_stats,
    _legend_labels,
    _numeric_context,
    _print_layouts,
    _read_project,
    _report_names,
)


def test_the_project_opens_with_every_layer_valid_and_styled(atlas):
    _folder, gpkg, result = atlas
    project = _read_project(result.project)
    layers = {layer.shortName(): layer for layer in project.mapLayers().values()}
    assert set(layers) == {
        "angebote_je_einwohner",
        "einzugsgebiete_fuss",
        "sozialformel",
        "zusatz_unbekannt",
        "gemeinden",
        "kreis",
    }
    for table, layer in layers.items():
        assert layer.isValid(), table
        qml = read_style(gpkg, table)
        assert qml is not None, f"{table} has no stored style"
        expected = re.search(r'<renderer-v2[^>]*\stype="([^"]+)"', qml).group(1)
        assert layer.renderer().type() == expected, table
    assert layers["sozialformel"].renderer().type() == "graduatedSymbol"
    assert layers["einzugsgebiete_fuss"].renderer().type() == "categorizedSymbol"
    assert layers["gemeinden"].labelsEnabled()
    assert layers["angebote_je_einwohner"].name() == "Angebote je 1.000 Einwohner"
    assert all(info.styled for info in result.layers)


def test_layers_are_grouped_by_theme_and_unknown_ones_reported(atlas):
    _, _, result = atlas
    project = _read_project(result.project)
    root = project.layerTreeRoot()
    names = [group.name() for group in root.children()]
    # the base map at the bottom, under every theme
    assert names == [*GROUPS[1:], "Weitere Ebenen", GROUPS[0]]

    def tables(group_name):
        group = root.findGroup(group_name)
        return sorted(node.layer().shortName() for node in group.findLayers())

    assert tables("Grundlagen") == ["gemeinden", "kreis"]
    assert tables("Hilfeportal") == []
    assert tables("Einzugsgebiete") == ["einzugsgebiete_fuss"]
    assert tables("Dichte und Erreichbarkeit") == ["angebote_je_einwohner"]
    assert tables("Sozialformel") == ["sozialformel"]
    assert tables("Weitere Ebenen") == ["zusatz_unbekannt"]
    assert result.unassigned == ["zusatz_unbekannt"]
    assert any("zusatz_unbekannt" in note and "Weitere Ebenen" in note for note in result.notes)
    assert any("Hilfeportal" in note for note in result.notes)


def test_the_project_opens_with_the_base_map_and_one_theme_visible(atlas):
    _, _, result = atlas
    project = _read_project(result.project)
    root = project.layerTreeRoot()
    visible = [g.name() for g in root.children() if g.itemVisibilityChecked()]
    # Hilfeportal has no layers here: the first theme with layers is shown
    assert visible == ["Einzugsgebiete", "Grundlagen"]
    order = [layer.shortName() for layer in root.layerOrder()]
    # drawn last (at the bottom): the opaque municipalities
    assert order[-1] == "gemeinden", order


def test_theme_table_matches_future_layer_names():
    from processing_algorithms.atlas_project import theme_of

    cases = {
        "einzugsgebiete_fuss": "einzugsgebiete",
        "versorgungsluecken": "einzugsgebiete",
        "angebotsdichte": "dichte_erreichbarkeit",
        "erreichbarkeit_2sfca": "dichte_erreichbarkeit",
        "angebote_je_einwohner": "dichte_erreichbarkeit",
        "hilfeportal_angebote": "hilfeportal",
        "Sozialformel_2023": "sozialformel",
        "sozialformel_oberflaeche": "sozialformel",
        "gemeinden": "grundlagen",
        "catchments_walk": "einzugsgebiete",
        "bevoelkerung_unversorgt": "einzugsgebiete",
        "offer_density": "dichte_erreichbarkeit",
        "angebote_hilfeportal": "hilfeportal",
        "sozialformel_planungsraeume": "sozialformel",
    }
    assert {name: theme_of(name).id for name in cases} == cases
    assert theme_of("etwas_anderes") is None


def test_without_a_translation_the_atlas_is_english(atlas_en):
    from processing_algorithms.atlas_project import language

    assert language() == "en"
    project = _read_project(atlas_en.project)
    assert _groups_by_theme(project) == dict(
        zip([*THEME_IDS, OTHER_THEME], [*GROUPS_EN, "Other layers"], strict=True)
    )
    layers = {layer.shortName(): layer for layer in project.mapLayers().values()}
    assert layers["angebote_je_einwohner"].name() == "Offers per 1,000 inhabitants"
    assert layers["gemeinden"].name() == "Municipalities"
    assert any("'Other layers'" in note for note in atlas_en.notes)
    layouts = _print_layouts(project)
    assert sorted(layouts) == sorted(
        ["Base map", "Catchments", "Density and accessibility", "Sozialformel"]
    )
    assert layouts["Base map"].itemById("subtitle").text() == (
        "Base map: Municipalities and Kreis boundary"
    )
    for name, layout in layouts.items():
        assert layout.itemById("legend").title() == "Legend", name
        scale = layout.itemById("scalebar").numericFormat()
        assert scale.formatDouble(2.5, _numeric_context()) == "2.5", name
        assert scale.formatDouble(1125, _numeric_context()) == "1,125", name
        assert layout.itemById("inset_caption").text() == "Helgoland (inset map)"
        assert layout.itemById("data_year").text().startswith("Data year: ")
        credits = layout.itemById("credits").text()
        assert re.search(
            r"· created \d{1,2} [A-Z][a-z]+ \d{4} with Sozialplanung for QGIS$", credits
        )
        if name != "Base map":
            assert layout.itemById("synthetic").text() == "synthetic example values"
    # the year of the population field (EWZ_2018) chosen for the analysis, stored in its
    # provenance; never borrowed from the base map
    stored = read_provenance(
        atlas_en.project.parent / "sozialplanungsatlas.gpkg", "angebote_je_einwohner"
    )["data_year"]
    assert "2018" in stored.split(", ")
    assert layouts["Density and accessibility"].itemById("data_year").text() == (
        f"Data year: {stored}"
    )
    labels = _legend_labels(layouts["Catchments"], "einzugsgebiete_fuss")
    assert labels and all(label.startswith("up to ") for label in labels), labels
    # every map a named layout; no report whose sections are all called "Section"
    assert _report_names(project) == []


def test_with_the_german_translation_the_atlas_is_german(atlas, atlas_en):
    from processing_algorithms.atlas_project import language

    _, _, result = atlas
    project = _read_project(result.project)
    # the same groups (told apart by their theme id), named in German
    groups = _groups_by_theme(project)
    assert groups == dict(zip([*THEME_IDS, OTHER_THEME], [*GROUPS, "Weitere Ebenen"], strict=True))
    assert groups.keys() == _groups_by_theme(_read_project(atlas_en.project)).keys()
    layouts = _print_layouts(project)
    for name, layout in layouts.items():
        assert layout.itemById("legend").title() == "Legende", name
        scale = layout.itemById("scalebar").numericFormat()
        assert scale.formatDouble(1125, _numeric_context()) == "1.125", name
        assert layout.itemById("inset_caption").text() == "Helgoland (Nebenkarte)"
        credits = layout.itemById("credits").text()
        assert re.search(r"· erstellt \d{2}\.\d{2}\.\d{4} mit Sozialplanung für QGIS$", credits)
    labels = _legend_labels(layouts["Einzugsgebiete"], "einzugsgebiete_fuss")
    assert labels and all(label.startswith("bis ") for label in labels), labels
    assert _report_names(project) == []
    with german():
        assert language() == "de"
    assert language() == "en"


def test_a_style_stored_in_english_is_shown_in_the_atlas_language(atlas):
    # the fixture ran offersperpopulation without a translation (an English QGIS):
    # its stored legend is English, the German atlas shows it in German
    _, gpkg, result = atlas
    assert "0 – 0.25" in read_style(gpkg, "angebote_je_einwohner")
    project = _read_project(result.project)
    (layer,) = [
        lay for lay in project.mapLayers().values() if lay.shortName() == "angebote_je_einwohner"
    ]
    labels = [item.label() for item in layer.renderer().legendSymbolItems()]
    assert "0 – 0,25" in labels and "0 – 0.25" not in labels, labels


def test_paths_are_relative_and_the_folder_can_be_moved(atlas, tmp_path):
    folder, _gpkg, result = atlas
    with zipfile.ZipFile(result.project) as zf:
        qgs = next(n for n in zf.namelist() if n.endswith(".qgs"))
        text = zf.read(qgs).decode("utf-8")
    sources = re.findall(r"<datasource>([^<]+)</datasource>", text)
    assert sources and all(s.startswith("./sozialplanungsatlas.gpkg") for s in sources), sources
    moved = tmp_path / "anderswo"
    shutil.copytree(folder, moved)
    hidden = folder.with_name(folder.name + "-weg")
    folder.rename(hidden)  # the original place is gone while the moved project is read
    try:
        project = _read_project(moved / "sozialplanungsatlas.qgz")
        layers = list(project.mapLayers().values())
        assert len(layers) == 6
        for layer in layers:
            assert layer.isValid(), layer.name()
            assert layer.source().startswith(str(moved)), layer.source()
        for layout in project.layoutManager().printLayouts():
            for layer in layout.itemById("map").layers():
                assert layer.isValid() and layer.source().startswith(str(moved))
    finally:
        hidden.rename(folder)


def test_rerun_replaces_outputs_and_a_failed_run_leaves_them_untouched(atlas, tmp_path):
    from qgis.core import QgsProcessingException

    from processing_algorithms.atlas_project import THEMES, build_atlas

    folder, _, _ = atlas
    work = tmp_path / "rerun"
    shutil.copytree(folder, work)
    gpkg = work / "sozialplanungsatlas.gpkg"
    # a rerun without the Sozialformel theme: its map disappears, nothing is left over
    themes = tuple(t for t in THEMES if t.id != "sozialformel")
    result = build_atlas(gpkg, work, themes=themes, basemap=KREIS_GPKG)
    assert "sozialformel" not in result.maps
    assert not (work / "maps" / "sozialformel.png").exists()
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".")) == []
    before = {p: p.read_bytes() for p in [work / "atlas.pdf", work / "sozialplanungsatlas.qgz"]}
    before_maps = sorted(p.name for p in (work / "maps").iterdir())

    class CancelDuringExport(type(recording_feedback())):
        def setProgress(self, value):
            super().setProgress(value)
            if value > 40:  # after the first map is written
                self.cancel()

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        build_atlas(gpkg, work, basemap=KREIS_GPKG, feedback=CancelDuringExport())
    assert {p: p.read_bytes() for p in before} == before
    assert sorted(p.name for p in (work / "maps").iterdir()) == before_maps
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".")) == []


def test_a_layer_qgis_cannot_open_is_refused_by_name(atlas, tmp_path):
    from qgis.core import QgsProcessingException

    from processing_algorithms.atlas_project import build_atlas

    folder, _, _ = atlas
    gpkg = tmp_path / "kaputt.gpkg"
    shutil.copy(folder / "sozialplanungsatlas.gpkg", gpkg)
    con = sqlite3.connect(gpkg)
    con.execute(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier) "
        "VALUES ('geisterebene', 'features', 'geisterebene')"
    )
    con.commit()
    con.close()
    with pytest.raises(QgsProcessingException, match="geisterebene"):
        build_atlas(gpkg, tmp_path, basemap=KREIS_GPKG)
    assert not (tmp_path / "sozialplanungsatlas.qgz").exists()


def test_synthetic_layers_cannot_lose_their_label(atlas, tmp_path, in_german):
    from qgis.core import QgsProcessingException

    from processing_algorithms.atlas_project import build_atlas

    _folder, gpkg, _ = atlas
    with pytest.raises(QgsProcessingException, match="synthetische Beispielwerte"):
        build_atlas(gpkg, tmp_path, synthetic=False, basemap=KREIS_GPKG)


def test_algorithm_runs_through_processing(atlas, tmp_path, in_german):
    folder, _, _ = atlas
    gpkg = tmp_path / "sozialplanungsatlas.gpkg"
    shutil.copy(folder / "sozialplanungsatlas.gpkg", gpkg)
    results, feedback = run_algorithm(
        "sozialplanung:atlas",
        {
            "INPUT": f"{gpkg}|layername=sozialformel",
            "BASEMAP": str(KREIS_GPKG),
            "DATA_YEAR": "2024",
            "OUTPUT_FOLDER": str(tmp_path),
        },
    )
    assert Path(results["PROJECT"]) == tmp_path / "sozialplanungsatlas.qgz"
    assert Path(results["PDF"]).exists() and results["LAYOUTS"] == 4
    assert "zusatz_unbekannt" in feedback.text
    project = _read_project(Path(results["PROJECT"]))
    for layout in project.layoutManager().printLayouts():
        if layout.itemById("data_year") is not None:
            assert layout.itemById("data_year").text() == "Datenjahr: 2024"


def test_algorithm_refuses_a_missing_geopackage(tmp_path):
    message = run_algorithm_error(
        "sozialplanung:atlas",
        {"INPUT": str(tmp_path / "fehlt.gpkg"), "OUTPUT_FOLDER": str(tmp_path)},
    )
    assert "fehlt.gpkg" in message and "does not exist" in message


def test_a_file_that_is_no_geopackage_is_refused(tmp_path):
    from qgis.core import QgsProcessingException

    from processing_algorithms.atlas_project import build_atlas

    bad = tmp_path / "kein.gpkg"
    bad.write_text("kein GeoPackage", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="not a GeoPackage"):
        build_atlas(bad, tmp_path)
    folder = tmp_path / "ordner.gpkg"
    folder.mkdir()
    with pytest.raises(QgsProcessingException, match=r"ordner\.gpkg' is not a GeoPackage"):
        build_atlas(folder, tmp_path)


def test_an_output_folder_that_is_a_file_is_refused(tmp_path):
    from qgis.core import QgsProcessingException

    from processing_algorithms.atlas_project import build_atlas

    file = tmp_path / "datei"
    file.write_text("", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"output folder '.*datei' cannot be created"):
        build_atlas(KREIS_GPKG, file)  # refused before the GeoPackage is read
    assert file.read_text(encoding="utf-8") == ""


def test_a_styled_geotiff_beside_the_geopackage_joins_its_theme(atlas, tmp_path, in_german):
    import numpy as np
    from affine import Affine
    from pyproj import CRS
    from qgis.core import (
        QgsColorRampShader,
        QgsRasterLayer,
        QgsRasterShader,
        QgsSingleBandPseudoColorRenderer,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor

    from geolib.raster import RasterResult, write_geotiff
    from processing_algorithms.atlas_project import build_atlas

    folder, _, _ = atlas
    gpkg = tmp_path / "sozialplanungsatlas.gpkg"
    shutil.copy(folder / "sozialplanungsatlas.gpkg", gpkg)
    yy, xx = np.mgrid[0:60, 0:50]
    values = np.exp(-((xx - 25.0) ** 2 + (yy - 30.0) ** 2) / 200.0)
    tif = tmp_path / "angebotsdichte.tif"
    raster = RasterResult(values, Affine(700, 0, 530000, 0, -700, 5975000), CRS.from_epsg(25832))
    write_geotiff(
        raster, tif, provenance=Provenance(title="Angebotsdichte", data_year=2024, synthetic=True)
    )
    styling = QgsRasterLayer(str(tif), "s", "gdal")
    shader = QgsRasterShader()
    ramp = QgsColorRampShader(0, 1)
    ramp.setColorRampItemList(
        [
            QgsColorRampShader.ColorRampItem(0, QColor("#ffffcc"), "niedrig"),
            QgsColorRampShader.ColorRampItem(1, QColor("#bd0026"), "hoch"),
        ]
    )
    shader.setRasterShaderFunction(ramp)
    styling.setRenderer(QgsSingleBandPseudoColorRenderer(styling.dataProvider(), 1, shader))
    styling.saveNamedStyle(str(tmp_path / "angebotsdichte.qml"))
    del styling

    import pandas as pd

    table = pd.DataFrame({"AGS": ["01056001"], "jahr": [2023], "kinder_u15": [120]})
    write_gpkg(gpkg, OutputLayer("indikatoren", table), keep_existing=True)

    result = build_atlas(gpkg, tmp_path, basemap=KREIS_GPKG)
    indikatoren = {i.table: i for i in result.layers}["indikatoren"]
    assert (indikatoren.kind, indikatoren.group) == ("table", "Sozialformel")
    info = {i.table: i for i in result.layers}["angebotsdichte"]
    assert (info.kind, info.group, info.styled, info.synthetic) == (
        "raster",
        "Dichte und Erreichbarkeit",
        True,
        True,
    )
    project = _read_project(result.project)
    layers = {layer.shortName(): layer for layer in project.mapLayers().values()}
    assert layers["angebotsdichte"].isValid()
    assert layers["angebotsdichte"].renderer().type() == "singlebandpseudocolor"
    # a raster fills the map like a choropleth: it gets a map of its own, nothing hides it
    first = project.layoutManager().layoutByName("Dichte und Erreichbarkeit")
    shown = [
        n.layer().shortName() for n in first.itemById("legend").model().rootGroup().findLayers()
    ]
    assert shown == ["angebote_je_einwohner", "kreis"]
    layout = project.layoutManager().layoutByName(
        "Dichte und Erreichbarkeit: Angebotsdichte (Angebote je km²)"
    )
    legend_model = layout.itemById("legend").model()
    legend = legend_model.rootGroup()
    assert [n.layer().shortName() for n in legend.findLayers()] == ["angebotsdichte", "kreis"]
    assert layout.itemById("subtitle").text() == "Angebotsdichte (Angebote je km²)"
    # the ramp without the band name ("Band 1 (Gray)")
    raster_node = legend.findLayers()[0]
    labels = [
        n.data(Qt.ItemDataRole.DisplayRole) or ""
        for n in legend_model.layerLegendNodes(raster_node)
    ]
    assert not any("Band" in text for text in labels), labels
    assert set(result.maps) == {
        "grundlagen",
        "einzugsgebiete",
        "dichte_erreichbarkeit",
        "dichte_erreichbarkeit_angebotsdichte",
        "sozialformel",
    }
    assert layers["indikatoren"].isValid()
    sozialformel = project.layoutManager().layoutByName("Sozialformel").itemById("legend")
    in_legend = [n.layer().shortName() for n in sozialformel.model().rootGroup().findLayers()]
    assert "indikatoren" not in in_legend
    assert layout.itemById("data_year").text() == "Datenjahr: 2024"
    _, _, variance, _ = _image_stats(result.maps["dichte_erreichbarkeit_angebotsdichte"])
    assert variance > 200


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/a/atlas.gpkg", "/a/atlas.gpkg"),
        ("/a/atlas.gpkg|layername=sozialformel", "/a/atlas.gpkg"),
        ("ogr:dbname='/a b/atlas.gpkg' table=\"x\" (geom)", "/a b/atlas.gpkg"),
    ],
)
def test_the_atlas_follows_a_layer_output_to_its_geopackage(value, expected):
    from processing_algorithms.atlas import gpkg_of

    assert gpkg_of(value) == expected


def test_the_check_list_stays_off_the_printed_map(examples, tmp_path):
    # the Hilfeportal map: offers by category; the eleven checks are the Hilfeportal
    # team's working list: in the project (switched off), not on the printed map
    from processing_algorithms.atlas_project import build_atlas
    from processing_algorithms.base import STYLES_DIR

    offers = read_vector(examples["offers"]).to_crs(25832)
    checks = offers[["offer_id", "title", "geometry"]].head(11).copy()
    checks["check"] = [
        "no_coordinates", "invalid_coordinates", "coordinates_out_of_range",
        "swapped_coordinates", "outside_area", "duplicate_id", "duplicate_title_address",
        "stale", "no_update_date", "long_text", "invalid_url",
    ]  # fmt: skip
    checks["severity"] = "warning"
    checks["reason"] = "test"
    gpkg = tmp_path / "sozialplanungsatlas.gpkg"
    synthetic = Provenance(title="Synthetisch", data_year=2026, synthetic=True)
    write_gpkg(
        gpkg,
        [
            OutputLayer(
                "hilfeportal_angebote",
                offers[["offer_id", "title", "category", "geometry"]],
                style=STYLES_DIR / "hilfeportal_offers.qml",
                provenance=synthetic,
            ),
            OutputLayer(
                "hilfeportal_pruefliste",
                checks,
                style=STYLES_DIR / "hilfeportal_checks.qml",
                provenance=synthetic,
            ),
        ],
    )
    with german():
        result = build_atlas(gpkg, tmp_path, basemap=KREIS_GPKG)
    project = _read_project(result.project)
    layout = project.layoutManager().layoutByName("Hilfeportal")
    legend = layout.itemById("legend")
    legend_layers = [n.layer().shortName() for n in legend.model().rootGroup().findLayers()]
    assert "hilfeportal_pruefliste" not in legend_layers
    map_layers = [layer.shortName() for layer in layout.itemById("map").layers()]
    assert "hilfeportal_angebote" in map_layers and "hilfeportal_pruefliste" not in map_layers
    node = project.layerTreeRoot().findLayer(
        next(
            lyr
            for lyr in project.mapLayers().values()
            if lyr.shortName() == "hilfeportal_pruefliste"
        )
    )
    assert node is not None and not node.itemVisibilityChecked()
    page_width = layout.pageCollection().page(0).pageSize().width()
    right = legend.positionWithUnits().x() + legend.sizeWithUnits().width()
    assert right <= page_width - 5  # mm: inside the page's margin
