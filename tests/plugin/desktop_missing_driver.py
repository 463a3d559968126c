"""Runs inside real QGIS desktop (``qgis --code``) whose Python lacks the packages:
records the message bar, the menu and the provider as JSON in $SOZ_RESULT, then quits
QGIS the normal way. Started by tests/plugin/test_deps.py under Xvfb."""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import active_plugins, iface

result = {}
try:
    result["loaded"] = "sozialplanung" in active_plugins
    result["provider"] = any(
        p.id() == "sozialplanung" for p in QgsApplication.processingRegistry().providers()
    )
    result["messages"] = [item.text() for item in iface.messageBar().items()]
    result["menu"] = [
        a.text() for m in iface.pluginMenu().actions() if m.menu() for a in m.menu().actions()
    ]
except Exception:
    result["error"] = traceback.format_exc()
with open(os.environ["SOZ_RESULT"], "w", encoding="utf-8") as fh:
    json.dump(result, fh)
QgsProject.instance().setDirty(False)
QTimer.singleShot(0, iface.actionExit().trigger)
