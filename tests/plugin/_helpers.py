"""Install the built plugin zip into a fresh QGIS profile and run QGIS on it."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

from tests.conftest import KREIS_GPKG, ROOT

QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")


def build_zip(dest: Path) -> Path:
    """Build the plugin zip exactly as ``make plugin`` does."""
    zip_path = dest / "sozialplanung.zip"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_plugin.py"), "--zip", str(zip_path)],
        check=True,
        capture_output=True,
    )
    return zip_path


def fresh_profile(base: Path, zip_path: Path) -> tuple[Path, Path]:
    """A new QGIS config dir with the zip unpacked into its default profile's plugins."""
    config = base / "qgis-config"
    plugins = config / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(plugins)
    return config, plugins / "sozialplanung"


def qgis_env(config: Path, *, with_dependencies: bool = True) -> dict[str, str]:
    """Environment for QGIS's own executables: headless, this profile, our packages."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "QGIS_PLUGINPATH")}
    env.update(QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=str(config))
    if with_dependencies:
        # QGIS embeds /usr/bin/python3; the venv's packages (geopandas, ...) reach it this way
        env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    return env


def qgis_process(config: Path, *args: str, with_dependencies: bool = True, timeout: int = 300):
    return subprocess.run(
        [QGIS_PROCESS, *args],
        env=qgis_env(config, with_dependencies=with_dependencies),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_desktop(config: Path, driver: str | Path, env: dict[str, str], timeout: int = 240):
    """QGIS desktop under Xvfb with this profile, running ``driver`` (``--code``)."""
    env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}  # a real X display
    return subprocess.run(
        [
            "xvfb-run",
            "-a",
            "/usr/bin/qgis.bin",  # the binary: Debian's wrapper adds a flag 3.22 rejects
            "--nologo",
            "--noversioncheck",
            "--profiles-path",
            str(config),
            "--code",
            str(driver),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def offersperpopulation_args(offers: Path, out: Path) -> list[str]:
    """``qgis_process`` arguments of one offersperpopulation run on the municipalities."""
    return [
        "--json",
        "run",
        "sozialplanung:offersperpopulation",
        "--",
        f"OFFERS={offers}",
        f"AREAS={KREIS_GPKG}|layername=gemeinden",
        "POPULATION_FIELD=EWZ_2018",
        "CATEGORY_FIELD=category",
        f"OUTPUT={out}",
    ]
