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
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsRendererRange,
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
    settings.placement = QgsPalLayerSettings.OverPoint
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


BUILDERS = {
    "offers_per_population.qml": offers_per_population,
    "atlas_gemeinden.qml": atlas_gemeinden,
    "atlas_kreis.qml": atlas_kreis,
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
