"""Benchmark: sozialplanung:catchments end to end against QGIS and pgRouting, and at scale.

Run: ``.venv/bin/python bench/bench_catchments.py [--quick]``. Prints, in one run:

1. a real OSM network (data/osm/north-bayreuth.osm.gz, walking, 750 m), 200 offers:
   a. reached lines: the Processing run (GeoPackage files in and out, network built)
      against the geolib call (network build + catchments on frames in memory), geolib
      end to end (files read, outputs written as GeoPackages with style and provenance)
      and QGIS's ``native:serviceareafromlayer`` run the same way; the ratios;
   b. catchment polygons: the same against QGIS's service area + buffer + dissolve
      (by offer) as a QGIS user builds them;
   c. (without ``--quick``) reached lines on a synthetic grid of 100k edges, where
      QGIS's Dijkstra over the whole graph per start point weighs more;
2. pgRouting (``bench/bench_pgrouting.py``, when it is there, as its own process);
3. scale: a synthetic 1M-edge grid, 1,000 offers, three breaks (5/10/15 min walking)
   with polygons, run again with the faces polygonized with the GIL released (the
   default) and held (``GEOLIB_NO_CTYPES=1``, shapely's own); and the read + build of a
   synthetic 1M-edge .osm.pbf (``bench/synthetic_osm.py``);
4. (without ``--quick``) how time and memory grow on grids of 10k to 1M edges.

Times are wall-clock seconds of this machine (best of a few runs); the ratios are
what matter: they compare runs made one after another in this process.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from _common import machine, start_qgis  # noqa: E402  (sets a private QGIS profile first)

from geolib._geos_threads import DISABLE_ENV as DISABLE_CTYPES  # noqa: E402
from geolib.catchments import network_catchments  # noqa: E402
from geolib.io import OutputLayer, Provenance, read_vector, write_gpkg  # noqa: E402
from geolib.network import build_network, clear_cache, read_osm_lines  # noqa: E402

OSM = ROOT / "data" / "osm" / "north-bayreuth.osm.gz"
STYLES = ROOT / "styles"


def timed(func, repeat: int = 1):
    best = float("inf")
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = func()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def osm_case(work: Path, n_offers: int = 200):
    """The walkable lines of the OSM file and random offers near them, as GeoPackages."""
    lines = read_osm_lines(OSM)
    metric = lines.to_crs(lines.estimate_utm_crs())
    walkable = metric[~metric["highway"].isin(["motorway", "motorway_link", "trunk"])]
    walkable = walkable[["highway", "geometry"]].reset_index(drop=True)
    rng = np.random.default_rng(42)
    coords = shapely.get_coordinates(walkable.geometry.values)
    picks = coords[rng.choice(len(coords), n_offers, replace=False)] + rng.normal(
        0, 10, (n_offers, 2)
    )
    offers = gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(n_offers)]},
        geometry=shapely.points(picks),
        crs=walkable.crs,
    )
    lpath, opath = work / "lines.gpkg", work / "offers.gpkg"
    walkable.to_file(lpath)
    offers.to_file(opath)
    return lpath, opath


class Runs:
    """The four ways of computing the same catchments, each timed from scratch."""

    def __init__(self, work: Path, lpath: Path, opath: Path, break_m: float, walkoff: float):
        self.work, self.lpath, self.opath = work, lpath, opath
        self.break_m, self.walkoff = break_m, walkoff
        self.lines, self.offers = read_vector(lpath), read_vector(opath)

    def _fresh(self, name: str) -> Path:
        out = self.work / name
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        return out

    def geolib_call(self, polygons: bool):
        clear_cache()
        net = build_network(self.lines, cost="distance", profile="walk")
        return network_catchments(
            net, self.offers, breaks=[self.break_m], walkoff=self.walkoff, polygons=polygons
        )

    def geolib_files(self, polygons: bool):
        """Read the files, compute, write the outputs as Processing does (styled,
        with provenance), each into its GeoPackage."""
        clear_cache()
        out = self._fresh("geolib")
        lines, offers = read_vector(self.lpath), read_vector(self.opath)
        net = build_network(lines, cost="distance", profile="walk")
        res = network_catchments(
            net, offers, breaks=[self.break_m], walkoff=self.walkoff, polygons=polygons
        )
        prov = Provenance(title="catchments", method="bench")
        layers = [("lines", res.lines, "catchment_lines.qml")]
        if polygons:
            layers.append(("areas", res.areas, "catchments.qml"))
        if len(res.unroutable):
            layers.append(("unroutable", res.unroutable, "catchment_unroutable.qml"))
        for name, frame, style in layers:
            write_gpkg(out / f"{name}.gpkg", OutputLayer(name, frame, STYLES / style, prov))
        return res

    def processing(self, polygons: bool, keep_network: bool = False):
        import processing

        from processing_algorithms.network_params import network_cache_dir

        if not keep_network:
            clear_cache()
            shutil.rmtree(network_cache_dir(), ignore_errors=True)
        out = self._fresh("processing")
        params = {
            "NETWORK": str(self.lpath),
            "OFFERS": str(self.opath),
            "COST": 1,
            "PROFILE": 0,
            "BREAKS": f"{self.break_m:g}",
            "WALKOFF_DISTANCE": self.walkoff,
            "OUTPUT": str(out / "areas.gpkg") if polygons else None,
            "OUTPUT_LINES": str(out / "lines.gpkg"),
            "OUTPUT_UNROUTABLE": str(out / "unroutable.gpkg"),
            "OUTPUT_POPULATION": None,
        }
        return processing.run("sozialplanung:catchments", params)

    def qgis(self, polygons: bool):
        """QGIS's service area from layer; for polygons buffered and dissolved per offer."""
        import processing

        out = self._fresh("qgis")
        result = processing.run(
            "native:serviceareafromlayer",
            {
                "INPUT": str(self.lpath),
                "STRATEGY": 0,
                "DEFAULT_DIRECTION": 2,
                "TOLERANCE": 0.0,
                "START_POINTS": str(self.opath),
                "TRAVEL_COST": self.break_m,
                "TRAVEL_COST2": self.break_m,
                "INCLUDE_BOUNDS": False,
                "OUTPUT_LINES": str(out / "lines.gpkg"),
            },
        )
        if not polygons:
            return result["OUTPUT_LINES"]
        buffered = processing.run(
            "native:buffer",
            {
                "INPUT": result["OUTPUT_LINES"],
                "DISTANCE": self.walkoff,
                "SEGMENTS": 4,
                "DISSOLVE": False,
                "OUTPUT": "TEMPORARY_OUTPUT",
            },
        )["OUTPUT"]
        return processing.run(
            "native:dissolve",
            {"INPUT": buffered, "FIELD": ["offer_id"], "OUTPUT": str(out / "areas.gpkg")},
        )["OUTPUT"]


