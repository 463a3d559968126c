"""sozialplanung:sozialbericht in real QGIS Processing, on the Sozialformel's own outputs."""

from __future__ import annotations

import json
import re

import pytest
from qgis.core import QgsApplication

from geolib.sozialbericht import DATA_GLOBAL
from tests._qgis import run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG

AREAS = f"{KREIS_GPKG}|layername=gemeinden"


@pytest.fixture(scope="module")
def sozialformel(examples, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sozialbericht")
    params = {
        "AREAS": AREAS,
        "AREA_KEY": "AGS",
        "TABLE": str(examples["indikatoren_csv"]),
        "GROUPS": str(examples["planungsraeume"]),
        "GROUP_FIELD": "planungsraum,kreis,groesse",
        "OUTPUT": str(tmp / "sf.gpkg"),
        "OUTPUT_TABLE": str(tmp / "sf_jahre.gpkg"),
        "OUTPUT_GROUPS": str(tmp / "sf_gruppen.gpkg"),
    }
    run_algorithm("sozialplanung:sozialformel", params)
    return params, tmp


def _data(folder):
    text = (folder / "data.js").read_text(encoding="utf-8")
    prefix = f"window.{DATA_GLOBAL} = "
    assert text.startswith(prefix)
    return json.loads(text[len(prefix) :].rstrip().rstrip(";"))


def test_registered_in_the_sozialformel_group():
    alg = QgsApplication.processingRegistry().algorithmById("sozialplanung:sozialbericht")
    assert alg is not None and alg.group() == "Sozialformel"
    assert [p.name() for p in alg.parameterDefinitions()] == [
        "AREAS",
        "AREA_KEY",
        "AREA_YEARS",
        "GROUP_YEARS",
        "GROUPS",
        "GROUP_FIELD",
        "CONFIG",
        "TITLE",
        "SOURCES",
        "OUTPUT_FOLDER",
    ]


def test_folder_is_written_from_the_sozialformel_outputs(sozialformel, examples, tmp_path):
    sf, _ = sozialformel
    out = tmp_path / "bericht"
    results, feedback = run_algorithm(
        "sozialplanung:sozialbericht",
        {
            "AREAS": sf["OUTPUT"],
            "AREA_YEARS": sf["OUTPUT_TABLE"],
            "GROUP_YEARS": sf["OUTPUT_GROUPS"],
            "GROUPS": str(examples["planungsraeume"]),
            "OUTPUT_FOLDER": str(out),
        },
    )
    assert results["OUTPUT_FOLDER"] == str(out)
    assert results["INDEX"] == str(out / "index.html")
    assert (out / "vendor" / "uplot-1.6.32" / "uPlot.iife.min.js").is_file()
    assert (out / "vendor" / "uplot-1.6.32" / "LICENSE").is_file()
    html = (out / "index.html").read_text(encoding="utf-8")
    assert not re.search(r'(src|href)="https?://', html)
    data = _data(out)
    assert data["years"] == [2019, 2020, 2021, 2022, 2023]
    assert len(data["areas"]) == 49 and len(data["regions"]) == 19
    assert data["comparison"]["name"] == "Kreis Pinneberg"
    assert data["synthetic"] is True
    assert any("GeoBasis-DE" in s for s in data["sources"])
    # the rates the Sozialformel suppressed are withheld in the report
    assert any(
        v == {"withheld": True}
        for a in data["areas"]
        for e in a["years"].values()
        for v in e.get("indicators", {}).values()
    )
    assert "Sozialbericht" in feedback.text


def test_a_wrong_group_field_is_named(sozialformel, examples, tmp_path):
    sf, _ = sozialformel
    message = run_algorithm_error(
        "sozialplanung:sozialbericht",
        {
            "AREAS": sf["OUTPUT"],
            "AREA_YEARS": sf["OUTPUT_TABLE"],
            "GROUP_YEARS": sf["OUTPUT_GROUPS"],
            "GROUPS": str(examples["planungsraeume"]),
            "GROUP_FIELD": "amt",
            "OUTPUT_FOLDER": str(tmp_path / "x"),
        },
    )
    assert "amt" in message and "planungsraum" in message
