"""The pip command that installs packages for QGIS's Python (used by the plugin and the
algorithms' notes; stdlib only, so it works while packages are missing)."""

from __future__ import annotations

import os
import sys
import sysconfig
from pathlib import Path


def python_executable() -> str:
    """The Python interpreter QGIS embeds (``sys.executable`` may be QGIS itself)."""
    if os.name == "nt":
        return str(Path(sys.base_exec_prefix) / "python.exe")
    bindir = Path(sys.base_exec_prefix) / "bin"
    for name in (
        f"python{sys.version_info[0]}",
        f"python{sys.version_info[0]}.{sys.version_info[1]}",
    ):
        if (bindir / name).exists():
            return str(bindir / name)
    return sys.executable


def pip_command(packages: list[str]) -> str:
    """The exact command that installs ``packages`` for QGIS's Python."""
    extra = ""
    stdlib = sysconfig.get_paths().get("stdlib", "")
    if stdlib and (Path(stdlib) / "EXTERNALLY-MANAGED").exists():
        # Debian 12 and others protect the system Python (PEP 668); a user install is safe
        extra = " --break-system-packages"
    numpy = ' "numpy<2"' if os.name != "nt" else ""
    native = ""
    if sys.platform.startswith("linux"):
        # wheels bundle their own GEOS/GDAL/PROJ, which clash with QGIS's inside QGIS:
        # build these against the system's libraries (needs libgdal-dev and libgeos-dev)
        native = " --no-binary shapely,pyogrio,rasterio"
    return f"{python_executable()} -m pip install --user{extra}{native}{numpy} " + " ".join(
        packages
    )
