"""One headless QgsApplication per test session, with Processing and this provider."""

from __future__ import annotations

import contextlib
import sys
from typing import Any

_APP = None
_PROVIDER = None


def start_qgis():
    """Start QGIS once (GUI-capable, offscreen), initialise Processing, add our provider."""
    global _APP, _PROVIDER
    if _APP is not None:
        return _APP
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    _APP = QgsApplication([], True)
    _APP.initQgis()
    plugins = "/usr/share/qgis/python/plugins"
    if plugins not in sys.path:
        sys.path.append(plugins)
    from processing.core.Processing import Processing

    Processing.initialize()
    from processing_algorithms.provider import SozialplanungProvider

    _PROVIDER = SozialplanungProvider()
    QgsApplication.processingRegistry().addProvider(_PROVIDER)
    return _APP


def recording_feedback():
    """A QgsProcessingFeedback that keeps every message it is given."""
    from qgis.core import QgsProcessingFeedback

    class RecordingFeedback(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.errors: list[str] = []
            self.warnings: list[str] = []
            self.infos: list[str] = []

        def reportError(self, error, fatalError=False):
            self.errors.append(error)
            super().reportError(error, fatalError)

        def pushWarning(self, warning):
            self.warnings.append(warning)
            super().pushWarning(warning)

        def pushInfo(self, info):
            self.infos.append(info)
            super().pushInfo(info)

        @property
        def text(self) -> str:
            return "\n".join(self.errors + self.warnings + self.infos)

    return RecordingFeedback()


def run_algorithm(alg_id: str, params: dict[str, Any], *, context=None):
    """Run ``alg_id``; return (results, feedback). Raises on failure like Processing does."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProject

    feedback = recording_feedback()
    if context is None:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
    results = processing.run(alg_id, params, feedback=feedback, context=context)
    return results, feedback


def run_algorithm_error(alg_id: str, params: dict[str, Any]) -> str:
    """Run ``alg_id`` expecting failure; return the messages the user was shown."""
    import processing
    from qgis.core import QgsProcessingException

    feedback = recording_feedback()
    try:
        processing.run(alg_id, params, feedback=feedback)
    except QgsProcessingException as exc:
        return "\n".join([*feedback.errors, str(exc)])
    raise AssertionError(f"{alg_id} did not fail; log:\n{feedback.text}")


def memory_layer(uri: str, rows):
    """A memory layer from a URI and (WKT or None, attributes) rows."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(uri, "m", "memory")
    feats = []
    for wkt, attrs in rows:
        feat = QgsFeature(layer.fields())
        feat.setAttributes(attrs)
        if wkt:
            feat.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    return layer


@contextlib.contextmanager
def german():
    """The plugin's German translation installed, as in a German QGIS (and ``make demo``)."""
    from sozialplanung_plugin.i18n import install_translator, remove_translator

    translator = install_translator("de")
    assert translator is not None
    try:
        yield
    finally:
        remove_translator(translator)
