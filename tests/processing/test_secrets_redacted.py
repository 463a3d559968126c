"""No secret in anything a run writes (#13): outputs, provenance, cache, log.

The algorithms run with a PostGIS layer whose source holds ``password=`` (the test
server trusts local connections, so the password is ignored but stays in the layer's
source, as it does for a user) and with a Hilfeportal URL holding an ``api-key``.
Every file the run writes and the QGIS profile are then searched for the secrets.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

from geolib.io import read_provenance
from tests._qgis import run_algorithm

PG_SECRET = "Geheim-PG-4711"
API_SECRET = "Schluessel-0815"


def _files_holding(root: Path, secret: str) -> list[str]:
    return [str(p) for p in root.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


@pytest.fixture
def pg_layers(postgres, tmp_path):
    """A PostGIS database with the area of the check; layer URIs with a password."""
    if shutil.which("ogr2ogr") is None:
        pytest.skip("ogr2ogr is not installed")
    name = f"secrets_{tmp_path.name[-8:].replace('-', '_')}".lower()
    conninfo = postgres.create_database(name)
    postgres.psql(
        "CREATE TABLE area AS SELECT 1 AS id, ST_Transform(ST_MakeEnvelope(9.3, 53.5, 10.1, "
        "53.95, 4326), 25832)::geometry(Polygon, 25832) AS geom;",
        name,
    )
    return conninfo


def test_no_secret_in_any_file_a_run_writes(pg_layers, server, tmp_path):
    conninfo = pg_layers
    uri = f"{conninfo} password='{PG_SECRET}' key='id' srid=25832 type=Polygon "
    area = QgsVectorLayer(uri + 'table="public"."area" (geom)', "area", "postgres")
    assert area.isValid() and PG_SECRET in area.source()
    out, checks = tmp_path / "out" / "angebote.gpkg", tmp_path / "out" / "pruefung.gpkg"
    out.parent.mkdir()
    source = f"{server.url}/?per_page=100&api-key={API_SECRET}"
    _, feedback = run_algorithm(
        "sozialplanung:hilfeportal",
        {"SOURCE": source, "AREA": area, "OUTPUT": str(out), "OUTPUT_CHECKS": str(checks)},
    )
    assert all(API_SECRET in p for p in server.requests)  # the key did go to the server
    provenance = read_provenance(out, "angebote")
    assert "password='***'" in provenance["inputs"]["AREA"]
    assert "api-key=***" in provenance["parameters"]["SOURCE"]
    # the offers into PostGIS, then the density from that PostGIS layer
    subprocess.run(
        ["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", str(out), "angebote", "-nln", "offers"],
        check=True,
        capture_output=True,
    )
    offers = QgsVectorLayer(
        f"{conninfo} password='{PG_SECRET}' key='fid' srid=25832 type=Point "
        'table="public"."offers" (geom)',
        "offers",
        "postgres",
    )
    assert offers.isValid() and offers.featureCount() > 0, offers.error().summary()
    density = tmp_path / "out" / "dichte.tif"
    _, feedback2 = run_algorithm(
        "sozialplanung:offerdensity",
        {"INPUT": offers, "RADIUS": 500.0, "PIXEL_SIZE": 100.0, "OUTPUT": str(density)},
    )
    assert density.exists()
    profile = Path(QgsApplication.qgisSettingsDirPath())
    for secret in (PG_SECRET, API_SECRET):
        assert _files_holding(tmp_path / "out", secret) == []
        assert _files_holding(profile, secret) == []
        assert secret not in feedback.text + feedback2.text
