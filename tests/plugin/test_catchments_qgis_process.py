"""sozialplanung:catchments from qgis_process.bin (string parameters, as in batch mode)."""

import json

import numpy as np

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
