"""Check that QGIS's Python has the packages geolib needs, and say how to install them."""

from __future__ import annotations

import importlib.util

from processing_algorithms.pip import pip_command, python_executable

__all__ = ["REQUIRED", "missing_packages", "pip_command", "python_executable"]

#: import name → pip package name
REQUIRED = {
    "geopandas": "geopandas",
    "shapely": "shapely",
    "pyogrio": "pyogrio",
    "pyproj": "pyproj",
    "rasterio": "rasterio",
    "scipy": "scipy",
    "networkx": "networkx",
}


def missing_packages() -> list[str]:
    """pip names of the required packages that QGIS's Python cannot import."""
    return [pip for mod, pip in REQUIRED.items() if importlib.util.find_spec(mod) is None]
