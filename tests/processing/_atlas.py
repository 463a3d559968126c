"""Shared by the atlas tests: the themes, a GeoPackage like the chain's, and readers of
the project, its layouts and maps."""

from __future__ import annotations

from pathlib import Path

from geolib.io import (
    OutputLayer,
    Provenance,
    read_vector,
    write_gpkg,
)
from tests._qgis import run_algorithm
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


def _read_project(path: Path):
    from qgis.core import QgsProject

    project = QgsProject()
    assert project.read(str(path)), project.error()
    return project


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


def _numeric_context():
    from qgis.core import QgsNumericFormatContext

    return QgsNumericFormatContext()


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
