"""The Processing provider ``sozialplanung``: it only lists the algorithms."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .base import ICON_PATH


def algorithm_classes() -> list[type]:
    """Every algorithm class of the provider, one module each."""
    from .accessibility import AccessibilityAlgorithm
    from .atlas import AtlasAlgorithm
    from .catchments import CatchmentsAlgorithm
    from .hilfeportal import HilfeportalAlgorithm
    from .offer_density import OfferDensityAlgorithm
    from .offers_per_population import OffersPerPopulationAlgorithm
    from .sozialformel import SozialformelAlgorithm
    from .surface import SurfaceAlgorithm

    return [
        OffersPerPopulationAlgorithm,
        AtlasAlgorithm,
        HilfeportalAlgorithm,
        SozialformelAlgorithm,
        SurfaceAlgorithm,
        OfferDensityAlgorithm,
        AccessibilityAlgorithm,
        CatchmentsAlgorithm,
    ]


class SozialplanungProvider(QgsProcessingProvider):
    """Sozialplanung: catchments, accessibility, Sozialformel and Hilfeportal offers."""

    def id(self) -> str:
        return "sozialplanung"

    def name(self) -> str:
        return QCoreApplication.translate("SozialplanungProvider", "Sozialplanung")

    def longName(self) -> str:
        return QCoreApplication.translate(
            "SozialplanungProvider", "Sozialplanung (social planning analyses)"
        )

    def icon(self) -> QIcon:
        return QIcon(str(ICON_PATH))

    def loadAlgorithms(self) -> None:
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
