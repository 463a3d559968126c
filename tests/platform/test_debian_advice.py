"""The install advice the plugin prints on Debian 13, executed in a clean root.

A root with QGIS 3.40 and nothing else (``scripts/qgis_root.sh run-bare trixie``), as a
user has it after installing QGIS: the plugin zip is installed, QGIS prints what is
missing and the apt command; that command is run as printed; then the plugin works:
every algorithm of the demo chain through ``qgis_process`` (``make demo``) and the
Hilfeportal dock in QGIS desktop under Xvfb, and QGIS exits 0. Only Debian's packages:
no pip anywhere.

Run by ``make test`` after the roots are built (``make test-advice``); elsewhere skipped.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.plugin._helpers import build_zip

ROOTS = os.environ.get("SOZIALPLANUNG_ROOTS")
pytestmark = pytest.mark.skipif(
    not ROOTS or not (Path(ROOTS) / "trixie" / "base.stamp").exists(),
    reason="needs the trixie root: run through `make test` (target test-advice)",
)


@pytest.fixture(scope="module")
def advice_run():
    """Run advice_run.py in a throw-away clean trixie root; return what it saw."""
    from geolib.examples import write_examples
    from geolib.io import read_vector

    work = ROOT / "build" / "advice-test"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    zip_path = build_zip(work)
    offers = read_vector(
        write_examples(work / "examples", data_path=ROOT / "data" / "kreis_pinneberg.gpkg")[
            "offers"
        ]
    )
    offers.to_crs(4326).to_file(work / "offers.geojson", driver="GeoJSON")
    inside = Path("/src") / work.relative_to(ROOT)
    proc = subprocess.run(
        [
            str(ROOT / "scripts" / "qgis_root.sh"),
            "run-bare",
            "trixie",
            "python3",
            "tests/platform/advice_run.py",
            str(inside / zip_path.name),
            str(inside / "result.json"),
            str(inside / "offers.geojson"),
        ],
        capture_output=True,
        text=True,
        timeout=3000,
        check=False,
        env={**os.environ, "SOZIALPLANUNG_ROOTS": ROOTS},
    )
    result_file = work / "result.json"
    assert result_file.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(result_file.read_text(encoding="utf-8"))


def test_qgis_names_what_is_missing_and_the_apt_command(advice_run):
    before = advice_run["before"]
    assert before["rc"] == 0, before
    assert "sozialplanung:" not in before["out"]
    command = advice_run["advice"]["command"]
    assert command, before["out"][-2000:] + before["err"][-2000:]
    assert "pip" not in command
    assert "python3-geopandas" in command


def test_the_printed_command_installs_and_the_algorithms_run(advice_run):
    advice = advice_run["advice"]
    assert advice["rc"] == 0, advice["err"][-3000:]
    after = advice_run["after"]
    assert after["rc"] == 0
    assert "sozialplanung:catchments" in after["out"]
    demo = advice_run["demo"]
    assert demo["rc"] == 0, demo["out"][-3000:] + demo["err"][-3000:]
    # every algorithm of the demo chain left its output
    assert {
        "atlas.pdf",
        "sozialplanungsatlas.qgz",
        "angebotsdichte.tif",
        "schulen_dichte.tif",
        "sozialbericht/index.html",
        "maps/schulen.png",
        "maps/einkommen.png",
    } <= set(demo["files"])
    assert len(demo["layers"]) >= 8, demo["layers"]
    assert {"schulen", "einkommen_2021", "einzugsgebiete_schulen_luftlinie"} <= set(
        demo["layers"]
    ), demo["layers"]


def test_the_dock_loads_offers_in_qgis_desktop_and_qgis_exits_0(advice_run):
    desktop = advice_run["desktop"]
    driver = desktop["driver"]
    assert driver is not None, desktop["out"][-3000:] + desktop["err"][-3000:]
    assert "error" not in driver, driver["error"]
    assert driver["plugin_active"] and driver["dock"]
    assert [load["ok"] for load in driver["loaded"]] == [True, True]
    assert driver["loaded"][0]["offers"] > 0
    assert desktop["rc"] != 3, "QGIS did not quit within 2 minutes of being asked to"
    assert desktop["rc"] == 0, desktop["err"][-3000:]
