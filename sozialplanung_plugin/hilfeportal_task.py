"""The background task that loads Hilfeportal offers for the dock (QGIS never freezes).

``run()`` works in a worker thread and touches no layer: it reads, checks and caches
the offers with :func:`geolib.hilfeportal.load_offers`. ``finished()`` runs in the
main thread and hands the result (or the reason of a failure) to the dock.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from qgis.core import Qgis, QgsMessageLog, QgsTask
from qgis.PyQt.QtCore import QCoreApplication

from geolib._progress import Progress
from geolib.errors import CancelledError, GeolibError
from geolib.hilfeportal import HilfeportalResult, load_offers


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalTask", text)


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
        super().__init__(tr("Loading Hilfeportal offers"), QgsTask.CanCancel)
        self.source = source
        self._headers = dict(headers or {})
        self.cache_dir = cache_dir
        self.options = dict(options or {})
        self.on_finished = on_finished
        self.result: HilfeportalResult | None = None
        self.error: str | None = None
        self.cancelled = False

    def run(self) -> bool:
        progress = Progress(self.setProgress, self.isCanceled)
        try:
            self.result = load_offers(
                self.source,
                cache_dir=self.cache_dir,
                headers=self._headers,
                progress=progress,
                **self.options,
            )
            return True
        except CancelledError:
            self.cancelled = True
            return False
        except GeolibError as exc:
            from processing_algorithms.base import tr_geolib

            self.error = tr_geolib(exc.message)
            return False
        except Exception as exc:  # a bug: the details go to the log, not into the user's face
            QgsMessageLog.logMessage(traceback.format_exc(), "Sozialplanung", Qgis.Critical)
            self.error = tr("Unexpected error: {error}. The details are in the log.").format(
                error=exc
            )
            return False
        finally:
            self._headers = {}  # the secret lives no longer than the request

    def finished(self, ok: bool) -> None:
        if self.isCanceled():
            self.cancelled = True
        if self.on_finished is not None:
            self.on_finished(self, ok)
