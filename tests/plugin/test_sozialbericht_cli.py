"""The Sozialbericht from the installed plugin zip through qgis_process, as the demo runs it."""

import json

import pytest

from geolib.sozialbericht import DATA_GLOBAL
from tests.conftest import KREIS_GPKG
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("zip_sozialbericht")
    config, plugin_dir = fresh_profile(base, build_zip(base))
    enabled = qgis_process(config, "plugins", "enable", "sozialplanung")
    assert enabled.returncode == 0, enabled.stderr
    return config, plugin_dir


def _run(config, alg, *params):
    run = qgis_process(config, "--json", "run", alg, "--", *params)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    return json.loads(run.stdout)["results"]


def test_the_web_files_are_in_the_zip(installed):
    _, plugin_dir = installed
    web = plugin_dir / "geolib" / "sozialbericht" / "web"
    for name in ("index.html", "app.js", "style.css", "vendor/uplot-1.6.32/uPlot.iife.min.js"):
        assert (web / name).is_file(), name


def test_sozialformel_then_sozialbericht(installed, examples, tmp_path):
    config, _ = installed
    atlas = tmp_path / "atlas.gpkg"

    def layer(name):
        return f"ogr:dbname='{atlas}' table=\"{name}\" (geom)"

    _run(
        config,
        "sozialplanung:sozialformel",
        f"AREAS={KREIS_GPKG}|layername=gemeinden",
        "AREA_KEY=AGS",
        f"TABLE={examples['indikatoren_csv']}",
        "YEARS=2019-2023",
        f"GROUPS={examples['planungsraeume']}",
        "GROUP_FIELD=planungsraum,kreis,groesse",
        f"OUTPUT={layer('sozialformel')}",
        f"OUTPUT_TABLE={layer('sozialformel_jahre')}",
        f"OUTPUT_GROUPS={layer('sozialformel_gruppen')}",
    )
    folder = tmp_path / "sozialbericht"
    results = _run(
        config,
        "sozialplanung:sozialbericht",
        f"AREAS={atlas}|layername=sozialformel",
        f"AREA_YEARS={atlas}|layername=sozialformel_jahre",
        f"GROUP_YEARS={atlas}|layername=sozialformel_gruppen",
        f"GROUPS={examples['planungsraeume']}",
        f"OUTPUT_FOLDER={folder}",
    )
    assert results["INDEX"] == str(folder / "index.html")
    assert (folder / "vendor" / "uplot-1.6.32" / "LICENSE").is_file()
    text = (folder / "data.js").read_text(encoding="utf-8")
    data = json.loads(text[len(f"window.{DATA_GLOBAL} = ") :].rstrip().rstrip(";"))
    assert data["years"] == [2019, 2020, 2021, 2022, 2023]
    assert len(data["areas"]) == 49 and len(data["regions"]) == 19
    assert data["synthetic"] is True
