"""The Sozialformel and the surface chained in a Graphical Modeler model (real QGIS)."""

import rasterio
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProject,
)

from geolib.io import read_vector
from tests._qgis import recording_feedback
from tests.conftest import KREIS_GPKG


def _child(alg_id, child_id, static, outputs):
    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    for name, value in static.items():
        if isinstance(value, tuple):  # (child id, output name)
            source = QgsProcessingModelChildParameterSource.fromChildOutput(*value)
        else:
            source = QgsProcessingModelChildParameterSource.fromStaticValue(value)
        child.addParameterSources(name, [source])
    model_outputs = {}
    for model_name, output_name in outputs.items():
        out = QgsProcessingModelOutput(model_name)
        out.setChildOutputName(output_name)
        out.setChildId(child_id)
        model_outputs[model_name] = out
    child.setModelOutputs(model_outputs)
    return child


def test_sozialformel_then_surface_in_a_model(examples, tmp_path):
    import processing  # on sys.path once QGIS is started (session fixture)

    model = QgsProcessingModelAlgorithm("sozialformel_surface", "tests")
    model.addChildAlgorithm(
        _child(
            "sozialplanung:sozialformel",
            "sf",
            {
                "AREAS": f"{KREIS_GPKG}|layername=gemeinden",
                "AREA_KEY": "AGS",
                "TABLE": str(examples["indikatoren_csv"]),
                "YEARS": "2022-2023",
            },
            {"index": "OUTPUT", "groups": "OUTPUT_GROUPS"},
        )
    )
    model.addChildAlgorithm(
        _child(
            "sozialplanung:surface",
            "surf",
            {"AREAS": ("sf", "OUTPUT"), "FIELD": "index_value", "METHOD": 0, "PIXEL_SIZE": 2000},
            {"surface": "OUTPUT"},
        )
    )
    model.updateDestinationParameters()
    index_path = tmp_path / "index.gpkg"
    surface_path = tmp_path / "index.tif"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    groups_path = tmp_path / "groups.gpkg"
    feedback = recording_feedback()
    results = processing.run(
        model,
        {
            "sf:index": str(index_path),
            "sf:groups": str(groups_path),
            "surf:surface": str(surface_path),
        },
        feedback=feedback,
        context=context,
    )
    assert results["surf:surface"] == str(surface_path)
    # no group table: no empty groups table, and the model still runs
    assert not groups_path.exists() and not results.get("sf:groups")
    assert "No group table: the groups output is not written." in feedback.text
    areas = read_vector(index_path)
    with rasterio.open(surface_path) as src:
        values = src.read(1)
    inside = values[values != src.nodata]
    assert len(areas) == 49 and len(inside)
    # area-weighted values stay within the range of the area values
    assert inside.min() >= areas["index_value"].min() - 1e-9
    assert inside.max() <= areas["index_value"].max() + 1e-9
