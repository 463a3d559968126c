"""``sozialplanung:offersperpopulation``: offers per 1,000 inhabitants per area."""

from __future__ import annotations

import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from geolib.density import offers_per_population, pool_offers

from .base import SozialplanungAlgorithm, tr_geolib


class OffersPerPopulationAlgorithm(SozialplanungAlgorithm):
    """Count offers in each area and relate them to its inhabitants."""

    OFFERS = "OFFERS"
    AREAS = "AREAS"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    PER = "PER"
    TARGET_GROUP_FIELD = "TARGET_GROUP_FIELD"
    TARGET_GROUP = "TARGET_GROUP"
    TARGET_POPULATION_FIELD = "TARGET_POPULATION_FIELD"
    GROUPS = "GROUPS"
    AREA_KEY_FIELD = "AREA_KEY_FIELD"
    GROUP_KEY_FIELD = "GROUP_KEY_FIELD"
    GROUP_FIELDS = "GROUP_FIELDS"
    OUTPUT = "OUTPUT"
    OUTPUT_GROUPS = "OUTPUT_GROUPS"

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
            "With a category field, one count per category is added (n_[category]); "
            "values with several categories separated by ';' count in each.\n\n"
            "With a target group field (e.g. target_groups), one count per target group "
            "is added (n_tg_[group]). With a target group (e.g. Kinder) and its "
            "population field in the areas (e.g. children_u15), the offers for that group "
            "are related to its population: tg_[group]_per_1000.\n\n"
            "With a group table (e.g. planungsraeume.csv: ags → planungsraum, kreis), the "
            "key fields and the group fields, a second output gives the same counts and "
            "rates per planning region and for the Kreis, from pooled counts (sums of "
            "offers and of inhabitants), never from averaged rates.\n\n"
            "Areas without a positive population get a NULL rate and the reason in "
            "'rate_note'. Offers outside every area are counted and reported in the log "
            "with their id (OFFER_ID_FIELD; default offer_id, else the row number). "
            "Invalid polygons are repaired. Both layers are reprojected to ETRS89 / "
            "UTM 32N (EPSG:25832) when needed."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.OFFERS, self.tr("Offers (points)"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.add_offer_id_field(self.OFFERS)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS,
                self.tr("Areas (polygons)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
            )
        )
        self.add_population_field(self.AREAS)
        self.addParameter(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD,
                self.tr("Category field"),
                parentLayerParameterName=self.OFFERS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PER,
                self.tr("Per inhabitants"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=1000,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_GROUP_FIELD,
                self.tr("Target group field of the offers"),
                parentLayerParameterName=self.OFFERS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TARGET_GROUP, self.tr("Target group (e.g. Kinder)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_POPULATION_FIELD,
                self.tr("Population of the target group (e.g. children_u15)"),
                parentLayerParameterName=self.AREAS,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GROUPS,
                self.tr("Group table (e.g. planungsraeume.csv)"),
                [QgsProcessing.SourceType.TypeVector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.AREA_KEY_FIELD,
                self.tr("Key field of the areas (e.g. AGS)"),
                parentLayerParameterName=self.AREAS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.GROUP_KEY_FIELD,
                self.tr("Key field of the group table (e.g. ags)"),
                parentLayerParameterName=self.GROUPS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.GROUP_FIELDS,
                self.tr("Group fields (e.g. planungsraum, kreis)"),
                parentLayerParameterName=self.GROUPS,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Offers per inhabitants"),
                QgsProcessing.SourceType.TypeVectorPolygon,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_GROUPS,
                self.tr("Offers per inhabitants by group"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )

    def compute(self, parameters, context, feedback):
        self.check_input_for_output(parameters, self.GROUPS, self.OUTPUT_GROUPS, feedback)
        offers = self.read_source(parameters, self.OFFERS, context)
        id_field = self.offer_id_field(parameters, context, offers)
        feedback.setProgress(20)
        areas = self.read_source(parameters, self.AREAS, context)
        feedback.setProgress(40)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context) or None
        per = self.parameterAsDouble(parameters, self.PER, context)
        target_field = self.parameterAsString(parameters, self.TARGET_GROUP_FIELD, context) or None
        target_group = (
            self.parameterAsString(parameters, self.TARGET_GROUP, context) or ""
        ).strip()
        target_pop = self.parameterAsString(parameters, self.TARGET_POPULATION_FIELD, context)
        if bool(target_group) != bool(target_pop):
            raise QgsProcessingException(
                self.tr(
                    "Give both the target group and the population field of that group, or neither."
                )
            )
        result = offers_per_population(
            areas,
            offers,
            population_field=population_field,
            category_field=category_field,
            per=per,
            target_group_field=target_field,
            target_populations={target_group: target_pop} if target_group else None,
        )
        self.push_notes(feedback, result.notes)
        if len(result.outside):
            # the offer id, or the row number (1, 2, …) as in the other algorithms
            ids = (
                result.outside[id_field].astype(str)
                if id_field
                else pd.Series([str(offers.index.get_loc(r) + 1) for r in result.outside.index])
            )
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
        # the reason for a NULL rate is a value users read: in their language
        reasons = {
            "population missing": self.tr("population missing"),
            "population is 0 or negative": self.tr("population is 0 or negative"),
        }
        areas = result.areas.copy()
        areas["rate_note"] = areas["rate_note"].map(lambda v: reasons.get(v, v))
        dest = self.write_sink(
            parameters,
            self.OUTPUT,
            context,
            areas,
            feedback,
            style="offers_per_population.qml",
            provenance=provenance,
        )
        outputs = {self.OUTPUT: dest}
        if parameters.get(self.GROUPS) and parameters.get(self.OUTPUT_GROUPS):
            outputs[self.OUTPUT_GROUPS] = self._groups(parameters, context, feedback, result)
        return outputs

    def _groups(self, parameters, context, feedback, result):
        table = self.read_source(parameters, self.GROUPS, context)
        area_key = self.parameterAsString(parameters, self.AREA_KEY_FIELD, context)
        group_key = self.parameterAsString(parameters, self.GROUP_KEY_FIELD, context) or "ags"
        group_fields = self.parameterAsFields(parameters, self.GROUP_FIELDS, context)
        if not area_key or not group_fields:
            raise QgsProcessingException(
                self.tr(
                    "With a group table, choose the key field of the areas and the group fields."
                )
            )
        pooled = pool_offers(
            result,
            table,
            area_key=area_key,
            mapping_key=group_key,
            group_fields=group_fields,
        )
        self.push_notes(feedback, pooled.notes)
        provenance = self.provenance(
            self.tr("Offers per inhabitants by group"),
            parameters,
            method="pooled offers / pooled population × per",
            notes=[tr_geolib(n) for n in pooled.notes],
        )
        return self.write_sink(
            parameters,
            self.OUTPUT_GROUPS,
            context,
            pooled.groups,
            feedback,
            style="offers_per_population.qml",
            provenance=provenance,
        )
