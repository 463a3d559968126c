"""geolib: the analysis library of Sozialplanung for QGIS.

Pure Python on geopandas, rasterio, scipy and networkx; it never imports QGIS, so
every function runs in a notebook or a script as well as behind the Processing
algorithms. Modules are named by topic (``catchments``, ``density``,
``sozialformel``, ...); errors are :class:`geolib.errors.GeolibError`.
"""

from __future__ import annotations

__version__ = "0.1.0"
