"""``sozialplanung:sozialbericht``: the interactive Sozialbericht as a web folder."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from geolib.messages import N_
from geolib.sozialbericht import PINNEBERG_SOURCES, check_report, write_sozialbericht
from geolib.sozialformel import PINNEBERG_PRESET, load_config

from .base import SozialplanungAlgorithm, tr_geolib


class SozialberichtAlgorithm(SozialplanungAlgorithm):
    """Write the Sozialformel outputs as a self-contained, interactive web report."""

    AREAS = "AREAS"
    AREA_KEY = "AREA_KEY"
    AREA_YEARS = "AREA_YEARS"
    GROUP_YEARS = "GROUP_YEARS"
    GROUP_FIELD = "GROUP_FIELD"
    CONFIG = "CONFIG"
    TITLE = "TITLE"
    SOURCES = "SOURCES"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    INDEX = "INDEX"

    GROUP_ID = "sozialformel"

    def name(self) -> str:
        return "sozialbericht"

    def displayName(self) -> str:
        return self.tr("Sozialbericht (interactive web report)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Writes the outputs of the Sozialformel as an interactive report into a folder: "
            "index.html with the data (data.js), the page's script and style and the "
            "JavaScript library it uses (uPlot, included). The folder works offline: open "
            "index.html from disk or put the folder on any web server; nothing is loaded "
            "from the internet.\n\n"
            "The page shows the Sozialformel of the areas as a map per year (a year "
            "slider), the ranking of the planning regions with the change against the "
            "previous year, the municipalities of a region on a click, and each indicator "
            "over the years. Texts are in the language of QGIS, numbers in German format.\n\n"
            "Inputs: the areas (polygons with the key, e.g. the Sozialformel's areas "
            "output), the Sozialformel per area and year, optionally the Sozialformel per "
            "group and year with the mapping table of the groups (who belongs to which "
            "planning region: any table layer or file) and the preset (indicator labels; "
            "the one the Sozialformel was run with, e.g. its saved settings).\n\n"
            "Data protection: every value the Sozialformel withheld (NULL or flagged as "
            "suppressed) is left out and shown as withheld; no counts, no rank and no "
            "change that would reveal it are written. Ranks are counted among the "
            "published values."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS,
                self.tr("Areas (polygons with a key)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.AREA_KEY,
                self.tr("Key field of the areas (AGS)"),
                defaultValue="AGS",
                parentLayerParameterName=self.AREAS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA_YEARS,
                self.tr("Sozialformel per area and year"),
                [QgsProcessing.SourceType.TypeVector],
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GROUP_YEARS,
                self.tr("Sozialformel per group and year"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        self.add_groups_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.GROUP_FIELD,
                self.tr("Group field of the planning regions (empty: planungsraum)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CONFIG,
                self.tr(
                    "Preset of the Sozialformel (TOML file; empty: the built-in Kreis "
                    "Pinneberg preset)"
                ),
                behavior=QgsProcessingParameterFile.Behavior.File,
                fileFilter=self.tr("TOML (*.toml)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TITLE, self.tr("Title (empty: the configuration's title)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCES,
                self.tr("Sources and licences (one per line)"),
                defaultValue="\n".join(PINNEBERG_SOURCES),
                multiLine=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER, self.tr("Output folder (index.html and its files)")
            )
        )
        self.addOutput(QgsProcessingOutputFile(self.INDEX, self.tr("Sozialbericht (index.html)")))

    def compute(self, parameters, context, feedback):
        areas = self.read_source(parameters, self.AREAS, context, feedback)
        area_key = self.parameterAsString(parameters, self.AREA_KEY, context) or "AGS"
        table = self.read_source(parameters, self.AREA_YEARS, context, feedback)
        groups = None
        if parameters.get(self.GROUP_YEARS):
            groups = self.read_source(parameters, self.GROUP_YEARS, context, feedback)
        config_path = self.parameterAsFile(parameters, self.CONFIG, context) or None
        config = load_config(config_path)
        self._input_names[self.CONFIG] = str(config_path or PINNEBERG_PRESET)
        mapping = self.read_table_source(
            parameters, self.GROUPS, context, key=config.key, what=N_("group table")
        )
        sources = self.parameterAsString(parameters, self.SOURCES, context) or ""
        folder, staged = self._stage_report_folder(parameters, context)
        feedback.setProgress(20)
        index, notes = write_sozialbericht(
            staged,
            areas,
            table.drop(columns="geometry", errors="ignore"),
            area_key=area_key,
            groups=None if groups is None else groups.drop(columns="geometry", errors="ignore"),
            mapping=mapping,
            group_field=self.parameterAsString(parameters, self.GROUP_FIELD, context) or None,
            config=config,
            title=self.parameterAsString(parameters, self.TITLE, context) or None,
            sources=[line.strip() for line in sources.splitlines()],
            translate_text=tr_geolib,
            progress=self.progress(feedback, 20, 100),
        )
        self._staged.expect_file(staged, folder, _report_problem)
        index = folder / index.name
        self.push_notes(feedback, notes)
        feedback.pushInfo(self.tr("Sozialbericht written: {path}").format(path=index))
        return {self.OUTPUT_FOLDER: str(folder), self.INDEX: str(index)}

    def _stage_report_folder(self, parameters, context) -> tuple[Path, Path]:
        """The output folder and its staged copy: the report is written into a new
        folder beside it, checked and swapped in whole when the run has succeeded
        (files of the previous folder that the report does not write are kept)."""
        folder = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        try:
            folder.parent.mkdir(parents=True, exist_ok=True)
            return folder, self._staged.stage_folder(folder, keep_others=True)
        except OSError as exc:
            raise QgsProcessingException(
                self.tr_base("Writing the output '{name}' failed: {error}").format(
                    name=self._output_label(self.OUTPUT_FOLDER), error=exc.strerror or exc
                )
            ) from None


def _report_problem(folder: Path) -> str | None:
    problem = check_report(folder)
    return None if problem is None else tr_geolib(problem)
