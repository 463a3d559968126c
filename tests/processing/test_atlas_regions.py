"""The atlas's planning-region pages and Gemeindesteckbrief, with the data protection."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests._qgis import german, recording_feedback, run_algorithm
from tests.conftest import KREIS_GPKG

GEHEIM = "geheim"
#: municipality whose 2023 index is withheld (index_suppressed = 1) and one whose 2022
#: index is withheld by secondary suppression (index_suppression = "secondary")
HIDDEN_2023 = "01056002"  # Barmstedt
HIDDEN_2022 = "01056001"  # Appen
ALTERSARMUT_PRESET = 'label = "Menschen ab 65 mit Grundsicherung im Alter (%)"'
ALTERSARMUT_OWN = 'label = "Grundsicherung im Alter, eigene Bezeichnung (%)"'


def _flag(gpkg: Path, table: str, field: str, value, where: str) -> None:
    """Add ``field`` to ``table`` and set it to ``value`` where the expression holds."""
    from qgis.core import QgsFeatureRequest, QgsField, QgsVectorLayer

    from processing_algorithms.compat import field_type

    layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
    assert layer.isValid()
    provider = layer.dataProvider()
    if layer.fields().indexOf(field) < 0:
        kind = field_type("Int" if isinstance(value, int) else "QString")
        assert provider.addAttributes([QgsField(field, kind)])
        layer.updateFields()
    index = layer.fields().indexOf(field)
    changes = {
        f.id(): {index: value}
        for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(where))
    }
    assert changes, where
    assert provider.changeAttributeValues(changes)


@pytest.fixture(scope="module")
def regions_atlas(tmp_path_factory, examples):
    from processing_algorithms.atlas_project import build_atlas

    folder = tmp_path_factory.mktemp("regions")
    gpkg = folder / "sozialplanungsatlas.gpkg"

    def dest(name: str) -> str:
        return f"ogr:dbname='{gpkg}' table=\"{name}\" (geom)"

    # every index published (internal use), so that the flags below are the only withheld
    # indices and the pages can be checked against them
    preset = Path(__file__).resolve().parents[2] / "geolib/presets/sozialformel_pinneberg.toml"
    config = folder / "intern.toml"
    text = preset.read_text(encoding="utf-8")
    assert "suppress_index = true" in text
    text = text.replace("suppress_index = true", "suppress_index = false")
    # the run's own label and direction, not the preset's, must reach the Steckbrief
    assert text.count(ALTERSARMUT_PRESET) == 1
    text = text.replace(ALTERSARMUT_PRESET, ALTERSARMUT_OWN)
    households = 'denominator = "households"\nper = 100\n'
    assert text.count(households) == 1
    config.write_text(text.replace(households, households + "reverse = true\n"), "utf-8")
    run_algorithm(
        "sozialplanung:sozialformel",
        {
            "CONFIG": str(config),
            "AREAS": f"{KREIS_GPKG}|layername=gemeinden",
            "AREA_KEY": "AGS",
            "TABLE": str(examples["indikatoren_csv"]),
            "YEARS": "2019-2023",
            "GROUPS": str(examples["planungsraeume"]),
            "GROUP_FIELD": "planungsraum,kreis,groesse",
            "OUTPUT": dest("sozialformel"),
            "OUTPUT_TABLE": dest("sozialformel_jahre"),
            "OUTPUT_GROUPS": dest("sozialformel_gruppen"),
        },
    )
    for table in ("sozialformel", "sozialformel_jahre"):
        key = "AGS" if table == "sozialformel" else "ags"
        _flag(gpkg, table, "index_suppressed", 1, f"\"{key}\" = '{HIDDEN_2023}' AND year = 2023")
    _flag(
        gpkg,
        "sozialformel_jahre",
        "index_suppression",
        "secondary",
        f"\"ags\" = '{HIDDEN_2022}' AND year = 2022",
    )
    with german():
        result = build_atlas(
            gpkg, folder / "out", basemap=KREIS_GPKG, regions=examples["planungsraeume"]
        )
    return folder, gpkg, result


def _settings(gpkg):
    """The indicators' labels and directions of the Sozialformel run, as its output's
    provenance names them."""
    from geolib.io import read_provenance
    from processing_algorithms.atlas_regions import indicator_settings

    settings = indicator_settings(read_provenance(gpkg, "sozialformel"))
    assert settings is not None
    return settings


def _project(result):
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(result.project)), project.error()
    return project


def _layouts(project) -> dict:
    return {lay.name(): lay for lay in project.layoutManager().printLayouts()}


def _table(result, layer: str) -> pd.DataFrame:
    import pyogrio

    return pyogrio.read_dataframe(
        result.project.parent / "atlas_druck.gpkg", layer=layer, read_geometry=False
    )


# --- the rules, on hand-built rows ---------------------------------------------------------
def test_withheld_values_print_geheim_and_never_their_rank_or_change():
    from processing_algorithms.atlas_regions import year_table

    rows = pd.DataFrame(
        {
            "unit": ["a", "a", "b", "b", "c", "c", "d", "d"],
            "year": [2022, 2023] * 4,
            "index_value": [10.0, 12.0, 20.0, 25.0, 30.0, np.nan, 40.0, 5.0],
            "index_suppressed": [0, 0, 0, 1, 0, 0, 0, 0],
            "index_suppression": ["", "", "", "", "", "", "secondary", "none"],
            "kinderarmut_suppressed": [1, 1, 1, 1, 1, 1, 1, 1],  # another value's flag
        }
    )
    with german():
        table = year_table(rows, "unit", "index_value")
        # b (flagged), c (NULL) withheld in 2023; d withheld in 2022 (secondary)
        assert [table.cell(u, 2023) for u in "abcd"] == ["12,0", GEHEIM, GEHEIM, "5,0"]
        assert table.cell("b", 2023, "rank") == GEHEIM
        assert table.cell("b", 2023, "change") == GEHEIM
        assert table.cell("d", 2022) == GEHEIM
        # ranks among the published values only: a = 1, d = 2 in 2023 (no gap for b, c)
        assert [table.cell(u, 2023, "rank") for u in "ad"] == ["1", "2"]
        assert [table.cell(u, 2022, "rank") for u in "abc"] == ["3", "2", "1"]
        # no change against a withheld previous year
        assert table.cell("d", 2023, "change") == "–"
        assert table.cell("a", 2023, "change") == "+2,0"
        assert table.cell("a", 2023, "rank_change") == "+2"
        # a flag of the whole row ("suppression") withholds every value of the row
        rows["suppression"] = ["primary"] + [""] * 7
        assert year_table(rows, "unit", "index_value").cell("a", 2022) == GEHEIM


def test_ranks_count_from_the_most_need_also_where_low_values_are_need():
    from processing_algorithms.atlas_regions import year_table

    rows = pd.DataFrame(
        {"unit": list("abc"), "year": [2023] * 3, "einkommen_rate": [52000.0, 39000.0, 45000.0]}
    )
    high = year_table(rows, "unit", "einkommen_rate")
    low = year_table(rows, "unit", "einkommen_rate", low_is_need=True)
    assert [high.cell(u, 2023, "rank") for u in "abc"] == ["1", "3", "2"]
    assert [low.cell(u, 2023, "rank") for u in "abc"] == ["3", "1", "2"]


def test_numeric_region_codes_match_the_sozialformel_group_names():
    # a spreadsheet column of region numbers with an empty cell reads as 1.0, 2.0, NaN;
    # the Sozialformel names those groups "1", "2": the map must find them by that name
    from processing_algorithms.atlas_regions import region_mapping

    table = pd.DataFrame({"ags": ["01", "02", "03", "04"], "planungsraum": [1.0, 1.0, 2.0, np.nan]})
    mapping = region_mapping(table)
    assert mapping["planungsraum"].tolist()[:3] == ["1", "1", "2"]
    assert pd.isna(mapping["planungsraum"].iloc[3])  # no region, not one named "nan"


# --- the atlas ---------------------------------------------------------------------------------
def test_the_gemeindesteckbrief_has_a_page_per_municipality(regions_atlas):
    _, _, result = regions_atlas
    assert result.profile_pages == 49
    pdf = result.profiles_pdf.read_bytes()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 49
    project = _project(result)
    layout = _layouts(project)["Gemeindesteckbrief"]
    atlas = layout.atlas()
    assert atlas.enabled() and atlas.coverageLayer().featureCount() == 49
    assert atlas.beginRender() and atlas.count() == 49
    names = set()
    for i in (0, 10, 48):
        atlas.seekTo(i)
        title = layout.itemById("title").currentText()
        assert title.startswith("Gemeindesteckbrief ")
        names.add(title)
        assert layout.itemById("data_year").currentText() == "Datenjahr: 2023"
        assert layout.itemById("synthetic").currentText() == "synthetische Beispielwerte"
    assert len(names) == 3


def test_a_withheld_index_prints_geheim_on_its_page(regions_atlas):
    _, _, result = regions_atlas
    project = _project(result)
    layout = _layouts(project)["Gemeindesteckbrief"]
    atlas = layout.atlas()
    atlas.beginRender()
    pages = {}
    for i in range(atlas.count()):
        atlas.seekTo(i)
        pages[atlas.layout().reportContext().feature()["ags"]] = {
            item: layout.itemById(item).currentText() for item in ("index", "rank", "change")
        }
    hidden = pages[HIDDEN_2023]
    assert hidden["index"].endswith(": geheim")
    assert hidden["rank"] == "Rang: geheim"
    assert "geheim" in hidden["change"] and not re.search(r"\d", hidden["change"].split(":")[1])
    # the others are ranked among the 48 published values
    assert pages[HIDDEN_2022]["rank"].endswith("von 48")
    # no change against Appen's withheld 2022 value
    assert "– Indexpunkte" in pages[HIDDEN_2022]["change"]
    steckbrief = _table(result, "sozialformel_steckbrief").set_index("ags")
    assert "2022: geheim" in steckbrief.loc[HIDDEN_2022, "trend_text"]
    assert steckbrief.loc[HIDDEN_2023, "rank_text"] == GEHEIM


def test_every_withheld_indicator_value_prints_geheim(regions_atlas):
    _, gpkg, result = regions_atlas
    import pyogrio

    years = pyogrio.read_dataframe(gpkg, layer="sozialformel_jahre", read_geometry=False)
    values = _table(result, "sozialformel_steckbrief_werte")
    from processing_algorithms.atlas_regions import indicator_labels, indicators

    labels = indicator_labels(indicators(years), _settings(gpkg))
    checked = 0
    for name, label in labels.items():
        printed = values[values["indicator"] == label].set_index("ags")
        for row in years.itertuples():
            cell = printed.loc[row.ags, f"j{row.year}"]
            hidden = pd.isna(getattr(row, f"{name}_rate")) or getattr(row, f"{name}_suppressed")
            assert (cell == GEHEIM) == bool(hidden), (name, row.ags, row.year, cell)
            checked += bool(hidden)
    assert checked > 50  # the example data has many small counts


def test_indicator_ranks_put_the_most_need_first(regions_atlas):
    # income per taxpayer: low values are need (reverse in the preset), so rank 1 is the
    # lowest published income; the other indicators rank their highest rate first
    _, gpkg, result = regions_atlas
    import pyogrio

    from processing_algorithms.atlas_regions import (
        indicator_labels,
        indicators,
        reversed_indicators,
    )

    years = pyogrio.read_dataframe(gpkg, layer="sozialformel_jahre", read_geometry=False)
    latest = years[years["year"] == years["year"].max()]
    values = _table(result, "sozialformel_steckbrief_werte")
    names = indicators(years)
    labels = indicator_labels(names, _settings(gpkg))
    low = reversed_indicators(names, _settings(gpkg))
    # the run's settings: its own label, bg_anteil reversed too (the preset's are not)
    assert low == {"einkommen", "bg_anteil"} and reversed_indicators(names) == {"einkommen"}
    assert labels["altersarmut"] == ALTERSARMUT_OWN.split('"')[1]
    for name in names:
        first = values[(values["indicator"] == labels[name]) & (values["rank_text"] == "1")]
        published = latest[latest[f"{name}_suppressed"] == 0].set_index("ags")[f"{name}_rate"]
        best = published.min() if name in low else published.max()
        assert len(first) >= 1
        assert set(first["ags"]) == set(published[published == best].index), name


def test_planning_region_map_and_ranking_pages_with_theme_and_year(regions_atlas, examples):
    _, _, result = regions_atlas
    regions = pd.read_csv(examples["planungsraeume"], dtype=str)["planungsraum"].nunique()
    assert result.maps["sozialformel_sozialformel_planungsraeume"].exists()
    project = _project(result)
    layouts = _layouts(project)
    page = layouts["Sozialformel: Sozialformel je Planungsraum (Index)"]
    assert page.itemById("data_year").currentText() == "Datenjahr: 2023"
    (layer,) = project.mapLayersByShortName("sozialformel_planungsraeume")
    assert layer.featureCount() == regions
    # the regions are labelled with their names; the municipalities' names stay off
    # this map (they would stand beside the regions' own)
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "planungsraum"
    shown = [lyr.name() for lyr in page.itemById("map").layers()]
    assert layer.name() in shown
    assert not any(lyr.labelsEnabled() for lyr in page.itemById("map").layers() if lyr != layer)
    others = [v for k, v in layouts.items() if k.startswith("Sozialformel") and v is not page]
    assert others and all(
        any(lyr.labelsEnabled() for lyr in o.itemById("map").layers()) for o in others
    )  # municipality names on the other Sozialformel maps
    ranking = _table(result, "sozialformel_rangfolge")
    for year in range(2019, 2024):
        layout = layouts[f"Planungsräume: Rangfolge {year}"]
        assert layout.itemById("data_year").currentText() == f"Datenjahr: {year}"
        assert result.maps[f"planungsraeume_rangfolge_{year}"].exists()
        rows = ranking[ranking["year"] == year]
        assert len(rows) == regions
        assert sorted(int(r) for r in rows["rank_text"]) == list(range(1, regions + 1))
    assert set(ranking.loc[ranking["year"] == 2019, "change_text"]) == {"–"}


# --- the atlas from what the user has -----------------------------------------------------------
SOZIALFORMEL_LAYERS = ("sozialformel", "sozialformel_jahre", "sozialformel_gruppen")


def _thread_feedback():
    """A feedback recording the threads its messages came from."""
    import threading

    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.threads: set[int] = set()
            self.errors: list[str] = []

        def reportError(self, error, fatalError=False):
            self.errors.append(error)
            super().reportError(error, fatalError)

        def pushInfo(self, info):
            self.threads.add(threading.get_ident())
            super().pushInfo(info)

    return Feedback()


def _run_in_background(params: dict, project):
    """Run the atlas as QGIS's Processing dialog does: a task on the task manager."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgorithm,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
    )
    from qgis.PyQt.QtCore import QCoreApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById("sozialplanung:atlas")
    assert not alg.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = _thread_feedback()
    task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
    done: dict = {}
    task.executed.connect(lambda ok, results: done.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    while "ok" not in done:
        QCoreApplication.processEvents()
    return done, feedback


def test_the_atlas_from_project_layers_in_the_background(regions_atlas, examples, tmp_path):
    import threading

    from qgis.core import QgsFillSymbol, QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer

    _, gpkg, _ = regions_atlas
    project = QgsProject.instance()
    layers = [QgsVectorLayer(f"{gpkg}|layername={n}", n, "ogr") for n in SOZIALFORMEL_LAYERS]
    symbol = QgsFillSymbol.createSimple({"color": "#123456"})
    layers[0].setRenderer(QgsSingleSymbolRenderer(symbol))  # the user's style
    project.addMapLayers(layers)
    try:
        with german():
            done, feedback = _run_in_background(
                {
                    "LAYERS": [lyr.id() for lyr in layers],
                    "BASEMAP": str(KREIS_GPKG),
                    "REGIONS": str(examples["planungsraeume"]),
                    "OUTPUT_FOLDER": str(tmp_path / "out"),
                },
                project,
            )
    finally:
        project.removeMapLayers([lyr.id() for lyr in layers])
    assert done["ok"], feedback.errors
    assert feedback.threads and threading.get_ident() not in feedback.threads
    results = done["results"]
    assert results["PROFILE_PAGES"] == 49
    written = _project_at(Path(results["PROJECT"]))
    (sozialformel,) = written.mapLayersByShortName("sozialformel")
    assert sozialformel.renderer().symbol().color().name() == "#123456"
    names = {lay.name() for lay in written.layoutManager().printLayouts()}
    assert "Planungsräume: Rangfolge 2023" in names and "Gemeindesteckbrief" in names


def _project_at(path: Path):
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(path)), project.error()
    return project


