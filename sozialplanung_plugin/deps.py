"""Check that QGIS's Python has the packages Sozialplanung needs, new enough, and say
how to install them on this platform.

The check reads versions with ``importlib.metadata`` and then imports each package (an
installed package may still fail to import, e.g. one built for another numpy). The
advice is a pure function of :class:`Platform` facts, so every platform's text is
testable anywhere; :func:`current_platform` gathers the facts of this machine.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from qgis.PyQt.QtCore import QCoreApplication

from .requirements import (
    Requirement,
    apt_command,
    debian_command,
    debian_expert_commands,
    debian_packages,
    debian_upstream,
    parse_version,
    requirements,
    version_at_least,
)

__all__ = [
    "Platform",
    "Status",
    "advice",
    "check",
    "current_platform",
    "problem_message",
    "problems",
]


def tr(text: str) -> str:
    return QCoreApplication.translate("SozialplanungDeps", text)


# --- the check ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Status:
    """What QGIS's Python has of one requirement."""

    requirement: Requirement
    found: str | None  #: the installed version, None when not installed
    problem: str | None  #: None (fine), "missing", "too_old" or "broken"
    error: str = ""  #: the import error of a broken package

    def describe(self) -> str:
        r = self.requirement
        if self.problem == "too_old":
            return tr("{name} {found} (needs {minimum} or newer)").format(
                name=r.distribution, found=self.found, minimum=r.minimum
            )
        if self.problem == "broken":
            return tr("{name} {found} (cannot be imported: {error})").format(
                name=r.distribution, found=self.found, error=self.error
            )
        return r.distribution


