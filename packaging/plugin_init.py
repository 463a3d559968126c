"""Sozialplanung QGIS plugin (installed from the zip).

The zip holds ``geolib``, ``processing_algorithms`` and ``sozialplanung_plugin`` inside
this package; scripts/build_plugin.py rewrote their imports to ``sozialplanung.<package>``,
so nothing goes on ``sys.path`` and another package named ``geolib`` stays untouched.
"""


def classFactory(iface):
    from .sozialplanung_plugin.plugin import SozialplanungPlugin

    return SozialplanungPlugin(iface)
