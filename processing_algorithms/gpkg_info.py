"""What a GeoPackage holds, read with SQLite directly.

Opening a GeoPackage with GDAL (``pyogrio.list_layers``, ``read_info``) reads its whole
catalogue and costs 5–7 ms each time; a run asked it ten times per catchments run (is
the layer there and empty, how many features were written, which layer does the file
hold, has an input a provenance). These answers are a few rows of the GeoPackage's
own tables (``gpkg_contents``, ``gpkg_geometry_columns``, the table itself), read here
without GDAL, read-only: a missing file is an error, never created.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from urllib.request import pathname2url

#: the table in which QGIS keeps the styles of a GeoPackage's layers
STYLES_TABLE = "layer_styles"


def _connect(path: str | os.PathLike) -> sqlite3.Connection:
    if not os.path.isfile(path):
        raise FileNotFoundError(path)
    return sqlite3.connect(f"file:{pathname2url(os.fspath(path))}?mode=ro", uri=True)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def data_tables(path: str | os.PathLike) -> list[str]:
    """The vector layers and tables of a GeoPackage (as GDAL lists them, without QGIS's
    styles table); raises ``sqlite3.Error`` or ``OSError`` when it is none."""
    con = _connect(path)
    try:
        rows = con.execute(
            "SELECT table_name FROM gpkg_contents WHERE data_type IN "
            "('features', 'attributes') ORDER BY rowid"
        ).fetchall()
    finally:
        con.close()
    return [name for (name,) in rows if name.lower() != STYLES_TABLE]


@dataclass(frozen=True)
class LayerInfo:
    """A GeoPackage layer: its primary key, geometry column, fields in order, and
    whether it holds rows."""

    fid: str
    geometry: str | None
    fields: list[str]
    empty: bool


def layer_info(path: str | os.PathLike, layer: str) -> LayerInfo | None:
    """The layer ``layer`` of the GeoPackage (None when it has no such table)."""
    con = _connect(path)
    try:
        listed = con.execute(
            "SELECT table_name FROM gpkg_contents WHERE lower(table_name) = lower(?)", (layer,)
        ).fetchone()
        if listed is None:
            return None
        columns = con.execute(f"PRAGMA table_info({_quote(listed[0])})").fetchall()
        geometry = con.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
            (layer,),
        ).fetchone()
        rows = con.execute(f"SELECT EXISTS (SELECT 1 FROM {_quote(listed[0])})").fetchone()[0]
    finally:
        con.close()
    keys = [c[1] for c in columns if c[5] and str(c[2]).upper() == "INTEGER"]
    if len(keys) != 1:
        return None
    geom = geometry[0] if geometry else None
    fields = [c[1] for c in columns if c[1] not in (keys[0], geom)]
    return LayerInfo(keys[0], geom, fields, not rows)


def feature_count(path: str | os.PathLike, layer: str | None) -> int:
    """The rows of ``layer`` (None: the file's only layer); raises ``sqlite3.Error``,
    ``OSError`` or ``LookupError`` when the file or the layer cannot be read."""
    if layer is None:
        names = data_tables(path)
        if len(names) != 1:
            raise LookupError(path)
        layer = names[0]
    con = _connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {_quote(layer)}").fetchone()[0])
    finally:
        con.close()


def has_layer_metadata(path: str | os.PathLike, layer: str) -> bool:
    """Whether any metadata (GDAL's, where the provenance is kept) refers to ``layer``."""
    con = _connect(path)
    try:
        row = con.execute(
            "SELECT 1 FROM gpkg_metadata_reference WHERE lower(table_name) = lower(?) LIMIT 1",
            (layer,),
        ).fetchone()
    except sqlite3.OperationalError:  # no metadata tables at all
        return False
    finally:
        con.close()
    return row is not None
