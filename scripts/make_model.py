"""Generate models/sozialplanungsatlas.model3, the main job as a Processing model.

The model is built with QGIS's own model API and saved as .model3 (QGIS 3.22), so it
opens in the Graphical Modeler and runs with ``qgis_process.bin run <file> -- ...``.
Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_model.py``.

To add an algorithm when it lands: add a ``QgsProcessingModelChildAlgorithm`` below
(its inputs from model parameters or other children), make its layer output a model
output named like a theme pattern of ``processing_algorithms/atlas_project.THEMES``
(for example ``einzugsgebiete_fuss``), and add the child id to the atlas child's
dependencies, so the atlas is built after every layer is written.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Qt writes XML attributes in hash order; a fixed seed keeps the file stable across runs
os.environ.setdefault("QT_HASH_SEED", "0")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
MODEL = ROOT / "models" / "sozialplanungsatlas.model3"


def build_model():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterFile,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm(
        "sozialplanungsatlas", "Sozialplanung", "sozialplanung_modelle"
    )
    model.setHelpContent(
        {
            "ALG_DESC": (
                "Sozialplanungsatlas Kreis Pinneberg: Angebote je Einwohner in die "
                "Atlas-GeoPackage schreiben, dann Projekt, Karten (PNG) und PDF erzeugen. "
                "Offers per inhabitants into the atlas GeoPackage, then the QGIS project, "
                "the maps and the PDF."
            ),
            "OFFERS": "Angebote (Punkte), z. B. data/examples/offers.gpkg",
            "AREAS": "Gemeinden (Flächen) mit Einwohnerzahl",
            "POPULATION_FIELD": "Feld der Einwohnerzahl (EWZ_2018)",
            "BASEMAP": "GeoPackage mit den Ebenen gemeinden und kreis",
        }
    )

    def parameter(definition, x, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)

    parameter(
        QgsProcessingParameterFeatureSource(
            "OFFERS", "Angebote (Punkte)", [QgsProcessing.TypeVectorPoint]
        ),
        120,
        60,
    )
    parameter(
        QgsProcessingParameterFeatureSource(
            "AREAS", "Gemeinden (Flächen)", [QgsProcessing.TypeVectorPolygon]
        ),
        340,
        60,
    )
    parameter(
        QgsProcessingParameterField(
            "POPULATION_FIELD",
            "Einwohnerfeld",
            defaultValue="EWZ_2018",
            parentLayerParameterName="AREAS",
            type=QgsProcessingParameterField.Numeric,
        ),
        560,
        60,
    )
    parameter(
        QgsProcessingParameterFile(
            "BASEMAP", "Grundkarte (GeoPackage mit gemeinden, kreis)", optional=True
        ),
        780,
        60,
    )

    def model_param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    opp = QgsProcessingModelChildAlgorithm("sozialplanung:offersperpopulation")
    opp.setChildId("opp")
    opp.setDescription("Angebote je Einwohner")
    opp.setPosition(QPointF(340, 220))
    opp.addParameterSources("OFFERS", model_param("OFFERS"))
    opp.addParameterSources("AREAS", model_param("AREAS"))
    opp.addParameterSources("POPULATION_FIELD", model_param("POPULATION_FIELD"))
    opp.addParameterSources(
        "CATEGORY_FIELD", [QgsProcessingModelChildParameterSource.fromStaticValue(None)]
    )
    opp.addParameterSources("PER", [QgsProcessingModelChildParameterSource.fromStaticValue(1000)])
    layer_out = QgsProcessingModelOutput("angebote_je_einwohner", "angebote_je_einwohner")
    layer_out.setChildId("opp")
    layer_out.setChildOutputName("OUTPUT")
    layer_out.setDescription("angebote_je_einwohner")
    layer_out.setPosition(QPointF(560, 300))
    opp.setModelOutputs({"angebote_je_einwohner": layer_out})
    model.addChildAlgorithm(opp)

    atlas = QgsProcessingModelChildAlgorithm("sozialplanung:atlas")
    atlas.setChildId("atlas")
    atlas.setDescription("Sozialplanungsatlas (Projekt, Karten, PDF)")
    atlas.setPosition(QPointF(340, 400))
    # the atlas GeoPackage is the one the layer output was written into
    atlas.addParameterSources(
        "INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("opp", "OUTPUT")]
    )
    atlas.addParameterSources("BASEMAP", model_param("BASEMAP"))
    atlas.addParameterSources(
        "TITLE",
        [
            QgsProcessingModelChildParameterSource.fromStaticValue(
                "Sozialplanungsatlas Kreis Pinneberg"
            )
        ],
    )
    atlas.addParameterSources(
        "SYNTHETIC", [QgsProcessingModelChildParameterSource.fromStaticValue(False)]
    )
    atlas.setDependencies([QgsProcessingModelChildDependency("opp")])
    folder_out = QgsProcessingModelOutput("atlas", "atlas")
    folder_out.setChildId("atlas")
    folder_out.setChildOutputName("OUTPUT_FOLDER")
    folder_out.setDescription("atlas")
    folder_out.setPosition(QPointF(560, 480))
    atlas.setModelOutputs({"atlas": folder_out})
    model.addChildAlgorithm(atlas)
    return model


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests._qgis import start_qgis

    start_qgis()
    model = build_model()
    MODEL.parent.mkdir(exist_ok=True)
    if not model.toFile(str(MODEL)):
        raise SystemExit(f"could not write {MODEL}")
    print(MODEL.relative_to(ROOT))


if __name__ == "__main__":
    main()
