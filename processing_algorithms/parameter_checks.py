"""Messages for refused parameters: each names the parameter and the fix.

:func:`parameter_problem` explains why QGIS refused a value, :func:`output_format_problem`
an output file whose extension cannot hold what the algorithm writes. The texts are in
the translation context ``SozialplanungAlgorithm`` (:func:`tr_base`), as the base class's.
"""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
)
from qgis.PyQt.QtCore import QCoreApplication

from .styling import number, separators


def tr_base(text: str) -> str:
    """A text of the base class's translation context ``SozialplanungAlgorithm``."""
    return QCoreApplication.translate("SozialplanungAlgorithm", text)


def parameter_problem(definition, value) -> str:
    """Why QGIS refused ``value`` for ``definition``, naming the parameter and the fix."""
    name = definition.description()
    if value is None or value == "":
        return tr_base("The parameter '{name}' is required: give it a value.").format(name=name)
    if isinstance(definition, QgsProcessingParameterNumber):
        low, high = definition.minimum(), definition.maximum()
        whole = definition.dataType() == QgsProcessingParameterNumber.Type.Integer
        shown = _number_text(value)
        if high >= 1e300:
            return tr_base(
                "The parameter '{name}' is {value}; it must be at least {minimum}. Enter a "
                "larger value."
            ).format(name=name, value=shown, minimum=short_number(low))
        text = tr_base(
            "The parameter '{name}' is {value}; it must be between {minimum} and {maximum}. "
            "Enter a value in that range."
        ).format(name=name, value=shown, minimum=short_number(low), maximum=short_number(high))
        return text + (" " + tr_base("Only whole numbers are allowed.") if whole else "")
    if isinstance(definition, QgsProcessingParameterEnum):
        options = "; ".join(f"{i} = {o}" for i, o in enumerate(definition.options()))
        return tr_base(
            "The parameter '{name}' cannot be '{value}'. Choose one of: {options}."
        ).format(name=name, value=value, options=options)
    if isinstance(
        definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterMapLayer)
    ):
        return tr_base(
            "The input '{name}' cannot be opened from '{value}': the file does not exist or "
            "is not a layer QGIS can read. Check the path, or choose a layer of the project."
        ).format(name=name, value=value)
    if isinstance(definition, QgsProcessingParameterFile):
        kinds = definition.fileFilter() or definition.extension()
        if kinds:
            return tr_base(
                "The parameter '{name}' cannot be '{value}': choose an existing file of the "
                "type {kinds}."
            ).format(name=name, value=value, kinds=kinds)
    return tr_base(
        "The parameter '{name}' cannot be '{value}'. Check its help (the ? button) for what "
        "it accepts."
    ).format(name=name, value=value)


def _number_text(value) -> str:
    try:
        return short_number(float(value))
    except (TypeError, ValueError):
        return f"'{value}'"


def short_number(value: float, decimals: int = 3) -> str:
    """A number for a message in the user's language, without trailing zeros:
    ``0.1``/``0,1``, ``1,500``/``1.500``."""
    text = number(value, decimals)
    decimal = separators()[1]
    return text.rstrip("0").rstrip(decimal) if decimal in text else text


#: raster outputs are written by geolib.raster.write_geotiff: GeoTIFF only
RASTER_EXTENSIONS = ("tif", "tiff")


def output_format_problem(definition, value) -> str | None:
    """A file output whose extension cannot hold what the parameter writes, or None."""
    path = _destination_path(value)
    if path is None:
        return None
    suffix = Path(path.split("|")[0]).suffix.lower().lstrip(".")
    if isinstance(definition, QgsProcessingParameterRasterDestination):
        allowed: tuple[str, ...] = RASTER_EXTENSIONS
        kind = tr_base("a raster (GeoTIFF)")
    elif isinstance(definition, QgsProcessingParameterFeatureSink):
        allowed = tuple(definition.supportedOutputVectorLayerExtensions())
        kind = tr_base("a vector layer")
    elif isinstance(definition, QgsProcessingParameterFileDestination):
        allowed = tuple(re.findall(r"\*\.(\w+)", definition.fileFilter()))
        kind = definition.fileFilter()
        if not allowed or "*" in allowed:
            return None
    else:
        return None
    if suffix in allowed:
        return None
    return tr_base(
        "The output '{name}' is {kind}, which cannot be written to '{path}' (extension "
        "'{suffix}'). Use one of the extensions: {allowed}."
    ).format(
        name=definition.description(),
        kind=kind,
        path=path,
        suffix=suffix or "—",
        allowed=", ".join(f".{e}" for e in allowed),
    )


def _destination_path(value) -> str | None:
    """A plain file path of an output value; None for temporary or provider outputs."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.staticValue()
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text == QgsProcessing.TEMPORARY_OUTPUT or text.startswith(("memory:", "ogr:")):
        return None
    prefix = text.split(":", 1)[0]
    if ":" in text and len(prefix) > 1 and "/" not in prefix and "\\" not in prefix:
        return None  # postgres:…, spatialite:… and the like
    return text
