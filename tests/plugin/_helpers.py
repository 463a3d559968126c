"""Install the built plugin zip into a fresh QGIS profile and run QGIS on it."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path

from tests.conftest import KREIS_GPKG, ROOT

QGIS_PROCESS = os.environ.get("QGIS_PROCESS", "/usr/bin/qgis_process.bin")
HANG_REPORT = Path(__file__).with_name("hang_report")


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
    return run_qgis(
        [QGIS_PROCESS, *args], qgis_env(config, with_dependencies=with_dependencies), timeout
    )


def run_desktop(config: Path, driver: str | Path, env: dict[str, str], timeout: int = 240):
    """QGIS desktop under Xvfb with this profile, running ``driver`` (``--code``)."""
    env = {k: v for k, v in env.items() if k != "QT_QPA_PLATFORM"}  # a real X display
    command = [
        "xvfb-run",
        "-a",
        "/usr/bin/qgis.bin",  # the binary: Debian's wrapper adds a flag 3.22 rejects
        "--nologo",
        "--noversioncheck",
        "--profiles-path",
        str(config),
        "--code",
        str(driver),
    ]
    return run_qgis(command, env, timeout)


def run_qgis(command: list[str], env: dict[str, str], timeout: float):
    """Run a QGIS program (``qgis.bin`` or ``qgis_process.bin``, also under ``xvfb-run``)
    like ``subprocess.run``; if it does not end within ``timeout`` seconds, fail with the
    Python stack of each of its threads (where it hangs), not only the timeout."""
    # SIGUSR1 prints every thread's stack (hang_report/sitecustomize.py), a crash too
    path = [str(HANG_REPORT), env.get("PYTHONPATH", "")]
    env = dict(env, PYTHONPATH=os.pathsep.join(filter(None, path)), PYTHONFAULTHANDLER="1")
    proc = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: xvfb-run's children too
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in _qgis_processes(proc.pid):
            os.kill(pid, signal.SIGUSR1)
        time.sleep(3)  # the stacks are written
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        raise AssertionError(
            f"{' '.join(command)} did not end within {timeout} s; the stacks of its threads "
            f"then (stderr):\n{err[-20000:]}\nstdout:\n{out[-5000:]}"
        ) from None
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def _qgis_processes(group: int) -> list[int]:
    """The QGIS programs (``qgis*.bin``) in the process group ``group``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            program = (entry / "cmdline").read_bytes().split(b"\0")[0]
        except (OSError, ProcessLookupError):
            continue  # ended meanwhile
        if program.rsplit(b"/", 1)[-1].startswith(b"qgis") and program.endswith(b".bin"):
            found.append(int(entry.name))
    return found


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
