"""Styles from ``styles/*.qml`` in the language of the QGIS translation.

The QML files carry English legend labels, field aliases and form tab names.
:func:`load_style` loads one onto a layer and translates those texts (context
``styles``; ``scripts/i18n.py`` extracts them from the QML files), :func:`style_qml`
gives the layer's style as QML text, so the GeoPackage keeps the style as it is shown.
Labels that name data values (a Hilfeportal category, whose label is its value) stay
as they are.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    NULL,
    QgsAttributeEditorContainer,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsMapLayer,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QLocale
from qgis.PyQt.QtXml import QDomDocument


def tr(text: str) -> str:
    """``text`` (of this module or of a style: a label, an alias) in the language of the
    translation; context ``styles``, as ``scripts/i18n.py`` extracts the QML texts."""
    return QCoreApplication.translate("styles", text)


def language() -> str:
    """The language of the active translation of the map texts ('en' without one)."""
    # translators: the two-letter code of the language of this translation ("de")
    return tr("en")


def map_locale() -> QLocale:
    return QLocale(language())


def separators() -> tuple[str, str]:
    """(thousands, decimal) separators of the map language: ('.', ',') in German."""
    locale = map_locale()
    return locale.groupSeparator(), locale.decimalPoint()


#: the minus sign of a displayed number (U+2212; "-" is a hyphen)
MINUS = "\u2212"


def number(value: float, decimals: int = 1, *, fixed: bool = False) -> str:
    """A number as on the maps: 1.125 and 2,5 in German, 1,125 and 2.5 in English;
    whole numbers without decimals unless ``fixed`` (a table column of one decimal:
    ``90,0``); a negative number with the minus sign "−", never "−0,0"."""
    value = float(value)
    if value.is_integer() and not fixed:
        text = f"{int(abs(value)):,}"
    else:
        text = f"{abs(value):,.{decimals}f}"
    negative = value < 0 and text.strip("0.,") != ""
    thousands, decimal = separators()
    text = text.replace(",", "_").replace(".", decimal).replace("_", thousands)
    return MINUS + text if negative else text


def load_style(layer: QgsMapLayer, qml: str | Path) -> bool:
    """Load ``qml`` onto ``layer`` and translate its texts; False if QGIS refused it."""
    _message, ok = layer.loadNamedStyle(str(qml))
    if ok:
        translate_style(layer)
    return bool(ok)


def translate_style(layer: QgsMapLayer) -> None:
    """Translate the legend labels, field aliases and form tabs of ``layer``'s style."""
    if not isinstance(layer, QgsVectorLayer):
        return
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            if category.label() != str(category.value()):  # a data value names itself
                renderer.updateCategoryLabel(index, tr(category.label()))
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        for index, class_range in enumerate(renderer.ranges()):
            renderer.updateRangeLabel(index, tr(class_range.label()))
    elif isinstance(renderer, QgsRuleBasedRenderer):
        for rule in renderer.rootRule().descendants():
            rule.setLabel(tr(rule.label()))
    for index in range(layer.fields().count()):
        alias = layer.attributeAlias(index)
        if alias:
            layer.setFieldAlias(index, tr(alias))
    form = layer.editFormConfig()
    pending = [e for e in form.tabs() if isinstance(e, QgsAttributeEditorContainer)]
    if not pending:
        return
    while pending:  # tabs and the groups inside them
        container = pending.pop()
        container.setName(tr(container.name()))
        pending += [e for e in container.children() if isinstance(e, QgsAttributeEditorContainer)]
    layer.setEditFormConfig(form)


def style_qml(layer: QgsMapLayer) -> str:
    """The style of ``layer`` as QML text (as ``saveNamedStyle`` would write it)."""
    document = QDomDocument("qgis")
    layer.exportNamedStyle(document)
    return document.toString()


def label_breaks(layer: QgsMapLayer, breaks: dict[int, float] | None = None) -> None:
    """Catchment classes by break number ('Break 1') labelled with their break
    ('up to 5 min'); classes of breaks the layer does not have leave its legend.

    ``breaks`` (break number → value), when the caller knows them, saves reading the
    layer's features."""
    if not isinstance(layer, QgsVectorLayer):
        return
    renderer = layer.renderer()
    if not isinstance(renderer, (QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer)):
        return
    if renderer.classAttribute() != "break_no":
        return
    names = layer.fields().names()
    unit_field = next((f for f in ("break_min", "break_m") if f in names), None)
    if unit_field is None:
        return
    if breaks is None:
        breaks = _breaks_of(layer, unit_field)
    unit = "min" if unit_field == "break_min" else "m"

    def label(key: int) -> str:
        return tr("up to {value} {unit}").format(value=number(breaks[key]), unit=unit)

    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index in reversed(range(len(renderer.categories()))):
            try:
                key = int(renderer.categories()[index].value())
            except (TypeError, ValueError):
                continue
            if key in breaks:
                renderer.updateCategoryLabel(index, label(key))
            else:
                renderer.deleteCategory(index)
        return
    for index in reversed(range(len(renderer.ranges()))):
        class_range = renderer.ranges()[index]
        keys = [k for k in breaks if class_range.lowerValue() <= k <= class_range.upperValue()]
        if len(keys) == 1:
            renderer.updateRangeLabel(index, label(keys[0]))
        elif not keys:
            renderer.deleteClass(index)


def _breaks_of(layer: QgsVectorLayer, unit_field: str) -> dict[int, float]:
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(["break_no", unit_field], layer.fields())
    breaks = {}
    for feature in layer.getFeatures(request):
        key, value = feature["break_no"], feature[unit_field]
        if key != NULL and value != NULL:  # NULL (a QVariant) is not None
            breaks[int(key)] = float(value)
    return breaks


def breaks_of_frame(frame) -> dict[int, float] | None:
    """What :func:`label_breaks` reads from a layer, from the frame written into it
    (None when the frame has no break numbers with their values)."""
    columns = getattr(frame, "columns", ())
    unit_field = next((f for f in ("break_min", "break_m") if f in columns), None)
    if "break_no" not in columns or unit_field is None:
        return None
    pairs = frame[["break_no", unit_field]].dropna().drop_duplicates()
    return {int(k): float(v) for k, v in zip(pairs["break_no"], pairs[unit_field])}