def test_the_atlas_from_a_postgis_schema(postgres, regions_atlas, examples, tmp_path):
    import shutil
    import subprocess

    from qgis.core import QgsProviderRegistry

    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr is not installed")
    _, gpkg, _ = regions_atlas
    conninfo = postgres.create_database("atlas_schema")
    postgres.psql("CREATE SCHEMA sozial;", "atlas_schema")
    for name in SOZIALFORMEL_LAYERS:
        subprocess.run(
            [
                "ogr2ogr",
                "-f",
                "PostgreSQL",
                f"PG:{conninfo}",
                str(gpkg),
                name,
                "-lco",
                "SCHEMA=sozial",
                "-nln",
                name,
            ],
            check=True,
            capture_output=True,
        )
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(conninfo, {"saveUsername": True})
    metadata.saveConnection(connection, "atlas_test")
    import processing
    from qgis.core import QgsProcessingException

    feedback = recording_feedback()
    with german():
        try:
            results = processing.run(
                "sozialplanung:atlas",
                {
                    "DATABASE": "atlas_test",
                    "SCHEMA": "sozial",
                    "BASEMAP": str(KREIS_GPKG),
                    "REGIONS": str(examples["planungsraeume"]),
                    "OUTPUT_FOLDER": str(tmp_path / "out"),
                },
                feedback=feedback,
            )
        except QgsProcessingException:
            pytest.fail(feedback.text)
    assert results["PROFILE_PAGES"] == 49
    written = _project_at(Path(results["PROJECT"]))
    (layer,) = written.mapLayersByShortName("sozialformel")
    assert layer.providerType() == "postgres" and layer.featureCount() == 49
    assert (tmp_path / "out" / "maps" / "sozialformel_sozialformel_planungsraeume.png").exists()
    assert (tmp_path / "out" / "maps" / "planungsraeume_rangfolge_2023.png").exists()


