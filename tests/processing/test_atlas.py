"""The Sozialplanungsatlas: project, layouts, PNG maps and PDF, built by QGIS itself."""

from __future__ import annotations

import contextlib
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

GROUPS = [
    "Grundlagen",
    "Hilfeportal",
    "Schulen",
    "Einzugsgebiete",
    "Dichte und Erreichbarkeit",
    "Einkommen",
    "Sozialformel",
]
GROUPS_EN = [
    "Base map",
    "Hilfeportal",
    "Schools",
    "Catchments",
    "Density and accessibility",
    "Income",
    "Sozialformel",
]
THEME_IDS = [
    "grundlagen",
    "hilfeportal",
    "schulen",
    "einzugsgebiete",
    "dichte_erreichbarkeit",
    "einkommen",
    "sozialformel",
]
OTHER_THEME = "other"  # the default group's theme id (processing_algorithms.atlas_project)


@pytest.fixture
def in_german():
    with german():
        yield


def _qml(layer) -> str:
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    return doc.toString()


def _categorized_qml(field: str, values: list[str]) -> str:
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsRendererCategory,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:25832&field={field}:string", "s", "memory")
    colors = ["#fdae61", "#abd9e9", "#2c7bb6"]
    categories = [
        QgsRendererCategory(
            v, QgsFillSymbol.createSimple({"color": colors[i % 3], "outline_width": "0.3"}), v
        )
        for i, v in enumerate(values)
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer(field, categories))
    return _qml(layer)


def _graduated_qml(field: str) -> str:
    from qgis.core import (
        QgsClassificationRange,
        QgsFillSymbol,
        QgsGraduatedSymbolRenderer,
        QgsRendererRange,
        QgsVectorLayer,
    )

    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:25832&field={field}:double", "s", "memory")
    ranges = []
    for i, (lo, hi, color) in enumerate(
        [(0, 40, "#1a9641"), (40, 60, "#ffffbf"), (60, 101, "#d7191c")]
    ):
        symbol = QgsFillSymbol.createSimple({"color": color})
        ranges.append(QgsRendererRange(QgsClassificationRange(f"Klasse {i + 1}", lo, hi), symbol))
    layer.setRenderer(QgsGraduatedSymbolRenderer(field, ranges))
    return _qml(layer)


def _make_atlas_gpkg(folder: Path, examples) -> Path:
    """offersperpopulation through Processing, plus layers named like the future ones."""
    gpkg = folder / "sozialplanungsatlas.gpkg"
    run_algorithm(
        "sozialplanung:offersperpopulation",
        {
            "OFFERS": str(examples["offers"]),
            "AREAS": f"{KREIS_GPKG}|layername=gemeinden",
            "POPULATION_FIELD": "EWZ_2018",
            "CATEGORY_FIELD": "category",
            "OUTPUT": f"ogr:dbname='{gpkg}' table=\"angebote_je_einwohner\" (geom)",
        },
    )
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    offers = read_vector(examples["offers"]).to_crs(25832).head(30)
    catchments = offers[["offer_id", "geometry"]].copy()
    catchments["break_no"] = [1 + i % 3 for i in range(len(catchments))]
    catchments["break_min"] = 5.0 * catchments["break_no"]
    catchments["geometry"] = catchments.buffer(1500)
    index = gemeinden[["AGS", "GEN", "geometry"]].copy()
    index["index"] = [(i * 37) % 100 for i in range(len(index))]
    synthetic = Provenance(title="Synthetisch", data_year=2023, synthetic=True)
    write_gpkg(
        gpkg,
        [
            OutputLayer(
                "einzugsgebiete_fuss",
                catchments,
                style=_categorized_qml("break_no", ["1", "2", "3"]),
                provenance=synthetic,
            ),
            OutputLayer("sozialformel", index, style=_graduated_qml("index"), provenance=synthetic),
            OutputLayer(
                "zusatz_unbekannt",
                index[["AGS", "geometry"]],
                style=_graduated_qml("index"),
                provenance=Provenance(title="Zusatz", synthetic=False),
            ),
        ],
        keep_existing=True,
    )
    return gpkg


@pytest.fixture(scope="module")
def atlas(tmp_path_factory, examples):
    """The atlas built in German (the texts checked below are the German maps')."""
    from processing_algorithms.atlas_project import build_atlas

    folder = tmp_path_factory.mktemp("atlas")
    gpkg = _make_atlas_gpkg(folder, examples)
    with german():
        result = build_atlas(gpkg, folder, basemap=KREIS_GPKG)
    return folder, gpkg, result


