"""The outputs of ``sozialplanung:sozialformel``: written, styled and made temporal.

- the areas with the latest year (graduated by ``index_value``, the run's classes);
- per area and year, with the areas' polygons: a map whose temporal properties (start
  ``make_datetime("year", 1, 1, 0, 0, 0)``, end the next 1 January, excluded) let the
  temporal controller step through the years (a date instead of a datetime compares
  wrongly with the controller's frames in QGIS 3.22);
- per group and year, with polygons dissolved from the members' areas, styled like the
  areas and temporal as well.

The classes hold in every year (the reference year's thresholds), so one legend serves
every year; with ``classes.per_year`` the maps of several years are coloured by
``index_class`` instead. The outer classes are open (``≤`` the first threshold, ``>`` the
last), so values of other years beyond the reference year's range are drawn, and no
legend bound is a data value. The reference year's bounds and breaks are in every
output's provenance (``parameters.reference``) and in the notes as a ``[reference]``
table for the configuration of later runs.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsClassificationRange,
    QgsGraduatedSymbolRenderer,
    QgsProcessingUtils,
    QgsRendererRange,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from geolib.sozialformel import areas_by_year, group_areas
from geolib.sozialformel.labels import label

from .base import STYLES_DIR, tr_geolib
from .styling import number

TEMPLATE_STYLE = "sozialformel.qml"


def tr(text: str) -> str:
    """``text`` in the user's language (the algorithm's context)."""
    return QCoreApplication.translate("SozialformelAlgorithm", text)


#: the open ends of the lowest and highest class
OPEN = 1e15
#: the temporal properties of the outputs per year (QGIS expressions)
YEAR_START = 'make_datetime("year", 1, 1, 0, 0, 0)'
YEAR_END = 'make_datetime("year" + 1, 1, 1, 0, 0, 0)'


def _ranges(breaks: list[float], symbol, ramp) -> list[QgsRendererRange]:
    n = max(len(breaks) - 1, 1)
    ranges = []
    for i in range(n):
        lower = -OPEN if i == 0 else breaks[i]
        upper = OPEN if i == n - 1 else breaks[i + 1]
        if n == 1:
            label = "1"
        elif i == 0:
            label = f"1: ≤ {number(upper)}"
        elif i == n - 1:
            label = f"{n}: > {number(lower)}"
        else:
            label = f"{i + 1}: {number(lower)} – {number(upper)}"
        sym = symbol.clone()
        sym.setColor(ramp.color(i / max(n - 1, 1)))
        ranges.append(QgsRendererRange(QgsClassificationRange(label, lower, upper), sym))
    return ranges


def _class_ranges(count: int, symbol, ramp) -> list[QgsRendererRange]:
    ranges = []
    for i in range(count):
        sym = symbol.clone()
        sym.setColor(ramp.color(i / max(count - 1, 1)))
        rng = QgsClassificationRange(str(i + 1), i + 0.5, i + 1.5)
        ranges.append(QgsRendererRange(rng, sym))
    return ranges


def set_temporal(layer: QgsVectorLayer) -> None:
    """One year per feature: from 1 January of ``year`` to the next (excluded)."""
    props = layer.temporalProperties()
    props.setIsActive(True)
    props.setMode(Qgis.VectorTemporalMode.FeatureDateTimeStartAndEndFromExpressions)
    props.setStartExpression(YEAR_START)
    props.setEndExpression(YEAR_END)
    props.setLimitMode(Qgis.VectorTemporalLimitMode.IncludeBeginExcludeEnd)


def graduated_style(
    breaks: list[float], path: Path, *, by_class: int = 0, temporal: bool = False
) -> Path:
    """Write the template style with the classes of ``breaks`` (class edges) to ``path``.

    ``by_class``: colour by ``index_class`` with that many classes (classes per year)
    instead of by ``index_value``; ``temporal``: one year per feature (field ``year``)."""
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:25832&field=index_value:double&field=index_class:integer"
        "&field=year:integer",
        "sozialformel",
        "memory",
    )
    layer.loadNamedStyle(str(STYLES_DIR / TEMPLATE_STYLE))
    template = layer.renderer()
    ramp = template.sourceColorRamp().clone()
    template_ranges = template.ranges()  # keep the copies alive while cloning
    symbol = template_ranges[0].symbol().clone()
    if by_class:
        renderer = QgsGraduatedSymbolRenderer("index_class", _class_ranges(by_class, symbol, ramp))
    else:
        renderer = QgsGraduatedSymbolRenderer("index_value", _ranges(breaks, symbol, ramp))
    renderer.setSourceColorRamp(ramp)
    layer.setRenderer(renderer)
    if temporal:
        set_temporal(layer)
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:  # pragma: no cover - QGIS cannot write into its own temp folder
        raise RuntimeError(message)
    return path


def _style_file(kind: str) -> Path:
    handle, name = tempfile.mkstemp(
        prefix=f"run_{kind}_", suffix="_" + TEMPLATE_STYLE, dir=QgsProcessingUtils.tempFolder()
    )
    os.close(handle)
    return Path(name)


def write_outputs(alg, parameters, context, feedback, result, areas, joined, area_key, notes):
    """Write the areas, per-year and group outputs of ``result``; their destination ids.

    ``joined``: the areas with the latest year; ``notes``: the run's notes (translated)."""
    config = result.config
    steps = (config.scaling, config.combination, config.post_scaling)
    method = f"{config.title}: " + " → ".join(tr_geolib(label(w)) for w in steps)
    years = ", ".join(map(str, result.years))
    latest = result.breaks[result.latest_year]
    by_class = config.class_count if config.class_per_year else 0

    def provenance(title, data_year):
        prov = alg.provenance(title, parameters, data_year=data_year, method=method, notes=notes)
        return dataclasses.replace(
            prov,
            parameters={
                **prov.parameters,
                "reference": result.reference,
                # what the atlas needs to print the indicators: their labels and
                # which way is need (the run's own settings, not the preset's)
                "indicators": {
                    ind.name: {"label": ind.label, "reverse": bool(ind.reverse)}
                    for ind in config.indicators
                },
            },
        )

    results = {}
    results[alg.OUTPUT] = alg.write_sink(
        parameters,
        alg.OUTPUT,
        context,
        joined,
        feedback,
        style=str(graduated_style(latest, _style_file("areas"))),
        provenance=provenance(tr("Sozialformel (areas)"), result.latest_year),
    )
    if parameters.get(alg.OUTPUT_TABLE) is not None:
        per_year = areas_by_year(areas, result, area_key=area_key)
        results[alg.OUTPUT_TABLE] = alg.write_sink(
            parameters,
            alg.OUTPUT_TABLE,
            context,
            per_year,
            feedback,
            style=str(
                graduated_style(latest, _style_file("years"), by_class=by_class, temporal=True)
            ),
            provenance=provenance(tr("Sozialformel per area and year"), years),
        )
    if parameters.get(alg.OUTPUT_GROUPS) is not None and result.members is None:
        feedback.pushInfo(tr("No group table: the groups output is not written."))
    elif parameters.get(alg.OUTPUT_GROUPS) is not None:
        groups, group_notes = group_areas(areas, result, area_key=area_key)
        alg.push_notes(feedback, group_notes)
        results[alg.OUTPUT_GROUPS] = alg.write_sink(
            parameters,
            alg.OUTPUT_GROUPS,
            context,
            groups,
            feedback,
            style=str(
                graduated_style(latest, _style_file("groups"), by_class=by_class, temporal=True)
            ),
            provenance=provenance(
                tr("Sozialformel per group and year"),
                years,
            ),
            wkb_type=QgsWkbTypes.Type.MultiPolygon,  # every group dissolved to multi
        )
    return results
