"""The Sozialformel and the surface from the installed plugin zip through qgis_process."""

import json

import pyogrio
import pytest
import rasterio

from geolib.io import SYNTHETIC_LABEL, read_provenance
from tests.conftest import KREIS_GPKG
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("zip_sozialformel")
    config, plugin_dir = fresh_profile(base, build_zip(base))
    enabled = qgis_process(config, "plugins", "enable", "sozialplanung")
    assert enabled.returncode == 0, enabled.stderr
    return config, plugin_dir


def test_preset_and_styles_are_in_the_zip(installed):
    _, plugin_dir = installed
    for name in (
        "geolib/presets/sozialformel_pinneberg.toml",
        "styles/sozialformel.qml",
        "styles/surface.qml",
    ):
        assert (plugin_dir / name).exists(), name


def test_sozialformel_and_surface_run_through_qgis_process(installed, examples, tmp_path):
    config, _ = installed
    atlas = tmp_path / "atlas.gpkg"
    report = tmp_path / "bericht.html"
    run = qgis_process(
        config,
        "--json",
        "run",
        "sozialplanung:sozialformel",
        "--",
        f"AREAS={KREIS_GPKG}|layername=gemeinden",
        "AREA_KEY=AGS",
        f"TABLE={examples['indikatoren_csv']}",
        f"GROUPS={examples['planungsraeume']}",
        "GROUP_FIELD=planungsraum,kreis,groesse",
        f"OUTPUT=ogr:dbname='{atlas}' table=\"sozialformel\" (geom)",
        f"OUTPUT_GROUPS=ogr:dbname='{atlas}' table=\"gruppen\" (geom)",
        f"OUTPUT_REPORT={report}",
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    results = json.loads(run.stdout)["results"]
    assert set(results) >= {"OUTPUT", "OUTPUT_GROUPS", "OUTPUT_REPORT"}
    areas = pyogrio.read_dataframe(atlas, layer="sozialformel")
    assert len(areas) == 49
    assert (areas["index_value"].notna() == (areas["index_suppression"] == "none")).all()
    assert read_provenance(atlas, "sozialformel")["synthetic"] is True
    assert SYNTHETIC_LABEL in report.read_text(encoding="utf-8")
    surface = tmp_path / "kinder.tif"
    run = qgis_process(
        config,
        "--json",
        "run",
        "sozialplanung:surface",
        "--",
        f"AREAS={atlas}|layername=sozialformel",
        "FIELD=kinderarmut_den",
        "METHOD=1",
        "PIXEL_SIZE=1000",
        f"OUTPUT={surface}",
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    with rasterio.open(surface) as src:
        values = src.read(1)
    total = values[values != src.nodata].sum()
    assert total == pytest.approx(areas["kinderarmut_den"].sum())
    assert surface.with_suffix(".qml").exists()
