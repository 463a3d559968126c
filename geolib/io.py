"""Reading vector data and writing styled, documented outputs.

Outputs follow DESIGN §6: GeoPackage 1.2, each layer with its QML as the default
style in the ``layer_styles`` table (so QGIS opens it styled), provenance as layer
metadata, and files written completely or not at all (temp file, then rename).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyogrio

from . import __version__
from .errors import EmptyInputError, OutputError, SourceError
from .messages import N_

SYNTHETIC_LABEL = "synthetische Beispielwerte"
"""The label every output carries when its values are synthetic examples."""

METHOD_VERSION = __version__


@dataclass
class Provenance:
    """Where an output comes from: inputs, parameters, data year, method, synthetic.

    ``as_dict()`` is what is stored with the output; ``summary()`` is the one line
    shown as the layer description.
    """

    title: str
    inputs: Mapping[str, str] = field(default_factory=dict)
    parameters: Mapping[str, Any] = field(default_factory=dict)
    data_year: int | str | None = None
    synthetic: bool = False
    method: str = ""
    method_version: str = METHOD_VERSION
    notes: Sequence[str] = field(default_factory=list)
    created: str = field(
        default_factory=lambda: _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")
    )

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "inputs": dict(self.inputs),
            "parameters": {k: _jsonable(v) for k, v in self.parameters.items()},
            "data_year": self.data_year,
            "synthetic": self.synthetic,
            "synthetic_label": SYNTHETIC_LABEL if self.synthetic else None,
            "method": self.method,
            "method_version": self.method_version,
            "notes": list(self.notes),
            "created": self.created,
        }

    def summary(self) -> str:
        parts = [self.title]
        if self.data_year is not None:
            parts.append(f"Datenjahr {self.data_year}")
        if self.synthetic:
            parts.append(SYNTHETIC_LABEL)
        return " — ".join(parts)


def _jsonable(value: Any) -> Any:
    try:
        json.dumps(value)
        return value
    except TypeError:
        return str(value)


@dataclass
class OutputLayer:
    """One layer to write into a GeoPackage.

    ``data`` may be a GeoDataFrame (spatial layer) or a DataFrame (attribute table).
    ``style`` is QML text or the path of a ``.qml`` file.
    """

    name: str
    data: gpd.GeoDataFrame | pd.DataFrame
    style: str | os.PathLike | None = None
    provenance: Provenance | None = None


def read_vector(
    path: str | os.PathLike,
    layer: str | int | None = None,
    **kwargs: Any,
) -> gpd.GeoDataFrame:
    """Read a vector file or one layer of a GeoPackage.

    Parameters
    ----------
    path
        Any file GDAL reads (GeoPackage, Shapefile, GeoJSON, FlatGeobuf, ...).
    layer
        Layer name or index; required when the file has several layers.
    **kwargs
        Passed to :func:`pyogrio.read_dataframe` (``columns``, ``bbox``, ``where``...).

    Raises
    ------
    SourceError
        The file or layer does not exist or cannot be read; the message lists the
        layers the file has.

    Examples
    --------
    >>> gdf = read_vector("data/kreis_pinneberg.gpkg", layer="gemeinden")  # doctest: +SKIP
    """
    path = Path(path)
    if not path.exists():
        raise SourceError("The file '{path}' does not exist. Check the path.", path=str(path))
    try:
        # QGIS and write_gpkg keep styles in a table that is not a data layer
        layers = [name for name, _ in pyogrio.list_layers(path) if name != "layer_styles"]
    except Exception as exc:  # GDAL raises several kinds; all mean "cannot read"
        raise SourceError(
            "The file '{path}' cannot be read as vector data: {error}", path=str(path), error=exc
        ) from exc
    if layer is None and len(layers) == 1:
        layer = layers[0]
    if layer is None and len(layers) > 1:
        raise SourceError(
            "The file '{path}' has {n} layers; name one of: {layers}.",
            path=str(path),
            n=len(layers),
            layers=", ".join(layers),
        )
    if isinstance(layer, str) and layer not in layers:
        raise SourceError(
            "The file '{path}' has no layer '{layer}'. Its layers: {layers}.",
            path=str(path),
            layer=layer,
            layers=", ".join(layers),
        )
    try:
        return pyogrio.read_dataframe(path, layer=layer, **kwargs)
    except Exception as exc:
        raise SourceError("Reading '{path}' failed: {error}", path=str(path), error=exc) from exc


def _qml_text(style: str | os.PathLike) -> str:
    text = str(style)
    if text.lstrip().startswith("<"):
        return text
    return Path(style).read_text(encoding="utf-8")


def check_writable(path: str | os.PathLike) -> Path:
    """Refuse an output path whose folder does not exist or cannot be written.

    Raises
    ------
    OutputError
        With the reason and the advice to choose another folder.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise OutputError(
            "Cannot write '{path}': the folder '{folder}' does not exist. "
            "Create it or choose another output path.",
            path=str(path),
            folder=str(folder),
        )
    if not folder.is_dir():
        raise OutputError(
            "Cannot write '{path}': '{folder}' is a file, not a folder. "
            "Choose another output path.",
            path=str(path),
            folder=str(folder),
        )
    if not os.access(folder, os.W_OK):
        raise OutputError(
            "Cannot write '{path}': the folder '{folder}' is not writable. "
            "Choose a folder you may write to.",
            path=str(path),
            folder=str(folder),
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise OutputError(
            "Cannot write '{path}': the file is read-only. Choose another name.", path=str(path)
        )
    return path


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike, *, copy_existing: bool = False):
    """Yield a temporary path beside ``path``; on success rename it over ``path``.

    On any error the temporary file is removed and ``path`` stays as it was.
    """
    path = check_writable(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    os.unlink(tmp)  # GDAL wants to create the file itself
    tmp_path = Path(tmp)
    try:
        if copy_existing and path.exists():
            if path.suffix.lower() == ".gpkg":
                copy_geopackage(path, tmp_path)
            else:
                shutil.copy2(path, tmp_path)
        yield tmp_path
        os.replace(tmp_path, path)
    except OSError as exc:
        raise OutputError(
            "Cannot write '{path}': {error}.", path=str(path), error=exc.strerror or exc
        ) from exc
    finally:
        for leftover in (tmp_path, Path(str(tmp_path) + "-journal")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()


def copy_geopackage(source: str | os.PathLike, target: str | os.PathLike) -> None:
    """A consistent copy of the GeoPackage ``source`` (SQLite's online backup: it
    includes what another connection, such as QGIS, holds in a write-ahead log)."""
    src = sqlite3.connect(f"file:{Path(source).resolve()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from exc
        finally:
            dst.close()
    finally:
        src.close()


def write_gpkg(
    path: str | os.PathLike,
    layers: OutputLayer | Sequence[OutputLayer],
    *,
    keep_existing: bool = False,
) -> Path:
    """Write layers into a GeoPackage 1.2, atomically, styled and documented.

    Parameters
    ----------
    path
        The GeoPackage to write.
    layers
        One or more :class:`OutputLayer`.
    keep_existing
        Keep the other layers of an existing file (layers of the same name are
        replaced); by default the file is replaced as a whole.

    Returns
    -------
    Path
        ``path``.

    Notes
    -----
    The style is stored as the default style in ``layer_styles`` with the schema
    QGIS uses, so QGIS loads it when the layer is opened. Provenance is stored as
    GDAL layer metadata (``gpkg_metadata``) under the key ``provenance`` (JSON) and
    its one-line summary as the layer description in ``gpkg_contents``.
    """
    if isinstance(layers, OutputLayer):
        layers = [layers]
    names = [lyr.name for lyr in layers]
    if len(set(names)) != len(names):
        raise OutputError(
            "Layer names must be unique within one GeoPackage: {names}.", names=", ".join(names)
        )
    with atomic_path(path, copy_existing=keep_existing) as tmp:
        for lyr in layers:
            _write_layer(tmp, lyr)
        _write_styles(tmp, layers)
    return Path(path)


def _write_layer(path: Path, lyr: OutputLayer) -> None:
    data = lyr.data
    meta: dict[str, str] = {}
    options: dict[str, str] = {"OVERWRITE": "YES"}
    if lyr.provenance is not None:
        meta["provenance"] = json.dumps(lyr.provenance.as_dict(), ensure_ascii=False)
        options["DESCRIPTION"] = lyr.provenance.summary()
    kwargs: dict[str, Any] = {
        "layer": lyr.name,
        "driver": "GPKG",
        "layer_options": options,
        # QGIS 3.22 warns about GeoPackage 1.4, which GDAL >= 3.7 writes by default
        "dataset_options": None if path.exists() else {"VERSION": "1.2"},
        "layer_metadata": meta or None,
    }
    if isinstance(data, gpd.GeoDataFrame):
        if data.crs is None and len(data):
            raise OutputError(
                "The layer '{layer}' has no CRS and cannot be written.", layer=lyr.name
            )
        gdf = data
    else:
        gdf = pd.DataFrame(data)
    try:
        if isinstance(gdf, gpd.GeoDataFrame):
            geom_types = set(gdf.geom_type.dropna().unique())
            if any(t.startswith("Multi") for t in geom_types):
                kwargs["promote_to_multi"] = True
            pyogrio.write_dataframe(gdf, path, **kwargs)
        else:
            pyogrio.write_dataframe(gdf, path, **kwargs)
        # a full disk can end a write early without an error: count what is in the file
        written = pyogrio.read_info(path, layer=lyr.name).get("features")
    except Exception as exc:
        raise OutputError(
            "Writing layer '{layer}' to '{path}' failed: {error}",
            layer=lyr.name,
            path=path.name,
            error=exc,
        ) from exc
    if written != len(gdf):
        raise OutputError(
            "Writing layer '{layer}' to '{path}' stopped after {written} of {n} features "
            "(is the disk full?). The previous file is unchanged.",
            layer=lyr.name,
            path=path.name,
            written=written,
            n=len(gdf),
        )


_LAYER_STYLES_SQL = """
CREATE TABLE IF NOT EXISTS layer_styles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    f_table_catalog TEXT(256), f_table_schema TEXT(256), f_table_name TEXT(256),
    f_geometry_column TEXT(256), styleName TEXT(30), styleQML TEXT, styleSLD TEXT,
    useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
    update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
)
"""


def _write_styles(path: Path, layers: Sequence[OutputLayer]) -> None:
    for lyr in layers:
        if lyr.style is not None:
            attach_style(
                path,
                lyr.name,
                lyr.style,
                description=lyr.provenance.summary() if lyr.provenance else "",
            )


def attach_style(
    path: str | os.PathLike, layer: str, style: str | os.PathLike, *, description: str = ""
) -> None:
    """Store ``style`` (QML text or file) as the default style of ``layer`` in a GeoPackage.

    Uses the ``layer_styles`` table that QGIS reads, so QGIS opens the layer styled.
    An earlier style of the layer is replaced.
    """
    with transaction(path) as con:
        con.execute(_LAYER_STYLES_SQL)
        con.execute(
            "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, "
            "description, last_change) VALUES ('layer_styles', 'attributes', "
            "'layer_styles', '', strftime('%Y-%m-%dT%H:%M:%fZ','now'))"
        )
        geom_col = con.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (layer,)
        ).fetchone()
        con.execute("DELETE FROM layer_styles WHERE f_table_name = ?", (layer,))
        con.execute(
            "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, "
            "f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, "
            "description, owner, ui) VALUES ('', '', ?, ?, ?, ?, '', 1, ?, '', '')",
            (layer, geom_col[0] if geom_col else "", layer, _qml_text(style), description),
        )


def attach_provenance(path: str | os.PathLike, layer: str, provenance: Provenance) -> None:
    """Store ``provenance`` with ``layer`` of an existing GeoPackage.

    Written the way GDAL stores layer metadata (``gpkg_metadata`` with a reference
    to the table), so :func:`read_provenance` and GDAL's ``GetMetadata`` read it; the
    summary becomes the layer description in ``gpkg_contents``. Used for outputs that
    QGIS wrote (Processing sinks), whose files geolib did not create itself.
    """
    from xml.sax.saxutils import escape

    text = json.dumps(provenance.as_dict(), ensure_ascii=False)
    xml = (
        "<GDALMultiDomainMetadata><Metadata>"
        f'<MDI key="provenance">{escape(text)}</MDI>'
        "</Metadata></GDALMultiDomainMetadata>"
    )
    with transaction(path) as con:
        for statement in _METADATA_SQL.split(";"):
            if statement.strip():
                con.execute(statement)
        for ext_table in ("gpkg_metadata", "gpkg_metadata_reference"):
            con.execute(
                "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, "
                "definition, scope) SELECT ?, NULL, 'gpkg_metadata', "
                "'http://www.geopackage.org/spec120/#extension_metadata', 'read-write' "
                "WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE table_name = ? "
                "AND extension_name = 'gpkg_metadata')",
                (ext_table, ext_table),
            )
        old = [
            row[0]
            for row in con.execute(
                "SELECT md_file_id FROM gpkg_metadata_reference WHERE reference_scope = 'table' "
                "AND table_name = ?",
                (layer,),
            )
        ]
        con.execute(
            "DELETE FROM gpkg_metadata_reference WHERE reference_scope = 'table' AND "
            "table_name = ?",
            (layer,),
        )
        for md_id in old:
            con.execute(
                "DELETE FROM gpkg_metadata WHERE id = ? AND md_standard_uri = 'http://gdal.org'",
                (md_id,),
            )
        cur = con.execute(
            "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) "
            "VALUES ('dataset', 'http://gdal.org', 'text/xml', ?)",
            (xml,),
        )
        con.execute(
            "INSERT INTO gpkg_metadata_reference (reference_scope, table_name, column_name, "
            "row_id_value, timestamp, md_file_id, md_parent_id) VALUES ('table', ?, NULL, "
            "NULL, strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, NULL)",
            (layer, cur.lastrowid),
        )
        con.execute(
            "UPDATE gpkg_contents SET description = ? WHERE table_name = ?",
            (provenance.summary(), layer),
        )


@contextlib.contextmanager
def transaction(path: str | os.PathLike) -> Iterator[sqlite3.Connection]:
    """A connection to the GeoPackage (SQLite file) ``path`` whose statements form one
    write transaction (one write to disk instead of one per statement): committed when
    the block ends, rolled back when it raises."""
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                con.execute("ROLLBACK")
            raise
        con.execute("COMMIT")
    finally:
        con.close()


_METADATA_SQL = """
CREATE TABLE IF NOT EXISTS gpkg_extensions (
    table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
    definition TEXT NOT NULL, scope TEXT NOT NULL,
    CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE IF NOT EXISTS gpkg_metadata (
    id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,
    md_scope TEXT NOT NULL DEFAULT 'dataset', md_standard_uri TEXT NOT NULL,
    mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (
    reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
    timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
    CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),
    CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
"""


def read_provenance(path: str | os.PathLike, layer: str) -> dict[str, Any] | None:
    """Return the provenance stored with ``layer`` by :func:`write_gpkg`, or ``None``."""
    meta = pyogrio.read_info(path, layer=layer).get("layer_metadata") or {}
    text = meta.get("provenance")
    return json.loads(text) if text else None


def read_style(path: str | os.PathLike, layer: str) -> str | None:
    """Return the default QML style stored for ``layer``, or ``None``."""
    con = sqlite3.connect(path)
    try:
        row = con.execute(
            "SELECT styleQML FROM layer_styles WHERE f_table_name = ? AND useAsDefault "
            "ORDER BY update_time DESC LIMIT 1",
            (layer,),
        ).fetchone()
    except sqlite3.OperationalError:
        return None
    finally:
        con.close()
    return row[0] if row else None


def require_rows(data: pd.DataFrame, *, what: str = N_("layer")) -> None:
    """Refuse an empty layer or table with a message that names it."""
    if len(data) == 0:
        raise EmptyInputError(
            "The {what} is empty: it has no features. Choose a layer with features "
            "(and check 'Selected features only' and any filter).",
            what=what,
        )
