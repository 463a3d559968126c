"""Shared helpers for the benchmarks: a headless QGIS and a best-of-N timer."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="sozialplanung-bench-"))


def start_qgis():
    """Start a headless QGIS with Processing and this project's provider (see tests/_qgis)."""
    from tests._qgis import start_qgis as start

    return start()


def best_of(func, repeat: int = 3) -> tuple[float, object]:
    """The fastest of ``repeat`` runs in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def machine() -> str:
    """This machine in one line: CPU model, logical CPUs, load average, GEOS and GDAL.

    Absolute aims (1M edges under 10 s) depend on the machine; the benchmarks print
    this first so runs of different days can be told apart (a VM's speed varies).
    """
    import shapely

    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:  # not Linux
        pass
    try:
        load = "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        load = "load average unknown"
    try:
        from osgeo import gdal

        gdal_version = gdal.__version__
    except ImportError:
        gdal_version = "?"
    geos = ".".join(map(str, shapely.geos_version))
    return (
        f"machine: {model}, {os.cpu_count()} logical CPUs, {load}; "
        f"Python {sys.version.split()[0]}, GEOS {geos}, GDAL {gdal_version}"
    )


def report(title: str, ours: float, peer: float, peer_name: str) -> None:
    print(f"{title:<58} ours {ours:7.3f} s   {peer_name} {peer:7.3f} s   ratio {peer / ours:6.1f}×")
