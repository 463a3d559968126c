"""The Sozialplanungsatlas: QGIS project, print layouts and maps from one GeoPackage.

:func:`build_atlas` opens every layer of the atlas GeoPackage (each carries its QML
as default style and its provenance), adds the base map (municipalities and the Kreis
boundary, copied into the GeoPackage so the atlas is self-contained), sorts the layers
into layer-tree groups by the declarative :data:`THEMES` table, saves a project with
relative paths and creates one A4 print layout per theme (one per area-filling layer
where a theme has several), exported by QGIS to ``maps/<theme>[_<layer>].png`` and, all
together, to ``atlas.pdf``.

Pure ``qgis.core`` (no ``iface``, no widgets), so it runs in ``qgis_process``, in a
Processing algorithm and in tests alike. New analyses need no code here: a layer whose
name matches a theme's pattern lands in that theme's group and map; anything else goes
to :data:`DEFAULT_GROUP` and is reported.

Map and project texts are English in the source and translated when the project is
built (context ``AtlasProject``), so the maps follow the QGIS language: German in a
German QGIS. Numbers and the date on the maps are written as in the language of that
translation (1.125 and 2,5 in German; 1,125 and 2.5 without a translation).
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsBasicNumericFormat,
    QgsColorRampLegendNodeSettings,
    QgsColorRampShader,
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsMapLayer,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsReport,
    QgsReportSectionLayout,
    QgsSimpleLegendNode,
    QgsSingleBandPseudoColorRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, Qt
from qgis.PyQt.QtGui import QColor, QFont

from .styling import label_breaks, language, map_locale, separators, translate_style


def tr(text: str) -> str:
    return QCoreApplication.translate("AtlasProject", text)


def tr_noop(text: str) -> str:
    """Mark ``text`` for translation where it is defined (tables built at import time).

    The translator is installed after this module is imported, so tables keep the
    English text and :func:`tr` translates it where the project and layouts are made.
    ``scripts/i18n.py`` extracts these calls like ``tr(...)``.
    """
    return text


STYLES_DIR = Path(__file__).resolve().parent.parent / "styles"
DEFAULT_BASEMAP = Path(__file__).resolve().parent.parent / "data" / "kreis_pinneberg.gpkg"

ATTRIBUTION = "© GeoBasis-DE / BKG, © OpenStreetMap contributors"
#: the label of synthetic maps, translated when a layout is made (German: the same words
#: as geolib.io.SYNTHETIC_LABEL, "synthetische Beispielwerte")
SYNTHETIC_LABEL = tr_noop("synthetic example values")
HELGOLAND_AGS = "01056025"
PROJECT_NAME = "sozialplanungsatlas.qgz"
PDF_NAME = "atlas.pdf"
MAPS_DIR = "maps"
REPORT_NAME = tr_noop("Sozialplanungsatlas (all maps)")  # translated when the report is made
ANALYSIS_CRS = "EPSG:25832"
DPI = 150
# layout geometry (mm, A4 landscape): map on the left, legend and inset on the right
MAP_W, MAP_H = 176, 163
COL_X = 10 + MAP_W + 8
INSET_W, INSET_H = 48, 36
FONT = "DejaVu Sans"
#: custom property of a layer-tree group: the id of its theme (OTHER_THEME for the default
#: group; not "": QGIS 3.40 reads an empty custom property back as NULL)
THEME_PROPERTY = "sozialplanung/theme"
OTHER_THEME = "other"


@dataclass(frozen=True)
class Theme:
    """One theme of the atlas: a layer-tree group and (optionally) a print layout.

    ``patterns`` are shell-style patterns (``fnmatch``, case-insensitive) on the
    layer's table name; the first theme with a matching pattern takes the layer.
    """

    id: str
    #: group name and subtitle in English (marked with :func:`tr_noop`); on the maps
    #: and in the project they appear translated (:meth:`group_name`, :meth:`subtitle_text`)
    group: str
    subtitle: str
    patterns: tuple[str, ...]
    layout: bool = True
    #: one map per area-filling layer (polygons, rasters), so none hides another;
    #: ``False`` for themes whose fills are meant to be seen on top of each other
    split_fills: bool = True

    def group_name(self) -> str:
        """The group name in the user's language."""
        return tr(self.group)

    def subtitle_text(self) -> str:
        """The subtitle in the user's language."""
        return tr(self.subtitle)


