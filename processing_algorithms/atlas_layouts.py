"""The print layouts of the Sozialplanungsatlas and their export (PNG per map, PDF)."""

from __future__ import annotations

import os
import re
from pathlib import Path

from qgis.core import (
    QgsBasicNumericFormat,
    QgsCategorizedSymbolRenderer,
    QgsColorRampLegendNodeSettings,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsReport,
    QgsReportSectionLayout,
    QgsSimpleLegendNode,
    QgsSingleBandPseudoColorRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, Qt
from qgis.PyQt.QtGui import QColor, QFont

from .atlas_themes import (
    ANALYSIS_CRS,
    ATTRIBUTION,
    BACKGROUND,
    COL_X,
    DPI,
    FONT,
    HELGOLAND_AGS,
    INSET_H,
    INSET_W,
    LEGEND_WRAP,
    LEGEND_WRAP_2,
    MAP_H,
    MAP_W,
    MAPS_DIR,
    OWN_LABELS,
    REPORT_NAME,
    SYNTHETIC_LABEL,
    ZOOM_SHARE,
    Theme,
    _draw_rank,
    tr,
)
from .outputs import StagedOutputs, check_png
from .styling import map_locale, separators


def _progress(feedback, value: float) -> None:
    if feedback is not None:
        feedback.setProgress(value)


def _check_cancel(feedback) -> None:
    if feedback is not None and feedback.isCanceled():
        raise QgsProcessingException(tr("Cancelled by the user."))


def _mainland_extent(gemeinden: QgsVectorLayer | None, loaded) -> QgsRectangle:
    """The Kreis without Helgoland (or every layer's extent without a base map)."""
    extent = QgsRectangle()
    if gemeinden is not None:
        request = QgsFeatureRequest()
        if gemeinden.fields().indexOf("AGS") >= 0:
            request.setFilterExpression(f"\"AGS\" <> '{HELGOLAND_AGS}'")
        for feature in gemeinden.getFeatures(request):
            extent.combineExtentWith(feature.geometry().boundingBox())
    if extent.isEmpty():
        for layer, info in loaded:
            if info.kind != "table":
                extent.combineExtentWith(layer.extent())
    extent.scale(1.04)
    return extent


#: scale-bar segments (km) to choose from
SEGMENTS_KM = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _fit(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """``extent`` grown around its centre to the width/height ``ratio`` of a map item.

    (QgsLayoutItemMap.zoomToExtent of QGIS 3.22 yields NaN on a new item.)
    """
    width, height = extent.width(), extent.height()
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    center = extent.center()
    return QgsRectangle(
        center.x() - width / 2,
        center.y() - height / 2,
        center.x() + width / 2,
        center.y() + height / 2,
    )


def _helgoland_extent(gemeinden: QgsVectorLayer | None) -> QgsRectangle | None:
    if gemeinden is None or gemeinden.fields().indexOf("AGS") < 0:
        return None
    request = QgsFeatureRequest().setFilterExpression(f"\"AGS\" = '{HELGOLAND_AGS}'")
    extent = QgsRectangle()
    for feature in gemeinden.getFeatures(request):
        extent.combineExtentWith(feature.geometry().boundingBox())
    if extent.isEmpty():
        return None
    extent.scale(2.2)
    return extent


# --- layouts ----------------------------------------------------------------------------------
def _font(size: float, *, bold: bool = False) -> QFont:
    font = QFont(FONT)
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _label(layout, item_id, text, x, y, w, h, size, *, bold=False, color=None):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    label.setFont(_font(size, bold=bold))
    if color is not None:
        label.setFontColor(QColor(color))
    label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    return label


def _north_arrow_svg() -> str | None:
    from qgis.core import QgsApplication

    for folder in QgsApplication.svgPaths():
        path = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if path.exists():
            return str(path)
    return None


def _subtitle(group: str, text: str) -> str:
    """``group: text``, or ``text`` alone when it names the group already."""
    if group.split()[0].lower() in text.lower():
        return text
    return f"{group}: {text}"


def _pages(theme: Theme, members):
    """The maps of a theme: ``(map id, layout name, subtitle, layers)``.

    Area-filling layers (polygons, rasters) each get a map of their own, with the
    theme's points and lines on every one, so no choropleth hides another.
    """
    fills = sorted(
        (m for m in members if _draw_rank(m[0]) in (2, 3)),
        key=lambda m: (_draw_rank(m[0]), m[1].table),
    )
    group = theme.group_name()
    if not theme.split_fills or len(fills) <= 1:
        return [(theme.id, group, _subtitle(group, theme.subtitle_text()), members)]
    overlays = [m for m in members if _draw_rank(m[0]) < 2]
    pages = []
    for j, (layer, info) in enumerate(fills):
        page_id = (
            theme.id if j == 0 else f"{theme.id}_{re.sub(r'[^a-z0-9_]', '_', info.table.lower())}"
        )
        name = group if j == 0 else f"{group}: {info.title}"
        subtitle = _subtitle(group, info.title)
        pages.append((page_id, name, subtitle, [*overlays, (layer, info)]))
    return pages


def _number_format(decimals: int) -> QgsBasicNumericFormat:
    """Numbers of scale bars and raster legends with the separators of the map language."""
    thousands, decimal = separators()
    fmt = QgsBasicNumericFormat()
    fmt.setNumberDecimalPlaces(decimals)
    fmt.setShowTrailingZeros(False)
    fmt.setShowThousandsSeparator(True)
    fmt.setDecimalSeparator(decimal)
    fmt.setThousandsSeparator(thousands)
    return fmt


def _today() -> str:
    """Today's date as on the maps: 23.11.2026 in German, 23 November 2026 in English."""
    # translators: a Qt date format (d, dd, MMM, MMMM, yyyy), e.g. "dd.MM.yyyy"
    return map_locale().toString(QDate.currentDate(), tr("d MMMM yyyy"))


def _wrap(text: str, width: int = LEGEND_WRAP) -> str:
    """Legend text broken at spaces with the legend's wrap character ``|``."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "|".join(lines)


def _wrap_symbol_labels(model, node, width: int) -> None:
    """The class labels of a layer's legend wrapped at ``width`` characters."""
    for index, legend_node in enumerate(model.layerOriginalLegendNodes(node)):
        text = legend_node.data(Qt.ItemDataRole.DisplayRole) or ""
        if len(text) > width:
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, _wrap(text, width))
    model.refreshLayerLegend(node)


def _occurring_classes_only(model, node) -> None:
    """The legend of a categorized or graduated layer without the classes no feature has.

    (QGIS's "filter legend by map content" does this by rendering the map for every
    legend refresh: four times slower for the whole atlas.)
    """
    layer = node.layer()
    renderer = layer.renderer()
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        classes = renderer.categories()
        values = _values(layer, renderer.classAttribute())
        if values is None:
            return
        present = {None if _null(v) else str(v) for v in values}
        named = {str(c.value()) for c in classes if not _null(c.value())}
        others = bool(present - named)  # values the catch-all class ("Other") draws
        keep = [
            i
            for i, c in enumerate(classes)
            if (others if _null(c.value()) else str(c.value()) in present)
        ]
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        classes = renderer.ranges()
        values = _values(layer, renderer.classAttribute())
        if values is None:
            return
        numbers = [float(v) for v in values if isinstance(v, (int, float))]
        keep = [
            i
            for i, r in enumerate(classes)
            if any(r.lowerValue() <= v <= r.upperValue() for v in numbers)
        ]
    else:
        return
    if len(model.layerOriginalLegendNodes(node)) != len(classes) or len(keep) == len(classes):
        return
    QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
    model.refreshLayerLegend(node)


def _null(value) -> bool:
    """None, NULL or "": the value of a catch-all category (and of features without one)."""
    return value is None or value == "" or (hasattr(value, "isNull") and value.isNull())


def _values(layer: QgsVectorLayer, attribute: str) -> list | None:
    """The values of the field ``attribute`` (None for an expression)."""
    index = layer.fields().indexOf(attribute)
    if index < 0:
        return None
    request = QgsFeatureRequest().setSubsetOfAttributes([index])
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    return [feature[index] for feature in layer.getFeatures(request)]


def _tidy_raster_legend(model, node) -> None:
    """A raster's ramp in the map language's numbers, without the band name ('Band 1')."""
    layer = node.layer()
    renderer = layer.renderer()
    if isinstance(renderer, QgsSingleBandPseudoColorRenderer):
        shader = renderer.shader().rasterShaderFunction() if renderer.shader() else None
        if isinstance(shader, QgsColorRampShader):
            old = shader.legendSettings()
            settings = (
                QgsColorRampLegendNodeSettings(old)
                if old is not None
                else QgsColorRampLegendNodeSettings()
            )
            settings.setNumericFormat(_number_format(1))
            shader.setLegendSettings(settings)
    model.refreshLayerLegend(node)
    nodes = model.layerOriginalLegendNodes(node)
    if len(nodes) > 1 and isinstance(nodes[0], QgsSimpleLegendNode):
        QgsMapLayerLegendUtils.setLegendNodeOrder(node, list(range(1, len(nodes))))
        model.refreshLayerLegend(node)


def _theme_layout(
    project: QgsProject,
    theme: Theme,
    members,
    basemap_layers: dict[str, QgsVectorLayer],
    extent: QgsRectangle,
    *,
    name: str,
    subtitle: str,
    title: str,
    data_year,
    synthetic: bool | None,
    zoomed: bool = False,
) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.setName(name)
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", page.Landscape)

    ordered = sorted(members, key=lambda m: (_draw_rank(m[0]), m[1].table))
    theme_layers = [layer for layer, _ in ordered]
    gemeinden = basemap_layers.get("gemeinden")
    kreis = basemap_layers.get("kreis")
    # top to bottom: points, lines, Kreis outline, polygons, rasters, municipalities
    map_layers = [lyr for lyr in theme_layers if _draw_rank(lyr) < 2]
    if kreis is not None and kreis not in theme_layers:
        map_layers.append(kreis)
    map_layers += [lyr for lyr in theme_layers if _draw_rank(lyr) >= 2]
    own_labels = any(info.table in OWN_LABELS for _, info in members)
    if gemeinden is not None and gemeinden not in map_layers and not own_labels:
        map_layers.append(gemeinden)
    if kreis is not None and kreis in theme_layers:  # Grundlagen: outline above the fill
        map_layers.remove(kreis)
        map_layers.insert(0, kreis)

    _label(layout, "title", title, 10, 6, 277, 11, 18, bold=True)
    _label(layout, "subtitle", subtitle, 10, 16, 277, 7, 11)

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(10, 25, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(MAP_W, MAP_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    map_item.setCrs(QgsCoordinateReferenceSystem(ANALYSIS_CRS))
    map_item.setLayers(map_layers)
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setBackgroundColor(QColor(*BACKGROUND))  # neighbours: neutral, not "sea"
    map_extent = _fit(extent, MAP_W / MAP_H)
    map_item.setExtent(map_extent)

    arrow_svg = _north_arrow_svg()
    if arrow_svg is not None:
        arrow = QgsLayoutItemPicture(layout)
        arrow.setId("north_arrow")
        arrow.setPicturePath(arrow_svg)
        arrow.setLinkedMap(map_item)
        arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
        arrow.setSvgFillColor(QColor(30, 30, 30))
        arrow.setSvgStrokeColor(QColor(30, 30, 30))
        layout.addLayoutItem(arrow)
        arrow.attemptMove(
            QgsLayoutPoint(10 + MAP_W - 14, 28, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        )
        arrow.attemptResize(QgsLayoutSize(10, 14, QgsUnitTypes.LayoutUnit.LayoutMillimeters))

    scale = QgsLayoutItemScaleBar(layout)
    scale.setId("scalebar")
    scale.setLinkedMap(map_item)
    scale.setStyle("Single Box")
    scale.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scale.setUnitLabel("km")
    scale.setNumberOfSegmentsLeft(0)
    scale.setNumberOfSegments(4)
    segment = _segment_km(map_extent.width() / 1000)
    scale.setUnitsPerSegment(segment)
    scale.setHeight(2)
    # 2,5 km in German, 2.5 km in English
    scale.setNumericFormat(_number_format(2 if segment < 0.5 else 1))
    text_format = scale.textFormat()
    text_format.setFont(_font(7))
    text_format.setSize(7)
    scale.setTextFormat(text_format)
    scale.setBackgroundEnabled(True)
    scale.setBackgroundColor(QColor(255, 255, 255, 210))
    layout.addLayoutItem(scale)
    scale.resizeToMinimumWidth()
    scale.attemptMove(
        QgsLayoutPoint(13, 25 + MAP_H - 15, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    )

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle(tr("Legend"))
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend_root = legend.model().rootGroup()
    legend_root.removeAllChildren()
    for layer in theme_layers:
        legend_root.addLayer(layer)
    if kreis is not None and kreis not in theme_layers:
        legend_root.addLayer(kreis)
    for node in legend_root.findLayers():
        node.setCustomProperty("legend/title-label", _wrap(node.layer().name()))
        if isinstance(node.layer(), QgsRasterLayer):
            _tidy_raster_legend(legend.model(), node)
        else:
            _occurring_classes_only(legend.model(), node)
    legend.rstyle(QgsLegendStyle.Style.Title).setFont(_font(11, bold=True))
    legend.rstyle(QgsLegendStyle.Style.Subgroup).setFont(_font(9, bold=True))
    legend.rstyle(QgsLegendStyle.Style.SymbolLabel).setFont(_font(8))
    legend.setSymbolHeight(4)
    legend.setSymbolWidth(6)
    legend.setWrapString("|")
    legend.setResizeToContents(True)
    legend.setBackgroundEnabled(False)
    entries = sum(
        1 + len(legend.model().layerLegendNodes(node)) for node in legend_root.findLayers()
    )
    if entries > 18:  # long legends in two columns, so they stay above the inset
        legend.setColumnCount(2)
        legend.setSplitLayer(True)
        # and narrower text, so the second column ends on the page
        for node in legend_root.findLayers():
            node.setCustomProperty("legend/title-label", _wrap(node.layer().name(), LEGEND_WRAP_2))
            if isinstance(node.layer(), QgsVectorLayer):
                _wrap_symbol_labels(legend.model(), node, LEGEND_WRAP_2)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(COL_X, 25, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    legend.adjustBoxSize()

    helgoland = None if zoomed else _helgoland_extent(gemeinden)
    if helgoland is not None:
        inset = QgsLayoutItemMap(layout)
        inset.setId("inset_helgoland")
        layout.addLayoutItem(inset)
        inset.attemptMove(QgsLayoutPoint(COL_X, 147, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
        inset.attemptResize(
            QgsLayoutSize(INSET_W, INSET_H, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
        )
        inset.setCrs(QgsCoordinateReferenceSystem(ANALYSIS_CRS))
        inset.setLayers(map_layers)
        inset.setKeepLayerSet(True)
        inset.setFrameEnabled(True)
        inset.setBackgroundColor(QColor(*BACKGROUND))
        inset.setExtent(_fit(helgoland, INSET_W / INSET_H))
        _label(
            layout,
            "inset_caption",
            tr("Helgoland (inset map)"),
            COL_X,
            147 + INSET_H + 1,
            90,
            5,
            7,
        )

    years = _years(members, data_year)
    is_synthetic = synthetic is True or any(info.synthetic for _, info in members)
    sources = list(dict.fromkeys(src for _, info in members for src in info.sources))
    attribution = " · ".join([ATTRIBUTION, *sources])
    _label(layout, "attribution", attribution, 10, 190, MAP_W, 5, 8 if not sources else 7)
    _label(
        layout, "data_year", tr("Data year: {years}").format(years=years), 10, 195.5, MAP_W, 5, 8
    )
    _label(
        layout,
        "credits",
        tr("ETRS89 / UTM 32N (EPSG:25832) · created {date} with Sozialplanung for QGIS").format(
            date=_today()
        ),
        10,
        201,
        MAP_W,
        5,
        7,
        color="#555555",
    )
    if is_synthetic:
        _label(
            layout,
            "synthetic",
            tr(SYNTHETIC_LABEL),
            COL_X,
            190,
            90,
            8,
            11,
            bold=True,
            color="#b2182b",
        )
    return layout


def _years(members, data_year) -> str:
    """The data years of the layers on a map, from their provenance; never borrowed from
    another layer (such as the base map's population year)."""
    if data_year not in (None, ""):
        return str(data_year)
    years = sorted(
        {y.strip() for _, info in members if info.data_year for y in info.data_year.split(",")}
    )
    return ", ".join(years) if years else tr("not given")


def _segment_km(width_km: float) -> float:
    """A round scale-bar segment: four of them up to 40 % of the map's width."""
    target = width_km / 10
    nice = [n for n in SEGMENTS_KM if n <= target]
    return nice[-1] if nice else SEGMENTS_KM[0]


def _page_extent(members, kreis_extent: QgsRectangle) -> tuple[QgsRectangle, bool]:
    """The Kreis map, or the page's one area-filling layer with a margin when it covers
    less than :data:`ZOOM_SHARE` of the Kreis (a town's street network); and whether
    the page is zoomed in."""
    fills = [layer for layer, _ in members if _draw_rank(layer) in (2, 3)]
    if len(fills) != 1 or kreis_extent.isEmpty():
        return kreis_extent, False
    layer = fills[0]
    target = QgsCoordinateReferenceSystem(ANALYSIS_CRS)
    extent = layer.extent()
    if layer.crs().isValid() and layer.crs() != target:
        transform = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance())
        extent = transform.transformBoundingBox(extent)
    if extent.isEmpty() or extent.area() >= ZOOM_SHARE * kreis_extent.area():
        return kreis_extent, False
    extent = QgsRectangle(extent)
    extent.scale(1.15)
    return extent, True


# --- export -------------------------------------------------------------------------------------
def _export_maps(out: Path, layouts, feedback, staged: StagedOutputs) -> dict[str, Path]:
    """Every theme layout as PNG into a staged folder, swapped in whole for ``maps/``
    when the run has succeeded (maps of themes no longer there disappear)."""
    final = out / MAPS_DIR
    work = staged.stage_folder(final)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = DPI
    for i, (page_id, layout) in enumerate(layouts):
        _check_cancel(feedback)
        path = work / f"{page_id}.png"
        status = QgsLayoutExporter(layout).exportToImage(str(path), settings)
        if status != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(
                tr("Exporting the map '{theme}' failed (code {code}).").format(
                    theme=layout.name(), code=int(status)
                )
            )
        staged.expect_file(path, final / path.name, check_png)
        _progress(feedback, 30 + 50 * (i + 1) / len(layouts))
    work.chmod(0o777 & ~_umask())
    return {page_id: final / f"{page_id}.png" for page_id, _ in layouts}


def _report(project: QgsProject, layouts: list[QgsPrintLayout]) -> QgsReport:
    """A QGIS report with one section per theme layout: the whole atlas as one PDF.

    Used for the export only: in the project each map is a layout of its own, with its
    name (a report's sections would all be called "Section" in QGIS's report organizer).
    """
    report = QgsReport(project)
    report.setName(tr(REPORT_NAME))
    for layout in layouts:
        section = QgsReportSectionLayout(report)
        section.setBody(layout.clone())
        section.setBodyEnabled(True)
        report.appendChild(section)
    return report


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
