"""sozialplanung:catchments from qgis_process.bin (string parameters, as in batch mode)."""

import json

import geopandas as gpd
import numpy as np
from shapely.geometry import LineString, Point, box

from geolib.io import read_vector
from tests.conftest import KREIS_GPKG
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process


def test_catchments_run_through_qgis_process(examples, tmp_path):
    config, _ = fresh_profile(tmp_path, build_zip(tmp_path))
    assert qgis_process(config, "plugins", "enable", "sozialplanung").returncode == 0
    out, pop = tmp_path / "catch.gpkg", tmp_path / "pop.gpkg"
    run = qgis_process(
        config,
        "--json",
        "run",
        "sozialplanung:catchments",
        "--",
        f"NETWORK={KREIS_GPKG}|layername=osm_strassen_wedel",
        f"OFFERS={examples['offers']}",
        "MODE=0",
        "COST=0",
        "PROFILE=1",
        "BREAKS=3,6",
        "OVERLAP=2",
        "RINGS=true",
        f"POPULATION={KREIS_GPKG}|layername=gemeinden",
        "POPULATION_FIELD=EWZ_2018",
        f"OUTPUT={out}",
        f"OUTPUT_POPULATION={pop}",
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    assert json.loads(run.stdout)["results"]["OUTPUT"].startswith(str(out))
    areas = read_vector(out)
    assert {"from_min", "break_min", "population"} <= set(areas.columns)
    assert sorted(areas["break_min"].unique()) == [3.0, 6.0]
    table = read_vector(pop)
    assert np.allclose(table["reached"] + table["unreached"], table["EWZ_2018"])
    # the built network is kept in the profile: the next qgis_process run reuses it
    assert len(list(config.rglob("network_cache/*.network"))) == 1
    again = qgis_process(
        config,
        "run",
        "sozialplanung:catchments",
        "--",
        f"NETWORK={KREIS_GPKG}|layername=osm_strassen_wedel",
        f"OFFERS={examples['offers']}",
        "PROFILE=1",
        "BREAKS=4",
        f"OUTPUT={tmp_path / 'again.gpkg'}",
    )
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    assert "reused from an earlier run" in again.stdout + again.stderr
    assert sorted(read_vector(tmp_path / "again.gpkg")["break_min"].unique()) == [4.0]
    # direction and offer id field as strings, as in batch mode: a one-way street
    # (0,0)→(1000,0) with a two-way detour of 1,600 m; from the offer at (500, 0)
    net, offers = tmp_path / "oneway.gpkg", tmp_path / "oneway_offers.gpkg"
    gpd.GeoDataFrame(
        {"dir": ["1", "0"]},
        geometry=[
            LineString([(0, 0), (1000, 0)]),
            LineString([(0, 0), (0, 300), (1000, 300), (1000, 0)]),
        ],
        crs=25832,
    ).to_file(net)
    gpd.GeoDataFrame(
        {"name": ["Kita A", "Kita far"]}, geometry=[Point(500, 0), Point(500, 5000)], crs=25832
    ).to_file(offers)
    for direction, expected in (("0", (0.0, 500.0)), ("1", (500.0, 1000.0))):
        lines_out = tmp_path / f"lines_{direction}.gpkg"
        unroutable_out = tmp_path / f"unroutable_{direction}.gpkg"
        run = qgis_process(
            config,
            "run",
            "sozialplanung:catchments",
            "--",
            f"NETWORK={net}",
            f"OFFERS={offers}",
            "OFFER_ID_FIELD=name",
            "COST=1",
            "DIRECTION_FIELD=dir",
            f"DIRECTION={direction}",
            "BREAKS=1000",
            f"OUTPUT_LINES={lines_out}",
            f"OUTPUT_UNROUTABLE={unroutable_out}",
        )
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        lines = read_vector(lines_out)
        assert set(lines["offer_id"]) == {"Kita A"}
        street = lines.geometry.union_all().intersection(box(-1, -1, 1001, 1))
        assert np.allclose(street.bounds[0::2], expected)
        assert read_vector(unroutable_out)["offer_id"].tolist() == ["Kita far"]
