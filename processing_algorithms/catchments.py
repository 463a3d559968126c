"""``sozialplanung:catchments``: network and distance catchments of offers (Einzugsgebiete)."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from geolib.catchments import distance_catchments, network_catchments, parse_breaks
from geolib.network import PROFILE_SPEEDS
from geolib.population import check_population

from .base import SozialplanungAlgorithm, tr_geolib
from .network_params import NetworkParameters

_OVERLAPS = ("per_offer", "dissolve", "split")


class CatchmentsAlgorithm(NetworkParameters, SozialplanungAlgorithm):
    """Catchment areas of offers for several breaks, with reached population.

    The network parameters (and ``OFFER_ID_FIELD``) are those of
    :class:`~processing_algorithms.network_params.NetworkParameters`.
    """

    OFFERS = "OFFERS"
    MODE = "MODE"
    BREAKS = "BREAKS"
    OVERLAP = "OVERLAP"
    RINGS = "RINGS"
    WALKOFF_DISTANCE = "WALKOFF_DISTANCE"
    POPULATION = "POPULATION"
    AREAS = "AREAS"
    LAND_SHARE_FIELD = "LAND_SHARE_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_LINES = "OUTPUT_LINES"
    OUTPUT_UNROUTABLE = "OUTPUT_UNROUTABLE"
    OUTPUT_POPULATION = "OUTPUT_POPULATION"
    OUTPUT_NODES = "OUTPUT_NODES"

    GROUP_ID = "erreichbarkeit"

    def name(self) -> str:
        return "catchments"

    def displayName(self) -> str:
        return self.tr("Catchments")

    def shortHelpString(self) -> str:
        return self.tr(
            "Catchment areas of offers for several breaks at once (e.g. 5,10,15 minutes), "
            "on a street network or as straight-line circles.\n\n"
            "Network: a line layer (NETWORK) or an OSM file (.osm, .osm.gz, .pbf; "
            "NETWORK_FILE). Lines are joined at shared vertices (NODING: also where they "
            "cross, never across bridges or tunnels); one-way streets come from a "
            "direction field (forward/backward/both values, as in QGIS's service area) or "
            "the OSM 'oneway' tag (bike, car). Cost is travel time in minutes (speed field "
            "or profile: walk 4.5 km/h, bike 15 km/h, car by road class) or distance in "
            "metres. DIRECTION: toward the offer (default: from where people reach the "
            "offer) or from the offer (as QGIS's service area); they differ only on "
            "one-way streets. Offers snap to the nearest point on a street of the main "
            "network (ISLANDS: also on small separate parts) within the snap distance; "
            "offers farther away are listed in the unroutable output with their id, "
            "distance and reason. Every point of a multipoint offer is routed; the "
            "offer's catchment is the union of theirs.\n\n"
            "The offer id (OFFER_ID_FIELD; default offer_id, else the row number) is "
            "written as offer_id to every output.\n\n"
            "Areas are the reached streets, cut at the exact cost, buffered by the "
            "walk-off distance; a larger break contains the smaller. Overlap: per offer "
            "(overlapping areas), dissolved (coverage per break) or split (each street "
            "piece to its nearest offer). Rings give the area between breaks.\n\n"
            "Outputs: areas with offer_id, break_no, break_min or break_m and population "
            "(the costly part: skip this output when only the lines are needed); "
            "reached lines with the cost at both ends (from_min/to_min or from_m/to_m); "
            "unroutable offers; with a population layer (polygons with counts such as "
            "grid cells, spread evenly over their area, or points) a table of reached and "
            "unreached population per population polygon and break, or per area (e.g. "
            "municipality) when areas are given: grid cells are then cut at the area "
            "borders and counted by area, and the log gives the totals of all areas per "
            "break. A land share field (0-1) spreads a coastal cell's count over its land "
            "part only. Optionally (network mode) "
            "the network nodes within the largest break with their cost, nearest offer "
            "and smallest break reaching them."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_network_sources()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.OFFERS, self.tr("Offers (points)"), [QgsProcessing.SourceType.TypeVectorPoint]
            )
        )
        self.add_offer_id_field(self.OFFERS)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("Mode"),
                [self.tr("Network"), self.tr("Distance (straight line)")],
                defaultValue=0,
            )
        )
        self.add_network_options(self.OFFERS)
        self.addParameter(
            QgsProcessingParameterString(
                self.BREAKS,
                self.tr("Breaks (minutes or metres, increasing, e.g. 5,10,15)"),
                defaultValue="5,10,15",
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.OVERLAP,
                self.tr("Overlap"),
                [
                    self.tr("One area per offer (overlapping)"),
                    self.tr("Dissolve (coverage per break)"),
                    self.tr("Split (service territories)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.RINGS, self.tr("Rings (areas between breaks)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.WALKOFF_DISTANCE,
                self.tr("Walk-off distance (buffer around reached streets)"),
                defaultValue=50.0,
                parentParameterName=self.OFFERS,
                minValue=0.01,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POPULATION,
                self.tr("Population (polygons or points with counts)"),
                [
                    QgsProcessing.SourceType.TypeVectorPolygon,
                    QgsProcessing.SourceType.TypeVectorPoint,
                ],
                optional=True,
            )
        )
        self.add_population_field(self.POPULATION, optional=True)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREAS,
                self.tr("Areas to count the population per (e.g. municipalities)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        land_share = QgsProcessingParameterField(
            self.LAND_SHARE_FIELD,
            self.tr("Land share field of the population cells (0-1)"),
            parentLayerParameterName=self.POPULATION,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
        land_share.setFlags(land_share.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(land_share)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Catchments"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_LINES,
                self.tr("Reached network lines"),
                QgsProcessing.SourceType.TypeVectorLine,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNROUTABLE,
                self.tr("Unroutable offers"),
                QgsProcessing.SourceType.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_POPULATION,
                self.tr("Reached and unreached population"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )

        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_NODES,
                self.tr("Network nodes with their cost"),
                QgsProcessing.SourceType.TypeVectorPoint,
                optional=True,
                createByDefault=False,
            )
        )

    def compute(self, parameters, context, feedback):
        wanted = (
            self.OUTPUT,
            self.OUTPUT_LINES,
            self.OUTPUT_UNROUTABLE,
            self.OUTPUT_POPULATION,
            self.OUTPUT_NODES,
        )
        if not any(self._wants(parameters, name) for name in wanted):
            raise QgsProcessingException(
                self.tr("All outputs are skipped: choose at least one, such as the catchments.")
            )
        mode = self.parameterAsEnum(parameters, self.MODE, context)
        cost, profile = self.cost_and_profile(parameters, context)
        overlap = _OVERLAPS[self.parameterAsEnum(parameters, self.OVERLAP, context)]
        rings = self.parameterAsBool(parameters, self.RINGS, context)
        breaks = parse_breaks(self.parameterAsString(parameters, self.BREAKS, context))
        snap = self.parameterAsDouble(parameters, self.SNAP_DISTANCE, context)
        walkoff = self.parameterAsDouble(parameters, self.WALKOFF_DISTANCE, context)
        offers = self.read_source(parameters, self.OFFERS, context)
        id_field = self.offer_id_field(parameters, context, offers)
        population = None
        population_field = None
        if parameters.get(self.POPULATION):
            population = self.read_source(parameters, self.POPULATION, context)
            population_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        population_areas, land_share_field = self._population_areas(parameters, context)
        # counted after routing: a wrong field is named before the network is built
        check_population(
            population,
            population_field,
            population_areas=population_areas,
            land_share_field=land_share_field,
        )
        feedback.setProgress(5)
        if mode == 1:
            radii = breaks
            if cost == "time":
                if profile == "car":
                    raise QgsProcessingException(
                        self.tr(
                            "Straight-line catchments in minutes need the walk or bike "
                            "profile (a car has no single speed); use the network mode or "
                            "breaks in metres."
                        )
                    )
                per_minute = PROFILE_SPEEDS[profile] * 1000.0 / 60.0
                radii = [b * per_minute for b in breaks]
                feedback.pushInfo(
                    self.tr("Straight-line radii from minutes at {speed} km/h: {radii} m.").format(
                        speed=PROFILE_SPEEDS[profile],
                        radii=", ".join(f"{r:.0f}" for r in radii),
                    )
                )
            result = distance_catchments(
                offers,
                breaks=radii,
                id_field=id_field,
                overlap=overlap,
                rings=rings,
                population=population,
                population_field=population_field,
                population_areas=population_areas,
                land_share_field=land_share_field,
                progress=self.progress(feedback, 5, 90),
            )
            if cost == "time":
                for frame in (result.areas, result.lines, result.population):
                    _metres_to_minutes(frame, radii, breaks)
        else:
            network = self.build_network_from(parameters, context, feedback)
            result = network_catchments(
                network,
                offers,
                breaks=breaks,
                id_field=id_field,
                direction=self.travel_direction(parameters, context),
                islands=self.islands(parameters, context),
                overlap=overlap,
                rings=rings,
                snap_distance=snap,
                walkoff=walkoff,
                population=population,
                population_field=population_field,
                population_areas=population_areas,
                land_share_field=land_share_field,
                node_costs=self._wants(parameters, self.OUTPUT_NODES),
                # the areas are the costly part: skipped when neither they nor the
                # population counted in them are asked for
                polygons=self._wants(parameters, self.OUTPUT) or population is not None,
                progress=self.progress(feedback, 30, 90),
            )
        self.push_notes(feedback, result.notes)
        if len(result.unroutable):
            feedback.pushWarning(
                self.tr("{n} offers could not be routed; see the unroutable output.").format(
                    n=result.unroutable["offer_id"].nunique()
                )
            )
        method = (
            "network catchments: bounded multi-source Dijkstra, buffered reached lines"
            if mode == 0
            else "straight-line catchments: circles around offers"
        )
        notes = [tr_geolib(n) for n in result.notes]
        outputs = {}
        areas = result.areas.copy()
        if "population" not in areas.columns:  # a number field, empty without a population
            areas["population"] = np.nan
        if self._wants(parameters, self.OUTPUT):
            outputs[self.OUTPUT] = self.write_sink(
                parameters,
                self.OUTPUT,
                context,
                areas,
                feedback,
                # straight-line rings and network catchments in distinct ramps
                style="catchments_network.qml" if mode == 0 else "catchments.qml",
                provenance=self.provenance(
                    self.tr("Catchments"), parameters, method=method, notes=notes
                ),
            )
        if self._wants(parameters, self.OUTPUT_LINES):
            outputs[self.OUTPUT_LINES] = self.write_sink(
                parameters,
                self.OUTPUT_LINES,
                context,
                result.lines,
                feedback,
                wkb_type=QgsWkbTypes.Type.LineString,
                style="catchment_lines.qml",
                provenance=self.provenance(
                    self.tr("Reached network lines"), parameters, method=method, notes=notes
                ),
            )
        if self._wants(parameters, self.OUTPUT_UNROUTABLE):
            unroutable = result.unroutable.copy()
            unroutable["reason"] = [tr_geolib(r) for r in unroutable.get("reason", [])]
            keep = [
                c
                for c in unroutable.columns
                if c in ("offer_id", "part", "title", "snap_dist_m", "reason")
                or c == unroutable.geometry.name
            ]
            outputs[self.OUTPUT_UNROUTABLE] = self.write_sink(
                parameters,
                self.OUTPUT_UNROUTABLE,
                context,
                unroutable[keep],
                feedback,
                wkb_type=QgsWkbTypes.Type.Point,
                style="catchment_unroutable.qml",
                provenance=self.provenance(
                    self.tr("Unroutable offers"), parameters, method=method, notes=notes
                ),
            )
        if result.population is not None and self._wants(parameters, self.OUTPUT_POPULATION):
            outputs[self.OUTPUT_POPULATION] = self.write_sink(
                parameters,
                self.OUTPUT_POPULATION,
                context,
                pd.DataFrame(result.population),
                feedback,
                provenance=self.provenance(
                    self.tr("Reached and unreached population"),
                    parameters,
                    method=method,
                    notes=notes,
                ),
            )
        if self._wants(parameters, self.OUTPUT_NODES):
            nodes = result.nodes
            if nodes is None:  # straight-line catchments have no network
                feedback.pushInfo(
                    self.tr("Node costs need the network mode; the node output stays empty.")
                )
                nodes = gpd.GeoDataFrame(
                    {"node": [], "offer_id": [], "break_no": [], "break_m": [], "cost_m": []},
                    geometry=[],
                    crs=result.areas.crs,
                )
            outputs[self.OUTPUT_NODES] = self.write_sink(
                parameters,
                self.OUTPUT_NODES,
                context,
                nodes,
                feedback,
                wkb_type=QgsWkbTypes.Type.Point,
                style="catchment_nodes.qml",
                provenance=self.provenance(
                    self.tr("Network nodes with their cost"),
                    parameters,
                    method=method,
                    notes=notes,
                ),
            )
        return outputs

    def _population_areas(self, parameters, context):
        """The areas to count the population per, and the land share field (optional)."""
        land_share = self.parameterAsString(parameters, self.LAND_SHARE_FIELD, context) or None
        if not parameters.get(self.AREAS):
            return None, land_share  # a land share without areas: geolib says what is missing
        if not parameters.get(self.POPULATION):
            raise QgsProcessingException(
                self.tr(
                    "Areas count the population per area: give a population layer (grid "
                    "cells or points with counts) too."
                )
            )
        return self.read_source(parameters, self.AREAS, context), land_share

    @staticmethod
    def _wants(parameters, name) -> bool:
        """Whether an optional output was asked for (not skipped)."""
        return parameters.get(name) is not None


def _metres_to_minutes(frame, radii, minutes) -> None:
    """Straight-line results computed in metres, relabelled with the minute breaks."""
    if frame is None:
        return
    lookup = dict(zip(radii, minutes))
    if "break_m" in frame.columns:
        frame["break_min"] = frame["break_m"].map(lookup)
    if "from_m" in frame.columns:
        frame["from_min"] = frame["from_m"].map(lambda v: lookup.get(v, 0.0))