THEMES: tuple[Theme, ...] = (
    Theme(
        "grundlagen",
        tr_noop("Base map"),
        tr_noop("Municipalities and Kreis boundary"),
        ("gemeinden", "kreis", "aemter", "planungsr*", "bevoelkerung", "osm_*", "strassen*"),
        split_fills=False,
    ),
    Theme(
        "hilfeportal",
        tr_noop("Hilfeportal"),
        tr_noop("Offers from the Hilfeportal"),
        ("angebote", "offers", "*hilfeportal*"),
    ),
    Theme(
        "einzugsgebiete",
        tr_noop("Catchments"),
        tr_noop("Catchments of the offers and gaps in provision"),
        ("*einzugsgebiet*", "*catchment*", "*versorgungsl*", "*unversorgt*", "*gaps*", "erreicht*"),
        split_fills=False,
    ),
    Theme(
        "dichte_erreichbarkeit",
        tr_noop("Density and accessibility"),
        tr_noop("Offers per inhabitant, offer density and accessibility"),
        (
            "*angebote_je_*",
            "*offers_per*",
            "*dichte*",
            "*density*",
            "*erreichbarkeit*",
            "*accessibility*",
            "*2sfca*",
            "kinder_u15_*",
        ),
    ),
    Theme(
        "sozialformel",
        tr_noop("Sozialformel"),
        tr_noop("Sozialformel per municipality"),
        ("*sozialformel*", "*sozialindex*", "*indikator*", "*oberflaeche*", "*surface*"),
    ),
)
#: the group of layers matching no theme (English; translated in the project)
DEFAULT_GROUP = tr_noop("Other layers")
BASEMAP_STYLES = {"gemeinden": "atlas_gemeinden.qml", "kreis": "atlas_kreis.qml"}
BASEMAP_LAYERS = tuple(BASEMAP_STYLES)

#: legend titles of known layers (table name pattern → English title, translated where
#: the layer is loaded); others use the title of their provenance
LAYER_TITLES: dict[str, str] = {
    "gemeinden": tr_noop("Municipalities"),
    "kreis": tr_noop("Kreis boundary"),
    "angebote_je_einwohner": tr_noop("Offers per 1,000 inhabitants"),
    "sozialformel": tr_noop("Sozialformel (index per municipality)"),
    "angebotsdichte": tr_noop("Offer density (offers per km²)"),
    "erreichbarkeit_kinder": tr_noop("Accessibility for children under 15 (2SFCA, Kreis mean = 1)"),
    "kinder_unter_15_oberflaeche": tr_noop("Children under 15 per grid cell (surface)"),
    "*einzugsgebiete*luftlinie*": tr_noop("Catchments (straight line)"),
    "*einzugsgebiete*fuss*": tr_noop("Catchments on foot (street network)"),
    "*einzugsgebiete*strassen*": tr_noop("Streets reached"),
    "*einzugsgebiete*nicht_routbar*": tr_noop("Offers outside the street network"),
    "*einzugsgebiete*wedel*bevoelkerung*": tr_noop("Population reached on foot (Wedel)"),
    "erreichte_bevoelkerung_kreis": tr_noop("Population reached (straight line, Kreis)"),
    "kinder_u15_*": tr_noop("Children under 15 per municipality (demand)"),
}
#: legend text is wrapped at this many characters (at a space); in two columns
LEGEND_WRAP = 34
LEGEND_WRAP_2 = 22
#: layers kept in the project but left off the maps (they would cover the map)
MAP_EXCLUDE: tuple[str, ...] = ("*nicht_routbar*", "*unroutable*", "kinder_u15_*")


