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
    QgsColorRampShader,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
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
    function.setColorRampType(QgsColorRampShader.Interpolated)
    function.classifyColorRamp(5, -1)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    layer.setRenderer(renderer)
    layer.setOpacity(0.85)
    return layer


BUILDERS = {
    "offers_per_population.qml": offers_per_population,
    "sozialformel.qml": sozialformel,
    "surface.qml": surface,
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
    main()
