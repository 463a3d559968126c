"""Planning-region pages and the Gemeindesteckbrief of the Sozialplanungsatlas.

:func:`add_region_layers` computes the print layers of :mod:`.atlas_regions` from the
Sozialformel's outputs and writes them, styled and with provenance, into
``atlas_druck.gpkg`` in the output folder; :func:`ranking_layouts` makes one page per
year with the ranking of the planning regions; :func:`profile_layout` one layout whose
QGIS atlas (over the municipalities) prints a Gemeindesteckbrief per municipality,
exported by :func:`export_profiles` into ``gemeindesteckbriefe.pdf``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsFeedback,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsProperty,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTableCell,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt import sip
from qgis.PyQt.QtGui import QColor

from . import atlas_regions as regions
from .atlas_layouts import _font, _label, _today
from .atlas_themes import ATTRIBUTION, BACKGROUND, DPI, SYNTHETIC_LABEL, tr, tr_noop
from .outputs import StagedOutputs, check_pdf

PRINT_GPKG = "atlas_druck.gpkg"
PROFILES_PDF = "gemeindesteckbriefe.pdf"
REGION_MAP = "sozialformel_planungsraeume"
RANKING = "sozialformel_rangfolge"
PROFILES = "sozialformel_steckbrief"
PROFILE_VALUES = "sozialformel_steckbrief_werte"
PROFILE_LAYOUT = tr_noop("Gemeindesteckbrief")
MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters


def _owned_by_layout(*items) -> None:
    """The layout deletes its tables and frames; Python must not delete them again."""
    for item in items:
        sip.transferto(item, None)


def _frame(layer: QgsVectorLayer):
    from .bridge import layer_to_gdf

    frame = layer_to_gdf(layer)
    if not layer.isSpatial() and "geometry" in frame.columns:
        frame = pd.DataFrame(frame.drop(columns="geometry"))
    return frame


def _qml(layer: QgsVectorLayer) -> str:
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    return doc.toString()


def _region_style(areas_layer: QgsVectorLayer) -> str:
    """The municipalities' classes, each planning region labelled with its name."""
    layer = QgsVectorLayer(
        "MultiPolygon?crs=EPSG:25832&field=planungsraum:string&field=index_value:double",
        "regions",
        "memory",
    )
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    areas_layer.exportNamedStyle(doc)
    layer.importNamedStyle(doc)
    text = QgsTextFormat()
    text.setFont(_font(8, bold=True))
    text.setSize(8)
    text.setColor(QColor(30, 30, 30))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255, 230))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "planungsraum"
    # inside the region where the name fits (a region around a town: on its own area)
    settings.placement = QgsPalLayerSettings.Placement.Horizontal
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return _qml(layer)


