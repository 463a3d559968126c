"""Sozialplanung QGIS plugin (installed from the zip).

The zip holds ``geolib``, ``processing_algorithms`` and ``sozialplanung_plugin``
side by side; this folder goes on ``sys.path`` so they import by those names.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)


def classFactory(iface):
    from sozialplanung_plugin.plugin import SozialplanungPlugin

    return SozialplanungPlugin(iface)