def _length_km(path) -> float:
    frame = read_vector(str(path).split("|")[0])
    return shapely.union_all(frame.geometry.values).length / 1000.0


def grid_case(work: Path, n: int = 224, k: int = 200):
    """A grid of 2·n·(n-1) single-segment edges and k random offers, as GeoPackages."""
    lines = grid_lines(n)
    rng = np.random.default_rng(7)
    offers = gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(k)]},
        geometry=shapely.points(rng.uniform(0, (n - 1) * 100.0, (k, 2))),
        crs=25832,
    )
    lpath, opath = work / "grid_lines.gpkg", work / "grid_offers.gpkg"
    lines.to_file(lpath)
    offers.to_file(opath)
    return lpath, opath


def end_to_end(work: Path, repeat: int = 2, grid: bool = True, with_qgis: bool = True) -> None:
    start_qgis()
    cases = [(f"OSM network {OSM.name}", osm_case(work), 750.0, (False, True))]
    if grid:
        cases.append(("Synthetic grid", grid_case(work), 1000.0, (False,)))
    for title, (lpath, opath), break_m, kinds in cases:
        runs = Runs(work, lpath, opath, break_m=break_m, walkoff=50.0)
        print(
            f"{title}: {len(runs.lines):,} lines, {len(runs.offers)} offers, {break_m:g} m "
            f"on foot (network built in every run, GeoPackages in and out)"
        )
        _compare(runs, kinds, repeat, with_qgis)


