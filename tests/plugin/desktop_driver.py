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


def density_with_numba():
    """offerdensity in QGIS desktop, numba's LLVM (llvmlite) beside Mesa's (OpenGL)."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    from qgis.PyQt.QtGui import QOffscreenSurface, QOpenGLContext

    # the plugin's own geolib: inside the plugin package (scripts/build_plugin.py)
    from sozialplanung.geolib.kernel_density import uses_numba

    context, surface = QOpenGLContext(), QOffscreenSurface()
    surface.create()
    gl = context.create() and context.makeCurrent(surface)
    layer = QgsVectorLayer("Point?crs=EPSG:25832", "pts", "memory")
    feats = []
    for i in range(40):
        feat = QgsFeature(layer.fields())
        xy = QgsPointXY(1000 + (i * 37) % 400, 2000 + (i * 53) % 300)
        feat.setGeometry(QgsGeometry.fromPointXY(xy))
        feats.append(feat)
    layer.dataProvider().addFeatures(feats)
    out = os.path.join(os.path.dirname(os.environ["SOZ_RESULT"]), "density.tif")
    params = {"INPUT": layer, "RADIUS": 80.0, "PIXEL_SIZE": 10.0, "OUTPUT": out}
    processing.run("sozialplanung:offerdensity", params)
    with open("/proc/self/maps", encoding="utf-8") as fh:
        libs = {
            line.split()[-1].rsplit("/", 1)[-1] for line in fh if "LLVM" in line or "llvm" in line
        }
    if gl:
        context.doneCurrent()
    return {
        "density_numba": uses_numba(),
        "density_tif": out,
        "opengl": bool(gl),
        "llvm_libraries": sorted(libs),
    }


try:
    result["dock_at_start"] = hilfeportal_docks()
    result["dock_actions_at_start"] = hilfeportal_actions()
    result["loaded_at_start"] = "sozialplanung" in active_plugins
    result["provider_at_start"] = "sozialplanung" in provider_ids()
    result["menu_at_start"] = menu_titles()
    alg = QgsApplication.processingRegistry().algorithmById("sozialplanung:offersperpopulation")
    result["algorithm"] = alg.displayName() if alg else None
    model = QgsApplication.processingRegistry().algorithmById("sozialplanung:sozialplanungsatlas")
    result["model_group"] = [model.provider().id(), model.group()] if model else None
    result.update(density_with_numba())
    result["unloaded"] = unloadPlugin("sozialplanung")
    result["provider_after_unload"] = "sozialplanung" in provider_ids()
    result["menu_after_unload"] = menu_titles()
    result["dock_after_unload"] = hilfeportal_docks()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
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
