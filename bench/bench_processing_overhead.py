"""What a Processing run costs on top of the geolib call it wraps.

Prints, side by side in one process, the geolib call (inputs in memory, result in
memory), geolib end to end (read the files, compute, write the files) and the
Processing run (``processing.run`` into files, as a user runs it), and the ratio of the
Processing run to the geolib call, for:

- catchments, reached lines only (north-Bayreuth's walkable lines, 200 offers, 750 m);
- the kernel density of 100,000 points (Kreis Pinneberg, 25 m pixels, 500 m radius).

Below each, GDAL's own write (and read) of the same data alone, with the ratio the call
plus that already has: the floor no Processing run gets under.

Every side runs once to warm up (numba's cache, imports), then best of ``--repeat``.
``--profile`` prints the top of a cProfile of one Processing run of each.
Run: ``.venv/bin/python bench/bench_processing_overhead.py [--points N] [--profile]``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _common import best_of, machine, start_qgis  # noqa: E402  (sets a private QGIS profile first)

KREIS = ROOT / "data" / "kreis_pinneberg.gpkg"


def _profile(func, top: int = 25) -> None:
    prof = cProfile.Profile()
    prof.enable()
    func()
    prof.disable()
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def _line(title: str, call: float, files: float, proc: float) -> None:
    print(
        f"  {title:<34} geolib call {call:6.2f} s   geolib end to end {files:6.2f} s   "
        f"Processing run {proc:6.2f} s   ratio run/call {proc / call:5.2f}×  "
        f"(run/end to end {proc / files:5.2f}×)"
    )


def _floor(what: str, t_a: float, other: str, t_b: float, call: float) -> None:
    """GDAL's own reading/writing of the same data: what no Processing run can avoid."""
    parts = f"{what} {t_a:.2f} s" + (f", {other} {t_b:.2f} s" if other else "")
    print(
        f"    GDAL alone: {parts} → the call plus these is already "
        f"{(call + t_a + t_b) / call:.2f}× the call"
    )


def density(work: Path, n: int, repeat: int, profile: bool) -> None:
    import geopandas as gpd
    import processing
    import shapely

    from geolib.io import read_vector
    from geolib.kernel_density import kernel_density
    from geolib.raster import write_geotiff

    kreis = read_vector(KREIS, layer="kreis").to_crs(25832).geometry.union_all()
    xmin, ymin, xmax, ymax = kreis.bounds
    rng = np.random.default_rng(42)
    xy = rng.uniform([xmin, ymin], [xmax, ymax], size=(n, 2))
    points = gpd.GeoDataFrame(geometry=shapely.points(xy), crs=25832)
    path = work / "points.gpkg"
    points.to_file(path)
    out = work / "density.tif"
    options = {"radius": 500.0, "pixel_size": 25.0}

    def call():
        return kernel_density(points, **options)

    def files():
        write_geotiff(kernel_density(read_vector(path), **options), out, dtype="float32")

    def run():
        processing.run(
            "sozialplanung:offerdensity",
            {"INPUT": str(path), "RADIUS": 500.0, "PIXEL_SIZE": 25.0, "OUTPUT": str(out)},
        )

    for func in (call, files, run):
        func()  # warm: numba's cache, imports
    t_call, _ = best_of(call, repeat)
    t_files, _ = best_of(files, repeat)
    t_run, _ = best_of(run, repeat)
    _line(f"density of {n:,} points", t_call, t_files, t_run)
    result = call()
    t_read, _ = best_of(lambda: read_vector(path), repeat)
    t_write, _ = best_of(lambda: write_geotiff(result, work / "alone.tif", dtype="float32"), repeat)
    _floor("reading the points", t_read, "writing the GeoTIFF", t_write, t_call)
    if profile:
        _profile(run)


def catchment_lines(work: Path, repeat: int, profile: bool) -> None:
    import processing
    import pyogrio
    from bench_catchments import Runs, osm_case

    from processing_algorithms import gpkg_rows

    lpath, opath = osm_case(work)
    runs = Runs(work, lpath, opath, break_m=750.0, walkoff=50.0)

    def call():
        return runs.geolib_call(False)

    def files():
        return runs.geolib_files(False)

    def run():
        return runs.processing(False)

    for func in (call, files, run):
        func()
    t_call, _ = best_of(call, repeat)
    t_files, _ = best_of(files, repeat)
    t_run, _ = best_of(run, repeat)
    _line("catchments, reached lines", t_call, t_files, t_run)
    lines = call().lines
    alone = work / "alone.gpkg"

    def write_alone():  # GDAL's own write, into a new layer without a spatial index
        alone.unlink(missing_ok=True)
        pyogrio.write_dataframe(lines, alone, layer_options={"SPATIAL_INDEX": "NO"})

    t_write, _ = best_of(write_alone, repeat)
    _floor(f"writing the {len(lines):,} pieces", t_write, "", 0.0, t_call)

    def rows_alone():  # the same rows with SQLite directly (what the run does)
        alone.unlink(missing_ok=True)
        pyogrio.write_dataframe(lines.iloc[:0], alone, layer_options={"SPATIAL_INDEX": "NO"})
        columns = dict(lines.drop(columns="geometry").items())
        assert gpkg_rows.insert_rows(
            str(alone), "alone", "geom", columns, lines.geometry.values, False
        )

    t_rows, _ = best_of(rows_alone, repeat)
    print(
        f"    the same rows with SQLite directly (processing_algorithms/gpkg_rows.py): "
        f"{t_rows:.2f} s → the call plus these is {(t_call + t_rows) / t_call:.2f}× the call"
    )
    if profile:
        _profile(run)
    del processing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--points", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--only", choices=("density", "catchments"))
    args = parser.parse_args()
    print(machine(), flush=True)
    start_qgis()
    work = Path(tempfile.mkdtemp(prefix="bench-overhead-"))
    try:
        print("Processing run vs the geolib call it wraps (aim: at most 1.5×)")
        if args.only in (None, "catchments"):
            catchment_lines(work, args.repeat, args.profile)
        if args.only in (None, "density"):
            density(work, args.points, args.repeat, args.profile)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