@dataclass
class AtlasLayer:
    """A layer of the atlas as it was found and placed."""

    table: str
    title: str
    group: str  # the group's name as shown (translated)
    kind: str  # "vector", "table", "raster"
    styled: bool
    synthetic: bool
    data_year: str | None
    theme: str = ""  # the theme id ("" in the default group)


@dataclass
class AtlasResult:
    """What :func:`build_atlas` wrote and what it noticed."""

    project: Path
    pdf: Path
    maps: dict[str, Path]
    layers: list[AtlasLayer]
    unassigned: list[str]
    notes: list[str] = field(default_factory=list)


# --- finding layers -------------------------------------------------------------------------
def theme_of(table: str, themes: Sequence[Theme] = THEMES) -> Theme | None:
    """The first theme whose pattern matches ``table`` (case-insensitive), or ``None``."""
    name = table.lower()
    for theme in themes:
        if any(fnmatch.fnmatchcase(name, p.lower()) for p in theme.patterns):
            return theme
    return None


def _gpkg_tables(path: Path) -> list[tuple[str, str]]:
    """(table name, data type) of the GeoPackage's contents, in a stable order."""
    try:  # a folder fails in connect already
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            rows = con.execute(
                "SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name"
            ).fetchall()
    except sqlite3.DatabaseError as exc:
        raise QgsProcessingException(
            tr("'{path}' is not a GeoPackage: {error}").format(path=path, error=exc)
        ) from None
    return [(n, t) for n, t in rows if n != "layer_styles" and not n.startswith("gpkg_")]


def _provenance(path: Path, table: str) -> dict | None:
    try:
        from geolib.io import read_provenance

        return read_provenance(path, table)
    except Exception:  # no provenance or an unreadable one: reported as unknown
        return None


def _raster_provenance(path: Path) -> dict | None:
    import json

    try:
        from osgeo import gdal

        ds = gdal.Open(str(path))
        text = ds.GetMetadataItem("PROVENANCE") if ds is not None else None
        return json.loads(text) if text else None
    except Exception:  # GDAL or JSON trouble: provenance unknown, reported
        return None


# --- base map ---------------------------------------------------------------------------------
def ensure_basemap(gpkg: Path, basemap: Path | None, notes: list[str]) -> None:
    """Copy ``gemeinden`` and ``kreis`` from ``basemap`` into ``gpkg`` where missing.

    With their styles (``styles/atlas_*.qml``) and provenance, so the atlas GeoPackage
    is self-contained and the project needs no other file.
    """
    present = {name for name, _ in _gpkg_tables(gpkg)}
    missing = [name for name in BASEMAP_LAYERS if name not in present]
    if not missing:
        return
    if basemap is None and DEFAULT_BASEMAP.exists():
        basemap = DEFAULT_BASEMAP
    if basemap is None or not Path(basemap).exists():
        notes.append(
            tr(
                "No base map: the GeoPackage has no layer {layers} and no base map "
                "GeoPackage was given."
            ).format(layers=", ".join(missing))
        )
        return
    from geolib.io import OutputLayer, Provenance, read_vector, write_gpkg

    layers = []
    for name in missing:
        gdf = read_vector(basemap, layer=name)
        provenance = Provenance(
            title=tr(LAYER_TITLES[name]) if name in LAYER_TITLES else name,
            inputs={"source": f"{Path(basemap).name}|layername={name}"},
            data_year=2018 if "EWZ_2018" in gdf.columns else None,
            synthetic=False,
            method="copy",
            notes=[ATTRIBUTION.split(",")[0] + " (dl-de/by-2.0)"],
        )
        style = STYLES_DIR / BASEMAP_STYLES[name]
        layers.append(
            OutputLayer(name, gdf, style=style if style.exists() else None, provenance=provenance)
        )
    write_gpkg(gpkg, layers, keep_existing=True)
    notes.append(
        tr("Base map layers copied into the atlas GeoPackage: {layers}.").format(
            layers=", ".join(missing)
        )
    )


