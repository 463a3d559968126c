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


def accessibility(field: str = "score_norm"):
    breaks = [-1e-9, 1e-9, 0.5, 0.8, 1.25, 2, 1e9]
    labels = ["0 (kein Angebot erreichbar)", "< 0,5", "0,5 – 0,8", "0,8 – 1,25", "1,25 – 2", "> 2"]
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
    shader_fn.setColorRampType(QgsColorRampShader.Interpolated)
    shader_fn.setColorRampItemList(items)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_fn)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    layer.setRenderer(renderer)
    layer.setOpacity(0.8)
    return layer


BUILDERS = {
    "offers_per_population.qml": offers_per_population,
    "offer_density.qml": density_raster,
    "accessibility.qml": accessibility,
    "accessibility_areas.qml": lambda: accessibility("score_norm_mean"),
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
