"""``sozialplanung:atlas``: the Sozialplanungsatlas (project, layouts, maps, PDF)."""

from __future__ import annotations

import re
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from .atlas_project import build_atlas
from .atlas_sources import sources_of_layers, sources_of_schema
from .base import SozialplanungAlgorithm


def gpkg_of(value: str) -> str:
    """The file behind ``value``: a path, ``path|layername=x`` or ``ogr:dbname='path' ...``.

    So that the atlas can follow a layer output in a Processing model.
    """
    text = (value or "").strip()
    if text.startswith("ogr:"):
        match = re.search(r"dbname='([^']+)'", text) or re.search(r"dbname=(\S+)", text)
        text = match.group(1) if match else text[4:]
    return text.split("|", 1)[0]


class AtlasAlgorithm(SozialplanungAlgorithm):
    """Build the QGIS project, one print layout per theme, PNG maps and the PDF."""

    INPUT = "INPUT"
    LAYERS = "LAYERS"
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"
    BASEMAP = "BASEMAP"
    TITLE = "TITLE"
    DATA_YEAR = "DATA_YEAR"
    SYNTHETIC = "SYNTHETIC"
    REGIONS = "REGIONS"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    PROJECT = "PROJECT"
    PDF = "PDF"
    MAPS = "MAPS"
    PROFILES = "PROFILES"

    GROUP_ID = "sozialformel"

    def name(self) -> str:
        return "atlas"

    def displayName(self) -> str:
        return self.tr("Sozialplanungsatlas (project, maps, PDF)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Turns the atlas GeoPackage (the outputs of the other Sozialplanung algorithms, "
            "each with its style and provenance) into a QGIS project "
            "'sozialplanungsatlas.qgz' with the groups Base map, Hilfeportal, "
            "Catchments, Density and accessibility and Sozialformel, one A4 print "
            "layout per theme with layers (title, map of the mainland Kreis with Helgoland "
            "as an inset, legend, scale bar, north arrow, attribution, data year and the "
            "label 'synthetic example values' where values are synthetic), the maps as "
            "PNG (150 dpi) in 'maps/' and all of them in 'atlas.pdf'. Group names and "
            "map texts are in the language of QGIS.\n\n"
            "Layers are assigned to themes by their names (for example einzugsgebiete_*, "
            "sozialformel*, angebote_je_*); others go to the group 'Other layers'. "
            "GeoTIFFs beside the GeoPackage are added too. The municipalities and the "
            "Kreis boundary are copied into the GeoPackage from the base map GeoPackage "
            "when missing, so the atlas is self-contained; the project stores relative "
            "paths, so the output folder can be moved. A rerun replaces the outputs once "
            "all of them are written: a failed or cancelled run leaves the previous ones as "
            "they were.\n\n"
            "With the Sozialformel's outputs (sozialformel, sozialformel_jahre, "
            "sozialformel_gruppen) and the planning-region table, the atlas also has a map "
            "of the planning regions and their ranking per year with the change against the "
            "previous year, and 'gemeindesteckbriefe.pdf': one page per municipality (a QGIS "
            "atlas) with the indicators over the years, rank and change, offers and their "
            "reach. Withheld values (data protection) are printed as 'withheld', never "
            "their rank or change.\n\n"
            "Instead of a GeoPackage the atlas takes layers (for example all layers of the "
            "open project, with their styles there) or every table of a schema of a PostGIS "
            "connection. It runs in the background: QGIS stays usable, with progress and "
            "cancel."
        )

    def flags(self):
        # runs in the background: the layers are opened again in the algorithm's thread
        # (prepareAlgorithm takes the project's layers on the main thread), and the
        # project and its layouts are the algorithm's own, not the open project
        return super().flags()

    def prepareAlgorithm(self, parameters, context, feedback) -> bool:
        """On the main thread: what the atlas takes from the open project or a database."""
        self._sources = None
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
        connection = self.parameterAsConnectionName(parameters, self.DATABASE, context)
        schema = self.parameterAsSchema(parameters, self.SCHEMA, context)
        sources = sources_of_layers(layers) if layers else []
        if connection:
            if not schema:
                raise QgsProcessingException(
                    self.tr("Choose the schema of the database connection '{name}'.").format(
                        name=connection
                    )
                )
            sources += sources_of_schema(connection, schema)
        if sources:
            self._sources = sources
        return True

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                self.tr("Atlas GeoPackage (or a layer in it)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.LAYERS,
                self.tr("Or: layers (for example those of the open project)"),
                QgsProcessing.SourceType.TypeMapLayer,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                self.DATABASE,
                self.tr("Or: PostGIS database connection"),
                "postgres",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterDatabaseSchema(
                self.SCHEMA,
                self.tr("Schema of the database connection (every table of it)"),
                self.DATABASE,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.BASEMAP,
                self.tr("Base map GeoPackage (layers gemeinden and kreis)"),
                extension="gpkg",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TITLE,
                self.tr("Title"),
                defaultValue="Sozialplanungsatlas Kreis Pinneberg",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DATA_YEAR,
                self.tr("Data year (empty: from the layers' provenance)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SYNTHETIC,
                self.tr("Label every map as synthetic example values"),
                defaultValue=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.REGIONS,
                self.tr(
                    "Planning regions: table municipality → planning region (CSV with ags "
                    "and planungsraum)"
                ),
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER, self.tr("Output folder (project, maps, PDF)")
            )
        )
        self.addOutput(QgsProcessingOutputFile(self.PROJECT, self.tr("QGIS project")))
        self.addOutput(QgsProcessingOutputFile(self.PDF, self.tr("Atlas PDF")))
        self.addOutput(QgsProcessingOutputFolder(self.MAPS, self.tr("Maps (PNG)")))
        self.addOutput(QgsProcessingOutputNumber("LAYOUTS", self.tr("Number of maps")))
        self.addOutput(QgsProcessingOutputFile(self.PROFILES, self.tr("Gemeindesteckbrief (PDF)")))
        self.addOutput(
            QgsProcessingOutputNumber("PROFILE_PAGES", self.tr("Pages of the Gemeindesteckbrief"))
        )

    def compute(self, parameters, context, feedback):
        sources = getattr(self, "_sources", None)
        gpkg = gpkg_of(self.parameterAsFile(parameters, self.INPUT, context))
        if sources and gpkg:
            raise QgsProcessingException(
                self.tr(
                    "Give either the atlas GeoPackage or layers and a database connection, "
                    "not both."
                )
            )
        if sources:
            gpkg = None
        elif not gpkg and not sources:
            raise QgsProcessingException(
                self.tr("Give the atlas GeoPackage, layers or a database connection with a schema.")
            )
        elif not Path(gpkg).exists():
            raise QgsProcessingException(
                self.tr("The atlas GeoPackage '{path}' does not exist.").format(path=gpkg)
            )
        basemap = self.parameterAsFile(parameters, self.BASEMAP, context) or None
        out_dir = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        title = self.parameterAsString(parameters, self.TITLE, context)
        data_year = self.parameterAsString(parameters, self.DATA_YEAR, context) or None
        synthetic = True if self.parameterAsBool(parameters, self.SYNTHETIC, context) else None
        result = build_atlas(
            gpkg,
            out_dir,
            title=title or "Sozialplanungsatlas Kreis Pinneberg",
            data_year=data_year,
            synthetic=synthetic,
            basemap=basemap,
            regions=self.parameterAsFile(parameters, self.REGIONS, context) or None,
            sources=sources if gpkg is None else None,
            feedback=feedback,
            staged=self._staged,  # swapped in when the run has succeeded
        )
        for theme, path in result.maps.items():
            feedback.pushInfo(self.tr("Map '{theme}': {path}").format(theme=theme, path=path))
        if result.profiles_pdf is not None:
            feedback.pushInfo(
                self.tr("Gemeindesteckbrief: {pages} pages in {path}").format(
                    pages=result.profile_pages, path=result.profiles_pdf
                )
            )
        return {
            self.OUTPUT_FOLDER: out_dir,
            self.PROJECT: str(result.project),
            self.PDF: str(result.pdf),
            self.MAPS: str(result.project.parent / "maps"),
            "LAYOUTS": len(result.maps),
            self.PROFILES: str(result.profiles_pdf or ""),
            "PROFILE_PAGES": result.profile_pages,
        }
