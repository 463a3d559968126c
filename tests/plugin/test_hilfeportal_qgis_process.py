"""``sozialplanung:hilfeportal`` from the installed plugin zip through qgis_process.bin."""

import json

from geolib.hilfeportal_server import HilfeportalServer, offers_to_services
from geolib.io import read_style, read_vector
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process


def test_hilfeportal_runs_in_qgis_process(tmp_path, examples):
    config, plugin_dir = fresh_profile(tmp_path, build_zip(tmp_path))
    assert (plugin_dir / "styles" / "hilfeportal_offers.qml").exists()
    assert qgis_process(config, "plugins", "enable", "sozialplanung").returncode == 0
    offers = read_vector(examples["offers"])
    out, checks = tmp_path / "angebote.gpkg", tmp_path / "pruefung.gpkg"
    with HilfeportalServer(offers_to_services(offers), token="zip-token") as server:

        def load():
            return qgis_process(
                config,
                "--json",
                "run",
                "sozialplanung:hilfeportal",
                "--",
                f"SOURCE={server.url}",
                "TARGET_GROUPS=Senioren",
                f"OUTPUT={out}",
                f"OUTPUT_CHECKS={checks}",
            )

        run = load()
        assert run.returncode != 0
        assert "refused access (HTTP 401)" in run.stdout + run.stderr
        server.token = None
        run = load()
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "Traceback" not in run.stderr
    result = json.loads(run.stdout)
    assert set(result["results"]) == {"OUTPUT", "OUTPUT_CHECKS"}
    got = read_vector(out)
    assert len(got) == offers["target_groups"].str.contains("Senioren").sum() > 0
    assert 'attr="category"' in read_style(out, "angebote")
    assert len(read_vector(checks)) > 0
