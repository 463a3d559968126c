"""Outputs in PostGIS as in a GeoPackage: the style in ``layer_styles``, the provenance kept.

An output written into a PostGIS table (``postgis:dbname=… table="schema"."name" (geom)``
as the destination, or a PostgreSQL connection chosen in the output's menu) gets:

- its style as the table's default style in the database's ``public.layer_styles`` (QGIS's
  own table, created by QGIS when missing), so every colleague opening the table sees it
  styled, as from a GeoPackage;
- its provenance (inputs, parameters, data year, synthetic flag; credentials never, see
  :func:`geolib.redact.redact`) in the table ``public.sozialplanung_provenance`` (one row per
  table, replaced by each run in one statement) and as the table's comment (the summary
  line, shown by QGIS's browser and by ``\\d+`` in psql).

:func:`read_provenance` reads it back (the atlas, the data years of later analyses).
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from qgis.core import QgsDataSourceUri, QgsMapLayer, QgsProviderRegistry, QgsVectorLayer

from geolib.io import Provenance
from geolib.redact import redact

PROVENANCE_TABLE = "public.sozialplanung_provenance"


def is_postgis(layer: QgsMapLayer | None) -> bool:
    """Whether ``layer`` is a table of a PostgreSQL/PostGIS database."""
    return layer is not None and layer.providerType() == "postgres"


def layer_of(dest_id: str) -> QgsVectorLayer | None:
    """The output table of a ``postgis:`` destination as a layer (None for others)."""
    if not dest_id.startswith("postgis:"):
        return None
    uri = QgsDataSourceUri(dest_id[len("postgis:") :])
    layer = QgsVectorLayer(uri.uri(False), uri.table(), "postgres")
    return layer if layer.isValid() else None


def attach_style(layer: QgsMapLayer, name: str) -> str:
    """Store the layer's current style as the table's default style in ``layer_styles``.

    Returns QGIS's error message ("" when stored)."""
    description = "Sozialplanung for QGIS"
    if hasattr(layer, "saveStyleToDatabaseV2"):  # QGIS 3.44 and later
        result = layer.saveStyleToDatabaseV2(name, description, True, "")
        return "" if result[0] in (0, getattr(result[0], "Success", 0)) else str(result[1])
    return layer.saveStyleToDatabase(name, description, True, "") or ""


def attach_provenance(layer: QgsMapLayer, provenance: Provenance) -> None:
    """Keep ``provenance`` with the table of ``layer`` (and its summary as the comment)."""
    uri = QgsDataSourceUri(layer.source())
    data = dict(provenance.as_dict())
    data["inputs"] = {k: redact(str(v)) for k, v in (data.get("inputs") or {}).items()}
    text = json.dumps(data, ensure_ascii=False)
    schema, table = uri.schema() or "public", uri.table()
    sql = f"""
CREATE TABLE IF NOT EXISTS {PROVENANCE_TABLE} (
    table_schema text NOT NULL, table_name text NOT NULL, provenance jsonb NOT NULL,
    written timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (table_schema, table_name));
INSERT INTO {PROVENANCE_TABLE} (table_schema, table_name, provenance)
VALUES ({_literal(schema)}, {_literal(table)}, {_literal(text)}::jsonb)
ON CONFLICT (table_schema, table_name)
DO UPDATE SET provenance = EXCLUDED.provenance, written = now();
COMMENT ON TABLE {_identifier(schema)}.{_identifier(table)} IS {_literal(provenance.summary())};
"""
    _connection(uri).executeSql(sql)


def read_provenance(source: str) -> dict[str, Any] | None:
    """The provenance stored with the PostGIS table of the QGIS source ``source``."""
    uri = QgsDataSourceUri(source)
    if not uri.table():
        return None
    sql = (
        f"SELECT provenance::text FROM {PROVENANCE_TABLE} WHERE table_schema = "
        f"{_literal(uri.schema() or 'public')} AND table_name = {_literal(uri.table())}"
    )
    try:
        rows = _connection(uri).executeSql(sql)
    except Exception:  # no provenance table (a database no run has written to)
        return None
    return json.loads(rows[0][0]) if rows and rows[0] and rows[0][0] else None


def _connection(uri: QgsDataSourceUri):
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return metadata.createConnection(uri.connectionInfo(True), {})


def _literal(text: str) -> str:
    """A dollar-quoted SQL string literal whose tag cannot occur in ``text``."""
    tag = "sp" + secrets.token_hex(4)
    while f"${tag}$" in text:
        tag = "sp" + secrets.token_hex(4)
    return f"${tag}${text}${tag}$"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
