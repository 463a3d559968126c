"""Generate the QML styles in styles/ with QGIS itself (run in QGIS's Python).

Each builder makes a renderer for a layer of the output's shape and saves it as
QML, so the styles are reproducible and valid for QGIS 3.22. Run:
``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_styles.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsClassificationRange,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererRange,
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
    labels = ["0 – 0,25", "0,25 – 0,5", "0,5 – 1", "1 – 2", "2 – 4", "> 4"]
    return graduated_polygons(
        "offers_per_1000", breaks, labels, "YlGnBu", "field=offers_per_1000:double"
    )


def _break_classes(symbol_factory, geometry: str, fields: str, opacity: float = 1.0):
    """Graduated by ``break_no`` (1 = smallest break): up to six breaks, green to red."""
    layer = QgsVectorLayer(f"{geometry}?crs=EPSG:25832&{fields}", "style", "memory")
    colors = ["26,150,65", "166,217,106", "255,255,191", "253,174,97", "215,25,28", "130,0,20"]
    ranges = []
    for i, color in enumerate(colors, start=1):
        symbol = symbol_factory(color)
        symbol.setOpacity(opacity)
        label = f"{i}. Grenze"
        ranges.append(QgsRendererRange(QgsClassificationRange(label, i - 0.5, i + 0.5), symbol))
    renderer = QgsGraduatedSymbolRenderer("break_no", ranges)
    # larger breaks first, so the smaller areas lie on top
    renderer.setOrderBy(
        QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause("break_no", False)])
    )
    renderer.setOrderByEnabled(True)
    layer.setRenderer(renderer)
    return layer


def catchments() -> QgsVectorLayer:
    return _break_classes(
        lambda c: QgsFillSymbol.createSimple(
            {"color": c + ",160", "outline_color": "60,60,60,200", "outline_width": "0.2"}
        ),
        "MultiPolygon",
        "field=break_no:integer",
    )


def catchment_lines() -> QgsVectorLayer:
    return _break_classes(
        lambda c: QgsLineSymbol.createSimple({"line_color": c + ",255", "line_width": "0.6"}),
        "LineString",
        "field=break_no:integer",
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
    "catchments.qml": catchments,
    "catchment_lines.qml": catchment_lines,
    "catchment_unroutable.qml": catchment_unroutable,
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
        if not ok:
            raise SystemExit(f"{name}: {message}")
        print(f"styles/{name}")
    app.exitQgis()


if __name__ == "__main__":
    main()
