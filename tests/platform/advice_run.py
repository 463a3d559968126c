"""Runs inside a clean Debian root that has QGIS and nothing else (``run-bare``).

Does what a user does: installs the plugin zip into a fresh profile, starts QGIS and
reads the install advice the plugin prints, runs that advice, then uses the plugin:
``qgis_process`` lists and runs the algorithms of the demo chain (``make demo`` on a
copy of the source), and QGIS desktop (Xvfb) loads offers in the Hilfeportal dock and
quits normally. Standard library only (the root has no other Python packages at the
start). Writes what it saw as JSON to the path given as the second argument.

    python3 advice_run.py PLUGIN_ZIP RESULT_JSON OFFERS_EXPORT
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

QGIS_PROCESS = "/usr/bin/qgis_process.bin"
CONFIG = Path("/tmp/qgis-config")
PLUGINS = CONFIG / "profiles" / "default" / "python" / "plugins"
HERE = Path(__file__).resolve().parent
SRC = HERE.parent.parent
#: the Debian command in the plugin's message, e.g. "sudo apt install python3-geopandas ..."
APT_COMMAND = re.compile(r"(?:sudo )?apt(?:-get)? install [a-z0-9 .+:=-]+")


def env(**extra: str) -> dict[str, str]:
    base = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "HOME": "/root",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "QGIS_CUSTOM_CONFIG_PATH": str(CONFIG),
        "OGR_SQLITE_JOURNAL": "DELETE",
    }
    base.update(extra)
    return base


def run(args: list[str], timeout: int = 600, **extra: str) -> dict:
    """Run ``args``; after ``timeout`` seconds end it with all it started (xvfb-run's
    Xvfb and QGIS too) and say so in ``err``."""
    proc = subprocess.Popen(
        args,
        env=env(**extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group
    )
    late = ""
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        late = f"\n(did not end within {timeout} s; ended)"
    return {"args": args, "rc": proc.returncode, "out": out[-6000:], "err": err[-6000:] + late}


def install_plugin(zip_path: str) -> None:
    PLUGINS.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(PLUGINS)
    ini = CONFIG / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\nsozialplanung=true\n", encoding="utf-8")


def follow_advice(text: str) -> dict:
    """Run the apt command of the plugin's message as a user would (we are root: no sudo)."""
    found = APT_COMMAND.search(text)
    if found is None:
        return {"command": None}
    command = found.group(0).strip()
    # the user answers apt's question with yes
    Path("/etc/apt/apt.conf.d/90yes").write_text('APT::Get::Assume-Yes "true";\n')
    result = run(
        ["/bin/sh", "-c", command.removeprefix("sudo ")],
        timeout=1200,
        DEBIAN_FRONTEND="noninteractive",
    )
    return {"command": command, **result}


def demo_chain() -> dict:
    """``make demo`` on a copy of the source, with Debian's python3 and packages only."""
    copy = Path("/tmp/src")
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "out", "__pycache__")
    shutil.copytree(SRC, copy, ignore=ignore)
    plugin_dir = copy / "build" / "qgis-plugins" / "sozialplanung"
    built = run(
        [
            sys.executable,
            "scripts/build_plugin.py",
            "--zip",
            "/tmp/demo.zip",
            "--dir",
            str(plugin_dir),
        ]
    )
    if built["rc"] != 0:
        return built
    os.chdir(copy)
    result = run([sys.executable, "scripts/demo.py"], timeout=1800)
    os.chdir("/")
    out = copy / "out"
    result["files"] = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    atlas = out / "sozialplanungsatlas.gpkg"
    if atlas.exists():
        with sqlite3.connect(atlas) as db:
            rows = db.execute("SELECT table_name FROM gpkg_contents").fetchall()
        result["layers"] = sorted(row[0] for row in rows)
    return result


def dock_in_desktop(offers: str, result_file: Path) -> dict:
    """QGIS desktop under Xvfb: the dock loads ``offers``; QGIS then quits normally."""
    proc = run(
        [
            "xvfb-run",
            "-a",
            "/usr/bin/qgis.bin",
            "--nologo",
            "--noversioncheck",
            "--profiles-path",
            str(CONFIG),
            "--code",
            str(HERE / "dock_driver.py"),
        ],
        timeout=600,
        SOZ_OFFERS=offers,
        SOZ_RESULT=str(result_file),
        QT_QPA_PLATFORM="xcb",
    )
    proc["driver"] = json.loads(result_file.read_text()) if result_file.exists() else None
    return proc


def main() -> None:
    zip_path, result_path, offers = sys.argv[1:4]
    result: dict = {}
    install_plugin(zip_path)
    result["before"] = run([QGIS_PROCESS, "list"])
    result["advice"] = follow_advice(result["before"]["out"] + result["before"]["err"])
    if result["advice"].get("rc") == 0:
        result["after"] = run([QGIS_PROCESS, "list"])
        result["demo"] = demo_chain()
        result["desktop"] = dock_in_desktop(offers, Path("/tmp/dock.json"))
    Path(result_path).write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
