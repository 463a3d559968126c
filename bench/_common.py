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


def report(title: str, ours: float, peer: float, peer_name: str) -> None:
    print(f"{title:<58} ours {ours:7.3f} s   {peer_name} {peer:7.3f} s   ratio {peer / ours:6.1f}×")
