"""The runtime requirements of Sozialplanung, in one table, and the install commands.

Standard library only (no qgis, nothing else): the plugin reads it while packages are
missing, and it runs as a script with any ``python3``::

    python3 sozialplanung_plugin/requirements.py debian-packages   # apt names, required+optional
    python3 sozialplanung_plugin/requirements.py debian-command    # the apt command users get
    python3 sozialplanung_plugin/requirements.py osgeo4w-packages  # OSGeo4W Setup names
    python3 sozialplanung_plugin/requirements.py table             # the table, for the docs

Each minimum is what the code really uses (the ``why`` column says what), not a guess.
Every native package (shapely, pyogrio, rasterio, pyproj) must be built against the same
GDAL/GEOS/PROJ as QGIS itself: on Windows OSGeo4W's packages, on Debian/Ubuntu the
distribution's. A binary wheel from PyPI bundles its own copies of those libraries, and
inside QGIS they clash (crashes at exit, "double free or corruption"): no command here
ever installs one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = [
    "REQUIREMENTS",
    "Requirement",
    "apt_command",
    "debian_expert_commands",
    "parse_version",
    "version_at_least",
]


@dataclass(frozen=True)
class Requirement:
    """One Python package Sozialplanung uses at run time."""

    module: str  #: import name
    distribution: str  #: name for ``importlib.metadata`` and pip
    minimum: str  #: the oldest version the code works with
    why: str  #: what needs that version (for developers; English)
    debian: str  #: Debian/Ubuntu package
    osgeo4w: str  #: OSGeo4W package (QGIS's Windows installers); "": none, pip installs it
    required: bool = True  #: False: a feature is missing or slower without it
    plugin: bool = True  #: False: only geolib's notebook helpers use it, not the plugin
    native: bool = False  #: links GDAL/GEOS/PROJ: pip may only build it from source
    in_qgis_windows: bool = True  #: in QGIS's standard Windows install already
    python_below: tuple[int, int] | None = None  #: needed only on older Pythons


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "numpy", "numpy", "1.22", "geopandas 1.0 needs it", "python3-numpy", "python3-numpy"
    ),
    Requirement(
        "pandas",
        "pandas",
        "2.0",
        "pd.to_datetime(format='ISO8601') (geolib.hilfeportal) is new in pandas 2.0; "
        "with 1.5 the Hilfeportal's date checks go wrong",
        "python3-pandas",
        "python3-pandas",
    ),
    Requirement(
        "shapely",
        "shapely",
        "2.0",
        "shapely 2's vectorised functions (shapely.points, STRtree.query with predicates, "
        "coverage_union_all, polygonize_full) everywhere in geolib",
        "python3-shapely",
        "python3-shapely",
        native=True,
    ),
    Requirement(
        "pyogrio",
        "pyogrio",
        "0.7.2",
        "geolib reads and writes through pyogrio (list_layers, read_dataframe with "
        "read_geometry=False, read_info's layer_metadata); geopandas 1.0 needs 0.7.2",
        "python3-pyogrio",
        "python3-pyogrio",
        native=True,
    ),
    Requirement(
        "pyproj",
        "pyproj",
        "3.3",
        "geopandas 1.0 needs it; geolib uses CRS, Transformer and pyproj.datadir",
        "python3-pyproj",
        "python3-pyproj",
        native=True,
    ),
    Requirement(
        "geopandas",
        "geopandas",
        "1.0",
        "GeoSeries.union_all (geolib.network) is new in geopandas 1.0",
        "python3-geopandas",
        "python3-geopandas",
    ),
    Requirement(
        "rasterio",
        "rasterio",
        "1.3",
        "rasters of the density and surface algorithms (rasterio.open, features.rasterize)",
        "python3-rasterio",
        "python3-rasterio",
        native=True,
        in_qgis_windows=False,
    ),
    Requirement(
        "scipy",
        "scipy",
        "1.10",
        "scipy.sparse.csgraph.dijkstra (min_only, limit), cKDTree, stats.rankdata",
        "python3-scipy",
        "python3-scipy",
    ),
    Requirement(
        "tomli",
        "tomli",
        "1.1",
        "Sozialformel presets are TOML; Python 3.11+ has tomllib",
        "python3-tomli",
        "python3-tomli",
        python_below=(3, 11),
    ),
    Requirement(
        "openpyxl",
        "openpyxl",
        "3.0",
        "reading .xlsx tables (pandas.read_excel); CSV and GeoPackage tables work without",
        "python3-openpyxl",
        "python3-openpyxl",
        required=False,
    ),
    Requirement(
        "numba",
        "numba",
        "0.58",
        "compiles the kernel density loop; without it the same values come from numpy, "
        "3-5 times slower",
        "python3-numba",
        "python3-numba",
        required=False,
        in_qgis_windows=False,
    ),
    Requirement(
        "osmium",
        "osmium",
        "3.6",
        "reading OSM files (.osm, .osm.gz, .osm.bz2, .pbf) in geolib.osm: SimpleHandler."
        "apply_file(locations=True); Debian 12 ships 3.6. Line layers need none. OSGeo4W "
        "has no package: pip install osmium (a wheel without GDAL/GEOS/PROJ, safe in QGIS)",
        "python3-pyosmium",
        "",
        required=False,
        in_qgis_windows=False,
    ),
    Requirement(
        "networkx",
        "networkx",
        "2.8",
        "geolib.nx: a network from or to a networkx/osmnx graph (notebooks, not the plugin)",
        "python3-networkx",
        "python3-networkx",
        required=False,
        plugin=False,
    ),
)


def applies(req: Requirement, python: tuple[int, int] | None = None) -> bool:
    """Whether ``req`` is needed on this Python (``python``: major, minor; default: ours)."""
    python = python or (sys.version_info[0], sys.version_info[1])
    return req.python_below is None or python < req.python_below


def requirements(
    *, required: bool | None = None, plugin: bool | None = None, python=None
) -> list[Requirement]:
    """The table's rows for this Python, filtered by ``required`` and ``plugin``."""
    return [
        r
        for r in REQUIREMENTS
        if applies(r, python)
        and (required is None or r.required == required)
        and (plugin is None or r.plugin == plugin)
    ]


