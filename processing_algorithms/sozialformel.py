"""``sozialplanung:sozialformel``: composite social index per area, group and year."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from geolib.messages import N_
from geolib.sozialformel import (
    PINNEBERG_PRESET,
    join_areas,
    parse_years,
    sozialformel,
    validity_report_html,
)

from . import sozialformel_config
from .base import SozialplanungAlgorithm, tr_geolib
from .sozialformel_outputs import write_outputs
from .styling import number, separators


class SozialformelAlgorithm(SozialplanungAlgorithm):
    """Compute the Sozialformel per area and year, for groups, with a validity report."""

    AREAS = "AREAS"
    AREA_KEY = "AREA_KEY"
    TABLE = "TABLE"
    CONFIG = sozialformel_config.CONFIG
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
            "indicator table of counts: any table layer (a CSV, XLSX or GeoPackage table, "
            "a PostGIS table, a model's output) or a file. The key, e.g. the AGS, is kept "
            "as text; a key read as a number loses its leading zeros and gets them back "
            "(key_width of the preset, with a note). The mapping of groups is read the "
            "same way.\n\n"
            "Settings: a preset (a TOML file; empty: the built-in Kreis Pinneberg "
            "preset) is the base, and every setting given in the dialog overrides it: "
            "the indicators (one row each: name, numerator, denominator, reverse = yes "
            "when higher values mean less need, weight, optionally kind, per and label; "
            "an empty table keeps the preset's indicators), the scaling (min–max, min–max "
            "against the reference year or bounds, z-score, percentile, rank, raw), the "
            "combination (weighted mean, sum, geometric mean, product), the post-scaling "
            "to 0–100, the reference year, the classes (quantile, equal interval, "
            "standard deviation, natural breaks, custom breaks) and their number, and "
            "under Advanced the data protection thresholds, the missing-value policy and "
            "the title. Settings left empty keep the preset's. 'Settings saved as a "
            "preset' writes the settings used as a TOML file: choose it as the preset of "
            "a later run for the same result.\n\n"
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
            QgsProcessingParameterFeatureSource(
                self.TABLE,
                self.tr("Indicator table (a table layer or file: CSV, XLSX, GeoPackage, PostGIS)"),
                [QgsProcessing.SourceType.TypeVector],
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
        sozialformel_config.add_parameters(self)
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
        sozialformel_config.add_output(self)

    def compute(self, parameters, context, feedback):
        areas = self.read_source(parameters, self.AREAS, context)
        area_key = self.parameterAsString(parameters, self.AREA_KEY, context) or "AGS"
        config_path = self.parameterAsFile(parameters, self.CONFIG, context) or None
        years = parse_years(self.parameterAsString(parameters, self.YEARS, context))
        group_text = self.parameterAsString(parameters, self.GROUP_FIELD, context) or None
        config = sozialformel_config.effective_config(self, parameters, context)
        self._input_names[self.CONFIG] = str(config_path or PINNEBERG_PRESET)
        preset_saved = sozialformel_config.save_preset(self, parameters, context, config)
        table = self.read_table_source(
            parameters, self.TABLE, context, key=config.key, what=N_("indicator table")
        )
        groups = self.read_table_source(
            parameters, self.GROUPS, context, key=config.key, what=N_("group table")
        )
        feedback.setProgress(5)
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
                    index=number(row.index_value, fixed=True),
                    change="—" if change != change else number(change, fixed=True),
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
            text = validity_report_html(result, translate_text=tr_geolib, separators=separators())
            Path(staged).write_text(text, encoding="utf-8")
            results[self.OUTPUT_REPORT] = report
        return {**results, **preset_saved}