def _compare(runs: Runs, kinds, repeat: int, with_qgis: bool = True) -> None:
    for polygons in kinds:
        t_call, res = timed(lambda p=polygons: runs.geolib_call(p), repeat)
        t_files, _ = timed(lambda p=polygons: runs.geolib_files(p), repeat)
        t_proc, _ = timed(lambda p=polygons: runs.processing(p), repeat)
        runs.processing(polygons)
        t_reuse, _ = timed(lambda p=polygons: runs.processing(p, keep_network=True), repeat)
        if not with_qgis:
            print(
                f"  {'polygons' if polygons else 'lines only'}: geolib call {t_call:.2f} s, "
                f"geolib end to end {t_files:.2f} s, Processing run {t_proc:.2f} s (× "
                f"{t_proc / t_call:.2f} of the call, × {t_proc / t_files:.2f} of end to end; "
                f"network reused {t_reuse:.2f} s)"
            )
            continue
        t_qgis, qgis_out = timed(lambda p=polygons: runs.qgis(p), repeat)
        what = "catchment polygons" if polygons else "reached lines only"
        peer = "service area + buffer + dissolve" if polygons else "service area (lines)"
        print(f"  {what}:")
        print(f"    geolib call (build + catchments in memory)  {t_call:7.2f} s")
        print(f"    geolib end to end (read, compute, write)    {t_files:7.2f} s")
        print(
            f"    Processing sozialplanung:catchments          {t_proc:7.2f} s  "
            f"(× {t_proc / t_call:.2f} of the geolib call, × {t_proc / t_files:.2f} of geolib "
            f"end to end; network reused from the cache: {t_reuse:.2f} s)"
        )
        print(
            f"    QGIS {peer:<40}{t_qgis:7.2f} s  → Processing run "
            f"{t_qgis / t_proc:.1f}× faster than QGIS (geolib call {t_qgis / t_call:.1f}×)"
        )
        if not polygons:
            ours = shapely.union_all(res.lines.geometry.values).length / 1000.0
            print(f"    reached length: ours {ours:.1f} km, QGIS {_length_km(qgis_out):.1f} km")
        else:
            ours = shapely.union_all(res.areas.geometry.values).area / 1e6
            theirs = shapely.union_all(read_vector(str(qgis_out).split("|")[0]).geometry.values)
            print(f"    covered area: ours {ours:.2f} km², QGIS {theirs.area / 1e6:.2f} km²")


def pgrouting() -> None:
    script = ROOT / "bench" / "bench_pgrouting.py"
    if not script.exists():
        print("\npgRouting: bench/bench_pgrouting.py is not there; skipped")
        return
    print("\npgRouting (bench/bench_pgrouting.py):", flush=True)
    proc = subprocess.run([sys.executable, str(script)], check=False, text=True)
    if proc.returncode != 0:
        print(f"  bench_pgrouting.py failed (exit {proc.returncode})")


def grid_lines(n: int, step: float = 100.0) -> gpd.GeoDataFrame:
    """An n × n grid of single-segment edges (2·n·(n-1) edges)."""
    i, j = np.meshgrid(np.arange(n), np.arange(n - 1), indexing="ij")
    i, j = i.ravel(), j.ravel()
    h = np.stack([j * step, i * step, (j + 1) * step, i * step], axis=1)
    v = np.stack([i * step, j * step, i * step, (j + 1) * step], axis=1)
    seg = np.vstack([h, v])
    coords = seg.reshape(-1, 2, 2)
    geoms = shapely.linestrings(coords)
    return gpd.GeoDataFrame(geometry=geoms, crs=25832)


def _gil_held_polygonizing(net, offers) -> str:
    """Per-offer polygons run again (the network's trees are built by now) with the faces
    polygonized as by default (geolib._geos_threads, the GIL released) and with
    ``GEOLIB_NO_CTYPES=1`` (shapely's polygonize, which keeps the GIL)."""

    def run(held: bool) -> str:
        before = os.environ.get(DISABLE_CTYPES)
        os.environ[DISABLE_CTYPES] = "1" if held else "0"
        try:
            cpu = time.process_time()
            t, _ = timed(
                lambda: network_catchments(
                    net, offers, breaks="5,10,15", overlap="per_offer", walkoff=50
                )
            )
            return f"{t:.2f} s (CPU {time.process_time() - cpu:.1f} s)"
        finally:
            if before is None:
                del os.environ[DISABLE_CTYPES]
            else:
                os.environ[DISABLE_CTYPES] = before

    return f"GIL released {run(False)}, held {run(True)}"


