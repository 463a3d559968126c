"""models/sozialplanungsatlas.model3: a Processing model of the provider, run in qgis_process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import KREIS_GPKG, ROOT
from tests.plugin._helpers import build_zip, fresh_profile, qgis_process

MODEL = ROOT / "models" / "sozialplanungsatlas.model3"
#: the model in the provider (its id: provider id and model name)
MODEL_ID = "sozialplanung:sozialplanungsatlas"


STEPS = {
    "opp": "sozialplanung:offersperpopulation",
    "catchments": "sozialplanung:catchments",
    "density": "sozialplanung:offerdensity",
    "sozialformel": "sozialplanung:sozialformel",
    "accessibility": "sozialplanung:accessibility",
    "surface": "sozialplanung:surface",
    "atlas": "sozialplanung:atlas",
}


def test_model_loads_with_its_chain():
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert model.name() == "sozialplanungsatlas"
    children = model.childAlgorithms()
    assert {k: c.algorithmId() for k, c in children.items()} == STEPS
    # every child algorithm is found in the registry (a model with a missing one is broken)
    assert all(c.algorithm() is not None for c in children.values())
    # the atlas is built last, after every layer is written
    assert {d.childId for d in children["atlas"].dependencies()} == set(STEPS) - {"atlas"}
    # accessibility and the surface use the Sozialformel layer (its children under 15)
    for child_id in ("accessibility", "surface"):
        assert model.dependsOnChildAlgorithms(child_id) == {"sozialformel"}
    names = {p.name() for p in model.parameterDefinitions()}
    inputs = {"AREAS", "OFFERS", "TABLE", "GROUPS", "NETWORK", "CATCHMENT_MODE", "BASEMAP"}
    assert inputs <= names
    outputs = {
        "opp:angebote_je_einwohner",
        "catchments:einzugsgebiete",
        "density:angebotsdichte",
        "sozialformel:sozialformel",
        "accessibility:erreichbarkeit_kinder",
        "surface:kinder_unter_15_oberflaeche",
        "atlas:atlas",
    }
    assert outputs <= names
    for child_id in children:
        valid, issues = model.validateChildAlgorithm(child_id)
        assert valid, (child_id, issues)


def test_the_provider_has_the_model_with_its_steps():
    """In the toolbox, inside the provider; its steps found (they are the same provider's)."""
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().algorithmById(MODEL_ID)
    assert model is not None
    assert model.provider().id() == "sozialplanung"
    assert model.sourceFilePath().endswith("models/sozialplanungsatlas.model3")
    assert all(c.algorithm() is not None for c in model.childAlgorithms().values())
    # the model's outputs come from its steps: missing if a step was not found on loading
    assert model.parameterDefinition("atlas:atlas") is not None
    assert {o.name() for o in model.outputDefinitions()} >= {
        "atlas:atlas",
        "opp:angebote_je_einwohner",
    }


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    """A fresh profile with the plugin, in German (as ``make demo`` runs QGIS)."""
    base = tmp_path_factory.mktemp("model")
    config, _ = fresh_profile(base, build_zip(base))
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[locale]\noverrideFlag=true\nuserLocale=de\n", encoding="utf-8")
    enabled = qgis_process(config, "plugins", "enable", "sozialplanung")
    assert enabled.returncode == 0, enabled.stderr
    return config


def test_the_installed_plugin_lists_the_model(profile):
    listing = qgis_process(profile, "list")
    assert listing.returncode == 0, listing.stderr
    assert MODEL_ID in listing.stdout
    helped = qgis_process(profile, "help", MODEL_ID)
    assert helped.returncode == 0, helped.stderr
    assert "atlas:atlas" in helped.stdout and "AREAS" in helped.stdout


def test_model_runs_with_qgis_process(profile, examples, tmp_path):
    from qgis.core import QgsNumericFormatContext, QgsProject

    atlas_dir = tmp_path / "atlas"
    atlas_dir.mkdir()
    gpkg = atlas_dir / "sozialplanungsatlas.gpkg"

    def table(name: str) -> str:
        return f"ogr:dbname='{gpkg}' table=\"{name}\" (geom)"

    run = qgis_process(
        profile,
        "--json",
        "run",
        MODEL_ID,
        "--",
        f"AREAS={KREIS_GPKG}|layername=gemeinden",
        "AREA_KEY=AGS",
        "POPULATION_FIELD=EWZ_2018",
        f"OFFERS={examples['offers']}",
        f"TABLE={examples['indikatoren_csv']}",
        "YEARS=2022-2023",
        f"GROUPS={examples['planungsraeume']}",
        "GROUP_FIELD=planungsraum,kreis",
        "CATCHMENT_MODE=1",
        "BREAKS=5,15",
        f"BASEMAP={KREIS_GPKG}",
        "SYNTHETIC=true",
        f"opp:angebote_je_einwohner={table('angebote_je_einwohner')}",
        f"catchments:einzugsgebiete={table('einzugsgebiete')}",
        f"catchments:erreichte_bevoelkerung={table('erreichte_bevoelkerung')}",
        f"density:angebotsdichte={atlas_dir / 'angebotsdichte.tif'}",
        f"sozialformel:sozialformel={table('sozialformel')}",
        f"accessibility:erreichbarkeit_kinder={table('erreichbarkeit_kinder')}",
        f"surface:kinder_unter_15_oberflaeche={atlas_dir / 'kinder_unter_15_oberflaeche.tif'}",
        f"atlas:atlas={atlas_dir}",
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "Traceback" not in run.stderr
    results = json.loads(run.stdout)["results"]
    assert Path(results["atlas:atlas"]) == atlas_dir
    assert sorted(p.name for p in (atlas_dir / "maps").iterdir()) == [
        "dichte_erreichbarkeit.png",
        "dichte_erreichbarkeit_angebotsdichte.png",
        "dichte_erreichbarkeit_erreichbarkeit_kinder.png",
        "einzugsgebiete.png",
        "grundlagen.png",
        "sozialformel.png",
        "sozialformel_kinder_unter_15_oberflaeche.png",
    ]
    assert (atlas_dir / "atlas.pdf").read_bytes().startswith(b"%PDF")
    project = QgsProject()
    assert project.read(str(atlas_dir / "sozialplanungsatlas.qgz"))
    layers = {layer.shortName() or layer.name(): layer for layer in project.mapLayers().values()}
    assert all(layer.isValid() for layer in layers.values())
    root = project.layerTreeRoot()
    groups = {
        group.name(): sorted(
            child.layer().shortName() or child.layer().name() for child in group.findLayers()
        )
        for group in root.children()
        if hasattr(group, "findLayers")
    }
    assert {"angebote_je_einwohner", "erreichbarkeit_kinder"} <= set(
        groups["Dichte und Erreichbarkeit"]
    )
    assert {"einzugsgebiete", "erreichte_bevoelkerung"} <= set(groups["Einzugsgebiete"])
    assert "sozialformel" in groups["Sozialformel"]
    # the maps of a German QGIS are German, numbers included
    layout = project.layoutManager().layoutByName("Einzugsgebiete")
    assert layout.itemById("legend").title() == "Legende"
    assert layout.itemById("data_year").text().startswith("Datenjahr: ")
    scale = layout.itemById("scalebar").numericFormat()
    assert scale.formatDouble(2.5, QgsNumericFormatContext()) == "2,5"
    # the 15-minute walk as a straight line reaches fewer people than the whole Kreis
    import pyogrio

    reached = pyogrio.read_dataframe(gpkg, layer="erreichte_bevoelkerung")
    assert set(reached["break_min"]) == {5, 15}
    fifteen = reached[reached["break_min"] == 15]
    assert 0 < fifteen["reached"].sum() < fifteen["population"].sum()
