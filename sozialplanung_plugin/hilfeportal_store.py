"""Where the Hilfeportal dock's layers live: the user's choice, kept in the project.

Three places (:class:`Target`):

- ``project`` (default): a GeoPackage beside the project file, named after it
  (``projekt.qgz`` → ``projekt_hilfeportal.gpkg``, tables ``angebote`` and
  ``pruefliste``). The project refers to it by a relative path, so a copied project
  folder opens elsewhere with the same offers. A project saved under another name
  gets its own GeoPackage on its next load: the older project keeps what it showed.
- ``file``: a GeoPackage the user picks, tables ``<name>_angebote`` and
  ``<name>_pruefliste``.
- ``postgis``: tables ``<schema>.<name>_angebote`` and ``<name>_pruefliste`` in the
  database of a saved QGIS PostgreSQL connection. Each refresh replaces the rows in
  one transaction under a lock of the table, so two refreshes at the same time leave
  the rows of exactly one of them: nothing lost, nothing twice.

A PostGIS table is shared: it always holds *every* offer of the last refresh, whoever
made it. The dock's categories, target groups and search are the user's view of it:
a filter of the user's layer (its subset string, :func:`filter_sql`), kept in the
user's project, never a deletion of rows that a colleague's layer shows. The
GeoPackage targets belong to one project and keep the rows the dock shows.

A load replaces only the tables the current project's target names; tables of other
projects are never touched. The QGIS profile is never a place for the layers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsAbstractDatabaseProviderConnection,
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, QMetaType, Qt, QTime

from geolib.redact import redact
from processing_algorithms import bridge
from processing_algorithms.compat import type_id

KINDS = ("project", "file", "postgis")
SCOPE = "sozialplanung"
ENTRY = "hilfeportal/target/"
TABLES = {"offers": "angebote", "checks": "pruefliste"}
DEFAULT_NAME = "hilfeportal"
SRID = 25832
_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,40}$")


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalStore", text)


class StoreError(RuntimeError):
    """A message for the user: the place for the layers cannot be used (translated)."""


@dataclass(frozen=True)
class Target:
    """Where the layers go: ``kind`` in :data:`KINDS` and its settings."""

    kind: str = "project"
    path: str = ""  #: the GeoPackage of ``file``
    connection: str = ""  #: the QGIS PostgreSQL connection of ``postgis``
    schema: str = "public"
    name: str = DEFAULT_NAME  #: the tables' prefix for ``file`` and ``postgis``


# --- the choice, kept in the project ----------------------------------------------------
def read_target(project: QgsProject) -> Target:
    """The target saved in ``project`` (the default when none is)."""

    def entry(key: str, default: str) -> str:
        value, ok = project.readEntry(SCOPE, ENTRY + key, default)
        return value if ok and value else default

    kind = entry("kind", "project")
    path = entry("path", "")
    return Target(
        kind=kind if kind in KINDS else "project",
        path=project.readPath(path) if path else "",
        connection=entry("connection", ""),
        schema=entry("schema", "public"),
        name=entry("name", DEFAULT_NAME),
    )


def write_target(project: QgsProject, target: Target) -> None:
    """Keep ``target`` in ``project`` (a file path relative to the project)."""
    project.writeEntry(SCOPE, ENTRY + "kind", target.kind)
    project.writeEntry(SCOPE, ENTRY + "path", project.writePath(target.path) if target.path else "")
    project.writeEntry(SCOPE, ENTRY + "connection", target.connection)
    project.writeEntry(SCOPE, ENTRY + "schema", target.schema)
    project.writeEntry(SCOPE, ENTRY + "name", target.name)


def connection_names() -> list[str]:
    """The names of the saved QGIS PostgreSQL connections."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        return []
    return sorted(metadata.connections(False).keys())


# --- where a layer of a role goes ---------------------------------------------------------
def check(target: Target, project: QgsProject) -> None:
    """Raise a :class:`StoreError` naming the problem and the fix, if ``target`` is unusable."""
    if target.kind == "project" and not project.fileName():
        raise StoreError(
            tr(
                "The layers go into a GeoPackage beside the project, but the project is not "
                "saved yet: save the project, or choose another place for the layers."
            )
        )
    if target.kind == "file" and not target.path:
        raise StoreError(tr("Choose the GeoPackage file for the layers."))
    if target.kind in ("file", "postgis") and not _NAME.match(target.name):
        raise StoreError(
            tr(
                "The table name '{name}' is not usable: use lower-case letters, digits and "
                "'_' (at most 40), starting with a letter."
            ).format(name=target.name)
        )
    if target.kind == "postgis":
        if not _NAME.match(target.schema):
            raise StoreError(
                tr(
                    "The schema name '{name}' is not usable: use lower-case letters, digits "
                    "and '_'."
                ).format(name=target.schema)
            )
        connection(target.connection)