# --- layers --------------------------------------------------------------------------------------
def _title(table: str, provenance: dict | None) -> str:
    for pattern, title in LAYER_TITLES.items():
        if fnmatch.fnmatchcase(table.lower(), pattern):
            return tr(title)
    if provenance and provenance.get("title"):
        return str(provenance["title"])
    return table


def _renderer_type_in(qml: str) -> str | None:
    match = re.search(r"<renderer-v2[^>]*\stype=\"([^\"]+)\"", qml)
    return match.group(1) if match else None


def _load_layers(gpkg: Path, notes: list[str]) -> list[tuple[QgsMapLayer, AtlasLayer]]:
    from geolib.io import read_style

    loaded = []
    for table, data_type in _gpkg_tables(gpkg):
        provenance = _provenance(gpkg, table)
        title = _title(table, provenance)
        if data_type in ("features", "attributes"):
            layer = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
            kind = "vector" if data_type == "features" else "table"
        elif data_type in ("tiles", "2d-gridded-coverage"):
            layer = QgsRasterLayer(f"GPKG:{gpkg}:{table}", title, "gdal")
            kind = "raster"
        else:
            notes.append(
                tr("Layer '{layer}' of type '{type}' is not supported and left out.").format(
                    layer=table, type=data_type
                )
            )
            continue
        _check_valid(layer, table)
        styled = False
        qml = read_style(gpkg, table) if kind != "raster" else None
        if qml:
            # QGIS loads the default style from layer_styles when the layer opens; make sure
            expected = _renderer_type_in(qml)
            if kind == "vector" and expected and layer.renderer().type() != expected:
                message, ok = layer.importNamedStyle(_qml_document(qml))
                if not ok or layer.renderer().type() != expected:
                    raise QgsProcessingException(
                        tr(
                            "The style stored with layer '{layer}' cannot be applied: {error}"
                        ).format(layer=table, error=message)
                    )
            styled = True
        elif kind == "vector":
            notes.append(
                tr("Layer '{layer}' has no stored style; QGIS's default symbol is used.").format(
                    layer=table
                )
            )
        layer.setShortName(table)
        loaded.append((layer, _describe(table, title, kind, styled, provenance, notes)))
    return loaded


def _raster_files(folder: Path, notes: list[str]) -> list[tuple[QgsMapLayer, AtlasLayer]]:
    """GeoTIFFs beside the GeoPackage (geolib.raster.write_geotiff: style as .qml beside)."""
    loaded = []
    for path in sorted(folder.glob("*.tif")):
        provenance = _raster_provenance(path)
        table = path.stem
        title = _title(table, provenance)
        layer = QgsRasterLayer(str(path), title, "gdal")
        _check_valid(layer, path.name)
        # QGIS loads "<name>.qml" beside the file as the default style; make sure it did
        styled = Path(layer.styleURI()).exists()
        if styled:
            message, ok = layer.loadDefaultStyle()
            if not ok:
                raise QgsProcessingException(
                    tr("The style stored with layer '{layer}' cannot be applied: {error}").format(
                        layer=path.name, error=message
                    )
                )
        else:
            notes.append(
                tr("Layer '{layer}' has no stored style; QGIS's default symbol is used.").format(
                    layer=path.name
                )
            )
        layer.setShortName(table)
        loaded.append((layer, _describe(table, title, "raster", styled, provenance, notes)))
    return loaded


def _qml_document(qml: str):
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    doc.setContent(qml)
    return doc


def _check_valid(layer: QgsMapLayer, name: str) -> None:
    if not layer.isValid():
        # (QgsMapLayer.error() of an invalid OGR layer crashes QGIS 3.22: no details)
        raise QgsProcessingException(
            tr(
                "Layer '{layer}' cannot be opened in QGIS. Check that it exists in the "
                "GeoPackage and can be read, or remove it from gpkg_contents."
            ).format(layer=name)
        )