def _profile_style() -> str:
    """The municipality of the page in orange, the others light grey."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:25832", "s", "memory")
    symbol = QgsFillSymbol.createSimple(
        {"color": "#f0f0f0", "outline_color": "#636363", "outline_width": "0.2"}
    )
    symbol.symbolLayer(0).setDataDefinedProperty(
        QgsSymbolLayer.Property.PropertyFillColor,
        QgsProperty.fromExpression("if(@atlas_featureid = $id, '#fd8d3c', '#f0f0f0')"),
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return _qml(layer)


def add_region_layers(
    loaded, mapping: pd.DataFrame | None, out: Path, notes: list[str], staged: StagedOutputs
):
    """Write the planning-region and profile layers into the staged ``atlas_druck.gpkg``
    of ``out``; the path of the staged GeoPackage (swapped in with the other outputs) or
    None."""
    from geolib.io import OutputLayer, Provenance, write_gpkg

    by_table = {info.table: (layer, info) for layer, info in loaded}
    if "sozialformel" not in by_table or not isinstance(
        by_table["sozialformel"][0], QgsVectorLayer
    ):
        return None
    areas_layer, areas_info = by_table["sozialformel"]
    areas = _frame(areas_layer)
    if regions.INDEX not in areas.columns:
        notes.append(
            tr(
                "Layer 'sozialformel' has no field '{field}': no Gemeindesteckbrief and no "
                "planning-region pages."
            ).format(field=regions.INDEX)
        )
        return None
    if "year" not in areas.columns:
        year = str(areas_info.data_year or "").split(",")[-1].strip()
        if not year.isdigit():
            notes.append(
                tr(
                    "Layer 'sozialformel' has no field 'year' and no data year: no "
                    "Gemeindesteckbrief and no planning-region pages."
                )
            )
            return None
        areas["year"] = int(year)
    years = _frame(by_table["sozialformel_jahre"][0]) if "sozialformel_jahre" in by_table else None
    groups = (
        _frame(by_table["sozialformel_gruppen"][0]) if "sozialformel_gruppen" in by_table else None
    )
    extra = {
        table: _frame(by_table[table][0])
        for table in ("angebote_je_einwohner", "erreichbarkeit_kinder")
        if table in by_table and isinstance(by_table[table][0], QgsVectorLayer)
    }
    provenance = {
        "synthetic": areas_info.synthetic,
        "method": "Sozialplanungsatlas",
        "notes": [
            tr("Withheld values (data protection) are printed as '{text}'.").format(
                text=tr(regions.WITHHELD)
            )
        ],
    }
    base, values, shown_years = regions.profiles(
        areas, years, mapping, extra, areas_info.indicators
    )
    latest = int(base["year"].iloc[0])
    layers = [
        OutputLayer(
            PROFILES,
            base,
            style=_profile_style(),
            provenance=Provenance(title=tr("Gemeindesteckbrief"), data_year=latest, **provenance),
        ),
        OutputLayer(
            PROFILE_VALUES,
            values,
            provenance=Provenance(
                title=tr("Gemeindesteckbrief: values per year"),
                data_year=", ".join(map(str, shown_years)),
                **provenance,
            ),
        ),
    ]
    if mapping is None:
        notes.append(
            tr(
                "No planning-region table: no planning-region map and no ranking of the "
                "planning regions."
            )
        )
    elif groups is None or not len(regions._region_rows(groups)):
        notes.append(
            tr(
                "The Sozialformel has no output per planning region (sozialformel_gruppen): "
                "no planning-region map and no ranking."
            )
        )
    else:
        polygons = regions.region_polygons(areas, mapping, groups, notes)
        ranking = regions.ranking_table(groups)
        layers += [
            OutputLayer(
                REGION_MAP,
                polygons,
                style=_region_style(areas_layer),
                provenance=Provenance(
                    title=tr("Sozialformel per planning region"),
                    data_year=int(ranking["year"].max()),
                    **provenance,
                ),
            ),
            OutputLayer(
                RANKING,
                ranking,
                provenance=Provenance(
                    title=tr("Ranking of the planning regions"),
                    data_year=", ".join(map(str, sorted(ranking["year"].unique()))),
                    **provenance,
                ),
            ),
        ]
    final = out / PRINT_GPKG
    path = staged.stage(final)
    write_gpkg(path, layers)
    for layer in layers:
        staged.expect(path, layer.name, len(layer.data), f"{PRINT_GPKG}|{layer.name}")
    return path


# --- layouts ---------------------------------------------------------------------------------
def _page(project: QgsProject, name: str) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize("A4", layout.pageCollection().page(0).Landscape)
    return layout


def _table(layout, layer, columns, feature_filter: str, x, y, w, h, item_id: str):
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(layer)
    table.setFilterFeatures(True)
    table.setFeatureFilter(feature_filter)
    table.setMaximumNumberOfFeatures(200)
    cols = []
    for field, heading in columns:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(field)
        cols.append(column)
    table.setColumns(cols)
    _table_fonts(table, 9)
    table.setGridStrokeWidth(0.2)
    table.setCellMargin(1.2)
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage(tr("no data"))
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    frame.attemptMove(QgsLayoutPoint(x, y, MM))
    frame.attemptResize(QgsLayoutSize(w, h, MM))
    table.addFrame(frame)
    _owned_by_layout(table, frame)
    return table


def _footer(layout, data_year: str, synthetic: bool) -> None:
    _label(layout, "attribution", ATTRIBUTION, 10, 190, 200, 5, 7)
    _label(
        layout, "data_year", tr("Data year: {years}").format(years=data_year), 10, 195.5, 200, 5, 8
    )
    _label(
        layout,
        "credits",
        tr("created {date} with Sozialplanung for QGIS · withheld values: '{text}'").format(
            date=_today(), text=tr(regions.WITHHELD)
        ),
        10,
        201,
        200,
        5,
        7,
        color="#555555",
    )
    if synthetic:
        _label(
            layout,
            "synthetic",
            tr(SYNTHETIC_LABEL),
            200,
            190,
            90,
            8,
            11,
            bold=True,
            color="#b2182b",
        )


RANKING_COLUMNS = ("rank_text", "planungsraum", "index_text", "change_text", "rank_change_text")
RANKING_HEADINGS = (
    tr_noop("Rank"),
    tr_noop("Planning region"),
    tr_noop("Index"),
    tr_noop("± previous year"),
    tr_noop("Rank ±"),
)


def _table_fonts(table, size: float) -> None:
    header, content = QgsTextFormat(), QgsTextFormat()
    header.setFont(_font(size, bold=True))
    header.setSize(size)
    content.setFont(_font(size))
    content.setSize(size)
    table.setHeaderTextFormat(header)
    table.setContentTextFormat(content)


def _manual_table(layout, headings, rows, x, y, w, h, item_id: str):
    """A table of fixed texts (the rows as printed, already protected)."""
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    header = []
    for heading in headings:
        column = QgsLayoutTableColumn(tr(heading))
        header.append(column)
    table.setHeaders(header)
    table.setIncludeTableHeader(True)
    table.setTableContents([[QgsTableCell(str(v)) for v in row] for row in rows])
    _table_fonts(table, 9)
    table.setGridStrokeWidth(0.2)
    table.setCellMargin(1.2)
    frame = QgsLayoutFrame(layout, table)
    frame.setId(item_id)
    frame.attemptMove(QgsLayoutPoint(x, y, MM))
    frame.attemptResize(QgsLayoutSize(w, h, MM))
    table.addFrame(frame)
    _owned_by_layout(table, frame)
    return table


def ranking_layouts(project, ranking_layer: QgsVectorLayer, title: str, synthetic: bool):
    """One page per year: the planning regions by rank with the change against the
    previous year; ``(page id, layout)``."""
    index = ranking_layer.fields().indexOf("year")
    years = sorted(int(y) for y in ranking_layer.uniqueValues(index))
    pages = []
    for year in years:
        name = tr("Planning regions: ranking {year}").format(year=year)
        layout = _page(project, name)
        _label(layout, "title", title, 10, 6, 277, 11, 18, bold=True)
        _label(layout, "subtitle", name, 10, 16, 277, 7, 11)
        rows = [
            [f[c] for c in RANKING_COLUMNS]
            for f in ranking_layer.getFeatures(
                QgsFeatureRequest().setFilterExpression(f'"year" = {year}')
            )
        ]
        _manual_table(layout, RANKING_HEADINGS, rows, 10, 27, 180, 160, "ranking")
        _label(
            layout,
            "explanation",
            tr(
                "Rank 1 = highest index (most need), counted among the published values. "
                "Change in index points and places against {previous}."
            ).format(previous=year - 1),
            200,
            27,
            87,
            30,
            8,
        )
        _footer(layout, str(year), synthetic)
        pages.append((f"planungsraeume_rangfolge_{year}", layout))
    return pages


def profile_layout(
    project,
    profiles: QgsVectorLayer,
    values: QgsVectorLayer,
    basemap_layers,
    title: str,
    synthetic: bool,
) -> QgsPrintLayout:
    """The Gemeindesteckbrief: one page per municipality through a QGIS atlas."""
    layout = _page(project, tr(PROFILE_LAYOUT))
    atlas = layout.atlas()
    atlas.setCoverageLayer(profiles)
    atlas.setPageNameExpression('"gen"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"gen"')
    atlas.setFilenameExpression("'gemeindesteckbrief_' || \"ags\"")
    atlas.setEnabled(True)

    _label(
        layout,
        "title",
        tr("Gemeindesteckbrief {name}").format(name='[% "gen" %]'),
        10,
        6,
        277,
        11,
        18,
        bold=True,
    )
    _label(
        layout,
        "subtitle",
        f"{title} · " + tr("Planning region: {region}").format(region='[% "planungsraum" %]'),
        10,
        16,
        277,
        7,
        11,
    )

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(10, 25, MM))
    map_item.attemptResize(QgsLayoutSize(95, 80, MM))
    map_item.setCrs(profiles.crs())
    kreis = basemap_layers.get("kreis")
    layers = ([kreis] if kreis is not None else []) + [profiles]
    map_item.setLayers(layers)
    map_item.setKeepLayerSet(True)
    map_item.setFrameEnabled(True)
    map_item.setBackgroundColor(QColor(*BACKGROUND))
    map_item.setExtent(profiles.extent())
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.6)

    lines = [
        (
            "index",
            tr("Sozialformel index {year}: {value}").format(
                year='[% "year" %]', value='[% "index_text" %]'
            ),
        ),
        ("rank", tr("Rank: {rank}").format(rank='[% "rank_text" %]')),
        (
            "change",
            tr("Change against the previous year: {change} index points, {places} places").format(
                change='[% "change_text" %]', places='[% "rank_change_text" %]'
            ),
        ),
        ("trend", tr("Index over the years: {trend}").format(trend='[% "trend_text" %]')),
        ("offers", tr("Offers: {offers}").format(offers='[% "offers_text" %]')),
        ("reach", tr("Reach: {reach}").format(reach='[% "reach_text" %]')),
    ]
    for i, (item_id, text) in enumerate(lines):
        _label(layout, item_id, text, 112, 27 + 12 * i, 175, 11, 10)

    columns = [("indicator", tr("Indicator"))]
    columns += [(name, name[1:]) for name in values.fields().names() if _year_field(name)]
    columns += [("change_text", tr("± previous year")), ("rank_text", tr("Rank (1 = most need)"))]
    table = _table(
        layout,
        values,
        columns,
        "\"ags\" = attribute(@atlas_feature, 'ags')",
        10,
        110,
        277,
        75,
        "values",
    )
    _table_fonts(table, 8)
    _footer(layout, '[% "year" %]', synthetic)
    return layout


def _year_field(name: str) -> bool:
    """A value column of the profile table: ``j<year>``."""
    return len(name) == 5 and name[0] == "j" and name[1:].isdigit()


def export_profiles(
    layout: QgsPrintLayout, out: Path, feedback, staged: StagedOutputs
) -> tuple[Path, int]:
    """All pages of the Gemeindesteckbrief into one (staged) PDF; (path, number of pages)."""
    atlas = layout.atlas()
    atlas.updateFeatures()
    pages = atlas.count()
    pdf = out / PROFILES_PDF
    tmp = staged.stage(pdf)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = DPI
    settings.rasterizeWholeImage = False
    inner = QgsFeedback()  # the export's own progress, within the atlas's
    if feedback is not None:
        feedback.canceled.connect(inner.cancel)
        inner.progressChanged.connect(lambda p: feedback.setProgress(85 + p / 10))
        if feedback.isCanceled():
            inner.cancel()
    status, error = QgsLayoutExporter.exportToPdf(atlas, str(tmp), settings, inner)
    if inner.isCanceled():
        raise QgsProcessingException(tr("Cancelled by the user."))
    if status != QgsLayoutExporter.ExportResult.Success:
        raise QgsProcessingException(
            tr("Exporting the Gemeindesteckbrief to PDF failed: {error}").format(
                error=error or status
            )
        )
    staged.expect_file(tmp, pdf, lambda path: check_pdf(path, pages))
    return pdf, pages
