"""Where the atlas takes its layers from: project layers and a PostGIS schema.

A :class:`LayerSource` is what the atlas needs to open a layer again in the thread that
builds it: provider, URI, the name that selects its theme, the style as QML text and the
provenance. :func:`sources_of_layers` (the layers of the open project) and
:func:`sources_of_schema` (every table of a PostGIS schema) run on the main thread, in
the algorithm's ``prepareAlgorithm``; the atlas itself runs in the background.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsVectorLayer,
)

from .atlas_themes import tr

#: tables of a PostGIS schema that are no layers
SYSTEM_TABLES = {
    "spatial_ref_sys",
    "layer_styles",
    "geometry_columns",
    "geography_columns",
    "raster_columns",
    "raster_overviews",
    "topology",
    "layer",
}


@dataclass(frozen=True)
class LayerSource:
    """One layer of the atlas, as it is opened again where the atlas is built."""

    table: str  # the name that selects the theme (table or layer name)
    provider: str  # "ogr", "gdal", "postgres", ...
    uri: str
    kind: str  # "vector", "table", "raster"
    qml: str | None = None  # the layer's style (the project's), or None: the default
    provenance: dict | None = None
    title: str | None = None


def _qml(layer: QgsMapLayer) -> str:
    from qgis.PyQt.QtXml import QDomDocument

    doc = QDomDocument()
    layer.exportNamedStyle(doc)
    return doc.toString()


def _table_name(layer: QgsMapLayer) -> str:
    provider = layer.providerType()
    if provider == "postgres":
        return QgsDataSourceUri(layer.source()).table() or layer.name()
    parts = QgsProviderRegistry.instance().decodeUri(provider, layer.source())
    name = parts.get("layerName") or ""
    if not name and parts.get("path"):
        name = Path(parts["path"]).stem
    return name or layer.name()


def _provenance(layer: QgsMapLayer, table: str) -> dict | None:
    """The provenance stored with a GeoPackage layer or in a GeoTIFF's metadata."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path = parts.get("path") or ""
    try:
        if path.lower().endswith(".gpkg"):
            from geolib.io import read_provenance

            return read_provenance(path, table)
        if isinstance(layer, QgsRasterLayer) and path:
            from osgeo import gdal

            ds = gdal.Open(path)
            text = ds.GetMetadataItem("PROVENANCE") if ds is not None else None
            return json.loads(text) if text else None
    except Exception:  # unreadable provenance: reported as unknown
        return None
    return None


def sources_of_layers(layers) -> list[LayerSource]:
    """The layers of the open project (their style as shown there)."""
    out = []
    for layer in layers:
        if isinstance(layer, QgsRasterLayer):
            kind = "raster"
        elif isinstance(layer, QgsVectorLayer):
            kind = "vector" if layer.isSpatial() else "table"
        else:
            continue
        table = _table_name(layer)
        out.append(
            LayerSource(
                table=table,
                provider=layer.providerType(),
                uri=layer.source(),
                kind=kind,
                qml=_qml(layer),
                provenance=_provenance(layer, table),
                title=layer.name(),
            )
        )
    return out


def sources_of_schema(connection_name: str, schema: str) -> list[LayerSource]:
    """Every vector and attribute table of a PostGIS schema (styles from its layer_styles)."""
    from qgis.core import QgsAbstractDatabaseProviderConnection as Connection

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        connection = metadata.createConnection(connection_name)
        flags = Connection.TableFlag.Vector | Connection.TableFlag.Aspatial
        tables = connection.tables(schema, flags)
    except Exception as exc:  # QgsProviderConnectionException: no server, no schema
        raise QgsProcessingException(
            tr(
                "The tables of schema '{schema}' in the database connection '{name}' cannot "
                "be listed: {error}"
            ).format(schema=schema, name=connection_name, error=exc)
        ) from None
    out = []
    for table in sorted(tables, key=lambda t: t.tableName()):
        name = table.tableName()
        if name in SYSTEM_TABLES:
            continue
        spatial = bool(table.geometryColumn())
        uri = connection.tableUri(schema, name)
        if spatial:
            parsed = QgsDataSourceUri(uri)
            parsed.setGeometryColumn(table.geometryColumn())
            if table.primaryKeyColumns():
                parsed.setKeyColumn(table.primaryKeyColumns()[0])
            uri = parsed.uri(False)
        out.append(
            LayerSource(
                table=name,
                provider="postgres",
                uri=uri,
                kind="vector" if spatial else "table",
            )
        )
    if not out:
        raise QgsProcessingException(
            tr("Schema '{schema}' in the database connection '{name}' has no tables.").format(
                schema=schema, name=connection_name
            )
        )
    return out


def open_source(source: LayerSource, title: str) -> QgsMapLayer:
    """The layer of ``source``, opened in the calling thread, with its style."""
    if source.kind == "raster":
        layer: QgsMapLayer = QgsRasterLayer(source.uri, title, source.provider)
    else:
        layer = QgsVectorLayer(source.uri, title, source.provider)
    if layer.isValid() and source.qml:
        from qgis.PyQt.QtXml import QDomDocument

        doc = QDomDocument()
        doc.setContent(source.qml)
        ok, message = layer.importNamedStyle(doc)
        if not ok:
            raise QgsProcessingException(
                tr("The style stored with layer '{layer}' cannot be applied: {error}").format(
                    layer=source.table, error=message
                )
            )
    return layer
