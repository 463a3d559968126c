"""``sozialplanung:offersperpopulation``: offers per 1,000 inhabitants per area."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from geolib.density import offers_per_population

from .base import SozialplanungAlgorithm, tr_geolib


class OffersPerPopulationAlgorithm(SozialplanungAlgorithm):
    """Count offers in each area and relate them to its inhabitants."""

    OFFERS = "OFFERS"
    AREAS = "AREAS"
    POPULATION_FIELD = "POPULATION_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    PER = "PER"
    OUTPUT = "OUTPUT"

    GROUP_ID = "erreichbarkeit"

    def name(self) -> str:
        return "offersperpopulation"

    def displayName(self) -> str:
        return self.tr("Offers per inhabitants")

    def shortHelpString(self) -> str:
        return self.tr(
            "Counts the offers (points) in each area (polygons, e.g. municipalities) and "
            "relates them to the area's population: offers_per_1000 = offers / "
            "population × 1000 (the base is set by 'Per inhabitants').\n\n"
            "With a category field, one count per category is added (n_<category>); "
            "values with several categories separated by ';' count in each.\n\n"
            "Areas without a positive population get a NULL rate and the reason in "
            "'rate_note'. Offers outside every area are counted and reported in the log. "
            "Invalid polygons are repaired. Both layers are reprojected to ETRS89 / "
            "UTM 32N (EPSG:25832) when needed."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.OFFERS, self.tr("Offers (points)"), [QgsProcessing.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS, self.tr("Areas (polygons)"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field"),
                parentLayerParameterName=self.AREAS,
                type=QgsProcessingParameterField.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD,
                self.tr("Category field (optional)"),
                parentLayerParameterName=self.OFFERS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PER,
                self.tr("Per inhabitants"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1000,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Offers per inhabitants"), QgsProcessing.TypeVectorPolygon
            )
        )

    def compute(self, parameters, context, feedback):
        offers = self.read_source(parameters, self.OFFERS, context)
        feedback.setProgress(20)
        areas = self.read_source(parameters, self.AREAS, context)
        feedback.setProgress(40)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or None
        per = self.parameterAsDouble(parameters, self.PER, context)
        result = offers_per_population(
            areas,
            offers,
            population_field=population_field,
            category_field=category_field,
            per=per,
        )
        self.push_notes(feedback, result.notes)
        if len(result.outside):
            ids = result.outside.get("offer_id", result.outside.index.to_series()).astype(str)
            feedback.pushWarning(
                self.tr("Offers outside every area ({n}): {ids}").format(
                    n=len(ids), ids=", ".join(ids.head(20)) + (" …" if len(ids) > 20 else "")
                )
            )
        feedback.setProgress(70)
        provenance = self.provenance(
            self.tr("Offers per inhabitants"),
            parameters,
            method="offers / population × per",
            notes=[tr_geolib(n) for n in result.notes],
        )
        dest = self.write_sink(
            parameters,
            self.OUTPUT,
            context,
            result.areas,
            feedback,
            style="offers_per_population.qml",
            provenance=provenance,
        )
        return {self.OUTPUT: dest}
