"""QGIS plugin entry of Sozialplanung.

``classFactory`` imports lazily, so loading QGIS stays cheap and a failure in the
plugin stays local to it.
"""


def classFactory(iface):
    from .plugin import SozialplanungPlugin

    return SozialplanungPlugin(iface)