def _describe(table, title, kind, styled, provenance, notes) -> AtlasLayer:
    if provenance is None and table not in BASEMAP_LAYERS:
        notes.append(
            tr("Layer '{layer}' has no provenance; it is not labelled as synthetic.").format(
                layer=table
            )
        )
    provenance = provenance or {}
    year = provenance.get("data_year")
    return AtlasLayer(
        table=table,
        title=title,
        group="",
        kind=kind,
        styled=styled,
        synthetic=bool(provenance.get("synthetic")),
        data_year=None if year in (None, "") else str(year),
    )


def _draw_rank(layer: QgsMapLayer) -> int:
    """Points above lines above polygons above rasters (and tables last)."""
    if isinstance(layer, QgsVectorLayer):
        return {
            QgsWkbTypes.GeometryType.PointGeometry: 0,
            QgsWkbTypes.GeometryType.LineGeometry: 1,
            QgsWkbTypes.GeometryType.PolygonGeometry: 2,
        }.get(layer.geometryType(), 4)
    return 3


# --- the project -----------------------------------------------------------------------------
def build_atlas(
    gpkg_path: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    themes: Sequence[Theme] = THEMES,
    title: str = "Sozialplanungsatlas Kreis Pinneberg",
    data_year: int | str | None = None,
    synthetic: bool | None = None,
    basemap: str | os.PathLike | None = None,
    feedback=None,
) -> AtlasResult:
    """Build the QGIS project, one print layout per theme, the PNG maps and the PDF.

    Parameters
    ----------
    gpkg_path
        The atlas GeoPackage; base map layers ``gemeinden`` and ``kreis`` are copied
        into it from ``basemap`` when missing. GeoTIFFs in the same folder are added too.
    out_dir
        Where ``sozialplanungsatlas.qgz``, ``maps/<theme>.png`` and ``atlas.pdf`` go.
        The project stores paths relative to it, so the folder can be moved.
    themes
        The theme table (groups, layouts, layer-name patterns).
    data_year
        Shown on every layout; by default each layout shows the data years stored in
        the provenance of its layers.
    synthetic
        ``None`` (default): a layout carries "synthetic example values" (German
        "synthetische Beispielwerte") when a layer on it is marked synthetic in its
        provenance; ``True``: every layout does.
        ``False`` is refused when a layer is marked synthetic.
    basemap
        GeoPackage with ``gemeinden`` (AGS, GEN) and ``kreis``; default
        ``data/kreis_pinneberg.gpkg`` when present.
    feedback
        A ``QgsProcessingFeedback`` for progress, messages and cancellation.

    Notes
    -----
    Outputs are written beside their final names and renamed into place, so a rerun
    replaces them as a whole or (on error) leaves the previous ones untouched.
    """
    gpkg = Path(gpkg_path).resolve()
    out = Path(out_dir).resolve()
    if not gpkg.exists():
        raise QgsProcessingException(
            tr("The GeoPackage '{path}' does not exist.").format(path=gpkg)
        )
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file of that name, no permission
        raise QgsProcessingException(
            tr("The output folder '{path}' cannot be created: {error}").format(
                path=out, error=exc.strerror or exc
            )
        ) from None
    notes: list[str] = []
    _progress(feedback, 2)
    ensure_basemap(gpkg, Path(basemap) if basemap else None, notes)
    _progress(feedback, 10)

    loaded = _load_layers(gpkg, notes) + _raster_files(gpkg.parent, notes)
    for layer, _ in loaded:
        translate_style(layer)  # a style stored by a run in English: in the map language
        label_breaks(layer)
    if not loaded:
        raise QgsProcessingException(
            tr("The GeoPackage '{path}' has no layers for an atlas.").format(path=gpkg)
        )
    if synthetic is False and any(info.synthetic for _, info in loaded):
        raise QgsProcessingException(
            tr(
                "Layers marked as synthetic cannot be shown without the label '{label}': {layers}."
            ).format(
                label=tr(SYNTHETIC_LABEL),
                layers=", ".join(i.table for _, i in loaded if i.synthetic),
            )
        )
    project = QgsProject()
    project.setTitle(title)
    project.setCrs(QgsCoordinateReferenceSystem(ANALYSIS_CRS))
    _relative_paths(project)

    by_theme: dict[str, list[tuple[QgsMapLayer, AtlasLayer]]] = {t.id: [] for t in themes}
    unassigned: list[tuple[QgsMapLayer, AtlasLayer]] = []
    for layer, info in loaded:
        theme = theme_of(info.table, themes)
        if theme is None:
            info.group = tr(DEFAULT_GROUP)
            unassigned.append((layer, info))
        else:
            info.group = theme.group_name()
            info.theme = theme.id
            by_theme[theme.id].append((layer, info))
    if unassigned:
        notes.append(
            tr("Layers matching no theme, put into the group '{group}': {layers}.").format(
                group=tr(DEFAULT_GROUP), layers=", ".join(i.table for _, i in unassigned)
            )
        )

    root = project.layerTreeRoot()
    # groups are told apart by their theme id (a custom property), not by their
    # translated name: (OTHER_THEME, ...) is the default group
    groups = [(t.id, t.group_name(), by_theme[t.id]) for t in themes]
    if unassigned:
        groups.append((OTHER_THEME, tr(DEFAULT_GROUP), unassigned))
    for theme_id, group_name, members in groups:
        group = root.addGroup(group_name)
        group.setCustomProperty(THEME_PROPERTY, theme_id)
        for layer, _ in sorted(members, key=lambda m: (_draw_rank(m[0]), m[1].table)):
            project.addMapLayer(layer, False)
            group.addLayer(layer)
        if theme_id != themes[0].id:
            group.setExpanded(False)

    basemap_layers = {
        info.table: layer
        for layer, info in loaded
        if info.table in BASEMAP_LAYERS and isinstance(layer, QgsVectorLayer)
    }
    extent = _mainland_extent(basemap_layers.get("gemeinden"), loaded)
    project.viewSettings().setDefaultViewExtent(
        QgsReferencedRectangle(extent, QgsCoordinateReferenceSystem(ANALYSIS_CRS))
    )
    _progress(feedback, 20)

    layouts: list[tuple[str, QgsPrintLayout]] = []
    basemap_year = next(
        (i.data_year for _, i in loaded if i.table == "gemeinden" and i.data_year), None
    )
    for theme in themes:
        members = [
            (lyr, i)
            for lyr, i in by_theme[theme.id]
            if i.kind != "table" and not any(fnmatch.fnmatchcase(i.table, p) for p in MAP_EXCLUDE)
        ]
        if not theme.layout:
            continue
        if not members:
            notes.append(
                tr("Theme '{theme}' has no layers yet; no map for it.").format(
                    theme=theme.group_name()
                )
            )
            continue
        for page_id, name, subtitle, page_members in _pages(theme, members):
            layout = _theme_layout(
                project,
                theme,
                page_members,
                basemap_layers,
                extent,
                name=name,
                subtitle=subtitle,
                title=title,
                data_year=data_year,
                synthetic=synthetic,
                basemap_year=basemap_year,
            )
            project.layoutManager().addLayout(layout)
            layouts.append((page_id, layout))
    if not layouts:
        raise QgsProcessingException(tr("No theme has layers to map; nothing to export."))
    _progress(feedback, 30)
    _check_cancel(feedback)

    maps = _export_maps(out, layouts, feedback)
    _progress(feedback, 80)
    _check_cancel(feedback)
    report = _report(project, [layout for _, layout in layouts])
    pdf = out / PDF_NAME
    with _replacing(pdf) as tmp:
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = DPI
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = False
        settings.exportMetadata = True
        status, error = QgsLayoutExporter.exportToPdf(report, str(tmp), settings)
        if status != QgsLayoutExporter.ExportResult.Success:
            raise QgsProcessingException(
                tr("Exporting the atlas to PDF failed: {error}").format(error=error or status)
            )
    _progress(feedback, 95)

    project_path = out / PROJECT_NAME
    with _replacing(project_path) as tmp:
        if not project.write(str(tmp)):
            raise QgsProcessingException(
                tr("Writing the project '{path}' failed: {error}").format(
                    path=project_path, error=project.error()
                )
            )
    _progress(feedback, 100)
    infos = [info for _, info in loaded]
    if feedback is not None:
        for note in notes:
            feedback.pushInfo(note)
    return AtlasResult(
        project=project_path,
        pdf=pdf,
        maps=maps,
        layers=infos,
        unassigned=[i.table for _, i in unassigned],
        notes=notes,
    )


