"""The Processing provider ``sozialplanung``: it lists the algorithms and the models."""

from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMessageLog,
    QgsProcessingModelAlgorithm,
    QgsProcessingProvider,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .base import ICON_PATH, PLUGIN_ROOT

#: the Processing models shipped with the plugin (``*.model3``, made by scripts/make_model.py)
MODELS_DIR = PLUGIN_ROOT / "models"


def algorithm_classes() -> list[type]:
    """Every algorithm class of the provider, one module each."""
    from .accessibility import AccessibilityAlgorithm
    from .atlas import AtlasAlgorithm
    from .catchments import CatchmentsAlgorithm
    from .hilfeportal import HilfeportalAlgorithm
    from .offer_density import OfferDensityAlgorithm
    from .offers_per_population import OffersPerPopulationAlgorithm
    from .sozialbericht import SozialberichtAlgorithm
    from .sozialformel import SozialformelAlgorithm
    from .surface import SurfaceAlgorithm

    return [
        OffersPerPopulationAlgorithm,
        AtlasAlgorithm,
        HilfeportalAlgorithm,
        SozialformelAlgorithm,
        SozialberichtAlgorithm,
        SurfaceAlgorithm,
        OfferDensityAlgorithm,
        AccessibilityAlgorithm,
        CatchmentsAlgorithm,
    ]


def tr(text: str) -> str:
    return QCoreApplication.translate("SozialplanungProvider", text)


def models() -> list[QgsProcessingModelAlgorithm]:
    """The models of :data:`MODELS_DIR`; one that does not load is named in the log."""
    found = []
    for path in sorted(MODELS_DIR.glob("*.model3")):
        model = QgsProcessingModelAlgorithm()
        if model.fromFile(str(path)):
            model.setSourceFilePath(str(path))
            found.append(model)
        else:
            QgsMessageLog.logMessage(
                tr("Could not load the Processing model {path}").format(path=path),
                "Sozialplanung",
                Qgis.MessageLevel.Critical,
            )
    return found


class SozialplanungProvider(QgsProcessingProvider):
    """Sozialplanung: catchments, accessibility, Sozialformel and Hilfeportal offers."""

    def __init__(self) -> None:
        super().__init__()
        QgsApplication.processingRegistry().providerAdded.connect(self._provider_added)

    def _provider_added(self, provider_id: str) -> None:
        # A model finds its steps (our algorithms) in the registry, which has them only
        # once this provider is in it: load again then (as QGIS's model provider does).
        if provider_id == self.id():
            self.refreshAlgorithms()

    def unload(self) -> None:
        registry = QgsApplication.processingRegistry()
        if registry is not None:  # None while QGIS exits (3.44 unloads providers then)
            registry.providerAdded.disconnect(self._provider_added)

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
        for model in models():
            self.addAlgorithm(model)
