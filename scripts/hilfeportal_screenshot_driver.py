"""Runs inside QGIS desktop (``qgis --code``): load offers in the dock, grab the window.

Started by scripts/screenshot_hilfeportal.py; writes $SOZ_SHOT and quits QGIS.
"""

import os
import time
import traceback
from pathlib import Path

from qgis.core import QgsFillSymbol, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication
from qgis.utils import iface, plugins


def wait(condition, seconds):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


try:
    import sys

    # the example generator and server are development-only: from the source tree
    sys.path.insert(0, os.environ["SOZ_ROOT"])
    from geolib.examples import write_examples
    from geolib.hilfeportal_server import HilfeportalServer, example_services

    root = Path(os.environ["SOZ_ROOT"])
    kreis = root / "data" / "kreis_pinneberg.gpkg"
    paths = write_examples(Path(os.environ["SOZ_WORK"]) / "examples", data_path=kreis)
    server = HilfeportalServer(example_services(paths["offers"])).start()

    window = iface.mainWindow()
    window.resize(1600, 1000)
    window.showMaximized()
    gemeinden = QgsVectorLayer(f"{kreis}|layername=gemeinden", "Gemeinden", "ogr")
    gemeinden.setRenderer(gemeinden.renderer().clone())
    gemeinden.renderer().setSymbol(
        QgsFillSymbol.createSimple(
            {"color": "245,243,238,255", "outline_color": "150,150,150,255", "outline_width": "0.3"}
        )
    )
    QgsProject.instance().addMapLayer(gemeinden)

    plugin = plugins["sozialplanung"]
    plugin.hilfeportal_action.setChecked(True)
    dock = plugin.hilfeportal_dock
    dock.source_edit.setText(server.url)
    done = []
    dock.loadFinished.connect(done.append)
    dock.load_button.click()
    wait(lambda: done, 60)
    dock.set_checked("categories", None)
    dock.search_edit.setText("")
    offers = dock.layer("offers")
    QCoreApplication.processEvents()
    iface.layerTreeView().expandAll()
    iface.layerTreeView().setCurrentLayer(offers)
    canvas = iface.mapCanvas()
    extent = gemeinden.extent()
    extent.scale(1.05)
    canvas.setExtent(offers.extent() if offers is not None else extent)
    canvas.zoomScale(canvas.scale() * 1.1)
    canvas.refresh()
    wait(lambda: False, 1.5)
    canvas.waitWhileRendering()
    wait(lambda: False, 0.5)
    window.grab().save(os.environ["SOZ_SHOT"])
    server.stop()
except Exception:
    Path(os.environ["SOZ_SHOT"] + ".error.txt").write_text(traceback.format_exc())
os._exit(0)
