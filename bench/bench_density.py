"""Kernel density: geolib.kernel_density.kernel_density against QGIS's heatmap, on one grid.

Runs each side in its own process (so peak memory is each one's own), compares the
rasters cell by cell and prints time and memory ratios. Points are random over Kreis
Pinneberg, snapped to half pixels, so that QGIS 3.22's heatmap is exact too (it
reflects kernels vertically within the point's pixel row otherwise; see the help of
sozialplanung:offerdensity). geolib runs twice: compiled with numba (one thread and all
cores) and with numpy only (``GEOLIB_NO_NUMBA=1``); numba's compile time (empty cache) and
its first call per process (cache load) are printed apart from the timed warm call.
Run: ``.venv/bin/python bench/bench_density.py [N ...]``.
"""

from __future__ import annotations

import json
import os
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
    # VmHWM, not getrusage's ru_maxrss: that one keeps the parent's peak across fork + exec
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


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


def run_qgis(points: str, out: str, extent: str = "") -> dict:
    """QGIS's heatmap, or with an extent sozialplanung:offerdensity, through Processing."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    params = {"INPUT": points, "RADIUS": RADIUS, "PIXEL_SIZE": PIXEL, "KERNEL": 0}
    params.update(OUTPUT_VALUE=0, OUTPUT=out)
    alg = "qgis:heatmapkerneldensityestimation"
    first = 0.0
    if extent:
        import geopandas as gpd

        from geolib.density import kernel_density
        from processing_algorithms.provider import SozialplanungProvider

        provider = SozialplanungProvider()
        QgsApplication.processingRegistry().addProvider(provider)
        alg = "sozialplanung:offerdensity"
        xmin, ymin, xmax, ymax = extent.split(",")
        params["EXTENT"] = f"{xmin},{xmax},{ymin},{ymax} [EPSG:25832]"
        start = time.perf_counter()  # numba's cache load, once per process
        tiny = gpd.GeoDataFrame(geometry=gpd.points_from_xy([0.0], [0.0]), crs=25832)
        kernel_density(tiny, radius=RADIUS, pixel_size=PIXEL)
        first = time.perf_counter() - start
    base = _rss_mb()
    start = time.perf_counter()
    processing.run(alg, params)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "peak_mb": _peak_mb(), "base_mb": base, "first": first}


def run_geolib(points: str, out: str, extent: str, threads: str, engine: str) -> dict:
    if engine == "numpy":
        os.environ["GEOLIB_NO_NUMBA"] = "1"
    import geopandas as gpd

    from geolib.io import read_vector
    from geolib.kernel_density import kernel_density, uses_numba
    from geolib.raster import write_geotiff

    assert uses_numba() == (engine == "numba")
    start = time.perf_counter()
    pts = read_vector(points)
    read = time.perf_counter() - start
    # the first call of a process loads the compiled loop from numba's cache (or compiles it)
    start = time.perf_counter()
    tiny = gpd.GeoDataFrame(geometry=gpd.points_from_xy([0.0], [0.0]), crs=25832)
    kernel_density(tiny, radius=RADIUS, pixel_size=PIXEL)
    first = time.perf_counter() - start
    base = _rss_mb()
    start = time.perf_counter()
    cpu = time.process_time()
    result = kernel_density(
        pts,
        radius=RADIUS,
        pixel_size=PIXEL,
        extent=tuple(map(float, extent.split(","))),
        threads=int(threads),
    )
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    peak = _peak_mb()
    start = time.perf_counter()
    write_geotiff(result, out)  # QGIS's time includes writing its GeoTIFF
    write = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu": cpu,
        "first": first,
        "write": write,
        "read": read,
        "peak_mb": peak,
        "base_mb": base,
    }


def run_compile() -> dict:
    """Import and first call with an empty numba cache: the compile time."""
    start = time.perf_counter()
    import geopandas as gpd

    from geolib.kernel_density import kernel_density, uses_numba

    imported = time.perf_counter()
    tiny = gpd.GeoDataFrame(geometry=gpd.points_from_xy([0.0], [0.0]), crs=25832)
    kernel_density(tiny, radius=RADIUS, pixel_size=PIXEL)
    return {
        "numba": uses_numba(),
        "import": imported - start,
        "compile": time.perf_counter() - imported,
    }


def _child(*args: str, env: dict | None = None) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stdout[-3000:] + proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _read(path: Path) -> tuple[np.ndarray, object]:
    import rasterio

    with rasterio.open(path) as src:
        a = src.read(1).astype(float)
        a[a == src.nodata] = 0.0
        return a, src.transform


def _max_rel(a: np.ndarray, b: np.ndarray) -> float:
    rel = np.abs(a - b) / np.maximum(np.abs(a), 1e-30)
    rel[(a == 0) & (b == 0)] = 0.0
    return float(rel.max())


def compare(n: int, work: Path) -> None:
    points = work / f"points_{n}.gpkg"
    extent = make_points(n, points)
    box = ",".join(map(str, extent))
    cores = str(os.cpu_count() or 1)
    q = _child("qgis", str(points), str(work / f"qgis_{n}.tif"))
    runs = {}
    for label, threads, engine in (
        ("numpy, 1 thread", "1", "numpy"),
        ("numba, 1 thread", "1", "numba"),
        (f"numba, {cores} threads", cores, "numba"),
    ):
        out = work / f"{engine}{threads}_{n}.tif"
        runs[label] = (_child("geolib", str(points), str(out), box, threads, engine), out)
    alg = _child("qgis", str(points), str(work / f"offerdensity_{n}.tif"), box)
    qa, qt = _read(work / f"qgis_{n}.tif")
    numpy_a, numpy_t = _read(runs["numpy, 1 thread"][1])
    print(
        f"{n:>9,} points, {qa.shape[0]}×{qa.shape[1]} px of {PIXEL:g} m, radius {RADIUS:g} m: "
        f"same grid {qt == numpy_t and qa.shape == numpy_a.shape}"
    )
    print(
        f"  {'QGIS heatmap':<22} {q['seconds']:7.2f} s               peak {q['peak_mb']:5.0f} MB "
        f"(+{q['peak_mb'] - q['base_mb']:.0f} MB over start)"
    )
    for label, (r, out) in runs.items():
        a, t = _read(out)
        assert t == qt
        assert a.shape == qa.shape
        versus = "" if label.startswith("numpy") else f", vs numpy {_max_rel(numpy_a, a):.1e}"
        print(
            f"  geolib {label:<15} {r['seconds']:7.2f} s (CPU {r['cpu']:5.2f} s, GeoTIFF "
            f"+{r['write']:.2f} s)  peak "
            f"{r['peak_mb']:5.0f} MB (+{r['peak_mb'] - r['base_mb']:.0f} MB): "
            f"{q['seconds'] / r['seconds']:4.1f}× faster than QGIS; max. rel. difference "
            f"vs QGIS {_max_rel(a, qa):.1e} (its float32 sums){versus}"
        )
    a, t = _read(work / f"offerdensity_{n}.tif")
    assert t == qt
    print(
        f"  {'Processing offerdensity':<22} {alg['seconds']:7.2f} s               peak "
        f"{alg['peak_mb']:5.0f} MB (+{alg['peak_mb'] - alg['base_mb']:.0f} MB): "
        f"{q['seconds'] / alg['seconds']:4.1f}× faster than QGIS (whole run: reading the "
        f"points, numba on {cores} threads, the deflate GeoTIFF; max. rel. difference vs "
        f"numpy {_max_rel(numpy_a, a):.1e})"
    )
    best = runs[f"numba, {cores} threads"][0]
    whole = best["read"] + best["seconds"] + best["write"]
    print(
        f"  Processing run against geolib on {cores} threads: × "
        f"{alg['seconds'] / best['seconds']:.2f} of the geolib call (density only, "
        f"{best['seconds']:.2f} s), × {alg['seconds'] / whole:.2f} of geolib end to end "
        f"(points read {best['read']:.2f} s + density + GeoTIFF written {best['write']:.2f} s "
        f"= {whole:.2f} s; aim ≤ 1.5)"
    )
    first = runs["numba, 1 thread"][0]["first"]
    print(f"  numba's first call in a process (loading the loop from its cache): {first:.2f} s")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("qgis", "geolib", "compile"):
        func = {"qgis": run_qgis, "geolib": run_geolib, "compile": run_compile}[sys.argv[1]]
        print(json.dumps(func(*sys.argv[2:])))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [100_000, 1_000_000]
    with tempfile.TemporaryDirectory(prefix="bench-density-") as tmp:
        c = _child("compile", env={"NUMBA_CACHE_DIR": str(Path(tmp) / "numba-cache")})
        if not c["numba"]:
            raise SystemExit("numba is not installed or switched off (GEOLIB_NO_NUMBA)")
        print(
            f"numba: the first call with an empty cache compiles the loop in {c['compile']:.2f} s "
            f"(import of geolib {c['import']:.2f} s); later processes load it from the cache"
        )
        for n in sizes:
            compare(n, Path(tmp))


if __name__ == "__main__":
    main()