def _read_project(path: Path):
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(path)), project.error()
    return project


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


@pytest.fixture(scope="module")
def atlas_en(atlas, tmp_path_factory):
    """The same atlas built without a translation: the English maps."""
    from processing_algorithms.atlas_project import build_atlas

    folder = tmp_path_factory.mktemp("atlas_en")
    gpkg = folder / "sozialplanungsatlas.gpkg"
    shutil.copy(atlas[1], gpkg)
    return build_atlas(gpkg, folder, basemap=KREIS_GPKG)


def _print_layouts(project) -> dict:
    from qgis.core import QgsPrintLayout

    return {
        layout.name(): layout
        for layout in project.layoutManager().printLayouts()
        if isinstance(layout, QgsPrintLayout)
    }


def _groups_by_theme(project) -> dict[str, str]:
    from processing_algorithms.atlas_project import THEME_PROPERTY

    return {
        group.customProperty(THEME_PROPERTY): group.name()
        for group in project.layerTreeRoot().children()
    }


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


def _report_names(project) -> list[str]:
    from qgis.core import QgsReport

    return [lay.name() for lay in project.layoutManager().layouts() if isinstance(lay, QgsReport)]


def _legend_labels(layout, table: str) -> list[str]:
    """The class labels of ``table`` as its layer's renderer has them."""
    legend = layout.itemById("legend")
    node = next(
        n for n in legend.model().rootGroup().findLayers() if n.layer().shortName() == table
    )
    return [item.label() for item in node.layer().renderer().legendSymbolItems()]


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


def test_one_layout_per_theme_with_attribution_year_and_synthetic_label(atlas):
    from qgis.core import QgsLayoutItemLegend, QgsPrintLayout, QgsReport

    from processing_algorithms.atlas_project import ATTRIBUTION

    _, _, result = atlas
    project = _read_project(result.project)
    manager = project.layoutManager()
    layouts = {
        layout.name(): layout
        for layout in manager.printLayouts()
        if isinstance(layout, QgsPrintLayout)
    }
    assert sorted(layouts) == sorted(
        ["Grundlagen", "Einzugsgebiete", "Dichte und Erreichbarkeit", "Sozialformel"]
    )
    assert not any(isinstance(lay, QgsReport) for lay in manager.layouts())
    for name, layout in layouts.items():
        page = layout.pageCollection().page(0)
        assert (round(page.pageSize().width()), round(page.pageSize().height())) == (297, 210)
        assert layout.itemById("attribution").text() == ATTRIBUTION
        assert layout.itemById("title").text() == "Sozialplanungsatlas Kreis Pinneberg"
        assert layout.itemById("data_year").text().startswith("Datenjahr: ")
        for item_id in ("map", "legend", "scalebar", "north_arrow", "inset_helgoland"):
            assert layout.itemById(item_id) is not None, (name, item_id)
        synthetic = layout.itemById("synthetic")
        if name == "Grundlagen":
            assert synthetic is None
            assert layout.itemById("data_year").text() == "Datenjahr: 2018"
        else:
            assert synthetic is not None and synthetic.text() == "synthetische Beispielwerte"
    assert layouts["Sozialformel"].itemById("data_year").text() == "Datenjahr: 2023"
    # each page shows the years stored with its layers: never the base map's year
    for name, layout in layouts.items():
        years = set()
        for layer in layout.itemById("map").layers():
            if layer.shortName() in ("gemeinden", "kreis") and name != "Grundlagen":
                continue
            stored = (
                read_provenance(
                    result.project.parent / "sozialplanungsatlas.gpkg", layer.shortName()
                )
                or {}
            )
            years |= {y for y in str(stored.get("data_year") or "").split(", ") if y}
        expected = ", ".join(sorted(years)) if years else "nicht angegeben"
        assert layout.itemById("data_year").text() == f"Datenjahr: {expected}", name
    legend = layouts["Sozialformel"].itemById("legend")
    assert isinstance(legend, QgsLayoutItemLegend)
    legend_layers = [n.layer().shortName() for n in legend.model().rootGroup().findLayers()]
    assert legend_layers == ["sozialformel", "kreis"]


