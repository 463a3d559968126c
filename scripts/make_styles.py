"""Generate the QML styles in styles/ with QGIS itself (run in QGIS's Python).

Each builder makes a renderer for a layer of the output's shape and saves it as
QML, so the styles are reproducible and valid for QGIS 3.22. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_styles.py``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsCategorizedSymbolRenderer,
    QgsClassificationRange,
    QgsColorRampShader,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsStyle,
    QgsVectorLayer,
)

ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "styles"


def _ramp(name: str) -> QgsGradientColorRamp:
    return QgsStyle.defaultStyle().colorRamp(name)


def graduated_polygons(
    field: str, breaks: list[float], labels: list[str], ramp: str, fields: str
) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:25832&{fields}", "style", "memory")
    color_ramp = _ramp(ramp)
    ranges = []
    n = len(breaks) - 1
    for i in range(n):
        symbol = QgsFillSymbol.createSimple(
            {"outline_color": "80,80,80,255", "outline_width": "0.2"}
        )
        symbol.setColor(color_ramp.color(i / max(n - 1, 1)))
        ranges.append(
            QgsRendererRange(QgsClassificationRange(labels[i], breaks[i], breaks[i + 1]), symbol)
        )
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceColorRamp(color_ramp)
    layer.setRenderer(renderer)
    return layer


def offers_per_population() -> QgsVectorLayer:
    breaks = [0, 0.25, 0.5, 1, 2, 4, 1e9]
    labels = ["0 – 0.25", "0.25 – 0.5", "0.5 – 1", "1 – 2", "2 – 4", "> 4"]
    return graduated_polygons(
        "offers_per_1000", breaks, labels, "YlGnBu", "field=offers_per_1000:double"
    )


def income() -> QgsVectorLayer:
    """Real income per taxpayer 2021 (EUR) per municipality."""
    breaks = [0, 45000, 50000, 55000, 60000, 1e9]
    labels = [
        "under 45,000 EUR",
        "45,000 – 50,000 EUR",
        "50,000 – 55,000 EUR",
        "55,000 – 60,000 EUR",
        "60,000 EUR and more",
    ]
    return graduated_polygons(
        "einkuenfte_je_stpfl_eur", breaks, labels, "PuBuGn", "field=einkuenfte_je_stpfl_eur:double"
    )


def schools() -> QgsVectorLayer:
    """Real schools: one dark square each, white outline."""
    from qgis.core import QgsSingleSymbolRenderer

    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=name:string", "style", "memory")
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "square",
            "color": "37,37,120,255",
            "size": "2.4",
            "outline_color": "255,255,255,255",
        }
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setDisplayExpression('"name"')
    return layer


def atlas_gemeinden() -> QgsVectorLayer:
    """Base map of the atlas: light municipalities with their names."""
    from qgis.core import (
        QgsPalLayerSettings,
        QgsSingleSymbolRenderer,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )
    from qgis.PyQt.QtGui import QColor, QFont

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25832&field=GEN:string", "style", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"color": "246,244,240,255", "outline_color": "150,150,150,255", "outline_width": "0.2"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(6.5)
    text.setColor(QColor(60, 60, 60))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setColor(QColor(255, 255, 255, 220))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "GEN"
    settings.placement = QgsPalLayerSettings.Placement.OverPoint
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


def atlas_kreis() -> QgsVectorLayer:
    """Base map of the atlas: the Kreis boundary as a dark outline."""
    from qgis.core import QgsSingleSymbolRenderer

    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25832", "style", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "50,50,50,255", "outline_width": "0.6"}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


# --- Hilfeportal: offers by category (with a plain-text form) and the check list ---------

HILFEPORTAL_CATEGORIES = {
    "Kinder, Jugend und Familie": "#1f78b4",
    "Senioren": "#6a3d9a",
    "Migration und Integration": "#33a02c",
    "Sucht": "#e31a1c",
    "Schulden": "#ff7f00",
    "Wohnen": "#b15928",
    "Behinderung": "#a6cee3",
    "Gesundheit": "#fb9a99",
    "Arbeit": "#b2df8a",
}
HILFEPORTAL_ALIASES = {
    "offer_id": "Offer ID",
    "title": "Title",
    "provider": "Provider",
    "category": "Category",
    "categories": "Categories",
    "target_groups": "Target groups",
    "address": "Address",
    "postcode": "Postcode",
    "municipality_ags": "AGS",
    "capacity": "Places",
    "opening_hours": "Opening hours",
    "url": "Link",
    "phone": "Phone",
    "updated_at": "Updated",
    "synthetic": "Synthetic",
    "checks": "Check notes",
}
HILFEPORTAL_FIELDS = (
    "field=offer_id:string&field=title:string&field=provider:string&field=category:string"
    "&field=categories:string&field=target_groups:string&field=address:string"
    "&field=postcode:string&field=municipality_ags:string&field=capacity:long"
    "&field=opening_hours:string&field=url:string&field=phone:string&field=updated_at:string"
    "&field=synthetic:long&field=checks:string"
)
# map tips are HTML: escape the title so that markup in it stays text
_ESCAPED_TITLE = (
    "regexp_replace(regexp_replace(regexp_replace(\"title\", '&', '&amp;'), '<', '&lt;'), "
    "'>', '&gt;')"
)


def _plain_text_form(layer: QgsVectorLayer, multiline: set[str]) -> None:
    """Every field as plain text (never HTML); the link as a clickable http(s) link."""
    for index, name in enumerate(layer.fields().names()):
        if name == "url":
            setup = QgsEditorWidgetSetup(
                "ExternalResource",
                {"UseLink": True, "FullUrl": True, "FileWidget": False, "DocumentViewer": 0},
            )
        else:
            setup = QgsEditorWidgetSetup(
                "TextEdit", {"IsMultiline": name in multiline, "UseHtml": False}
            )
        layer.setEditorWidgetSetup(index, setup)
        layer.setFieldAlias(index, HILFEPORTAL_ALIASES.get(name, name))
    form = layer.editFormConfig()
    form.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    root = form.invisibleRootContainer()
    root.clear()
    fields = layer.fields()
    groups = {
        "Offer": ["title", "provider", "category", "categories", "target_groups"],
        "Contact": ["url", "phone", "opening_hours", "address", "postcode"],
        "Check": ["offer_id", "updated_at", "checks", "capacity", "municipality_ags"],
    }
    for title, names in groups.items():
        box = QgsAttributeEditorContainer(title, root)
        box.setIsGroupBox(True)
        for name in names:
            index = fields.indexOf(name)
            if index >= 0:
                box.addChildElement(QgsAttributeEditorField(name, index, box))
        root.addChildElement(box)
    layer.setEditFormConfig(form)


def hilfeportal_offers() -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs=EPSG:25832&{HILFEPORTAL_FIELDS}", "style", "memory")
    categories = []
    for name, color in HILFEPORTAL_CATEGORIES.items():
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": color, "size": "2.6", "outline_color": "255,255,255,255"}
        )
        categories.append(QgsRendererCategory(name, symbol, name))
    other = QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "#999999", "size": "2.2", "outline_color": "255,255,255,255"}
    )
    categories.append(QgsRendererCategory(None, other, "Other"))
    layer.setRenderer(QgsCategorizedSymbolRenderer("category", categories))
    _plain_text_form(layer, multiline={"opening_hours", "checks"})
    layer.setDisplayExpression('"title"')
    layer.setMapTipTemplate(f"<b>[% {_ESCAPED_TITLE} %]</b>")
    return layer


HILFEPORTAL_CHECKS = {
    "no_coordinates": ("no coordinates", "#7f7f7f"),
    "invalid_coordinates": ("invalid coordinates", "#7f7f7f"),
    "coordinates_out_of_range": ("coordinates out of range", "#7f7f7f"),
    "swapped_coordinates": ("latitude and longitude swapped", "#e31a1c"),
    "outside_area": ("outside the area", "#ff7f00"),
    "duplicate_id": ("duplicate ID", "#6a3d9a"),
    "duplicate_title_address": ("same title and address", "#cab2d6"),
    "stale": ("not updated for a long time", "#fdbf6f"),
    "no_update_date": ("no update date", "#fdbf6f"),
    "long_text": ("text shortened", "#a6cee3"),
    "invalid_url": ("link removed (not http/https)", "#1f78b4"),
}


def hilfeportal_checks() -> QgsVectorLayer:
    fields = (
        "field=offer_id:string&field=title:string&field=check:string&field=severity:string"
        "&field=reason:string"
    )
    layer = QgsVectorLayer(f"Point?crs=EPSG:25832&{fields}", "style", "memory")
    categories = []
    for code, (label, color) in HILFEPORTAL_CHECKS.items():
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "triangle", "color": color, "size": "3.2", "outline_color": "0,0,0,255"}
        )
        categories.append(QgsRendererCategory(code, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("check", categories))
    for index, name in enumerate(layer.fields().names()):
        layer.setEditorWidgetSetup(
            index,
            QgsEditorWidgetSetup("TextEdit", {"IsMultiline": name == "reason", "UseHtml": False}),
        )
        alias = {"check": "Check", "severity": "Severity", "reason": "Reason"}.get(name)
        layer.setFieldAlias(index, alias or HILFEPORTAL_ALIASES.get(name, name))
    layer.setDisplayExpression('"title"')
    layer.setMapTipTemplate(f"<b>[% {_ESCAPED_TITLE} %]</b>")
    return layer


def sozialformel() -> QgsVectorLayer:
    # a template: the algorithm replaces the ranges with the classes of the run
    breaks = [0, 20, 40, 60, 80, 100]
    labels = ["0 – 20", "20 – 40", "40 – 60", "60 – 80", "80 – 100"]
    return graduated_polygons("index_value", breaks, labels, "YlOrRd", "field=index_value:double")


def surface() -> QgsRasterLayer:
    # a template: the algorithm sets minimum and maximum from the data of the run
    import tempfile

    import numpy as np
    from osgeo import gdal

    path = tempfile.mkdtemp(prefix="style-") + "/template.tif"
    ds = gdal.GetDriverByName("GTiff").Create(path, 2, 2, 1, gdal.GDT_Float64)
    ds.SetGeoTransform((0, 1, 0, 2, 0, -1))
    ds.GetRasterBand(1).WriteArray(np.array([[0.0, 1.0], [2.0, 3.0]]))
    ds.GetRasterBand(1).SetNoDataValue(-9999.0)
    ds = None
    layer = QgsRasterLayer(path, "surface")
    ramp = _ramp("Magma")
    ramp.invert()
    function = QgsColorRampShader(0.0, 1.0, ramp)
    function.setColorRampType(QgsColorRampShader.Type.Interpolated)
    function.classifyColorRamp(5, -1)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    layer.setRenderer(renderer)
    layer.setOpacity(0.85)
    return layer


def accessibility(field: str = "score_norm"):
    breaks = [-1e-9, 1e-9, 0.5, 0.8, 1.25, 2, 1e9]
    labels = ["0 (no offer within reach)", "< 0.5", "0.5 – 0.8", "0.8 – 1.25", "1.25 – 2", "> 2"]
    return graduated_polygons(field, breaks, labels, "RdYlGn", f"field={field}:double")


def density_raster():
    """Pseudocolor for a density raster made for values 0–1 (stretched to the data on use)."""
    import tempfile

    import numpy as np
    import rasterio
    from qgis.core import (
        QgsColorRampShader,
        QgsRasterLayer,
        QgsRasterShader,
        QgsSingleBandPseudoColorRenderer,
    )

    path = Path(tempfile.mkdtemp()) / "density.tif"
    from affine import Affine

    profile = {
        "driver": "GTiff",
        "height": 2,
        "width": 2,
        "count": 1,
        "dtype": "float32",
        "crs": "EPSG:25832",
        "transform": Affine(1, 0, 0, 0, -1, 2),
    }
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(np.array([[0, 0.5], [0.75, 1]], dtype="float32"), 1)
    layer = QgsRasterLayer(str(path), "density")
    ramp = _ramp("Magma")
    items = []
    for value in (0.0, 0.02, 0.1, 0.25, 0.5, 0.75, 1.0):
        color = ramp.color(1 - value if value else 1.0)
        if value == 0.0:
            color.setAlpha(0)
        items.append(QgsColorRampShader.ColorRampItem(value, color, f"{value:g}"))
    shader_fn = QgsColorRampShader(0.0, 1.0)
    shader_fn.setColorRampType(QgsColorRampShader.Type.Interpolated)
    shader_fn.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_fn)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    layer.setRenderer(renderer)
    layer.setOpacity(0.8)
    return layer


#: straight-line catchments: green to red (ColorBrewer RdYlGn)
GREEN_TO_RED = ["26,150,65", "166,217,106", "255,255,191", "253,174,97", "215,25,28", "130,0,20"]
#: catchments on the network (areas, streets, nodes): dark to pale blue, then orange to red;
#: every class stays visible as a thin line on a pale map (no pale yellow)
BLUES = ["8,48,107", "33,113,181", "107,174,214", "253,174,97", "215,25,28", "130,0,20"]


def _break_classes(
    symbol_factory, geometry: str, fields: str, opacity: float = 1.0, colors=GREEN_TO_RED
):
    """Graduated by ``break_no`` (1 = smallest break): up to six breaks."""
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:25832&{fields}", "style", "memory")
    ranges = []
    for i, color in enumerate(colors, start=1):
        symbol = symbol_factory(color)
        symbol.setOpacity(opacity)
        label = f"Break {i}"
        ranges.append(QgsRendererRange(QgsClassificationRange(label, i - 0.5, i + 0.5), symbol))
    renderer = QgsGraduatedSymbolRenderer("break_no", ranges)
    # larger breaks first, so the smaller areas lie on top
    renderer.setOrderBy(
        QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause("break_no", False)])
    )
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    return layer


def catchments(colors=GREEN_TO_RED) -> QgsVectorLayer:
    return _break_classes(
        lambda c: QgsFillSymbol.createSimple(
            {"color": c + ",160", "outline_color": "60,60,60,200", "outline_width": "0.2"}
        ),
        "MultiPolygon",
        "field=break_no:integer",
        colors=colors,
    )


def catchment_lines() -> QgsVectorLayer:
    return _break_classes(
        lambda c: QgsLineSymbol.createSimple({"line_color": c + ",255", "line_width": "0.6"}),
        "LineString",
        "field=break_no:integer",
        colors=BLUES,
    )


def catchment_nodes() -> QgsVectorLayer:
    return _break_classes(
        lambda c: QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": c + ",255", "outline_style": "no", "size": "1.4"}
        ),
        "Point",
        "field=break_no:integer",
        colors=BLUES,
    )


def catchment_unroutable() -> QgsVectorLayer:
    layer = QgsVectorLayer("Point?crs=EPSG:25832", "style", "memory")
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "cross2",
            "color": "215,25,28,255",
            "outline_color": "215,25,28,255",
            "size": "3",
            "outline_width": "0.6",
        }
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


BUILDERS = {
    "offers_per_population.qml": offers_per_population,
    "atlas_gemeinden.qml": atlas_gemeinden,
    "atlas_kreis.qml": atlas_kreis,
    "hilfeportal_offers.qml": hilfeportal_offers,
    "hilfeportal_checks.qml": hilfeportal_checks,
    "sozialformel.qml": sozialformel,
    "surface.qml": surface,
    "offer_density.qml": density_raster,
    "accessibility.qml": accessibility,
    "accessibility_areas.qml": lambda: accessibility("score_norm_mean"),
    "income.qml": income,
    "schools.qml": schools,
    "catchments.qml": catchments,
    "catchments_network.qml": lambda: catchments(BLUES),
    "catchment_lines.qml": catchment_lines,
    "catchment_unroutable.qml": catchment_unroutable,
    "catchment_nodes.qml": catchment_nodes,
}


def main() -> None:
    app = QgsApplication([], False)
    app.initQgis()
    only = set(sys.argv[1:])
    for name, builder in BUILDERS.items():
        if only and name not in only:
            continue
        layer = builder()
        message, ok = layer.saveNamedStyle(str(STYLES / name))
        del layer  # a layer left alive until exitQgis() crashes at exit
        if not ok:
            raise SystemExit(f"{name}: {message}")
        print(f"styles/{name}")
    app.exitQgis()


if __name__ == "__main__":
    if os.environ.get("QT_HASH_SEED") != "0":  # Qt orders XML attributes by a seeded hash:
        env = {**os.environ, "QT_HASH_SEED": "0"}  # a fixed seed writes the same files
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    main()
