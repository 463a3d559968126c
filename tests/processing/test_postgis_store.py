"""PostGIS as the shared store (#15): inputs from PostGIS, outputs into PostGIS tables with
their style in ``layer_styles`` and their provenance kept, without credentials.

A real throw-away PostgreSQL/PostGIS server (fixture ``postgres``, tests/_postgres.py).
"""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsVectorLayer,
    QgsVectorLayerExporter,
)

from geolib.io import read_vector
from tests._qgis import run_algorithm
from tests.conftest import KREIS_GPKG

SECRET = "Geheim-Store-4711"


@pytest.fixture
def store(postgres, tmp_path):
    """A PostGIS database holding the municipalities (imported by QGIS itself)."""
    name = f"store_{tmp_path.name[-8:].replace('-', '_')}".lower()
    conninfo = postgres.create_database(name)
    source = QgsVectorLayer(f"{KREIS_GPKG}|layername=gemeinden", "gemeinden", "ogr")
    uri = QgsDataSourceUri(f"{conninfo} password='{SECRET}'")
    uri.setDataSource("public", "gemeinden", "geom", "", "fid")
    error, message = QgsVectorLayerExporter.exportLayer(
        source, uri.uri(False), "postgres", QgsCoordinateReferenceSystem("EPSG:25832")
    )[:2]
    assert int(getattr(error, "value", error)) == 0, message  # NoError / Success
    return postgres, name, conninfo


def _layer(conninfo: str, table: str, geometry: str = "geom") -> QgsVectorLayer:
    uri = QgsDataSourceUri(f"{conninfo} password='{SECRET}'")
    uri.setDataSource("public", table, geometry)
    return QgsVectorLayer(uri.uri(False), table, "postgres")


def test_an_analysis_reads_from_and_writes_into_postgis_styled_with_provenance(store, examples):
    from processing_algorithms.postgis_store import read_provenance

    postgres, dbname, conninfo = store
    areas = _layer(conninfo, "gemeinden")
    assert areas.isValid() and areas.featureCount() == 49
    out = QgsDataSourceUri(f"{conninfo} password='{SECRET}'")
    out.setDataSource("public", "angebote_je_einwohner", "geom")
    _, feedback = run_algorithm(
        "sozialplanung:offersperpopulation",
        {
            "OFFERS": str(examples["offers"]),
            "AREAS": areas,
            "POPULATION_FIELD": "EWZ_2018",
            "OUTPUT": "postgis:" + out.uri(False),
        },
    )
    assert not feedback.warnings, feedback.warnings
    written = _layer(conninfo, "angebote_je_einwohner")
    assert written.isValid() and written.featureCount() == 49
    expected = read_vector(KREIS_GPKG, layer="gemeinden")
    assert sorted(f["AGS"] for f in written.getFeatures()) == sorted(expected["AGS"])
    # the style is the table's default in QGIS's layer_styles: a colleague sees it styled
    styles = postgres.query(
        "SELECT f_table_name, useasdefault, styleqml FROM public.layer_styles", dbname
    )
    row = styles[styles["f_table_name"] == "angebote_je_einwohner"]
    assert len(row) == 1 and bool(row["useasdefault"].iloc[0])
    assert "graduatedSymbol" in row["styleqml"].iloc[0]
    assert written.renderer().type() == "graduatedSymbol"  # loaded from the database
    # the provenance kept, its data year from the population field, no password anywhere
    provenance = read_provenance(written.source())
    assert provenance is not None and provenance["parameters"]["POPULATION_FIELD"] == "EWZ_2018"
    assert "2018" in str(provenance["data_year"]).split(", ")
    assert SECRET not in str(provenance)
    assert "password='***'" in provenance["inputs"]["AREAS"]
    # a later analysis of this table inherits its data years (processing_algorithms.data_years)
    from processing_algorithms.data_years import years_of_layer

    assert years_of_layer(written.source()) == set(str(provenance["data_year"]).split(", "))
    comment = postgres.psql(
        "SELECT obj_description('public.angebote_je_einwohner'::regclass);", dbname
    ).strip()
    assert comment and provenance["title"] in comment  # the summary, shown by QGIS's browser
    dump = postgres.psql(
        "SELECT provenance::text FROM public.sozialplanung_provenance;"
        "SELECT styleqml FROM public.layer_styles;",
        dbname,
    )
    assert SECRET not in dump + comment
