"""Algorithms run in QGIS's worker threads, as the toolbox runs them in QGIS desktop.

QGIS desktop runs a Processing algorithm in a thread of Qt's thread pool (a
QgsProcessingAlgRunnerTask), not in the main thread. With pyproj 3.7 (QGIS 3.40 and
3.44 on Debian) a second run in the same pool thread crashed QGIS until
``processing_algorithms.proj_threads`` kept each thread's PROJ context alive.
"""

from __future__ import annotations

import time

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QThreadPool

from tests.conftest import KREIS_GPKG


def run_in_task(alg_id: str, params: dict) -> tuple[bool, dict]:
    """Run ``alg_id`` as a background task, as QGIS desktop does; wait for its end."""
    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    task = QgsProcessingAlgRunnerTask(alg, params, context, feedback)
    ended: list[tuple[bool, dict]] = []
    task.executed.connect(lambda ok, results: ended.append((ok, results)))
    QgsApplication.taskManager().addTask(task)
    deadline = time.monotonic() + 120
    while not ended and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert ended, f"{alg_id} did not end in its worker thread"
    return ended[0]


def test_algorithms_run_again_and_again_in_worker_threads(examples, tmp_path):
    # more runs than the pool has threads, so pool threads are reused (QGIS >= 3.30 has a
    # pool of its own for tasks, before it used Qt's global one)
    own_pool = getattr(QgsApplication.taskManager(), "threadPool", None)
    pool = own_pool() if own_pool else QThreadPool.globalInstance()
    runs = 2 * max(2, pool.maxThreadCount()) + 1
    for run in range(runs):
        out = tmp_path / f"opp{run}.gpkg"
        ok, results = run_in_task(
            "sozialplanung:offersperpopulation",
            {
                "OFFERS": str(examples["offers"]),
                "AREAS": f"{KREIS_GPKG}|layername=gemeinden",
                "POPULATION_FIELD": "EWZ_2018",
                "OUTPUT": str(out),
            },
        )
        assert ok, f"run {run} failed"
        layer = QgsVectorLayer(results["OUTPUT"], "opp")
        assert layer.featureCount() == 49
