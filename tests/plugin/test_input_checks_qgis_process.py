"""Bad inputs through qgis_process.bin, as a user runs them: each run ends with exit 1,
no traceback, and a message naming the input (and its layer) and the fix."""

import sqlite3

import geopandas as gpd

from tests.conftest import KREIS_GPKG
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process


def test_bad_inputs_are_refused_by_name_through_qgis_process(tmp_path):
    config, _ = fresh_profile(tmp_path, build_zip(tmp_path))
    assert qgis_process(config, "plugins", "enable", "sozialplanung").returncode == 0
    offers = tmp_path / "angebote.gpkg"
    gpd.read_file(KREIS_GPKG, layer="osm_pois_wedel").to_file(offers)
    with sqlite3.connect(offers) as con:  # "Undefined geographic SRS", as GDAL writes it
        con.execute("UPDATE gpkg_geometry_columns SET srs_id = 0")
        con.execute("UPDATE gpkg_contents SET srs_id = 0")
    areas = f"{KREIS_GPKG}|layername=gemeinden"
    cases = [
        (
            [
                "sozialplanung:offersperpopulation",
                f"OFFERS={offers}",
                f"AREAS={areas}",
                "POPULATION_FIELD=EWZ_2018",
                f"OUTPUT={tmp_path / 'opp.gpkg'}",
            ],
            [
                "Offers (points)' (layer 'angebote')",
                "Undefined geographic SRS",
                "Assign projection",
            ],
        ),
        (
            [
                "sozialplanung:surface",
                f"AREAS={areas}",
                "FIELD=EWZ_2018",
                "PIXEL_SIZE=0.1",
                f"OUTPUT={tmp_path / 'surface.tif'}",
            ],
            ["The parameter 'Pixel size (m)' is 0.1; it must be at least 1."],
        ),
        (
            [
                "sozialplanung:offerdensity",
                f"INPUT={areas}",
                "RADIUS=500",
                "PIXEL_SIZE=100",
                f"OUTPUT={tmp_path / 'density.shp'}",
            ],
            ["(extension 'shp')", ".tif, .tiff"],
        ),
    ]
    for (alg, *params), expected in cases:
        run = qgis_process(config, "run", alg, "--", *params)
        text = run.stdout + run.stderr
        assert run.returncode == 1, text[-3000:]
        assert "Traceback" not in text and "Unexpected error" not in text, text[-3000:]
        for part in expected:
            assert part in text, (alg, part, text[-3000:])
    assert not list(tmp_path.glob("opp.gpkg")) and not list(tmp_path.glob("density.*"))