def table_name(target: Target, role: str) -> str:
    """The table of ``role`` ("offers" or "checks") at ``target``."""
    if target.kind == "project":
        return TABLES[role]
    return f"{target.name}_{TABLES[role]}"


def gpkg_path(target: Target, project: QgsProject) -> Path:
    """The GeoPackage of a ``project`` or ``file`` target."""
    if target.kind == "file":
        return Path(target.path)
    project_file = Path(project.fileName())
    return project_file.with_name(f"{project_file.stem}_hilfeportal.gpkg")


def connection(name: str) -> QgsAbstractDatabaseProviderConnection:
    """The saved QGIS PostgreSQL connection ``name`` (StoreError when there is none)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    found = metadata.connections(False).get(name) if name and metadata is not None else None
    if found is None:
        raise StoreError(
            tr(
                "There is no saved PostgreSQL connection '{name}': create it in the Data Source "
                "Manager (PostgreSQL) and choose it in the dock."
            ).format(name=name)
        )
    return found


def postgis_uri(target: Target, role: str) -> str:
    """The ``postgres`` provider's URI of the table of ``role``."""
    uri = QgsDataSourceUri(connection(target.connection).uri())
    uri.setDataSource(target.schema, table_name(target, role), "geom", "", "fid")
    uri.setSrid(str(SRID))
    uri.setWkbType(QgsWkbTypes.Type.Point)
    return uri.uri(False)


def same_place(layer: QgsVectorLayer, provider: str, uri: str) -> bool:
    """Whether ``layer`` reads the table at ``uri`` of ``provider`` (filters aside)."""
    if layer.providerType() != provider:
        return False
    registry = QgsProviderRegistry.instance()
    mine = registry.decodeUri(provider, layer.source())
    other = registry.decodeUri(provider, uri)
    if provider == "ogr":
        same_file = _resolved(mine.get("path")) == _resolved(other.get("path"))
        return same_file and mine.get("layerName") == other.get("layerName")
    keys = ("dbname", "host", "port", "service", "schema", "table")
    return all(str(mine.get(k) or "") == str(other.get(k) or "") for k in keys)


def _resolved(path) -> str:
    return str(Path(path).resolve()) if path else ""


# --- PostGIS: one transaction per refresh --------------------------------------------------
def has_database_style(layer: QgsVectorLayer) -> bool:
    """Whether the table of a ``postgres`` layer has a style in ``layer_styles`` already."""
    listed = layer.listStylesInDatabase()
    related = listed[0] if isinstance(listed, tuple) else listed
    return bool(related and related > 0)


