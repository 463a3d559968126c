"""The background task that loads Hilfeportal offers for the dock (QGIS never freezes).

``run()`` works in a worker thread and touches no layer: it reads, checks and caches
the offers with :func:`geolib.hilfeportal.load_offers`. ``finished()`` runs in the
main thread and hands the result (or the reason of a failure) to the dock.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from qgis.core import Qgis, QgsFeature, QgsField, QgsFields, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from geolib._progress import Progress
from geolib.errors import CancelledError, GeolibError
from geolib.hilfeportal import HilfeportalResult, load_offers
from geolib.redact import redact
from processing_algorithms.proj_threads import proj_safe_thread
from processing_algorithms.qgis_transport import QgisTransport, remember_main_manager


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalTask", text)


def layer_fields(frame) -> QgsFields:
    """The fields of the dock's GeoPackage layer for ``frame``: ``fid``, then its columns."""
    from processing_algorithms import bridge
    from processing_algorithms.compat import field_type

    fields = QgsFields()
    fields.append(QgsField("fid", field_type("LongLong")))
    for field in bridge.fields_from_frame(frame):
        fields.append(field)
    return fields


def build_features(frame) -> tuple[list[str], list[QgsFeature]]:
    """QgsFeatures for every row of ``frame`` with :func:`layer_fields` (any thread)."""
    from processing_algorithms import bridge

    fields = layer_fields(frame)
    data = frame.copy()
    data["fid"] = None
    return fields.names(), bridge.gdf_to_features(data, fields)


class HilfeportalTask(QgsTask):
    """Load the offers of ``source`` in the background; call ``on_finished(task, ok)``.

    After it ends, ``result`` holds the :class:`HilfeportalResult`, or ``error`` the
    message for the user; ``cancelled`` tells whether the user stopped it.
    """

    def __init__(
        self,
        source: str,
        *,
        headers: dict[str, str] | None = None,
        cache_dir: str | None = None,
        options: dict[str, Any] | None = None,
        on_finished: Callable[[HilfeportalTask, bool], None] | None = None,
    ) -> None:
        super().__init__(tr("Loading Hilfeportal offers"), QgsTask.Flag.CanCancel)
        remember_main_manager()  # made in the main thread; the requests run in others
        self.source = source
        self._headers = dict(headers or {})
        self.cache_dir = cache_dir
        self.options = dict(options or {})
        self.on_finished = on_finished
        self.result: HilfeportalResult | None = None
        #: features prepared in the background: role → (field names, features)
        self.prepared: dict[str, tuple[list[str], list[QgsFeature]]] = {}
        self.error: str | None = None
        self.cancelled = False
        self.checks = None

    def run(self) -> bool:
        progress = Progress(self.setProgress, self.isCanceled)
        try:
            with proj_safe_thread():  # pyproj in a Qt pool thread (see proj_threads)
                return self._load(progress)
        except CancelledError:
            self.cancelled = True
            return False
        except GeolibError as exc:
            from processing_algorithms.base import tr_geolib

            self.error = tr_geolib(exc.message)
            return False
        except Exception as exc:  # a bug: the details go to the log, not into the user's face
            QgsMessageLog.logMessage(
                redact(traceback.format_exc()), "Sozialplanung", Qgis.MessageLevel.Critical
            )
            self.error = tr("Unexpected error: {error}. The details are in the log.").format(
                error=redact(str(exc))
            )
            return False
        finally:
            self._headers = {}  # the secret lives no longer than the request

    def _load(self, progress: Progress) -> bool:
        self.result = load_offers(
            self.source,
            cache_dir=self.cache_dir,
            headers=self._headers,
            progress=progress,
            **{"transport": QgisTransport(), **self.options},
        )
        from processing_algorithms.hilfeportal import checks_for_display

        # building the features here keeps the main thread's part of a refresh short
        self.checks = checks_for_display(self.result.checks)
        self.prepared = {
            "offers": build_features(self.result.all_offers),
            "checks": build_features(self.checks),
        }
        return True

    def finished(self, ok: bool) -> None:
        if self.isCanceled():
            self.cancelled = True
        if self.on_finished is not None:
            self.on_finished(self, ok)