def million(work: Path, n: int = 708, k: int = 1000) -> None:
    """1M edges × 1,000 offers × 3 breaks with polygons; OSM read + build of 1M edges."""
    lines = grid_lines(n)
    clear_cache()
    t_build, net = timed(lambda: build_network(lines, cost="time", profile="walk"))
    rng = np.random.default_rng(0)
    offers = gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(k)]},
        geometry=shapely.points(rng.uniform(0, (n - 1) * 100.0, size=(k, 2))),
        crs=25832,
    )
    print(f"\nScale: grid of {net.n_edges:,} edges, {k:,} offers, breaks 5/10/15 min walking:")
    print(f"  network build (lines joined at shared ends) {t_build:7.2f} s  (aim < 15 s)")
    for overlap in ("per_offer", "dissolve"):
        cpu = time.process_time()
        t, res = timed(
            lambda o=overlap: network_catchments(
                net, offers, breaks="5,10,15", overlap=o, walkoff=50
            )
        )
        cpu = time.process_time() - cpu  # all threads: on a shared machine, the steadier
        t_lines, _ = timed(
            lambda o=overlap: network_catchments(
                net, offers, breaks="5,10,15", overlap=o, walkoff=50, polygons=False
            )
        )
        print(
            f"  catchments {overlap:<10} with polygons        {t:7.2f} s  "
            f"(CPU {cpu:.1f} s; aim < 10 s; "
            f"lines only {t_lines:.2f} s; {len(res.areas):,} areas, peak {peak_mb():.0f} MB)"
        )
        if overlap == "per_offer":
            held = _gil_held_polygonizing(net, offers)
            print(f"    again, faces polygonized with the {held}")
    from synthetic_osm import grid_edges, write_grid_pbf

    pbf = work / f"grid{n}.osm.pbf"
    t_write, _ = timed(lambda: write_grid_pbf(pbf, n))
    clear_cache()
    t_read, osm_lines = timed(lambda: read_osm_lines(pbf))
    t_obuild, onet = timed(lambda: build_network(osm_lines, cost="time", profile="walk"))
    print(
        f"  synthetic .osm.pbf of {grid_edges(n):,} edges ({pbf.stat().st_size / 1e6:.0f} MB, "
        f"written in {t_write:.0f} s): read {t_read:.2f} s + build {t_obuild:.2f} s = "
        f"{t_read + t_obuild:.2f} s (aim < 15 s; {onet.n_edges:,} edges)"
    )


def scaling(sizes, offer_counts) -> None:
    print("\nScaling on synthetic grids (100 m spacing, walking 5/10/15 min, dissolved):")
    print(
        f"  {'edges':>9} {'offers':>7} {'build s':>8} {'catch s':>8} {'areas km²':>10} "
        f"{'peak MB':>8}"
    )
    rng = np.random.default_rng(0)
    for n in sizes:
        lines = grid_lines(n)
        clear_cache()
        t_build, net = timed(lambda lines=lines: build_network(lines, cost="time", profile="walk"))
        for k in offer_counts:
            pts = rng.uniform(0, (n - 1) * 100.0, size=(k, 2))
            offers = gpd.GeoDataFrame(geometry=shapely.points(pts), crs=25832)
            offers["offer_id"] = [f"o{i}" for i in range(k)]
            t, res = timed(
                lambda net=net, offers=offers: network_catchments(
                    net, offers, breaks="5,10,15", overlap="dissolve", walkoff=50
                )
            )
            area = res.areas.area.max() / 1e6
            print(
                f"  {net.n_edges:>9,} {k:>7} {t_build:>8.2f} {t:>8.2f} {area:>10.1f} "
                f"{peak_mb():>8.0f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one repetition, no scaling table")
    parser.add_argument("--no-million", action="store_true", help="skip the 1M-edge part")
    parser.add_argument(
        "--ours-only", action="store_true", help="Processing against geolib only (no QGIS)"
    )
    args = parser.parse_args()
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-catchments-") as tmp:
        work = Path(tmp)
        end_to_end(
            work,
            repeat=1 if args.quick else 2,
            grid=not args.quick,
            with_qgis=not args.ours_only,
        )
        pgrouting()
        if not args.no_million:
            million(work)
        if not args.quick:
            scaling([71, 224], [100, 1000])


if __name__ == "__main__":
    main()
