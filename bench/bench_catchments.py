"""Benchmark: geolib network catchments against QGIS's ``native:serviceareafromlayer``.

Run: ``.venv/bin/python bench/bench_catchments.py [--quick]``. Prints

1. a real OSM network (data/osm/north-bayreuth.osm.gz, walking, distance break),
   200 offers, one break: geolib (network build + catchments, polygons included)
   against QGIS's service area from layer (lines only) on the same lines and
   points in this run, and the ratio; then three breaks against one;
2. how time and memory grow on synthetic grids (10k to 1M edges) and with the
   number of offers (dissolved coverage, three breaks).

Times are wall-clock seconds of this machine; the ratios are what matter.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from geolib.catchments import network_catchments  # noqa: E402
from geolib.network import build_network, clear_cache, read_osm_lines  # noqa: E402

OSM = ROOT / "data" / "osm" / "north-bayreuth.osm.gz"
SHARED_OSM = ROOT.parent / "shared" / "data" / "osm" / "north-bayreuth.osm.gz"


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


def osm_comparison(n_offers: int = 200, break_m: float = 750.0) -> None:
    path = OSM if OSM.exists() else SHARED_OSM
    lines = read_osm_lines(path)
    # a walking network: the lines QGIS gets are the same (metric, walkable) lines
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
    print(
        f"OSM network {path.name}: {len(walkable)} walkable lines, {n_offers} offers, "
        f"break {break_m:g} m"
    )

    def ours(breaks):
        clear_cache()
        net = build_network(walkable, cost="distance", profile="walk", node=False)
        return network_catchments(net, offers, breaks=breaks, walkoff=50)

    t_one, res = timed(lambda: ours([break_m]), repeat=2)
    t_three, _ = timed(lambda: ours([break_m / 3, 2 * break_m / 3, break_m]), repeat=2)
    net = build_network(walkable, cost="distance", profile="walk", node=False)
    t_cached, _ = timed(lambda: network_catchments(net, offers, breaks=[break_m], walkoff=50))
    t_lines, _ = timed(
        lambda: network_catchments(net, offers, breaks=[break_m], walkoff=50, polygons=False)
    )
    print(
        f"  geolib, network built + polygons + lines:   {t_one:7.2f} s "
        f"({len(res.areas)} areas, {len(res.lines)} line pieces)"
    )
    print(f"  geolib, network reused (cache):             {t_cached:7.2f} s")
    print(f"  geolib, lines only (like QGIS), reused:     {t_lines:7.2f} s")
    print(
        f"  geolib, three breaks instead of one:        {t_three:7.2f} s "
        f"(× {t_three / t_one:.2f} of one break)"
    )

    t_qgis, qgis_lines = qgis_service_area(walkable, offers, break_m)
    print(f"  QGIS native:serviceareafromlayer (lines):   {t_qgis:7.2f} s")
    print(
        f"  → ratio QGIS / geolib: {t_qgis / t_one:.1f}× (geolib building the network and "
        f"polygons), {t_qgis / t_cached:.1f}× (network reused), {t_qgis / t_lines:.1f}× "
        f"(lines only, like QGIS)"
    )
    ours_len = res.lines.geometry.union_all().length
    print(f"  reached length: geolib {ours_len / 1000:.1f} km, QGIS {qgis_lines / 1000:.1f} km")


def qgis_service_area(lines: gpd.GeoDataFrame, offers: gpd.GeoDataFrame, break_m: float):
    from tests._qgis import run_algorithm, start_qgis

    start_qgis()
    with tempfile.TemporaryDirectory() as tmp:
        lpath, opath = Path(tmp) / "lines.gpkg", Path(tmp) / "offers.gpkg"
        lines.to_file(lpath)
        offers.to_file(opath)
        params = {
            "INPUT": str(lpath),
            "STRATEGY": 0,
            "DEFAULT_DIRECTION": 2,
            "TOLERANCE": 0.0,
            "START_POINTS": str(opath),
            "TRAVEL_COST": break_m,
            "TRAVEL_COST2": break_m,
            "INCLUDE_BOUNDS": False,
            "OUTPUT_LINES": "memory:",
        }
        seconds, (results, _) = timed(
            lambda: run_algorithm("native:serviceareafromlayer", params), repeat=2
        )
        layer = results["OUTPUT_LINES"]
        if isinstance(layer, str):
            from qgis.core import QgsProject

            layer = QgsProject.instance().mapLayer(layer)
        geoms = [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in layer.getFeatures()]
        length = shapely.union_all([g for g in geoms if g is not None]).length
    return seconds, length


def grid_vs_qgis(n: int = 224, k: int = 200, break_m: float = 1000.0) -> None:
    """QGIS runs a whole-graph Dijkstra per start point: the gap grows with the network."""
    lines = grid_lines(n)
    rng = np.random.default_rng(7)
    offers = gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(k)]},
        geometry=shapely.points(rng.uniform(0, (n - 1) * 100.0, (k, 2))),
        crs=25832,
    )

    def ours(polygons):
        clear_cache()
        net = build_network(lines, cost="distance", profile=None, node=False)
        return network_catchments(net, offers, breaks=[break_m], walkoff=50, polygons=polygons)

    t_poly, res = timed(lambda: ours(True))
    t_lines, _ = timed(lambda: ours(False))
    t_qgis, qgis_len = qgis_service_area(lines, offers, break_m)
    ours_len = res.lines.geometry.union_all().length
    print(f"\nSynthetic grid, {len(lines):,} edges, {k} offers, break {break_m:g} m:")
    print(
        f"  geolib with polygons {t_poly:.2f} s, lines only {t_lines:.2f} s; "
        f"QGIS (lines) {t_qgis:.2f} s"
    )
    print(
        f"  → ratio QGIS / geolib: {t_qgis / t_poly:.1f}× (with polygons), "
        f"{t_qgis / t_lines:.1f}× (lines only); reached length geolib "
        f"{ours_len / 1000:.1f} km, QGIS {qgis_len / 1000:.1f} km"
    )


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


def per_offer(n: int = 224, k: int = 200) -> None:
    lines = grid_lines(n)
    net = build_network(lines, cost="time", profile="walk", node=False)
    rng = np.random.default_rng(1)
    offers = gpd.GeoDataFrame(
        geometry=shapely.points(rng.uniform(0, (n - 1) * 100, (k, 2))), crs=25832
    )
    offers["offer_id"] = [f"o{i}" for i in range(k)]
    t1, _ = timed(lambda: network_catchments(net, offers, breaks=[15], walkoff=50))
    t3, _ = timed(lambda: network_catchments(net, offers, breaks="5,10,15", walkoff=50))
    print(
        f"\nPer-offer areas, {net.n_edges:,} edges, {k} offers: one break {t1:.2f} s, "
        f"three breaks {t3:.2f} s (× {t3 / t1:.2f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller grids only")
    args = parser.parse_args()
    osm_comparison()
    grid_vs_qgis()
    if args.quick:
        scaling([71, 224], [100, 1000])
    else:
        scaling([71, 224, 708], [100, 1000])
    per_offer()


if __name__ == "__main__":
    main()
