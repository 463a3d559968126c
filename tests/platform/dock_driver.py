"""Runs inside QGIS desktop (``qgis --code``) in the clean root: the Hilfeportal dock
loads the offers of $SOZ_OFFERS (an export file) twice, as a user pressing "Load";
the result goes as JSON to $SOZ_RESULT, then QGIS quits the normal way (no os._exit:
a crash at exit must show as a non-zero exit code).
"""

import json
import os
import traceback

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import active_plugins, iface

result = {"loaded": []}
waited = {"ticks": 0}


def dock():
    window = iface.mainWindow()
    found = window.findChildren(QDockWidget, "SozialplanungHilfeportalDock")
    return found[0] if found else None


def finish():
    with open(os.environ["SOZ_RESULT"], "w", encoding="utf-8") as fh:
        json.dump(result, fh)
    # the dock's layers leave the project changed: without them QGIS asks nothing at exit
    QgsProject.instance().clear()
    QgsProject.instance().setDirty(False)
    QTimer.singleShot(100, iface.actionExit().trigger)
    QTimer.singleShot(120_000, exit_hung)


def exit_hung():
    """QGIS did not quit within 2 minutes (a dialog?): end it with exit code 3."""
    os._exit(3)


def press_load():
    widget = dock()
    widget.source_edit.setText(os.environ["SOZ_OFFERS"])
    widget.loadFinished.connect(on_finished)
    widget.load_button.click()


def on_finished(ok):
    widget = dock()
    widget.loadFinished.disconnect(on_finished)
    offers = widget.layer("offers")
    result["loaded"].append({"ok": bool(ok), "offers": offers.featureCount() if offers else None})
    if len(result["loaded"]) < 2:
        QTimer.singleShot(0, press_load)
    else:
        QTimer.singleShot(0, finish)


try:
    # a hang (a dialog nobody answers) ends QGIS with exit code 3 after 5 minutes
    QTimer.singleShot(300_000, exit_hung)
    result["plugin_active"] = "sozialplanung" in active_plugins
    result["dock"] = dock() is not None
    # a saved project: the dock puts its layers into a GeoPackage beside it (unsaved, it
    # would ask where to save the project)
    os.makedirs("/tmp/dock-project", exist_ok=True)
    QgsProject.instance().write("/tmp/dock-project/projekt.qgz")
    press_load()
except Exception:
    result["error"] = traceback.format_exc()
    finish()
