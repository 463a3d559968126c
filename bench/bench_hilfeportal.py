"""Benchmark: 10,000 Hilfeportal offers from the example API into a styled QGIS layer.

Ours: the dock's path — geolib's HSDS client pages through ``/services`` over HTTP,
normalises and checks the offers, writes them into a GeoPackage layer styled with
``styles/hilfeportal_offers.qml`` (features replaced in place) and reads them back.
Peer: QGIS's own OGR provider loading the same offers as one GeoJSON
(``/offers.geojson``) from the same server, with the same style, every feature read.
Also measured: the longest stall of the Qt event loop while the dock loads (how
responsive QGIS stays). Run: ``.venv/bin/python bench/bench_hilfeportal.py [--n 10000]``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="bench-qgis-"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10_000)
    args = parser.parse_args()

    from tests._qgis import start_qgis

    start_qgis()
    from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
    from qgis.gui import QgsMessageBar
    from qgis.PyQt.QtCore import QCoreApplication, QElapsedTimer, QTimer

    from geolib.examples import write_examples
    from geolib.hilfeportal import load_offers
    from geolib.hilfeportal_server import HilfeportalServer, example_services
    from processing_algorithms import bridge
    from processing_algorithms.base import STYLES_DIR
    from sozialplanung_plugin.hilfeportal_dock import (
        HilfeportalDock,
        create_layer_file,
        replace_features,
    )

    work = Path(tempfile.mkdtemp(prefix="bench-hilfeportal-"))
    offers_path = write_examples(work / "ex", data_path=ROOT / "data" / "kreis_pinneberg.gpkg")[
        "offers"
    ]
    services = example_services(offers_path, count=args.n)
    style = str(STYLES_DIR / "hilfeportal_offers.qml")
    project = QgsProject()

    def read_all(layer) -> int:
        return sum(1 for _ in layer.getFeatures(QgsFeatureRequest()))

    with HilfeportalServer(services) as server:
        # --- ours: client + checks + styled GeoPackage layer --------------------------
        start = time.perf_counter()
        result = load_offers(server.url, per_page=500)
        t_fetch = time.perf_counter() - start
        path = work / "layers.gpkg"
        fields = bridge.fields_from_frame(result.all_offers)
        create_layer_file(path, "angebote", fields, project)
        layer = QgsVectorLayer(f"{path}|layername=angebote", "ours", "ogr")
        layer.loadNamedStyle(style)
        replace_features(layer, result.all_offers)
        n_ours = read_all(layer)
        t_ours = time.perf_counter() - start

        # --- peer: QGIS's OGR provider reading the GeoJSON over HTTP ------------------
        start = time.perf_counter()
        peer = QgsVectorLayer(f"{server.url}/offers.geojson", "peer", "ogr")
        peer.loadNamedStyle(style)
        n_peer = read_all(peer)
        t_peer = time.perf_counter() - start
        assert peer.isValid(), "QGIS could not open the GeoJSON"
        assert n_peer == n_ours == args.n, (n_peer, n_ours)

        # --- responsiveness: the dock loading, while a timer measures event-loop gaps --
        dock = HilfeportalDock(
            project=project, message_bar=QgsMessageBar(), cache_dir=work / "dock"
        )
        dock.load_options = lambda: {"per_page": 500}
        dock.ask_project_file = lambda: str(work / "bench.qgs")  # layers beside it
        dock.source_edit.setText(server.url)
        gaps: list[int] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.elapsed()]

        def tick() -> None:
            now = clock.elapsed()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.timeout.connect(tick)
        timer.start(10)
        finished: list[bool] = []
        dock.loadFinished.connect(finished.append)
        start = time.perf_counter()
        task = dock.load()
        task_ran: list[float] = []
        marks: list[int] = []

        update = task.on_finished

        def completed(done_task, ok) -> None:  # the main thread takes over here
            task_ran.append(time.perf_counter() - start)
            marks.append(len(gaps))
            update(done_task, ok)

        task.on_finished = completed
        while not finished:
            QCoreApplication.processEvents()
            time.sleep(0.002)
        t_dock = time.perf_counter() - start
        QCoreApplication.processEvents()  # the tick after the layer update shows its stall
        timer.stop()
        background_gaps = gaps[: max(1, marks[0])] if marks else gaps
        dock.shutdown()

    print(f"Hilfeportal: {args.n:,} offers from the example API into a styled layer")
    print(f"  ours (HSDS paging, checks, styled GeoPackage):   {t_ours:6.2f} s")
    print(f"     of which fetch + normalise + check:           {t_fetch:6.2f} s")
    print(f"  peer (QGIS OGR, one GeoJSON over HTTP, styled):  {t_peer:6.2f} s")
    print(f"  ratio ours / peer:                               {t_ours / t_peer:6.2f}")
    print(f"  dock load end to end (task + layer update):      {t_dock:6.2f} s")
    print(f"     of which the background task:                 {task_ran[0]:6.2f} s")
    print(f"     of which the layer update (main thread):      {t_dock - task_ran[0]:6.2f} s")
    print(
        f"  event loop while the task ran in the background: longest gap "
        f"{max(background_gaps)} ms (timer every 10 ms)"
    )
    print(f"  event loop overall incl. the layer update:       longest gap {max(gaps)} ms")
    print(f"  check list: {len(result.checks):,} findings")


if __name__ == "__main__":
    main()
