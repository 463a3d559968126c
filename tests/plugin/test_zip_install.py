"""The plugin zip installs into a fresh profile; qgis_process lists and runs it."""

import json

import pytest

from geolib.io import read_vector
from tests.plugin._helpers import build_zip, fresh_profile, offersperpopulation_args, qgis_process


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("zip")
    zip_path = build_zip(base)
    config, plugin_dir = fresh_profile(base, zip_path)
    return config, plugin_dir


def test_zip_layout(installed):
    _, plugin_dir = installed
    for name in (
        "metadata.txt",
        "__init__.py",
        "LICENSE",
        "geolib/__init__.py",
        "processing_algorithms/provider.py",
        "sozialplanung_plugin/plugin.py",
        "sozialplanung_plugin/i18n/sozialplanung_de.qm",
        "styles/offers_per_population.qml",
    ):
        assert (plugin_dir / name).exists(), name
    assert not list(plugin_dir.rglob("__pycache__"))


def test_enable_list_and_run_through_qgis_process(installed, examples, tmp_path):
    config, _ = installed
    enabled = qgis_process(config, "plugins", "enable", "sozialplanung")
    assert enabled.returncode == 0, enabled.stderr
    listing = qgis_process(config, "list")
    assert listing.returncode == 0, listing.stderr
    assert "sozialplanung:offersperpopulation" in listing.stdout
    out = tmp_path / "opp.gpkg"
    run = qgis_process(config, *offersperpopulation_args(examples["offers"], out))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "double free" not in run.stderr and "Traceback" not in run.stderr
    result = json.loads(run.stdout)
    assert result["results"]["OUTPUT"].startswith(str(out))
    gdf = read_vector(out)
    assert len(gdf) == 49 and gdf["offers"].sum() == len(read_vector(examples["offers"]))
