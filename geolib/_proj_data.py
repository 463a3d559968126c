"""Find PROJ's data (proj.db) for pyproj when pyproj cannot, e.g. in a virtualenv.

A distribution's pyproj (Debian's python3-pyproj) looks for proj.db under
``sys.prefix/share/proj``; in a venv made with ``--system-site-packages`` that is the
venv, which has none, and from PROJ 9.2 on nothing transforms. :func:`ensure_proj_data`
runs once when geolib is imported: if pyproj finds no proj.db, it tries the places
where a system, QGIS or OSGeo4W keeps it and tells pyproj the first one that has it. A
working setup (a wheel's own data, PROJ_DATA set by the user, QGIS's Python) is never
changed.
"""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

_NOT_FOUND = "Valid PROJ data directory not found"


def candidate_dirs() -> list[Path]:
    """Where proj.db may be, most specific first (the order of the search)."""
    dirs = [Path(p) for var in ("PROJ_DATA", "PROJ_LIB") for p in _env_paths(var)]
    base = Path(sys.base_prefix)
    dirs += [base / "share" / "proj", Path("/usr/share/proj"), Path("/usr/local/share/proj")]
    # OSGeo4W (QGIS on Windows): Python in apps\Python3x, PROJ's data in share\proj
    osgeo4w = os.environ.get("OSGEO4W_ROOT")
    if osgeo4w:
        dirs.append(Path(osgeo4w) / "share" / "proj")
    dirs += [base.parent / "share" / "proj", base.parent.parent / "share" / "proj"]
    # QGIS.app on macOS: .../QGIS.app/Contents/{Frameworks/...Python, Resources/proj}
    contents = next((p for p in base.parents if p.name == "Contents"), None)
    if contents is not None:
        dirs += [contents / "Resources" / "proj", contents / "Resources" / "share" / "proj"]
    return dirs


def _env_paths(var: str) -> list[str]:
    return [p for p in os.environ.get(var, "").split(os.pathsep) if p]


def _has_proj_db(path: str | Path) -> bool:
    return any((Path(p) / "proj.db").is_file() for p in str(path).split(os.pathsep) if p)


def ensure_proj_data() -> str | None:
    """Give pyproj a PROJ data folder if it has none; the folder set, or ``None`` when
    pyproj is missing, already had one, or no candidate has proj.db."""
    try:
        with warnings.catch_warnings():  # pyproj warns at import when it finds none
            warnings.filterwarnings("ignore", message=_NOT_FOUND)
            import pyproj.datadir as datadir
    except ImportError:
        return None
    try:
        if _has_proj_db(datadir.get_data_dir()):
            return None
    except Exception:  # pyproj.exceptions.DataDirError: none found
        pass
    for path in candidate_dirs():
        if _has_proj_db(path):
            datadir.set_data_dir(str(path))
            return str(path)
    return None