def test_scale_bar_in_german_numbers_and_subtitles_without_repetition(atlas):
    from qgis.core import QgsLayoutItemScaleBar, QgsPrintLayout

    _, _, result = atlas
    project = _read_project(result.project)
    layouts = {
        layout.name(): layout
        for layout in project.layoutManager().printLayouts()
        if isinstance(layout, QgsPrintLayout)
    }
    for name, layout in layouts.items():
        scale = layout.itemById("scalebar")
        assert isinstance(scale, QgsLayoutItemScaleBar)
        assert scale.numericFormat().formatDouble(2.5, _numeric_context()) == "2,5", name
        assert scale.numericFormat().formatDouble(10, _numeric_context()) == "10", name
        subtitle = layout.itemById("subtitle").text()
        assert subtitle.count(name.split()[0]) <= 1, subtitle
    assert layouts["Sozialformel"].itemById("subtitle").text() == "Sozialformel je Gemeinde"
    assert layouts["Grundlagen"].itemById("subtitle").text() == (
        "Grundlagen: Gemeinden und Kreisgrenze"
    )


def _numeric_context():
    from qgis.core import QgsNumericFormatContext

    return QgsNumericFormatContext()


@pytest.mark.parametrize(
    ("language", "expected"),
    [("de", ["bis 1.125 m", "bis 2.500,5 m"]), ("en", ["up to 1,125 m", "up to 2,500.5 m"])],
)
def test_catchment_classes_are_labelled_with_their_breaks(language, expected):
    from qgis.core import (
        QgsFeature,
        QgsGraduatedSymbolRenderer,
        QgsRendererRange,
        QgsSymbol,
        QgsVectorLayer,
        QgsWkbTypes,
    )

    from processing_algorithms.styling import label_breaks

    layer = QgsVectorLayer(
        "Polygon?crs=EPSG:25832&field=break_no:integer&field=break_m:double", "c", "memory"
    )
    features = []
    for no, metres in ((1, 1125.0), (2, 2500.5)):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([no, metres])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)[0]
    ranges = [
        QgsRendererRange(
            i - 0.5,
            i + 0.5,
            QgsSymbol.defaultSymbol(QgsWkbTypes.GeometryType.PolygonGeometry),
            f"Break {i}",
        )
        for i in (1, 2, 3)
    ]
    layer.setRenderer(QgsGraduatedSymbolRenderer("break_no", ranges))
    with german() if language == "de" else contextlib.nullcontext():
        label_breaks(layer)
    labels = [r.label() for r in layer.renderer().ranges()]
    assert labels == expected  # no third break in the data: no class


def test_main_map_shows_the_mainland_and_leaves_helgoland_to_the_inset(atlas):
    from qgis.core import QgsGeometry, QgsPointXY

    _, _, result = atlas
    project = _read_project(result.project)
    layout = project.layoutManager().layoutByName("Sozialformel")
    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden")
    helgoland = gemeinden.loc[gemeinden["AGS"] == "01056025"].geometry.iloc[0].centroid
    pinneberg = gemeinden.loc[gemeinden["GEN"] == "Pinneberg"].geometry.iloc[0].centroid
    main = QgsGeometry.fromRect(layout.itemById("map").extent())
    inset = QgsGeometry.fromRect(layout.itemById("inset_helgoland").extent())
    helgoland_point = QgsGeometry.fromPointXY(QgsPointXY(helgoland.x, helgoland.y))
    pinneberg_point = QgsGeometry.fromPointXY(QgsPointXY(pinneberg.x, pinneberg.y))
    assert main.contains(pinneberg_point) and not main.contains(helgoland_point)
    assert inset.contains(helgoland_point) and not inset.contains(pinneberg_point)
    mainland = gemeinden.loc[gemeinden["AGS"] != "01056025"].total_bounds
    extent = layout.itemById("map").extent()
    # the mainland fills the map: neither side of it has more than a quarter of margin
    assert extent.width() < (mainland[2] - mainland[0]) * 1.6
    assert extent.height() < (mainland[3] - mainland[1]) * 1.25


def _image_stats(path: Path):
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    grays = []
    colors = set()
    for y in range(0, image.height(), 9):
        for x in range(0, image.width(), 9):
            rgb = image.pixel(x, y) & 0xFFFFFF
            colors.add(rgb)
            grays.append(((rgb >> 16) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF)) / 3)
    mean = sum(grays) / len(grays)
    variance = sum((g - mean) ** 2 for g in grays) / len(grays)
    return image.width(), image.height(), variance, len(colors)