def layer_connection(layer: QgsVectorLayer) -> QgsAbstractDatabaseProviderConnection:
    """A connection to the database of a ``postgres`` layer."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return metadata.createConnection(layer.dataProvider().dataSourceUri(), {})


def write_postgis(
    conn: QgsAbstractDatabaseProviderConnection,
    schema: str,
    table: str,
    fields: QgsFields,
    features: list[QgsFeature] | None,
) -> None:
    """Create ``schema.table`` if needed; with ``features``, replace its rows with them.

    Everything runs as one statement list, which PostgreSQL executes as one
    transaction: a failure leaves the table as it was. The transaction first takes
    a lock of the table (an advisory lock, so that also its creation is covered), so
    two refreshes at the same time run one after the other.
    """
    try:
        conn.executeSql(postgis_sql(schema, table, fields, features))
    # QgsProviderConnectionException: a QgsException on 3.22, not in the bindings of 3.40
    except Exception as exc:
        raise StoreError(
            tr("The PostGIS table '{table}' cannot be written: {error}").format(
                table=f"{schema}.{table}", error=server_error(str(exc))
            )
        ) from None


def server_error(text: str) -> str:
    """The server's words in a connection's error (which repeats the whole SQL), shortened."""
    found = re.search(r"\[(.*)\]\s*$", text, re.S)
    words = " ".join((found.group(1) if found else text).split())
    return redact(words if len(words) <= 300 else words[:299] + "…")


def postgis_sql(schema: str, table: str, fields: QgsFields, features) -> str:
    """The statements of :func:`write_postgis` (no explicit BEGIN: one implicit transaction)."""
    name = f"{_ident(schema)}.{_ident(table)}"
    columns = [f for f in fields if f.name() != "fid"]
    lines = [
        f"SELECT pg_advisory_xact_lock(hashtext({_literal(schema + '.' + table)}))",
        f"CREATE TABLE IF NOT EXISTS {name} (fid bigserial PRIMARY KEY, "
        f"geom geometry(Point, {SRID}))",
    ]
    lines += [
        f"ALTER TABLE {name} ADD COLUMN IF NOT EXISTS {_ident(f.name())} {_pg_type(f)}"
        for f in columns
    ]
    if features is not None:
        lines.append(f"DELETE FROM {name}")
        names = ", ".join(["geom", *(_ident(f.name()) for f in columns)])
        indexes = [fields.indexOf(f.name()) for f in columns]
        for start in range(0, len(features), 500):
            rows = ",\n".join(_row(feature, indexes) for feature in features[start : start + 500])
            lines.append(f"INSERT INTO {name} ({names}) VALUES\n{rows}")
    return ";\n".join(lines) + ";"


def _row(feature: QgsFeature, indexes: list[int]) -> str:
    geometry = feature.geometry()
    if geometry is None or geometry.isNull():
        geom = "NULL"
    else:
        wkb = bytes(geometry.asWkb()).hex()
        geom = f"ST_SetSRID(ST_GeomFromWKB(decode('{wkb}', 'hex')), {SRID})"
    attributes = feature.attributes()
    values = [_literal(attributes[i]) for i in indexes]
    return "(" + ", ".join([geom, *values]) + ")"


_PG_TYPES = {
    "Bool": "boolean",
    "Int": "integer",
    "LongLong": "bigint",
    "Double": "double precision",
    "QDate": "date",
    "QDateTime": "timestamp",
    "QTime": "time",
}


def _pg_type(field) -> str:
    kind = type_id(field.type())
    for name, pg in _PG_TYPES.items():
        if kind == type_id(getattr(QMetaType.Type, name)):
            return pg
    return "text"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(value) -> str:
    """``value`` as an SQL literal (an ``E''`` string: safe whatever the server's settings)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "NULL"
    if isinstance(value, (QDateTime, QDate, QTime)):
        value = value.toString(Qt.DateFormat.ISODate)
    text = str(value).replace("\x00", "")
    return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


# --- the dock's filter of a shared table --------------------------------------------------
#: the layer property with the dock's part of the layer's subset string
FILTER_PROPERTY = "sozialplanung/hilfeportal/filter"
#: the columns the search looks in (as :func:`geolib.hilfeportal.filter_offers`)
SEARCH_COLUMNS = ("title", "provider", "address", "categories", "target_groups")
_UPPER, _LOWER = "ÄÖÜ", "äöü"


def filter_sql(
    categories: list[str] | None = None,
    target_groups: list[str] | None = None,
    search: str | None = None,
) -> str:
    """PostgreSQL for the rows :func:`geolib.hilfeportal.filter_offers` keeps ("" : all).

    Terms compare exactly with the terms of the list columns (split at ``;`` and
    ``|``); an empty list keeps nothing. Every word of ``search`` must occur in
    title, provider, address, categories or target groups, ignoring case (of
    letters the database's locale knows, and always of ä, ö and ü).
    """
    clauses = []
    for column, terms in (("categories", categories), ("target_groups", target_groups)):
        if terms is None:
            continue
        if not terms:
            return "FALSE"
        wanted = ", ".join(_literal(t) for t in sorted(set(terms)))
        clauses.append(
            f"EXISTS (SELECT 1 FROM regexp_split_to_table({_ident(column)}, "
            "'[[:space:]]*[;|][[:space:]]*') AS term "
            f"WHERE btrim(term) IN ({wanted}))"
        )
    words = (search or "").split()
    if words:
        text = " || ' ' || ".join(f"coalesce({_ident(c)}::text, '')" for c in SEARCH_COLUMNS)
        folded = f"lower(translate({text}, '{_UPPER}', '{_LOWER}'))"
        for word in dict.fromkeys(words):
            lowered = word.translate(str.maketrans(_UPPER, _LOWER)).lower()
            clauses.append(f"strpos({folded}, {_literal(lowered)}) > 0")
    return " AND ".join(f"({c})" for c in clauses)


def user_subset(layer: QgsVectorLayer) -> str:
    """The user's own part of ``layer``'s subset string (without the dock's filter)."""
    current = layer.subsetString()
    mine = layer.customProperty(FILTER_PROPERTY) or ""
    if not mine:
        return current
    if current == f"({mine})":
        return ""
    start = f"({mine}) AND ("
    if current.startswith(start) and current.endswith(")"):
        return current[len(start) : -1]
    return current  # the user rewrote the filter: it is all theirs


def set_dock_filter(layer: QgsVectorLayer, clause: str) -> bool:
    """Make ``clause`` the dock's part of ``layer``'s filter; the user's part stays."""
    own = user_subset(layer)
    parts = [f"({p})" for p in (clause, own) if p]
    if not layer.setSubsetString(" AND ".join(parts)):
        return False
    layer.setCustomProperty(FILTER_PROPERTY, clause)
    return True


def drop_dock_filter(layer: QgsVectorLayer) -> str:
    """Forget the dock's part of the filter; returns the user's own part (the layer moves)."""
    own = user_subset(layer)
    layer.removeCustomProperty(FILTER_PROPERTY)
    return own


# --- writing the layers ----------------------------------------------------------------
def create_layer_file(path: Path, table: str, fields: QgsFields, project: QgsProject) -> None:
    """Create (or replace) the point layer ``table`` in the GeoPackage ``path``."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Type.Point,
        QgsCoordinateReferenceSystem("EPSG:25832"),
        project.transformContext(),
        options,
    )
    if writer.hasError():
        raise RuntimeError(writer.errorMessage())
    del writer


def replace_features(layer: QgsVectorLayer, frame, *, prepared=None) -> int:
    """Replace every feature of ``layer`` with the rows of ``frame``, keeping the layer.

    The layer's style, form and subset string stay as the user left them; the subset
    string is lifted only while the data is exchanged. ``prepared`` is (field names,
    features) built in the background for these rows; used when the names match the
    layer's fields. Returns the number written.
    """
    if layer.isEditable():
        raise RuntimeError(
            tr("The layer '{name}' is being edited; save or discard the edits first.").format(
                name=layer.name()
            )
        )
    subset = layer.subsetString()
    if subset:
        layer.setSubsetString("")
    provider = layer.dataProvider()
    try:
        if layer.providerType() == "postgres":
            _replace_postgis(layer, frame, prepared)
            return len(frame)
        request = QgsFeatureRequest().setNoAttributes().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        ids = [f.id() for f in provider.getFeatures(request)]
        if ids and not provider.deleteFeatures(ids):
            raise RuntimeError(provider.lastError() or tr("Removing the old features failed."))
        features = _features(layer.fields(), frame, prepared)
        if features and not provider.addFeatures(features)[0]:
            raise RuntimeError(provider.lastError() or tr("Adding the new features failed."))
    finally:
        if subset:
            layer.setSubsetString(subset)
    layer.updateExtents()
    layer.reload()
    layer.triggerRepaint()
    return len(frame)


def _features(fields: QgsFields, frame, prepared) -> list[QgsFeature]:
    """Features of the rows of ``frame`` with ``fields`` (the prepared ones if they fit)."""
    if prepared is not None and prepared[0] == fields.names():
        return prepared[1]
    data = frame.copy()
    for name in fields.names():
        if name not in data.columns:
            data[name] = None
    return bridge.gdf_to_features(data, fields)


def _replace_postgis(layer: QgsVectorLayer, frame, prepared) -> None:
    """Replace the rows of a PostGIS layer's table in one transaction, then reload it."""
    uri = QgsDataSourceUri(layer.source())
    features = _features(layer.fields(), frame, prepared)
    write_postgis(layer_connection(layer), uri.schema(), uri.table(), layer.fields(), features)
    layer.dataProvider().reloadData()
    layer.reload()
    layer.updateExtents()
    layer.triggerRepaint()
