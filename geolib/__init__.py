"""geolib: the analysis library of Sozialplanung for QGIS.

Pure Python on geopandas, rasterio and scipy; it never imports QGIS, so
every function runs in a notebook or a script as well as behind the Processing
algorithms. Modules are named by topic (``catchments``, ``kernel_density``,
``sozialformel``, ...); errors are :class:`geolib.errors.GeolibError`.
"""

from __future__ import annotations

from ._proj_data import ensure_proj_data as _ensure_proj_data

__version__ = "0.1.0"

_ensure_proj_data()  # pyproj in a venv finds no proj.db on its own (Debian's, PROJ 9.2+)
