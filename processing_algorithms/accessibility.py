"""``sozialplanung:accessibility``: floating catchment accessibility and the nearest offer."""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from geolib.accessibility import METHODS, accessibility, weighted_mean_by_area
from geolib.density import _split_categories
from geolib.messages import N_
from geolib.validate import numeric_field

from .base import SozialplanungAlgorithm, tr_geolib
from .network_params import NetworkParameters


class AccessibilityAlgorithm(NetworkParameters, SozialplanungAlgorithm):
    """2SFCA, E2SFCA, gravity and supply/demand ratio per demand unit, with the nearest offer.

    The network parameters (and ``OFFER_ID_FIELD``) are those of
    :class:`~processing_algorithms.network_params.NetworkParameters`.
    """

    DEMAND = "DEMAND"
    SUPPLY = "SUPPLY"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    CATEGORY_FIELD = "CATEGORY_FIELD"
    CATEGORY = "CATEGORY"
    METHOD = "METHOD"
    MAX_COST = "MAX_COST"
    BREAKS = "BREAKS"
    WEIGHTS = "WEIGHTS"
    BETA = "BETA"
    AREAS = "AREAS"
    OUTPUT = "OUTPUT"
    OUTPUT_SUPPLY = "OUTPUT_SUPPLY"
    OUTPUT_AREAS = "OUTPUT_AREAS"

    GROUP_ID = "erreichbarkeit"

    def name(self) -> str:
        return "accessibility"

    def displayName(self) -> str:
        return self.tr("Accessibility (2SFCA)")

    def shortHelpString(self) -> str:
        return self.tr(
            "Floating catchment accessibility of offers (supply, with a capacity; 1 each by "
            "default) for a population (demand: areas or grid cells, located at a point "
            "inside them, or points).\n\n"
            "Methods: 2SFCA: every offer's capacity is shared by the population within "
            "reach (R = capacity / population within the maximum cost), and every demand "
            "unit sums the shares of the offers it reaches. E2SFCA: the same with step "
            "weights per travel zone (breaks; default three equal zones up to the maximum "
            "cost with the weights 1, 0.68, 0.22 as in PySAL access). Gravity: weights "
            "(cost / maximum cost)^-β. Supply/demand ratio: capacity within reach divided "
            "by population within reach. The numbers equal PySAL access for the same "
            "costs.\n\n"
            "Outputs per demand unit: score (capacity per inhabitant), score_per_1000, "
            "score_norm (score / population-weighted mean: the Kreis mean is 1), "
            "supply_in_reach, and the nearest offer (nearest_m: straight line; with a "
            "network nearest_min: travel time, or nearest_m: network distance, within the "
            "maximum cost) with its id.\n\n"
            "Costs: straight-line distance in metres, or with a network (a line layer or "
            "an OSM file, with the same network parameters as the catchments) the travel "
            "time in minutes or the distance along the network in metres (walk, bike or "
            "car: which ways may be used, and their speeds). DIRECTION: toward the offer "
            "(default: people travel to the offers) or from the offer, as in the "
            "catchments. The maximum cost is in the same unit. Units and offers farther "
            "than the snap distance from the network are kept with routable = 0 and "
            "counted in the log: such units get no score (NULL) and do not weigh in the "
            "mean; such offers reach nobody. A multipoint offer is reached at the nearest "
            "of its points. The nearest offer is named by the offer id field (default "
            "offer_id, else the row number).\n\n"
            "Defined edge cases: an offer with no population within reach has no ratio "
            "(NULL) and adds nothing; a demand unit without an offer within reach scores 0. "
            "With areas (e.g. municipalities), a third output gives the population-weighted "
            "means per area."
        )

    def initAlgorithm(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DEMAND,
                self.tr("Demand (areas, grid cells or points)"),
                [
                    QgsProcessing.SourceType.TypeVectorPolygon,
                    QgsProcessing.SourceType.TypeVectorPoint,
                ],
            )
        )
        self.add_population_field(self.DEMAND, self.tr("Population field (e.g. children_u15)"))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SUPPLY, self.tr("Offers (points)"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CAPACITY_FIELD,
                self.tr("Capacity field (default 1 per offer)"),
                parentLayerParameterName=self.SUPPLY,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CATEGORY_FIELD,
                self.tr("Category field of the offers"),
                parentLayerParameterName=self.SUPPLY,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CATEGORY,
                self.tr("Only offers of this category"),
                optional=True,
            )
        )
        self.add_offer_id_field(self.SUPPLY)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Method"),
                [
                    self.tr("2SFCA"),
                    self.tr("E2SFCA (step weights)"),
                    self.tr("Gravity (2SFCA with power decay)"),
                    self.tr("Supply/demand ratio within reach"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MAX_COST,
                self.tr("Maximum cost (m; minutes with a network by travel time)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=2000.0,
                minValue=0.0,
            )
        )
        for name, label in (
            (self.BREAKS, self.tr("E2SFCA zone breaks (e.g. 500;1000;2000)")),
            (self.WEIGHTS, self.tr("E2SFCA zone weights (e.g. 1;0.68;0.22)")),
        ):
            param = QgsProcessingParameterString(name, label, optional=True)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)
        beta = QgsProcessingParameterNumber(
            self.BETA,
            self.tr("Gravity exponent β"),
            QgsProcessingParameterNumber.Type.Double,
            defaultValue=1.0,
            minValue=0.0,
        )
        beta.setFlags(beta.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(beta)
        self.add_network_sources(
            self.tr("Network (lines, optional; empty: straight-line distance)")
        )
        self.add_network_options(self.SUPPLY)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS,
                self.tr("Areas for means (e.g. municipalities)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Accessibility"),
                QgsProcessing.SourceType.TypeVectorAnyGeometry,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SUPPLY,
                self.tr("Offers with their ratio"),
                QgsProcessing.SourceType.TypeVectorPoint,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_AREAS,
                self.tr("Accessibility per area"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )

    def _numbers(self, parameters, name, context) -> list[float] | None:
        text = (self.parameterAsString(parameters, name, context) or "").strip()
        if not text:
            return None
        try:
            return [float(p.replace(",", ".")) for p in text.replace(" ", "").split(";") if p]
        except ValueError:
            raise QgsProcessingException(
                self.tr("'{text}' is not a list of numbers separated by ';'.").format(text=text)
            ) from None

    def _network(self, parameters, context, feedback):
        """The routable network, or None for straight-line costs."""
        if not self.has_network(parameters, context):
            return None
        network = self.build_network_from(parameters, context, feedback, start=5, end=30)
        self.push_notes(feedback, network.notes)
        return network

    def compute(self, parameters, context, feedback):
        self.check_input_for_output(parameters, self.AREAS, self.OUTPUT_AREAS, feedback)
        demand = self.read_source(parameters, self.DEMAND, context)
        supply = self.read_source(parameters, self.SUPPLY, context)
        category_field = self.parameterAsString(parameters, self.CATEGORY_FIELD, context)
        category = (self.parameterAsString(parameters, self.CATEGORY, context) or "").strip()
        if category:
            if not category_field:
                raise QgsProcessingException(
                    self.tr("To choose offers by category, also choose the category field.")
                )
            keep = supply[category_field].map(lambda v: category in _split_categories(v, ";"))
            feedback.pushInfo(
                self.tr("{n} of {total} offers have the category '{category}'.").format(
                    n=int(keep.sum()), total=len(supply), category=category
                )
            )
            if not keep.any():
                found = sorted(
                    {c for v in supply[category_field] for c in _split_categories(v, ";")}
                )
                raise QgsProcessingException(
                    self.tr(
                        "No offer has the category '{category}' in '{field}'. Categories "
                        "there: {found}."
                    ).format(
                        category=category,
                        field=category_field,
                        found="; ".join(found[:20]) + (" …" if len(found) > 20 else ""),
                    )
                )
            supply = supply[keep.to_numpy(dtype=bool)]
        id_field = self.offer_id_field(parameters, context, supply)
        population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        # checked again by geolib, but here before the network is built
        numeric_field(demand, population_field, what=N_("demand layer"))
        network = self._network(parameters, context, feedback)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        result = accessibility(
            demand,
            supply,
            population_field=population_field,
            capacity_field=self.parameterAsString(parameters, self.CAPACITY_FIELD, context) or None,
            max_cost=self.parameterAsDouble(parameters, self.MAX_COST, context),
            method=method,
            breaks=self._numbers(parameters, self.BREAKS, context),
            weights=self._numbers(parameters, self.WEIGHTS, context),
            beta=self.parameterAsDouble(parameters, self.BETA, context),
            network=network,
            snap_distance=self.parameterAsDouble(parameters, self.SNAP_DISTANCE, context),
            id_field=id_field,
            direction=self.travel_direction(parameters, context),
            islands=self.islands(parameters, context),
            progress=self.progress(feedback, 30, 85),
        )
        self.push_notes(feedback, result.notes)
        notes = [tr_geolib(n) for n in result.notes]
        method_text = f"{method}, max cost {result.unit}"
        outputs = {
            self.OUTPUT: self.write_sink(
                parameters,
                self.OUTPUT,
                context,
                result.demand,
                feedback,
                style="accessibility.qml",
                provenance=self.provenance(
                    self.tr("Accessibility"), parameters, method=method_text, notes=notes
                ),
            )
        }
        if parameters.get(self.OUTPUT_SUPPLY):
            outputs[self.OUTPUT_SUPPLY] = self.write_sink(
                parameters,
                self.OUTPUT_SUPPLY,
                context,
                result.supply,
                feedback,
                provenance=self.provenance(
                    self.tr("Offers with their ratio"), parameters, method=method_text
                ),
            )
        if parameters.get(self.AREAS) and parameters.get(self.OUTPUT_AREAS):
            areas = self.read_source(parameters, self.AREAS, context)
            means = weighted_mean_by_area(
                result.demand,
                areas,
                values=["score_per_1000", "score_norm", f"nearest_{result.unit}"],
                weight_field=population_field,
            )
            outputs[self.OUTPUT_AREAS] = self.write_sink(
                parameters,
                self.OUTPUT_AREAS,
                context,
                means,
                feedback,
                style="accessibility_areas.qml",
                provenance=self.provenance(
                    self.tr("Accessibility per area"), parameters, method=method_text
                ),
            )
        feedback.pushInfo(
            self.tr("Score per 1,000 inhabitants: mean {mean}, {n} units without an offer.").format(
                mean=f"{np.nanmean(result.demand['score_per_1000']):.3g}",
                n=int((result.demand["supply_in_reach"] == 0).sum()),
            )
        )
        return outputs
