"""Generate models/sozialplanungsatlas.model3, the whole atlas chain as a Processing model.

Steps: offersperpopulation, catchments (network or straight line), offerdensity,
sozialformel, accessibility and surface (both on the Sozialformel layer), then atlas.

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

#: the model's help (German first, English after), shown in the dialog and the modeler
HELP = {
    "ALG_DESC": (
        "Sozialplanungsatlas Kreis Pinneberg in einem Lauf: Angebote je Einwohner, "
        "Einzugsgebiete (Straßennetz oder Luftlinie), Angebotsdichte, Sozialformel, "
        "Erreichbarkeit für Kinder (2SFCA) und die Oberfläche der Kinder unter 15 in eine "
        "GeoPackage (Raster als GeoTIFF daneben), dann Projekt, Karten (PNG) und PDF. "
        "The whole atlas chain: every layer into one GeoPackage (rasters as GeoTIFF beside "
        "it), then the QGIS project, the maps and the PDF."
    ),
    "AREAS": "Gemeinden (Flächen) mit Gemeindeschlüssel und Einwohnerzahl",
    "AREA_KEY": "Feld des Gemeindeschlüssels (AGS), wie in der Indikatorentabelle",
    "POPULATION_FIELD": "Feld der Einwohnerzahl (EWZ_2018)",
    "OFFERS": "Angebote (Punkte), z. B. data/examples/offers.gpkg",
    "TABLE": "Indikatorentabelle je Gemeinde und Jahr (Spalten: siehe docs/BENUTZERHANDBUCH.md)",
    "YEARS": "Jahre der Sozialformel, z. B. 2019-2023 (leer: alle)",
    "GROUPS": "Planungsraum-Tabelle: ags und je Gliederung eine Spalte",
    "GROUP_FIELD": "Gliederungsspalten der Planungsraum-Tabelle, durch Komma getrennt",
    "NETWORK": "Straßennetz (Linien) für Einzugsgebiete auf dem Netz",
    "CATCHMENT_MODE": "Straßennetz (braucht das Netz) oder Luftlinie (Gehzeit bei 4,5 km/h)",
    "BREAKS": "Gehzeiten in Minuten, durch Komma getrennt",
    "BASEMAP": "GeoPackage mit den Ebenen gemeinden und kreis",
    "SYNTHETIC": "Karten mit dem Hinweis „synthetische Beispielwerte“",
}


def build_model():
    from qgis.core import (
        QgsApplication,
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildDependency,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterBoolean,
        QgsProcessingParameterEnum,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterField,
        QgsProcessingParameterFile,
        QgsProcessingParameterString,
    )
    from qgis.PyQt.QtCore import QPointF

    model = QgsProcessingModelAlgorithm(
        "sozialplanungsatlas", "Sozialplanung", "sozialplanung_modelle"
    )
    model.setHelpContent(HELP)

    def parameter(definition, x, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)

    def field(name, label, default, parent, numeric=False):
        kind = (
            QgsProcessingParameterField.DataType.Numeric
            if numeric
            else QgsProcessingParameterField.DataType.Any
        )
        return QgsProcessingParameterField(
            name, label, defaultValue=default, parentLayerParameterName=parent, type=kind
        )

    # --- inputs, left to right along the top -------------------------------------------------
    inputs = [
        QgsProcessingParameterFeatureSource(
            "AREAS",
            "Gemeinden (Flächen mit Einwohnerzahl)",
            [QgsProcessing.SourceType.TypeVectorPolygon],
        ),
        field("AREA_KEY", "Gemeindeschlüssel (AGS)", "AGS", "AREAS"),
        field("POPULATION_FIELD", "Einwohnerfeld", "EWZ_2018", "AREAS", numeric=True),
        QgsProcessingParameterFeatureSource(
            "OFFERS", "Angebote (Punkte)", [QgsProcessing.SourceType.TypeVectorPoint]
        ),
        QgsProcessingParameterFeatureSource(
            "TABLE",
            "Indikatorentabelle (Tabellenlayer oder Datei: CSV, XLSX, GeoPackage, PostGIS)",
            [QgsProcessing.SourceType.TypeVector],
        ),
        QgsProcessingParameterString(
            "YEARS", "Jahre der Sozialformel, z. B. 2019-2023", optional=True
        ),
        QgsProcessingParameterFeatureSource(
            "GROUPS",
            "Planungsraum-Tabelle (AGS → Planungsraum; Tabellenlayer oder Datei)",
            [QgsProcessing.SourceType.TypeVector],
            optional=True,
        ),
        QgsProcessingParameterString(
            "GROUP_FIELD",
            "Spalten der Planungsraum-Tabelle",
            defaultValue="planungsraum,kreis,groesse",
            optional=True,
        ),
        QgsProcessingParameterFeatureSource(
            "NETWORK",
            "Straßennetz (Linien, für Netz-Einzugsgebiete)",
            [QgsProcessing.SourceType.TypeVectorLine],
            optional=True,
        ),
        QgsProcessingParameterEnum(
            "CATCHMENT_MODE",
            "Einzugsgebiete",
            options=["Straßennetz", "Luftlinie"],
            defaultValue=1,
        ),
        QgsProcessingParameterString(
            "BREAKS", "Gehzeiten der Einzugsgebiete (Minuten, 4,5 km/h)", defaultValue="5,10,15"
        ),
        QgsProcessingParameterFile(
            "BASEMAP", "Grundkarte (GeoPackage mit gemeinden, kreis)", optional=True
        ),
        QgsProcessingParameterBoolean(
            "SYNTHETIC", "Synthetische Beispielwerte (Hinweis auf den Karten)", defaultValue=False
        ),
    ]
    for i, definition in enumerate(inputs):
        parameter(definition, 120 + 200 * (i % 7), 60 + 80 * (i // 7))

    def model_param(name):
        return [QgsProcessingModelChildParameterSource.fromModelParameter(name)]

    def static(value):
        return [QgsProcessingModelChildParameterSource.fromStaticValue(value)]

    def child_output(child_id, output):
        return [QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)]

    def child(alg_id, child_id, description, x, y, sources, outputs, depends=()):
        step = QgsProcessingModelChildAlgorithm(alg_id)
        step.setChildId(child_id)
        step.setDescription(description)
        step.setPosition(QPointF(x, y))
        for name, source in sources.items():
            step.addParameterSources(name, source)
        # every other parameter with its default, so the modeler shows a complete step
        algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
        for definition in algorithm.parameterDefinitions():
            if definition.isDestination() or definition.name() in sources:
                continue
            if definition.type() == "file":  # a default path of this machine (CONFIG)
                continue
            if definition.defaultValue() is not None:
                step.addParameterSources(definition.name(), static(definition.defaultValue()))
        model_outputs = {}
        for j, (name, (child_output_name, mandatory)) in enumerate(outputs.items()):
            out = QgsProcessingModelOutput(name, name)
            out.setChildId(child_id)
            out.setChildOutputName(child_output_name)
            out.setDescription(name)
            out.setMandatory(mandatory)
            out.setPosition(QPointF(x + 180, y + 60 + 30 * j))
            model_outputs[name] = out
        step.setModelOutputs(model_outputs)
        step.setDependencies([QgsProcessingModelChildDependency(d) for d in depends])
        model.addChildAlgorithm(step)

    child(
        "sozialplanung:offersperpopulation",
        "opp",
        "Angebote je Einwohner",
        120,
        280,
        {
            "OFFERS": model_param("OFFERS"),
            "AREAS": model_param("AREAS"),
            "POPULATION_FIELD": model_param("POPULATION_FIELD"),
            "PER": static(1000),
        },
        {"angebote_je_einwohner": ("OUTPUT", True)},
    )
    child(
        "sozialplanung:catchments",
        "catchments",
        "Einzugsgebiete (Netz oder Luftlinie)",
        420,
        280,
        {
            "NETWORK": model_param("NETWORK"),
            "OFFERS": model_param("OFFERS"),
            "MODE": model_param("CATCHMENT_MODE"),
            "COST": static(0),
            "PROFILE": static(0),
            "BREAKS": model_param("BREAKS"),
            "OVERLAP": static(1),
            "SNAP_DISTANCE": static(250),
            "WALKOFF_DISTANCE": static(50),
            "POPULATION": model_param("AREAS"),
            "POPULATION_FIELD": model_param("POPULATION_FIELD"),
        },
        {
            "einzugsgebiete": ("OUTPUT", True),
            "erreichte_bevoelkerung": ("OUTPUT_POPULATION", False),
        },
    )
    child(
        "sozialplanung:offerdensity",
        "density",
        "Angebotsdichte (Kerndichte)",
        720,
        280,
        {
            "INPUT": model_param("OFFERS"),
            "RADIUS": static(1500),
            "PIXEL_SIZE": static(100),
            "KERNEL": static(0),
            "OUTPUT_VALUE": static(3),
        },
        {"angebotsdichte": ("OUTPUT", True)},
    )
    child(
        "sozialplanung:sozialformel",
        "sozialformel",
        "Sozialformel",
        1020,
        280,
        {
            "AREAS": model_param("AREAS"),
            "AREA_KEY": model_param("AREA_KEY"),
            "TABLE": model_param("TABLE"),
            "YEARS": model_param("YEARS"),
            "GROUPS": model_param("GROUPS"),
            "GROUP_FIELD": model_param("GROUP_FIELD"),
        },
        {
            "sozialformel": ("OUTPUT", True),
            "sozialformel_gruppen": ("OUTPUT_GROUPS", False),
        },
    )
    child(
        "sozialplanung:accessibility",
        "accessibility",
        "Erreichbarkeit für Kinder (2SFCA)",
        870,
        460,
        {
            "DEMAND": child_output("sozialformel", "OUTPUT"),
            "POPULATION_FIELD": static("kinderarmut_den"),
            "SUPPLY": model_param("OFFERS"),
            "METHOD": static(0),
            "MAX_COST": static(5000),
        },
        {"erreichbarkeit_kinder": ("OUTPUT", True)},
    )
    child(
        "sozialplanung:surface",
        "surface",
        "Oberfläche der Kinder unter 15",
        1170,
        460,
        {
            "AREAS": child_output("sozialformel", "OUTPUT"),
            "FIELD": static("kinderarmut_den"),
            "METHOD": static(1),
            "PIXEL_SIZE": static(100),
        },
        {"kinder_unter_15_oberflaeche": ("OUTPUT", True)},
    )
    steps = ["opp", "catchments", "density", "sozialformel", "accessibility", "surface"]
    child(
        "sozialplanung:atlas",
        "atlas",
        "Sozialplanungsatlas (Projekt, Karten, PDF)",
        570,
        640,
        {
            # the atlas GeoPackage is the one the layers were written into
            "INPUT": child_output("opp", "OUTPUT"),
            "BASEMAP": model_param("BASEMAP"),
            "TITLE": static("Sozialplanungsatlas Kreis Pinneberg"),
            "SYNTHETIC": model_param("SYNTHETIC"),
        },
        {"atlas": ("OUTPUT_FOLDER", True)},
        depends=steps,
    )
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