def _installed_version(req: Requirement) -> str | None:
    try:
        return importlib.metadata.version(req.distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


def _known(version: str | None) -> bool:
    """A version that says something: not missing, not versioneer's "0+unknown" (Debian
    sid's python3-shapely 2.1 reports that, in its metadata and ``__version__``)."""
    return bool(version) and "unknown" not in version and bool(parse_version(version))


def check_one(req: Requirement) -> Status:
    """The version from the package's metadata, then a real import if it is new enough.

    A version that says nothing ("0+unknown") is taken from the module instead; if that
    says nothing either, the package counts as new enough (it cannot be told)."""
    found = _installed_version(req)
    if _known(found) and not version_at_least(found, req.minimum):
        return Status(req, found, "too_old")
    try:
        module = importlib.import_module(req.module)
    except ImportError as exc:
        if found is None:
            return Status(req, None, "missing")
        return Status(req, found, "broken", f"{type(exc).__name__}: {exc}")
    except Exception as exc:  # a package failing at import raises anything (numpy ABI...)
        return Status(req, found, "broken", f"{type(exc).__name__}: {exc}")
    if not _known(found):
        own = str(getattr(module, "__version__", ""))
        found = own if _known(own) else found
        if _known(found) and not version_at_least(found, req.minimum):
            return Status(req, found, "too_old")
    return Status(req, found, None)


def check(reqs: Sequence[Requirement] | None = None) -> list[Status]:
    """The status of each requirement (default: the plugin's required ones; optional
    ones are not imported here: numba alone takes a second, and geolib copes without)."""
    rows = reqs if reqs is not None else requirements(required=True, plugin=True)
    return [check_one(r) for r in rows]


def problems(statuses: Sequence[Status], *, required: bool = True) -> list[Status]:
    """The statuses with a problem, of the required (or the optional) requirements."""
    return [s for s in statuses if s.problem and s.requirement.required == required]


# --- platform facts -------------------------------------------------------------------------
@dataclass(frozen=True)
class Platform:
    """What the advice depends on. ``os``: "windows", "macos" or "linux"."""

    os: str
    distro_id: str = ""  #: /etc/os-release ID: "debian", "ubuntu", ...
    distro_like: tuple[str, ...] = ()  #: its ID_LIKE
    distro_name: str = ""  #: its PRETTY_NAME: "Debian GNU/Linux 12 (bookworm)"
    apt_versions: Mapping[str, str] = field(default_factory=dict)  #: package -> candidate
    osgeo4w_root: str = ""  #: Windows: QGIS's install folder (OSGEO4W_ROOT)
    python: tuple[int, int] = (sys.version_info[0], sys.version_info[1])

    @property
    def uses_apt(self) -> bool:
        return self.distro_id in ("debian", "ubuntu") or "debian" in self.distro_like


def _os_release(path: str = "/etc/os-release") -> dict[str, str]:
    values = {}
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                key, sep, value = line.strip().partition("=")
                if sep:
                    values[key] = value.strip().strip('"')
    except OSError:
        pass
    return values


def apt_candidates(packages: Sequence[str]) -> dict[str, str]:
    """The version apt would install of each package ("" when apt has none)."""
    if not shutil.which("apt-cache"):
        return {}
    try:
        out = subprocess.run(
            ["apt-cache", "policy", *packages],
            capture_output=True,
            text=True,
            timeout=20,
            env={**os.environ, "LC_ALL": "C"},
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    found: dict[str, str] = {p: "" for p in packages}
    current = None
    for line in out.splitlines():
        if line and not line[0].isspace() and line.endswith(":"):
            current = line[:-1].split(":")[0]
        elif current and line.strip().startswith("Candidate:"):
            version = line.split(":", 1)[1].strip()
            found[current] = "" if version == "(none)" else version
    return found if any(found.values()) else {}  # no package lists: nothing known


def current_platform() -> Platform:
    """The facts of this machine (reads /etc/os-release, asks apt-cache on Debian/Ubuntu)."""
    if sys.platform.startswith("win"):
        return Platform("windows", osgeo4w_root=os.environ.get("OSGEO4W_ROOT", ""))
    if sys.platform == "darwin":
        return Platform("macos")
    release = _os_release()
    facts = Platform(
        "linux",
        distro_id=release.get("ID", ""),
        distro_like=tuple(release.get("ID_LIKE", "").split()),
        distro_name=release.get("PRETTY_NAME", ""),
    )
    if facts.uses_apt:
        facts = replace(facts, apt_versions=apt_candidates(debian_packages()))
    return facts


# --- the advice -----------------------------------------------------------------------------
def advice(bad: Sequence[Status], platform: Platform) -> str:
    """How to get the packages of ``bad`` on ``platform``: one paragraph, translated."""
    if platform.os == "windows":
        return _windows(bad, platform)
    if platform.os == "macos":
        return _macos()
    if platform.uses_apt:
        return _debian(bad, platform)
    return _other_linux(bad)


def _windows(bad: Sequence[Status], platform: Platform) -> str:
    setup = (
        platform.osgeo4w_root.rstrip("\\") + "\\bin\\setup.bat"
        if platform.osgeo4w_root
        else tr("the “Setup” entry in QGIS's (or OSGeo4W's) Start menu folder")
    )
    return tr(
        "On Windows these packages come with QGIS's installer (OSGeo4W): close QGIS, run "
        "the OSGeo4W Setup ({setup}), choose “Advanced Install”, go on to “Select "
        "Packages”, search for {packages} and click each one's “Skip” until it shows a "
        "version to install (or update), finish the setup and start QGIS again. Do not "
        "install them with pip: pip's packages bring their own GDAL and PROJ, which crash "
        "QGIS."
    ).format(setup=setup, packages=", ".join(s.requirement.osgeo4w for s in bad))


def _macos() -> str:
    return tr(
        "On macOS, Sozialplanung is not tested. What is known: the official QGIS package "
        "for macOS has its own Python, since QGIS 3.44 without geopandas and without pip, "
        "and packages built for another GDAL/PROJ must not be added to it. A way that "
        "keeps QGIS and these packages on one GDAL/PROJ is QGIS from conda-forge: "
        "conda create -n qgis -c conda-forge qgis geopandas pyogrio rasterio scipy, "
        "then start QGIS with: conda run -n qgis qgis"
    )


def _other_linux(bad: Sequence[Status]) -> str:
    return tr(
        "Install {packages} from your distribution's packages (they are built against "
        "the same GDAL, GEOS and PROJ as QGIS), then restart QGIS. Do not install binary "
        "wheels with pip: they bring their own GDAL and PROJ, which crash QGIS."
    ).format(packages=", ".join(s.requirement.distribution for s in bad))


def _debian(bad: Sequence[Status], platform: Platform) -> str:
    versions = platform.apt_versions

    def offers(r: Requirement) -> bool:
        """Whether apt has ``r`` new enough (True when apt's versions are not known)."""
        return not versions or version_at_least(versions.get(r.debian, ""), r.minimum)

    old = [s.requirement for s in bad if not offers(s.requirement)]
    py = platform.python
    command = debian_command(py)
    if not old:
        optional = [r for r in requirements(required=False, plugin=True, python=py) if offers(r)]
        if versions and not all(offers(r) for r in requirements(required=True, python=py)):
            # apt lacks some package the user got elsewhere: name only what is wanted
            command = apt_command(s.requirement.debian for s in bad)
        return tr(
            "Install them from your distribution, then restart QGIS: {command} "
            "(optional, for a faster kernel density, Excel tables and OSM files: {optional})"
        ).format(command=command, optional=apt_command(r.debian for r in optional))
    offered = ", ".join(
        f"{r.debian} {debian_upstream(versions[r.debian])}"
        if versions.get(r.debian)
        else tr("no {package}").format(package=r.debian)
        for r in old
    )
    return tr(
        "{distribution} offers only {offered}; Sozialplanung needs {needed}. The way "
        "that works: upgrade to Debian 13 or newer (or use QGIS on a distribution with "
        "current packages), where one command installs everything: {command}. For "
        "experts who stay: build the missing packages from source against the system's "
        "GDAL, GEOS and PROJ (needs a compiler and the -dev packages, takes minutes; "
        "never install binary wheels of them with pip, they crash QGIS): {expert}"
    ).format(
        distribution=platform.distro_name or platform.distro_id,
        offered=offered,
        needed=", ".join(
            tr("{name} {minimum} or newer").format(name=r.distribution, minimum=r.minimum)
            for r in old
        ),
        command=command,
        expert=" && ".join(debian_expert_commands(versions, py)),
    )


def problem_message(bad: Sequence[Status], platform: Platform) -> str:
    """The whole message: what is wrong, then how to fix it on ``platform``."""
    missing = [s.describe() for s in bad if s.problem == "missing"]
    other = [s.describe() for s in bad if s.problem != "missing"]
    parts = []
    if missing:
        parts.append(tr("it lacks {packages}").format(packages=", ".join(missing)))
    if other:
        parts.append(tr("it has {packages}").format(packages=", ".join(other)))
    return tr(
        "Sozialplanung's tools cannot start: QGIS's Python ({python}) is not ready: "
        "{problems}. {advice}"
    ).format(
        python="{}.{}".format(*platform.python),
        problems="; ".join(parts),
        advice=advice(bad, platform),
    )
