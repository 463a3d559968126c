"""``sozialplanung:offerdensity``: kernel density raster of offers (exact at pixel centres)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)

from geolib.crs import DEFAULT_CRS
from geolib.kernel_density import KERNELS, OUTPUT_VALUES, kernel_density, uses_numba
from geolib.raster import write_geotiff

from .base import STYLES_DIR, SozialplanungAlgorithm, tr_geolib
from .styling import separators

STYLE = "offer_density.qml"


class OfferDensityAlgorithm(SozialplanungAlgorithm):
    """Kernel density estimation of offer points as a GeoTIFF."""

    INPUT = "INPUT"
    RADIUS = "RADIUS"
    RADIUS_FIELD = "RADIUS_FIELD"
    PIXEL_SIZE = "PIXEL_SIZE"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    KERNEL = "KERNEL"
    DECAY = "DECAY"
    OUTPUT_VALUE = "OUTPUT_VALUE"
    EXTENT = "EXTENT"
    OUTPUT = "OUTPUT"

    GROUP_ID = "erreichbarkeit"

    def name(self) -> str:
        return "offerdensity"

    def displayName(self) -> str:
        return self.tr("Offer density (kernel density)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Kernel density of offers (points) as a GeoTIFF raster in ETRS89 / UTM 32N "
            "(EPSG:25832). Every point spreads its weight (1, or the weight field, e.g. "
            "capacity) over a disc of the search radius; each pixel gets the sum of the "
            "kernels evaluated exactly at its centre.\n\n"
            "Kernels: quartic (default), triangular (with decay ratio: the value at the "
            "radius), uniform, triweight, Epanechnikov, Gaussian (cut off at the radius, "
            "which is 3 standard deviations).\n\n"
            "Output values: raw = the sum of kernel values (as 'Raw' in QGIS's heatmap); "
            "scaled = each kernel integrates to 1 (density per m²; unlike QGIS 3.22, the "
            "quartic kernel uses the correct constant 3/(π r²), see QGIS issue 60616); "
            "expected offers per cell = scaled × pixel area; offers per km² = scaled × "
            "1,000,000.\n\n"
            "Extent: default the points' extent grown by the radius; the grid starts at "
            "its top-left corner, and a width or height that is not a whole number of "
            "pixels is rounded up.\n\n"
            "Comparison with QGIS's heatmap: on the same grid the raw values are equal. "
            "QGIS 3.22's heatmap counts its raster rows from the top edge but its kernel "
            "centres from the bottom edge, so its kernels can be up to one pixel off "
            "vertically (exact for points on pixel centres or edges and a height of whole "
            "pixels). This algorithm does not copy that quirk.\n\n"
            "Points without geometry are skipped and counted; rasters too large for "
            "memory are refused with the size they would need."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Offers (points)"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.RADIUS,
                self.tr("Search radius (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=500.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.RADIUS_FIELD,
                self.tr("Radius from field (m)"),
                parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PIXEL_SIZE,
                self.tr("Pixel size (m)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=25.0,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Weight field (e.g. capacity)"),
                parentLayerParameterName=self.INPUT,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.KERNEL,
                self.tr("Kernel shape"),
                [
                    self.tr("Quartic"),
                    self.tr("Triangular"),
                    self.tr("Uniform"),
                    self.tr("Triweight"),
                    self.tr("Epanechnikov"),
                    self.tr("Gaussian"),
                ],
                defaultValue=0,
            )
        )
        decay = QgsProcessingParameterNumber(
            self.DECAY,
            self.tr("Decay ratio (triangular kernel only)"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=0.0,
            minValue=-100.0,
            maxValue=100.0,
        )
        decay.setFlags(decay.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(decay)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.OUTPUT_VALUE,
                self.tr("Output values"),
                [
                    self.tr("Raw (sum of kernel values)"),
                    self.tr("Scaled (density per m²)"),
                    self.tr("Expected offers per cell"),
                    self.tr("Offers per km²"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Offer density"))
        )

    def compute(self, parameters, context, feedback):
        points = self.read_source(parameters, self.INPUT, context)
        feedback.setProgress(10)
        radius_field = self.parameterAsString(parameters, self.RADIUS_FIELD, context) or None
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context) or None
        kernel = KERNELS[self.parameterAsEnum(parameters, self.KERNEL, context)]
        output_value = OUTPUT_VALUES[self.parameterAsEnum(parameters, self.OUTPUT_VALUE, context)]
        extent = None
        if parameters.get(self.EXTENT) not in (None, ""):
            rect = self.parameterAsExtent(
                parameters, self.EXTENT, context, QgsCoordinateReferenceSystem(DEFAULT_CRS)
            )
            if not rect.isNull() and not rect.isEmpty():
                extent = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        if not uses_numba():
            feedback.pushInfo(
                self.tr(
                    "numba is not installed (or switched off with GEOLIB_NO_NUMBA=1), so the "
                    "density is computed with numpy: the same values, but 3–5 times "
                    "slower. To speed it up, install the package python3-numba (on Windows "
                    "with the OSGeo4W Setup, on Debian/Ubuntu with apt) and restart QGIS."
                )
            )
        result = kernel_density(
            points,
            radius=None
            if radius_field
            else self.parameterAsDouble(parameters, self.RADIUS, context),
            radius_field=radius_field,
            pixel_size=self.parameterAsDouble(parameters, self.PIXEL_SIZE, context),
            weight_field=weight_field,
            kernel=kernel,
            decay=self.parameterAsDouble(parameters, self.DECAY, context),
            output=output_value,
            extent=extent,
            progress=self.progress(feedback, 10, 90),
        )
        self.push_notes(feedback, result.notes)
        rows, cols = result.array.shape
        feedback.pushInfo(
            self.tr("Raster of {rows} × {cols} pixels; values from {vmin} to {vmax}.").format(
                rows=rows,
                cols=cols,
                vmin=f"{float(result.array.min()):.6g}",
                vmax=f"{float(result.array.max()):.6g}",
            )
        )
        # written beside the destination, swapped in when complete (see base.py)
        staged, path = self.stage_output_file(parameters, self.OUTPUT, context)
        provenance = self.provenance(
            self.tr("Offer density (kernel density)"),
            parameters,
            method=f"kernel density, {kernel} kernel, {output_value} values",
            notes=[tr_geolib(n) for n in result.notes],
        )
        style = scaled_style(STYLES_DIR / STYLE, float(np.nanmax(result.array)))
        # float32 as QGIS's heatmap: half the file and the time to write it
        write_geotiff(result, staged, style=style, provenance=provenance, dtype="float32")
        self._raster_styles = getattr(self, "_raster_styles", {})
        self._raster_styles[path] = style
        feedback.setProgress(100)
        return {self.OUTPUT: path}

    def postProcessAlgorithm(self, context, feedback):
        from qgis.core import QgsProcessingUtils
        from qgis.PyQt.QtXml import QDomDocument

        for path, style in getattr(self, "_raster_styles", {}).items():
            layer = QgsProcessingUtils.mapLayerFromString(path, context)
            if layer is not None:
                doc = QDomDocument()
                doc.setContent(style)
                layer.importNamedStyle(doc)
                layer.triggerRepaint()
        return {}


def scaled_style(template: Path, vmax: float) -> str:
    """The pseudocolor QML of ``template`` (made for values 0–1) stretched to 0–``vmax``."""
    vmax = vmax if np.isfinite(vmax) and vmax > 0 else 1.0
    decimal = separators()[1]  # legend numbers as in the map language: 0,02 in German
    root = ET.fromstring(template.read_text(encoding="utf-8"))
    for node in root.iter():
        for key in ("minimumValue", "classificationMin"):
            if key in node.attrib:
                node.set(key, "0")
        for key in ("maximumValue", "classificationMax"):
            if key in node.attrib:
                node.set(key, repr(vmax))
        if node.tag == "item" and "value" in node.attrib:
            value = float(node.get("value")) * vmax
            node.set("value", repr(value))
            node.set("label", f"{value:.4g}".replace(".", decimal))
    return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n" + ET.tostring(
        root, encoding="unicode"
    )