# --- versions ---------------------------------------------------------------------------
def parse_version(text: str) -> tuple[int, ...]:
    """The numeric release of a Python or Debian version: ``'1:1.24.2-1+deb12u1'`` ->
    ``(1, 24, 2)``, ``'2.0.0rc1'`` -> ``(2, 0, 0)``, ``'0.12.2-1'`` -> ``(0, 12, 2)``.
    ``()`` when there is no number."""
    text = text.strip().split(":", 1)[-1]  # a Debian epoch
    match = re.match(r"\d+(?:\.\d+)*", text)
    return tuple(int(p) for p in match.group(0).split(".")) if match else ()


def version_at_least(found: str, minimum: str) -> bool:
    """Whether version ``found`` is ``minimum`` or newer (missing parts count as 0)."""
    a, b = parse_version(found), parse_version(minimum)
    if not a:
        return False
    width = max(len(a), len(b))
    return a + (0,) * (width - len(a)) >= b + (0,) * (width - len(b))


# --- Debian / Ubuntu ----------------------------------------------------------------------
def debian_packages(*, optional: bool = True, plugin_only: bool = False, python=None) -> list[str]:
    """Debian package names of the required (and ``optional``) requirements."""
    rows = requirements(required=None if optional else True, python=python)
    return [r.debian for r in rows if r.plugin or not plugin_only]


def apt_command(packages: Iterable[str]) -> str:
    """The apt command a user runs (with sudo: QGIS's users are not root)."""
    return "sudo apt install " + " ".join(packages)


def debian_command(python=None) -> str:
    """What a user of Debian 13+ / a new enough Ubuntu runs: the plugin's packages."""
    return apt_command(debian_packages(optional=False, python=python))


def _pip_spec(req: Requirement) -> str:
    major = parse_version(req.minimum)[0]
    return f'"{req.distribution}>={req.minimum},<{major + 1}"'


def debian_expert_commands(apt_versions: Mapping[str, str], python=None) -> list[str]:
    """For a distribution whose packages are too old: apt for what is new enough there,
    pip (as the user, source builds against the system's GDAL/GEOS/PROJ) for the rest.

    ``apt_versions``: Debian package -> the version apt offers ("" or absent: none).
    What apt gives (numpy, pandas, pyproj ...) is pinned on pip's command line to that
    version, so pip never replaces it with a wheel; every native package pip builds gets
    ``--no-binary``, so no wheel with its own GDAL/GEOS/PROJ is ever installed.
    """
    rows = requirements(required=True, python=python)
    from_apt = [r for r in rows if version_at_least(apt_versions.get(r.debian, ""), r.minimum)]
    from_pip = [r for r in rows if r not in from_apt]
    if not from_pip:
        return [apt_command(r.debian for r in from_apt)]
    build = ["python3-pip", "python3-dev", "build-essential"]
    libs = {"shapely": "libgeos-dev", "pyogrio": "libgdal-dev", "rasterio": "libgdal-dev"}
    libs["pyproj"] = "libproj-dev proj-bin"
    for r in from_pip:
        if r.native and libs.get(r.module) and libs[r.module] not in build:
            build.append(libs[r.module])
    pins = [
        f'"{r.distribution}=={debian_upstream(apt_versions[r.debian])}"'
        for r in from_apt
        if r.module in ("numpy", "pandas", "pyproj", "shapely")
    ]
    native = ",".join(r.distribution for r in REQUIREMENTS if r.native)
    pip = f"python3 -m pip install --user --break-system-packages --no-binary {native} " + " ".join(
        [_pip_spec(r) for r in from_pip] + pins
    )
    return [apt_command([*build, *(r.debian for r in from_apt)]), pip]


def debian_upstream(version: str) -> str:
    """``'1:1.24.2-1+deb12u1'`` -> ``'1.24.2'`` (what the package's dist-info says)."""
    return ".".join(str(p) for p in parse_version(version))


# --- Windows (OSGeo4W) ---------------------------------------------------------------------
def osgeo4w_packages(*, optional: bool = True) -> list[str]:
    """OSGeo4W package names of the plugin's required (and ``optional``) packages."""
    rows = requirements(required=None if optional else True, plugin=True, python=(3, 12))
    return [r.osgeo4w for r in rows if r.osgeo4w]


# --- script ---------------------------------------------------------------------------------
def _table() -> str:
    lines = ["| import | minimum | Debian/Ubuntu | OSGeo4W | needed | why |", "|---" * 6 + "|"]
    for r in REQUIREMENTS:
        need = "required" if r.required else "optional"
        if not r.plugin:
            need += " (geolib only)"
        if r.python_below:
            need += f" (Python < {r.python_below[0]}.{r.python_below[1]})"
        osgeo4w = r.osgeo4w or f"none (pip install {r.distribution})"
        lines.append(f"| {r.module} | {r.minimum} | {r.debian} | {osgeo4w} | {need} | {r.why} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    commands = {
        "debian-packages": lambda: " ".join(debian_packages()),
        "debian-command": debian_command,
        "osgeo4w-packages": lambda: " ".join(osgeo4w_packages()),
        "table": _table,
    }
    if len(argv) != 1 or argv[0] not in commands:
        sys.stderr.write("usage: requirements.py " + "|".join(commands) + "\n")
        return 2
    print(commands[argv[0]]())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