def test_png_maps_and_pdf_are_written_by_qgis_and_not_blank(atlas):
    folder, _, result = atlas
    assert sorted(p.name for p in (folder / "maps").iterdir()) == sorted(
        ["grundlagen.png", "einzugsgebiete.png", "dichte_erreichbarkeit.png", "sozialformel.png"]
    )
    for path in result.maps.values():
        width, height, variance, colors = _image_stats(path)
        # A4 landscape at 150 dpi
        assert width in (1753, 1754) and height == 1240, (path, width, height)
        assert variance > 200 and colors > 20, (path, variance, colors)
    pdf = result.pdf.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == len(result.maps)
    assert len(pdf) > 50_000


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


def test_a_layer_covering_a_small_part_of_the_kreis_gets_a_zoomed_page(tmp_path):
    # a town's street network catchments (Wedel's centre, about 3 x 3 km) beside
    # straight-line rings of the whole Kreis: two pages, the small one zoomed in
    from processing_algorithms.atlas_project import build_atlas
    from processing_algorithms.base import STYLES_DIR

    gemeinden = read_vector(KREIS_GPKG, layer="gemeinden").to_crs(25832)
    wedel = gemeinden[gemeinden["GEN"] == "Wedel"].geometry.iloc[0].centroid
    import geopandas as gpd

    small = gpd.GeoDataFrame(
        {"break_no": [1, 2], "geometry": [wedel.buffer(600), wedel.buffer(1200)]}, crs=25832
    )
    rings = gpd.GeoDataFrame(
        {"break_no": [1], "geometry": [gemeinden.union_all().centroid.buffer(15000)]}, crs=25832
    )
    gpkg = tmp_path / "sozialplanungsatlas.gpkg"
    year = Provenance(title="Test", data_year=2026, synthetic=True)
    write_gpkg(
        gpkg,
        [
            OutputLayer(
                "einzugsgebiete_wedel_fuss",
                small,
                style=STYLES_DIR / "catchments_network.qml",
                provenance=year,
            ),
            OutputLayer(
                "einzugsgebiete_kreis_luftlinie",
                rings,
                style=STYLES_DIR / "catchments.qml",
                provenance=Provenance(
                    title="Test", data_year=2026, notes=["© Testamt 2026 (dl-de/by-2.0)", "n"]
                ),
            ),
        ],
    )
    result = build_atlas(gpkg, tmp_path, basemap=KREIS_GPKG)
    project = _read_project(result.project)
    pages = {
        layout.name(): layout
        for layout in project.layoutManager().printLayouts()
        if layout.itemById("map") is not None
    }
    kreis_page = next(p for p in pages.values() if _fill(p) == "einzugsgebiete_kreis_luftlinie")
    wedel_page = next(p for p in pages.values() if _fill(p) == "einzugsgebiete_wedel_fuss")
    kreis_map, wedel_map = kreis_page.itemById("map"), wedel_page.itemById("map")
    assert wedel_map.extent().contains(small.total_bounds[0], small.total_bounds[1])
    assert wedel_map.extent().width() < kreis_map.extent().width() / 4
    assert wedel_page.itemById("inset_helgoland") is None  # no Helgoland inset on a town map
    assert kreis_page.itemById("inset_helgoland") is not None
    assert (
        wedel_page.itemById("scalebar").unitsPerSegment()
        < kreis_page.itemById("scalebar").unitsPerSegment()
    )
    # the two ramps differ: the network catchments are not the straight-line greens
    assert _first_color(wedel_page, "einzugsgebiete_wedel_fuss") != _first_color(
        kreis_page, "einzugsgebiete_kreis_luftlinie"
    )
    # a layer's source and licence (from its provenance) printed with its map only
    assert kreis_page.itemById("attribution").text().endswith(" · © Testamt 2026 (dl-de/by-2.0)")
    assert "Testamt" not in wedel_page.itemById("attribution").text()
    # the neighbours around the Kreis are not painted as water (a pale blue)
    background = kreis_map.backgroundColor()
    assert abs(background.red() - background.blue()) < 10


def _fill(layout) -> str:
    from qgis.core import QgsWkbTypes

    polygons = [
        layer.shortName()
        for layer in layout.itemById("map").layers()
        if getattr(layer, "geometryType", None)
        and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
        and layer.shortName() not in ("gemeinden", "kreis")
    ]
    return polygons[0] if len(polygons) == 1 else ""


def _first_color(layout, table: str):
    layer = next(lyr for lyr in layout.itemById("map").layers() if lyr.shortName() == table)
    renderer = layer.renderer()
    classes = renderer.ranges() if hasattr(renderer, "ranges") else renderer.categories()
    symbol = classes[0].symbol()
    return symbol.color().name()