def _relative_paths(project: QgsProject) -> None:
    if hasattr(project, "setFilePathStorage"):
        project.setFilePathStorage(Qgis.FilePathType.Relative)
    project.writeEntryBool("Paths", "/Absolute", False)


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
    basemap_year: str | None,
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
    if gemeinden is not None and gemeinden not in map_layers:
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
    map_item.setBackgroundColor(QColor(223, 236, 245))  # water and neighbours: pale blue
    map_item.setExtent(_fit(extent, MAP_W / MAP_H))

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
    scale.setUnitsPerSegment(2.5)
    scale.setHeight(2)
    scale.setNumericFormat(_number_format(1))  # 2,5 km in German, 2.5 km in English
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

    helgoland = _helgoland_extent(gemeinden)
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
        inset.setBackgroundColor(QColor(223, 236, 245))
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

    years = _years(members, data_year, basemap_year)
    is_synthetic = synthetic is True or any(info.synthetic for _, info in members)
    _label(layout, "attribution", ATTRIBUTION, 10, 190, MAP_W, 5, 8)
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


def _years(members, data_year, basemap_year: str | None) -> str:
    if data_year not in (None, ""):
        return str(data_year)
    years = sorted({info.data_year for _, info in members if info.data_year})
    if years:
        return ", ".join(years)
    # analyses without a year of their own rest on the population of the base map
    if basemap_year:
        return tr("population {year}").format(year=basemap_year)
    return tr("unknown")


