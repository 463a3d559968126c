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
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsLayoutExporter,
    QgsMapLayer,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from .atlas_layouts import (
    _check_cancel,
    _export_maps,
    _mainland_extent,
    _page_extent,
    _pages,
    _progress,
    _report,
    _theme_layout,
    _umask,
)
from .atlas_profiles import (
    PROFILE_VALUES,
    PROFILES,
    RANKING,
    add_region_layers,
    export_profiles,
    profile_layout,
    ranking_layouts,
)
from .atlas_regions import indicator_settings
from .atlas_sources import LayerSource, open_source
from .atlas_themes import (
    ANALYSIS_CRS,
    ATTRIBUTION,
    BASEMAP_LAYERS,
    BASEMAP_STYLES,
    DEFAULT_BASEMAP,
    DEFAULT_GROUP,
    DPI,
    LAYER_TITLES,
    MAP_EXCLUDE,
    OTHER_THEME,
    PDF_NAME,
    PROJECT_NAME,
    SOURCE_MARKS,
    STYLES_DIR,
    SYNTHETIC_LABEL,
    THEME_PROPERTY,
    THEMES,
    AtlasLayer,
    AtlasResult,
    Theme,
    _draw_rank,
    theme_of,
    tr,
)
from .outputs import StagedOutputs, check_pdf, check_project, commit_or_raise
from .styling import label_breaks, language, translate_style


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
def ensure_basemap(
    gpkg: Path, basemap: Path | None, notes: list[str], staged: StagedOutputs | None = None
) -> Path:
    """Copy ``gemeinden`` and ``kreis`` from ``basemap`` into ``gpkg`` where missing;
    the GeoPackage to read the atlas's layers from.

    With their styles (``styles/atlas_*.qml``) and provenance, so the atlas GeoPackage
    is self-contained and the project needs no other file. With ``staged`` they are
    written into a staged copy of ``gpkg`` (returned), swapped in with the other
    outputs of the run.
    """
    present = {name for name, _ in _gpkg_tables(gpkg)}
    missing = [name for name in BASEMAP_LAYERS if name not in present]
    if not missing:
        return gpkg
    if basemap is None and DEFAULT_BASEMAP.exists():
        basemap = DEFAULT_BASEMAP
    if basemap is None or not Path(basemap).exists():
        notes.append(
            tr(
                "No base map: the GeoPackage has no layer {layers} and no base map "
                "GeoPackage was given."
            ).format(layers=", ".join(missing))
        )
        return gpkg
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
    target = staged.stage(gpkg, copy_existing=True) if staged is not None else gpkg
    write_gpkg(target, layers, keep_existing=True)
    notes.append(
        tr("Base map layers copied into the atlas GeoPackage: {layers}.").format(
            layers=", ".join(missing)
        )
    )
    return target


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
                ok, message = layer.importNamedStyle(_qml_document(qml))
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


def _load_sources(sources, notes: list[str]) -> list[tuple[QgsMapLayer, AtlasLayer]]:
    """Layers of the open project or a database, opened again in this thread."""
    loaded = []
    for source in sources:
        title = source.title or _title(source.table, source.provenance)
        if source.table in LAYER_TITLES or any(
            fnmatch.fnmatchcase(source.table.lower(), p) for p in LAYER_TITLES
        ):
            title = _title(source.table, source.provenance)
        layer = open_source(source, title)
        _check_valid(layer, source.table)
        styled = bool(source.qml)
        layer.setShortName(source.table)
        loaded.append(
            (
                layer,
                _describe(source.table, title, source.kind, styled, source.provenance, notes),
            )
        )
    return loaded


def _basemap_sources(loaded, basemap, notes: list[str]) -> list[LayerSource]:
    """The base map layers missing among ``loaded``, from the base map GeoPackage."""
    present = {info.table for _, info in loaded}
    missing = [name for name in BASEMAP_LAYERS if name not in present]
    path = Path(basemap) if basemap else DEFAULT_BASEMAP
    if not missing:
        return []
    if not path.exists():
        notes.append(
            tr(
                "No base map: the GeoPackage has no layer {layers} and no base map "
                "GeoPackage was given."
            ).format(layers=", ".join(missing))
        )
        return []
    out = []
    for name in missing:
        style = STYLES_DIR / BASEMAP_STYLES[name]
        out.append(
            LayerSource(
                table=name,
                provider="ogr",
                uri=f"{path.resolve()}|layername={name}",
                kind="vector",
                qml=style.read_text(encoding="utf-8") if style.exists() else None,
                provenance=_provenance(path, name),
            )
        )
    return out


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


def _sources(table: str, provenance: dict) -> tuple[str, ...]:
    """The sources and licences among a layer's provenance notes (the base map's are
    the atlas's attribution already)."""
    if table in BASEMAP_LAYERS:
        return ()
    notes = [str(n) for n in provenance.get("notes") or ()]
    return tuple(n for n in notes if any(mark in n for mark in SOURCE_MARKS))


