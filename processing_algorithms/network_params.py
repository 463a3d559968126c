"""The network parameters shared by the algorithms that route on streets.

:class:`NetworkParameters` is mixed into ``sozialplanung:catchments`` and
``sozialplanung:accessibility`` so that both declare the same parameters under the same
names (``NETWORK``, ``NETWORK_FILE``, ``COST``, ``PROFILE``, ``SPEED_FIELD``,
``DIRECTION_FIELD``, ``VALUE_*``, ``DIRECTION``, ``NODING``, ``ISLANDS``,
``SNAP_DISTANCE``) and build the network the same way (so a network built by one is
reused from the cache by the other). ``OFFER_ID_FIELD`` is in the base class.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from geolib.catchments import DIRECTIONS
from geolib.network import build_network, cache_info, read_osm_lines

#: the PROFILE choices, in order
PROFILES = ("walk", "bike", "car")
#: the COST choices, in order
COSTS = ("time", "distance")


def network_cache_dir() -> Path:
    """Built networks are kept in the QGIS profile, so the next run (also the next
    ``qgis_process`` call) reuses them."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "sozialplanung" / "network_cache"


def tr(text: str) -> str:
    return QCoreApplication.translate("NetworkParameters", text)


class NetworkParameters:
    """Declares and reads the shared network parameters (mixed into an algorithm)."""

    NETWORK = "NETWORK"
    NETWORK_FILE = "NETWORK_FILE"
    COST = "COST"
    PROFILE = "PROFILE"
    SPEED_FIELD = "SPEED_FIELD"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    VALUE_FORWARD = "VALUE_FORWARD"
    VALUE_BACKWARD = "VALUE_BACKWARD"
    VALUE_BOTH = "VALUE_BOTH"
    DIRECTION = "DIRECTION"
    NODING = "NODING"
    ISLANDS = "ISLANDS"
    SNAP_DISTANCE = "SNAP_DISTANCE"

    # --- declaring ----------------------------------------------------------------------
    def add_network_sources(self, network_label: str | None = None) -> None:
        """``NETWORK`` (a line layer) and ``NETWORK_FILE`` (an OSM file), both optional."""
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NETWORK,
                network_label or tr("Network (lines)"),
                [QgsProcessing.SourceType.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.NETWORK_FILE,
                tr("Network from an OSM file (instead of a line layer)"),
                fileFilter=tr("OSM files (*.osm *.pbf *.osm.gz *.osm.bz2)"),
                optional=True,
            )
        )

    def add_network_options(self, offers: str) -> None:
        """Cost, profile, direction fields and values, direction, noding, islands and the
        snap distance (in the units of the ``offers`` parameter's layer)."""
        self.addParameter(
            QgsProcessingParameterEnum(
                self.COST,
                tr("Cost"),
                [tr("Time (minutes)"), tr("Distance (metres)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PROFILE,
                tr("Profile"),
                [tr("Walk (4.5 km/h)"), tr("Bike (15 km/h)"), tr("Car")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.DIRECTION,
                tr("Direction of travel"),
                [tr("Toward the offer"), tr("From the offer")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SPEED_FIELD,
                tr("Speed field (km/h)"),
                parentLayerParameterName=self.NETWORK,
                type=QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DIRECTION_FIELD,
                tr("Direction field"),
                parentLayerParameterName=self.NETWORK,
                optional=True,
            )
        )
        for key, label, default in (
            (self.VALUE_FORWARD, tr("Value for forward direction"), "1"),
            (self.VALUE_BACKWARD, tr("Value for backward direction"), "-1"),
            (self.VALUE_BOTH, tr("Value for both directions"), "0"),
        ):
            self.addParameter(
                QgsProcessingParameterString(key, label, defaultValue=default, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.SNAP_DISTANCE,
                tr("Maximum snap distance to the network"),
                defaultValue=250.0,
                parentParameterName=offers,
                minValue=0.01,
            )
        )
        for key, label in (
            (self.NODING, tr("Split lines where they cross (not across bridges/tunnels)")),
            (self.ISLANDS, tr("Allow offers on separate small parts of the network")),
        ):
            param = QgsProcessingParameterBoolean(key, label, defaultValue=False)
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(param)

    # --- reading ------------------------------------------------------------------------
    def travel_direction(self, parameters, context) -> str:
        """``"to_offer"`` or ``"from_offer"`` (geolib's names)."""
        return DIRECTIONS[self.parameterAsEnum(parameters, self.DIRECTION, context)]

    def islands(self, parameters, context) -> str:
        """``"any"`` when offers may lie on small separate parts, else ``"main"``."""
        return "any" if self.parameterAsBool(parameters, self.ISLANDS, context) else "main"

    def cost_and_profile(self, parameters, context) -> tuple[str, str]:
        cost = COSTS[self.parameterAsEnum(parameters, self.COST, context)]
        return cost, PROFILES[self.parameterAsEnum(parameters, self.PROFILE, context)]

    def has_network(self, parameters, context) -> bool:
        return bool(parameters.get(self.NETWORK)) or bool(
            self.parameterAsFile(parameters, self.NETWORK_FILE, context)
        )

    def build_network_from(self, parameters, context, feedback, *, start=15.0, end=30.0):
        """The network from ``NETWORK`` or ``NETWORK_FILE`` (exactly one must be given),
        with the chosen cost, profile, direction field and noding; built networks are
        cached in memory and in the QGIS profile."""
        path = self.parameterAsFile(parameters, self.NETWORK_FILE, context)
        has_layer = bool(parameters.get(self.NETWORK))
        if path and has_layer:
            raise QgsProcessingException(
                tr("Give either a network layer or an OSM file, not both.")
            )
        if not path and not has_layer:
            raise QgsProcessingException(
                tr("Network mode needs a network: a line layer or an OSM file.")
            )
        if path:
            lines = read_osm_lines(path, progress=self.progress(feedback, start / 3, start))
            self.push_notes(feedback, lines.attrs.get("notes", []))
            self._input_names[self.NETWORK_FILE] = path
        else:
            lines = self.read_source(parameters, self.NETWORK, context)
        feedback.setProgress(start)
        cost, profile = self.cost_and_profile(parameters, context)
        speed_field = self.parameterAsString(parameters, self.SPEED_FIELD, context) or None
        direction_field = self.parameterAsString(parameters, self.DIRECTION_FIELD, context) or None
        hits = cache_info()["hits"]
        network = build_network(
            lines,
            cost=cost,
            profile=profile,
            speed_field=speed_field,
            direction_field=direction_field,
            value_forward=self.parameterAsString(parameters, self.VALUE_FORWARD, context),
            value_backward=self.parameterAsString(parameters, self.VALUE_BACKWARD, context),
            value_both=self.parameterAsString(parameters, self.VALUE_BOTH, context),
            node=self.parameterAsBool(parameters, self.NODING, context),
            cache_dir=network_cache_dir(),
            progress=self.progress(feedback, start, end),
        )
        if cache_info()["hits"] > hits:
            feedback.pushInfo(
                tr(
                    "The network was reused from an earlier run (same lines and options); "
                    "it was not rebuilt."
                )
            )
        return network
