"""The Sozialplanungsatlas's layouts, PNG maps and PDF, built by QGIS itself."""

from __future__ import annotations

import contextlib
import re

import pytest

from geolib.io import (
    OutputLayer,
    Provenance,
    read_provenance,
    read_vector,
    write_gpkg,
)
from tests._qgis import german
from tests.conftest import KREIS_GPKG
from tests.processing._atlas import (
    _fill,
    _first_color,
    _image_stats,
    _numeric_context,
    _print_layouts,
    _read_project,
)


def test_one_layout_per_theme_with_attribution_year_and_synthetic_label(atlas):
    from qgis.core import QgsLayoutItemLegend, QgsReport

    from processing_algorithms.atlas_project import ATTRIBUTION

    _, _, result = atlas
    project = _read_project(result.project)
    manager = project.layoutManager()
    layouts = _print_layouts(project)
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
    from qgis.core import QgsLayoutItemScaleBar

    _, _, result = atlas
    project = _read_project(result.project)  # kept: it owns the layouts
    layouts = _print_layouts(project)
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