def _describe(table, title, kind, styled, provenance, notes) -> AtlasLayer:
    if provenance is None and table not in BASEMAP_LAYERS:
        notes.append(
            tr("Layer '{layer}' has no provenance; it is not labelled as synthetic.").format(
                layer=table
            )
        )
    provenance = provenance or {}
    year = provenance.get("data_year")
    if year in (None, "") and kind != "table" and table not in BASEMAP_LAYERS:
        notes.append(
            tr(
                "Layer '{layer}' has no data year in its provenance; its map says 'not given'."
            ).format(layer=table)
        )
    return AtlasLayer(
        table=table,
        title=title,
        group="",
        kind=kind,
        styled=styled,
        synthetic=bool(provenance.get("synthetic")),
        data_year=None if year in (None, "") else str(year),
        sources=_sources(table, provenance),
        indicators=indicator_settings(provenance),
    )


# --- the project -----------------------------------------------------------------------------
def build_atlas(
    gpkg_path: str | os.PathLike | None,
    out_dir: str | os.PathLike,
    *,
    themes: Sequence[Theme] = THEMES,
    title: str = "Sozialplanungsatlas Kreis Pinneberg",
    data_year: int | str | None = None,
    synthetic: bool | None = None,
    basemap: str | os.PathLike | None = None,
    regions: str | os.PathLike | None = None,
    sources: Sequence[LayerSource] | None = None,
    feedback=None,
    staged: StagedOutputs | None = None,
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
    regions
        Mapping table municipality → planning region (CSV with ``ags`` and
        ``planungsraum``); default: a table ``planungsraeume`` among the layers. With
        it and the Sozialformel's group output, the atlas has a planning-region map and
        a ranking page per year; with the Sozialformel's output a Gemeindesteckbrief
        per municipality (``gemeindesteckbriefe.pdf``).
    sources
        Instead of a GeoPackage: the layers to take (the layers of the open project, the
        tables of a PostGIS schema; :mod:`.atlas_sources`), with ``gpkg_path`` None. The
        base map comes from ``basemap`` unless ``gemeinden`` and ``kreis`` are among them.
    feedback
        A ``QgsProcessingFeedback`` for progress, messages and cancellation.
    staged
        The staged outputs of the calling algorithm's run (:mod:`.outputs`): the
        atlas's files are written there and swapped in with the run's other outputs.
        Without it they are swapped in when the atlas is complete.

    Notes
    -----
    Every output (the project, the PDFs, ``maps/``, ``atlas_druck.gpkg``, the base map
    layers added to the GeoPackage) is written into a staging folder, checked (a PDF
    with its pages, a readable project, complete PNGs and layers) and swapped in
    together: a failed, cancelled or killed run leaves the previous ones untouched.
    """
    if staged is None:
        own = StagedOutputs()
        try:
            result = build_atlas(
                gpkg_path,
                out_dir,
                themes=themes,
                title=title,
                data_year=data_year,
                synthetic=synthetic,
                basemap=basemap,
                regions=regions,
                sources=sources,
                feedback=feedback,
                staged=own,
            )
            commit_or_raise(own)
            return result
        finally:
            own.discard()
    gpkg = Path(gpkg_path).resolve() if gpkg_path is not None else None
    out = Path(out_dir).resolve()
    if gpkg is not None and not gpkg.exists():
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
    if gpkg is not None:
        source = ensure_basemap(gpkg, Path(basemap) if basemap else None, notes, staged)
        _progress(feedback, 10)
        loaded = _load_layers(source, notes) + _raster_files(gpkg.parent, notes)
    else:
        loaded = _load_sources(list(sources or ()), notes)
        loaded += _load_sources(_basemap_sources(loaded, basemap, notes), notes)
        _progress(feedback, 10)
    _check_cancel(feedback)
    print_gpkg = add_region_layers(
        loaded, _region_table(regions, loaded, notes), out, notes, staged
    )
    if print_gpkg is not None:
        loaded += _load_layers(print_gpkg, notes)
    for layer, _ in loaded:
        translate_style(layer)  # a style stored by a run in English: in the map language
        label_breaks(layer)
    if not loaded:
        raise QgsProcessingException(
            tr("The GeoPackage '{path}' has no layers for an atlas.").format(path=gpkg or "")
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

    # groups are told apart by their theme id (a custom property), not by their
    # translated name: (OTHER_THEME, ...) is the default group
    groups = [(t.id, t.group_name(), by_theme[t.id]) for t in themes]
    if unassigned:
        groups.append((OTHER_THEME, tr(DEFAULT_GROUP), unassigned))
    _layer_tree(project, groups[1:] + groups[:1])

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
            page_extent, zoomed = _page_extent(page_members, extent)
            layout = _theme_layout(
                project,
                theme,
                page_members,
                basemap_layers,
                page_extent,
                name=name,
                subtitle=subtitle,
                title=title,
                data_year=data_year,
                synthetic=synthetic,
                zoomed=zoomed,
            )
            project.layoutManager().addLayout(layout)
            layouts.append((page_id, layout))
    if not layouts:
        raise QgsProcessingException(tr("No theme has layers to map; nothing to export."))
    by_table = {info.table: (lyr, info) for lyr, info in loaded}
    if RANKING in by_table:
        lyr, info = by_table[RANKING]
        for page_id, layout in ranking_layouts(
            project, lyr, title, synthetic is True or info.synthetic
        ):
            project.layoutManager().addLayout(layout)
            layouts.append((page_id, layout))
    profile = None
    if PROFILES in by_table and PROFILE_VALUES in by_table:
        lyr, info = by_table[PROFILES]
        profile = profile_layout(
            project,
            lyr,
            by_table[PROFILE_VALUES][0],
            basemap_layers,
            title,
            synthetic is True or info.synthetic,
        )
        project.layoutManager().addLayout(profile)
    _progress(feedback, 30)
    _check_cancel(feedback)

    maps = _export_maps(out, layouts, feedback, staged)
    _progress(feedback, 80)
    _check_cancel(feedback)
    report = _report(project, [layout for _, layout in layouts])
    pdf = out / PDF_NAME
    staged_pdf = staged.stage(pdf)
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = DPI
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = False
    settings.exportMetadata = True
    status, error = QgsLayoutExporter.exportToPdf(report, str(staged_pdf), settings)
    if status != QgsLayoutExporter.ExportResult.Success:
        raise QgsProcessingException(
            tr("Exporting the atlas to PDF failed: {error}").format(error=error or status)
        )
    staged.expect_file(staged_pdf, pdf, lambda path: check_pdf(path, len(layouts)))
    profiles_pdf, profile_pages = None, 0
    if profile is not None:
        _check_cancel(feedback)
        profiles_pdf, profile_pages = export_profiles(profile, out, feedback, staged)
    _progress(feedback, 95)
    _check_cancel(feedback)
    project_path = out / PROJECT_NAME
    _write_project(project, project_path, staged)
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
        profiles_pdf=profiles_pdf,
        profile_pages=profile_pages,
    )


def _write_project(project: QgsProject, path: Path, staged: StagedOutputs) -> None:
    """Write ``project`` for ``path`` into the stage: written in ``path``'s folder (its
    relative paths are those of the final file), with the staged files it refers to
    named by their final paths, then moved into the stage and checked at commit."""
    beside = staged.beside(path)
    try:
        if not project.write(str(beside)):
            raise QgsProcessingException(
                tr("Writing the project '{path}' failed: {error}").format(
                    path=path, error=project.error()
                )
            )
        staged.final_paths_in_project(beside)
        target = staged.adopt(beside, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            beside.unlink()
    target.chmod(0o666 & ~_umask())
    staged.expect_file(target, path, check_project)


def _region_table(regions, loaded, notes: list[str]):
    """The mapping municipality → planning region: the file ``regions`` or a table
    ``planungsraeume`` among the layers; None without one."""
    import pandas as pd

    from .atlas_regions import region_mapping

    if regions:
        path = Path(regions)
        try:
            if path.suffix.lower() in (".xlsx", ".xls"):
                table = pd.read_excel(path, dtype=str)
            else:
                table = pd.read_csv(path, dtype=str)
        except (OSError, ValueError) as exc:
            raise QgsProcessingException(
                tr("The planning-region table '{path}' cannot be read: {error}").format(
                    path=path, error=exc
                )
            ) from None
    else:
        found = [lyr for lyr, info in loaded if info.table in ("planungsraeume", "planungsraum")]
        if not found or not isinstance(found[0], QgsVectorLayer):
            return None
        from .atlas_profiles import _frame

        table = _frame(found[0]).astype(str)
    try:
        return region_mapping(table)
    except ValueError as exc:
        raise QgsProcessingException(str(exc)) from None


def _layer_tree(project: QgsProject, groups) -> None:
    """One group per theme, the base map (the first theme) at the bottom.

    The project opens with the base map and one theme visible (the first with layers);
    the other themes are switched off and collapsed, layers left off the maps (such as
    the Hilfeportal's check list) are switched off too.
    """
    root = project.layerTreeRoot()
    shown = next((theme_id for theme_id, _, members in groups[:-1] if members), None)
    base = groups[-1][0]
    for theme_id, group_name, members in groups:
        group = root.addGroup(group_name)
        group.setCustomProperty(THEME_PROPERTY, theme_id)
        for layer, info in sorted(members, key=_tree_rank):
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            if any(fnmatch.fnmatchcase(info.table, p) for p in MAP_EXCLUDE):
                node.setItemVisibilityChecked(False)
        visible = theme_id in (shown, base)
        group.setItemVisibilityChecked(visible)
        group.setExpanded(theme_id == shown)


def _tree_rank(member) -> tuple[int, str]:
    """Points, lines and the Kreis outline above area fills (the municipalities last)."""
    layer, info = member
    return (1 if info.table == "kreis" else _draw_rank(layer), info.table)


def _relative_paths(project: QgsProject) -> None:
    if hasattr(project, "setFilePathStorage"):
        project.setFilePathStorage(Qgis.FilePathType.Relative)
    project.writeEntryBool("Paths", "/Absolute", False)


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