@pytest.mark.parametrize("at", [30, 86])  # at the maps' export, in the Gemeindesteckbrief's
def test_a_cancelled_atlas_stops_and_leaves_the_previous_outputs(regions_atlas, examples, at):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    from processing_algorithms.atlas_project import build_atlas

    folder, gpkg, result = regions_atlas
    before = result.profiles_pdf.read_bytes()
    feedback = QgsProcessingFeedback()
    seen: list[float] = []

    def cancel_at_export(progress: float) -> None:
        seen.append(progress)
        if progress >= at:
            feedback.cancel()

    feedback.progressChanged.connect(cancel_at_export)
    with german(), pytest.raises(QgsProcessingException, match="abgebrochen"):
        build_atlas(
            gpkg,
            folder / "out",
            basemap=KREIS_GPKG,
            regions=examples["planungsraeume"],
            feedback=feedback,
        )
    assert max(seen) < (80 if at == 30 else 95)
    assert result.profiles_pdf.read_bytes() == before


def test_the_atlas_wants_one_source(tmp_path):
    from qgis.core import QgsVectorLayer

    from tests._qgis import run_algorithm_error

    out = str(tmp_path / "out")
    layer = QgsVectorLayer(f"{KREIS_GPKG}|layername=gemeinden", "gemeinden", "ogr")
    with german():
        both = run_algorithm_error(
            "sozialplanung:atlas",
            {"INPUT": str(KREIS_GPKG), "LAYERS": [layer], "OUTPUT_FOLDER": out},
        )
        none = run_algorithm_error("sozialplanung:atlas", {"OUTPUT_FOLDER": out})
    assert "nicht beides" in both
    assert "Geben Sie das Atlas-GeoPackage, Ebenen oder eine Datenbankverbindung" in none
