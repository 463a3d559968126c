"""models/sozialplanungsatlas.model3 loads as a Processing model and runs in qgis_process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import KREIS_GPKG, ROOT
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process

MODEL = ROOT / "models" / "sozialplanungsatlas.model3"


def test_model_loads_with_its_chain():
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert model.name() == "sozialplanungsatlas"
    children = model.childAlgorithms()
    assert {c.algorithmId() for c in children.values()} == {
        "sozialplanung:offersperpopulation",
        "sozialplanung:atlas",
    }
    # every child algorithm is found in the registry (a model with a missing one is broken)
    assert all(c.algorithm() is not None for c in children.values())
    assert [d.childId for d in children["atlas"].dependencies()] == ["opp"]
    names = {p.name() for p in model.parameterDefinitions()}
    assert {"OFFERS", "AREAS", "POPULATION_FIELD", "BASEMAP"} <= names
    assert {"opp:angebote_je_einwohner", "atlas:atlas"} <= names
    for child_id in children:
        valid, issues = model.validateChildAlgorithm(child_id)
        assert valid, (child_id, issues)


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    base = tmp_path_factory.mktemp("model")
    config, _ = fresh_profile(base, build_zip(base))
    enabled = qgis_process(config, "plugins", "enable", "sozialplanung")
    assert enabled.returncode == 0, enabled.stderr
    return config


def test_model_runs_with_qgis_process(profile, examples, tmp_path):
    from qgis.core import QgsProject

    atlas_dir = tmp_path / "atlas"
    atlas_dir.mkdir()
    gpkg = atlas_dir / "sozialplanungsatlas.gpkg"
    run = qgis_process(
        profile,
        "--json",
        "run",
        str(MODEL),
        "--",
        f"OFFERS={examples['offers']}",
        f"AREAS={KREIS_GPKG}|layername=gemeinden",
        "POPULATION_FIELD=EWZ_2018",
        f"BASEMAP={KREIS_GPKG}",
        f"opp:angebote_je_einwohner=ogr:dbname='{gpkg}' table=\"angebote_je_einwohner\" (geom)",
        f"atlas:atlas={atlas_dir}",
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    results = json.loads(run.stdout)["results"]
    assert Path(results["atlas:atlas"]) == atlas_dir
    assert sorted(p.name for p in (atlas_dir / "maps").iterdir()) == [
        "dichte_erreichbarkeit.png",
        "grundlagen.png",
    ]
    assert (atlas_dir / "atlas.pdf").read_bytes().startswith(b"%PDF")
    project = QgsProject()
    assert project.read(str(atlas_dir / "sozialplanungsatlas.qgz"))
    tables = sorted(layer.shortName() for layer in project.mapLayers().values())
    assert tables == ["angebote_je_einwohner", "gemeinden", "kreis"]
    assert all(layer.isValid() for layer in project.mapLayers().values())