# --- export -------------------------------------------------------------------------------------
def _export_maps(out: Path, layouts, feedback) -> dict[str, Path]:
    """Every theme layout as PNG into a new folder, then swapped in for ``maps/``."""
    final = out / MAPS_DIR
    work = Path(tempfile.mkdtemp(prefix=".maps.", dir=out))
    try:
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
            _progress(feedback, 30 + 50 * (i + 1) / len(layouts))
        old = None
        if final.exists():
            old = Path(tempfile.mkdtemp(prefix=".maps-old.", dir=out))
            os.rmdir(old)
            final.rename(old)
        work.chmod(0o777 & ~_umask())
        work.rename(final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return {page_id: final / f"{page_id}.png" for page_id, _ in layouts}


def _report(project: QgsProject, layouts: list[QgsPrintLayout]) -> QgsReport:
    """A QGIS report with one section per theme layout: the whole atlas as one PDF."""
    report = QgsReport(project)
    report.setName(tr(REPORT_NAME))
    for layout in layouts:
        section = QgsReportSectionLayout(report)
        section.setBody(layout.clone())
        section.setBodyEnabled(True)
        report.appendChild(section)
    project.layoutManager().addLayout(report)
    return report


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _replacing(path: Path):
    """A temporary file beside ``path``, renamed over it on success, removed on error."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        tmp_path.chmod(0o666 & ~_umask())
        os.replace(tmp_path, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()


__all__ = [
    "ATTRIBUTION",
    "DEFAULT_GROUP",
    "OTHER_THEME",
    "SYNTHETIC_LABEL",
    "THEMES",
    "THEME_PROPERTY",
    "AtlasLayer",
    "AtlasResult",
    "Theme",
    "build_atlas",
    "language",
    "theme_of",
]
