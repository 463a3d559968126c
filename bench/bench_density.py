"""Kernel density: geolib.density.kernel_density against QGIS's heatmap, on one grid.

Runs each side in its own process (so peak memory is each one's own), compares the
rasters cell by cell and prints time and memory ratios. Points are random over Kreis
Pinneberg, snapped to half pixels, so that QGIS 3.22's heatmap is exact too (it
reflects kernels vertically within the point's pixel row otherwise; see the help of
sozialplanung:offerdensity). Run: ``.venv/bin/python bench/bench_density.py [N ...]``.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
KREIS = ROOT / "data" / "kreis_pinneberg.gpkg"
PIXEL = 25.0
RADIUS = 500.0


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_points(n: int, path: Path) -> tuple[float, float, float, float]:
    """n random points in the Kreis, snapped to half pixels; returns QGIS's raster extent."""
    import geopandas as gpd
    import shapely

    from geolib.io import read_vector

    kreis = read_vector(KREIS, layer="kreis").to_crs(25832).geometry.union_all()
    xmin, ymin, xmax, ymax = kreis.bounds
    rng = np.random.default_rng(42)
    xy = np.empty((0, 2))
    while len(xy) < n:
        cand = rng.uniform([xmin, ymin], [xmax, ymax], size=(2 * n, 2))
        cand = cand[shapely.contains_xy(kreis, cand[:, 0], cand[:, 1])]
        xy = np.vstack([xy, cand])
    xy = np.round(xy[:n] / (PIXEL / 2)) * (PIXEL / 2)
    # a height of whole pixels: the extreme ys 25 m apart times k
    y0 = xy[:, 1].min()
    span = np.ceil((xy[:, 1].max() - y0) / PIXEL) * PIXEL
    xy[np.argmax(xy[:, 1]), 1] = y0 + span
    gpd.GeoDataFrame(geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=25832).to_file(path)
    bx0, by0 = xy.min(axis=0) - RADIUS
    bx1, by1 = xy.max(axis=0) + RADIUS
    cols = int(np.ceil((bx1 - bx0) / PIXEL)) + 1
    rows = int(np.ceil((by1 - by0) / PIXEL)) + 1
    return bx0, by1 - rows * PIXEL, bx0 + cols * PIXEL, by1


def run_qgis(points: str, out: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    base = _rss_mb()
    start = time.perf_counter()
    processing.run(
        "qgis:heatmapkerneldensityestimation",
        {
            "INPUT": points,
            "RADIUS": RADIUS,
            "PIXEL_SIZE": PIXEL,
            "KERNEL": 0,
            "OUTPUT_VALUE": 0,
            "OUTPUT": out,
        },
    )
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": _peak_mb(), "base_mb": base}


def run_geolib(points: str, out: str, extent: str, threads: str = "0") -> dict:
    from geolib.density import kernel_density
    from geolib.io import read_vector
    from geolib.raster import write_geotiff

    pts = read_vector(points)
    base = _rss_mb()
    start = time.perf_counter()
    cpu = time.process_time()
    result = kernel_density(
        pts,
        radius=RADIUS,
        pixel_size=PIXEL,
        extent=tuple(map(float, extent.split(","))),
        threads=int(threads) or None,
    )
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    write_geotiff(result, out)
    return {"seconds": seconds, "cpu": cpu, "peak_mb": _peak_mb(), "base_mb": base}


def _child(*args: str) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-3000:] + proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def compare(n: int, work: Path) -> None:
    import rasterio

    points = work / f"points_{n}.gpkg"
    extent = make_points(n, points)
    q = _child("qgis", str(points), str(work / f"qgis_{n}.tif"))
    box = ",".join(map(str, extent))
    cores = str(os.cpu_count() or 1)
    g = _child("geolib", str(points), str(work / f"geolib_{n}.tif"), box, cores)
    g1 = _child("geolib", str(points), str(work / f"geolib1_{n}.tif"), box, "1")
    with rasterio.open(work / f"qgis_{n}.tif") as a, rasterio.open(work / f"geolib_{n}.tif") as b:
        qa, ga = a.read(1).astype(float), b.read(1)
        same_grid = a.transform == b.transform and qa.shape == ga.shape
        qa[qa == a.nodata] = 0.0
    rel = np.abs(ga - qa) / np.maximum(np.abs(ga), 1e-30)
    rel[(ga == 0) & (qa == 0)] = 0.0
    print(
        f"{n:>9,} points, {qa.shape[0]}×{qa.shape[1]} px of {PIXEL:g} m, radius {RADIUS:g} m: "
        f"same grid {same_grid}, max relative difference {rel.max():.2e} "
        f"(QGIS sums in float32; geolib in float64)"
    )
    print(
        f"  QGIS heatmap      {q['seconds']:7.2f} s  peak {q['peak_mb']:7.0f} MB "
        f"(+{q['peak_mb'] - q['base_mb']:.0f} MB over start)"
    )
    for label, r in (("geolib, 1 thread", g1), (f"geolib, {cores} threads", g)):
        print(
            f"  {label:<17} {r['seconds']:7.2f} s (CPU {r['cpu']:.2f} s)  peak "
            f"{r['peak_mb']:7.0f} MB (+{r['peak_mb'] - r['base_mb']:.0f} MB over start): "
            f"{q['seconds'] / r['seconds']:.1f}× faster than QGIS"
        )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("qgis", "geolib"):
        func = run_qgis if sys.argv[1] == "qgis" else run_geolib
        print(json.dumps(func(*sys.argv[2:])))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    with tempfile.TemporaryDirectory(prefix="bench-density-") as tmp:
        for n in sizes:
            compare(n, Path(tmp))


if __name__ == "__main__":
    main()
