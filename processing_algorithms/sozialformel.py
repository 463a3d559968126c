"""``sozialplanung:sozialformel``: composite social index per area, group and year."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from geolib.sozialformel import (
    PINNEBERG_PRESET,
    join_areas,
    load_config,
    parse_years,
    read_groups,
    read_indicator_table,
    sozialformel,
    validity_report_html,
)

from .base import SozialplanungAlgorithm, tr_geolib
from .sozialformel_outputs import write_outputs
from .styling import number


class SozialformelAlgorithm(SozialplanungAlgorithm):
    """Compute the Sozialformel per area and year, for groups, with a validity report."""

    AREAS = "AREAS"
    AREA_KEY = "AREA_KEY"
    TABLE = "TABLE"
    CONFIG = "CONFIG"
    YEARS = "YEARS"
    GROUP_FIELD = "GROUP_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_TABLE = "OUTPUT_TABLE"
    OUTPUT_GROUPS = "OUTPUT_GROUPS"
    OUTPUT_REPORT = "OUTPUT_REPORT"

    GROUP_ID = "sozialformel"

    def name(self) -> str:
        return "sozialformel"

    def displayName(self) -> str:
        return self.tr("Sozialformel")

    def shortHelpString(self) -> str:
        return self.tr(
            "Computes a composite social index (Sozialformel) per area and year from an "
            "indicator table of counts (CSV, XLSX or GeoPackage table; the key, e.g. the "
            "AGS, is read as text so leading zeros are kept).\n\n"
            "The TOML configuration (default: the Kreis Pinneberg preset) names the "
            "indicators (numerator, denominator, direction, weight), the scaling (min–max, "
            "min–max against a reference year or bounds, z-score, percentile, rank, raw), "
            "the combination (weighted mean, sum, geometric mean, product), the "
            "post-scaling to 0–100, the classes (quantile, equal interval, standard "
            "deviation, natural breaks, custom), the missing-value policy and the data "
            "protection threshold.\n\n"
            "Outputs: the areas with the latest year's values (index_value, index_rank "
            "with 1 = highest need, index_class, index_change in index points and "
            "rank_change in places against the previous year; empty without a previous "
            "year), a map per area and year, the groups of the optional mapping table "
            "(computed from pooled counts and scaled like the areas, with polygons "
            "dissolved from their members) and an HTML validity report (correlations, "
            "Cronbach's alpha, contributions, rank intervals under random weights and "
            "other scalings). The maps per year step through the years with the temporal "
            "controller.\n\n"
            "Classes: the thresholds of the reference year (the configuration's "
            "reference_year, else the latest year) hold in every year, so a class follows "
            "the index ([classes] per_year = true: each year's own). The reference year's "
            "bounds and thresholds are written into the notes and the outputs' metadata as "
            "a [reference] table; added to a later run's configuration, it keeps that run "
            "comparable.\n\n"
            "Data protection: counts below the threshold (default 3) and rates on small "
            "denominators are NULL in every output (primary suppression); further values "
            "are withheld so that none of them follows from a group total minus its "
            "published members (secondary suppression). The field "
            "[indicator]_suppression says primary, secondary or none; with "
            "suppress_index = true (the preset) the index, rank, class and change of such "
            "rows are withheld too (index_suppression, change_suppression)."
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
                optional=True,  # empty: AGS (a required field ignores its default in 3.22)
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TABLE,
                self.tr("Indicator table (CSV, XLSX or GeoPackage)"),
                behavior=QgsProcessingParameterFile.Behavior.File,
                fileFilter=self.tr("Tables (*.csv *.xlsx *.gpkg);;All files (*.*)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CONFIG,
                self.tr("Configuration (TOML; default: Kreis Pinneberg preset)"),
                behavior=QgsProcessingParameterFile.Behavior.File,
                fileFilter=self.tr("TOML (*.toml)"),
                defaultValue=str(PINNEBERG_PRESET),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.YEARS,
                self.tr("Years (e.g. 2019-2023 or 2021, 2023; empty: all)"),
                optional=True,
            )
        )
        self.add_groups_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.GROUP_FIELD,
                self.tr("Group field(s) of the mapping table (comma separated; empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Sozialformel (areas)"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TABLE,
                self.tr("Sozialformel per area and year"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_GROUPS,
                self.tr("Sozialformel per group and year"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_REPORT,
                self.tr("Validity report"),
                fileFilter=self.tr("HTML (*.html)"),
                optional=True,
                createByDefault=True,
            )
        )

    def compute(self, parameters, context, feedback):
        areas = self.read_source(parameters, self.AREAS, context)
        area_key = self.parameterAsString(parameters, self.AREA_KEY, context) or "AGS"
        table_path = self.parameterAsFile(parameters, self.TABLE, context)
        config_path = self.parameterAsFile(parameters, self.CONFIG, context) or None
        years = parse_years(self.parameterAsString(parameters, self.YEARS, context))
        groups_path = self.parameterAsFile(parameters, self.GROUPS, context) or None
        group_text = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        feedback.setProgress(5)
        config = load_config(config_path)
        table = read_indicator_table(table_path, config=config)
        self._input_names[self.TABLE] = table_path
        self._input_names[self.CONFIG] = str(config_path or PINNEBERG_PRESET)
        groups = None
        if groups_path:
            groups = read_groups(groups_path, key=config.key)
            self._input_names[self.GROUPS] = groups_path
        result = sozialformel(
            table,
            config=config,
            groups=groups,
            group_fields=group_text,
            years=years,
            progress=self.progress(feedback, 10, 70),
        )
        joined, join_notes = join_areas(areas, result, area_key=area_key)
        notes = [*result.notes, *join_notes]
        self.push_notes(feedback, notes)
        if result.synthetic:
            self._synthetic_inputs = True
        latest = result.latest()
        top = latest.dropna(subset=["index_rank"]).sort_values("index_rank").head(10)
        for row in top.itertuples():
            change = row.index_change
            feedback.pushInfo(
                self.tr("{rank}. {name}: {index} (change {change})").format(
                    rank=int(row.index_rank),
                    name=row.name,
                    index=number(row.index_value),
                    change="—" if change != change else number(change),
                )
            )
        feedback.setProgress(75)
        notes_text = [tr_geolib(n) for n in notes]
        results = write_outputs(
            self, parameters, context, feedback, result, areas, joined, area_key, notes_text
        )
        feedback.setProgress(90)
        # swapped in with the other outputs when all succeeded (see base.py)
        staged, report = self.stage_output_file(parameters, self.OUTPUT_REPORT, context)
        if report:
            text = validity_report_html(result, translate_text=tr_geolib)
            Path(staged).write_text(text, encoding="utf-8")
            results[self.OUTPUT_REPORT] = report
        return results
