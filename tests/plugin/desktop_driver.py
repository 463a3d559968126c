"""Runs inside real QGIS desktop (``qgis --code``): load, check, unload, reload the plugin.

Writes what it finds as JSON to $SOZ_RESULT and quits QGIS. Started by
tests/plugin/test_desktop.py under Xvfb.
"""

import json
import os
import traceback

from qgis.core import QgsApplication
from qgis.utils import active_plugins, iface, loadPlugin, startPlugin, unloadPlugin

result = {}


def provider_ids():
    return [p.id() for p in QgsApplication.processingRegistry().providers()]


def menu_titles():
    titles = []
    for action in iface.pluginMenu().actions():
        menu = action.menu()
        titles.append(action.text())
        if menu is not None:
            titles += [a.text() for a in menu.actions()]
    return titles


def hilfeportal_docks():
    from qgis.PyQt.QtWidgets import QDockWidget

    window = iface.mainWindow()
    return [
        d.windowTitle()
        for d in window.findChildren(QDockWidget, "SozialplanungHilfeportalDock")
        if d.parent() is window
    ]


def hilfeportal_actions():
    from qgis.PyQt.QtWidgets import QAction

    return len(iface.mainWindow().findChildren(QAction, "SozialplanungHilfeportalAction"))


try:
    result["dock_at_start"] = hilfeportal_docks()
    result["dock_actions_at_start"] = hilfeportal_actions()
    result["loaded_at_start"] = "sozialplanung" in active_plugins
    result["provider_at_start"] = "sozialplanung" in provider_ids()
    result["menu_at_start"] = menu_titles()
    alg = QgsApplication.processingRegistry().algorithmById("sozialplanung:offersperpopulation")
    result["algorithm"] = alg.displayName() if alg else None
    result["unloaded"] = unloadPlugin("sozialplanung")
    result["provider_after_unload"] = "sozialplanung" in provider_ids()
    result["menu_after_unload"] = menu_titles()
    result["dock_after_unload"] = hilfeportal_docks()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    result["dock_actions_after_unload"] = hilfeportal_actions()
    loadPlugin("sozialplanung")
    result["restarted"] = startPlugin("sozialplanung")
    result["provider_after_reload"] = "sozialplanung" in provider_ids()
    result["dock_after_reload"] = hilfeportal_docks()
    unloadPlugin("sozialplanung")
except Exception:
    result["error"] = traceback.format_exc()

with open(os.environ["SOZ_RESULT"], "w", encoding="utf-8") as fh:
    json.dump(result, fh)
os._exit(0)  # QGIS's normal exit would ask about saving the project
