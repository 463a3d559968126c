"""``sozialplanung:surface``: a raster surface from area values or counts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from qgis.core import (
    QgsColorRampShader,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)

from geolib.raster import write_geotiff
from geolib.surfaces import NODATA, surface

from .base import STYLES_DIR, SozialplanungAlgorithm, tr_geolib

TEMPLATE_STYLE = "surface.qml"


def style_raster(path: str, values: np.ndarray) -> None:
    """Save the template style beside ``path`` with the 2nd–98th percentile of ``values``."""
    values = values[(values != NODATA) & np.isfinite(values)]
    if len(values) == 0:
        return
    low, high = (float(v) for v in np.percentile(values, [2, 98]))
    if high <= low:
        low, high = float(values.min()), float(values.max()) + 1e-9
    layer = QgsRasterLayer(path, "surface")
    layer.loadNamedStyle(str(STYLES_DIR / TEMPLATE_STYLE))
    template = layer.renderer()
    ramp = template.shader().rasterShaderFunction().sourceColorRamp().clone()
    function = QgsColorRampShader(low, high, ramp)
    function.setColorRampType(QgsColorRampShader.Type.Interpolated)
    function.classifyColorRamp(5, -1)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(low)
    renderer.setClassificationMax(high)
    renderer.setOpacity(template.opacity())
    layer.setRenderer(renderer)
    # QGIS loads <name>.qml beside a raster as its default style
    layer.saveNamedStyle(str(Path(path).with_suffix(Path(TEMPLATE_STYLE).suffix)))
    del layer


class SurfaceAlgorithm(SozialplanungAlgorithm):
    """Area values or counts as an area-weighted or pycnophylactic raster surface."""

    AREAS = "AREAS"
    FIELD = "FIELD"
    NUMERATOR = "NUMERATOR"
    DENOMINATOR = "DENOMINATOR"
    METHOD = "METHOD"
    PIXEL_SIZE = "PIXEL_SIZE"
    OUTPUT = "OUTPUT"

    GROUP_ID = "sozialformel"
    METHODS = ("area_weighted", "pycnophylactic")

    def name(self) -> str:
        return "surface"

    def displayName(self) -> str:
        return self.tr("Sozialformel surface")

    def shortHelpString(self) -> str:
        return self.tr(
            "Turns area values into a raster surface (GeoTIFF, ETRS89 / UTM 32N).\n\n"
            "Area-weighted: every cell gets the value of its area (FIELD); a cell on a "
            "boundary gets the mean of the areas it overlaps, weighted by the overlapped "
            "share.\n\n"
            "Pycnophylactic (Tobler): a smooth surface of a count (FIELD, e.g. "
            "inhabitants) in counts per cell, in which the cells of every area still sum "
            "to the area's total. An area that owns no cell centre (at a coarse pixel "
            "size) has its count spread over the cells it overlaps; the log names it and "
            "gives the surface's sum against the input total.\n\n"
            "For a rate give NUMERATOR and DENOMINATOR (counts) instead of FIELD: both "
            "are made into surfaces and divided; the result is in percent (100 × "
            "numerator / denominator). Cells outside every area are nodata (-9999). Areas "
            "without a value are left out and reported."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS,
                self.tr("Areas (polygons)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        for name, label in (
            (self.FIELD, self.tr("Value or count field")),
            (self.NUMERATOR, self.tr("Numerator count field (for a rate)")),
            (self.DENOMINATOR, self.tr("Denominator count field (for a rate)")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    label,
                    parentLayerParameterName=self.AREAS,
                    type=QgsProcessingParameterField.DataType.Numeric,
                    optional=True,
                )
            )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method"),
                options=[self.tr("Area-weighted"), self.tr("Pycnophylactic (Tobler)")],
                defaultValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PIXEL_SIZE,
                self.tr("Pixel size (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=100.0,
                minValue=1.0,
            )
        )
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Surface")))

    def compute(self, parameters, context, feedback):
        areas = self.read_source(parameters, self.AREAS, context)
        field = self.parameterAsString(parameters, self.FIELD, context) or None
        numerator = self.parameterAsString(parameters, self.NUMERATOR, context) or None
        denominator = self.parameterAsString(parameters, self.DENOMINATOR, context) or None
        method = self.METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        pixel_size = self.parameterAsDouble(parameters, self.PIXEL_SIZE, context)
        options = {"pixel_size": pixel_size, "progress": self.progress(feedback, 10, 90)}
        if field:
            options["field"] = field
        if numerator:
            options.update(numerator=numerator, denominator=denominator, per=100.0)
        result = surface(areas, method=method, **options)
        self.push_notes(feedback, result.notes)
        # written beside the destination, swapped in when complete (see base.py)
        staged, output = self.stage_output_file(parameters, self.OUTPUT, context)
        what = field or f"100 × {numerator} / {denominator}"
        provenance = self.provenance(
            self.tr("Surface of {what}").format(what=what),
            parameters,
            method=method,
            notes=[tr_geolib(n) for n in result.notes],
        )
        write_geotiff(result, staged, provenance=provenance)
        style_raster(staged, result.array)
        return {self.OUTPUT: output}
