"""Benchmark: bounded searches on the nodes near each source against dense Dijkstra rows.

Run: ``.venv/bin/python bench/bench_bounded_search.py [--grid 708] [--offers 1000]
[--repeat 3] [--polygons] [--od]``. On a synthetic grid (708 × 708: 1M edges), random
offers, breaks 5/10/15 min walking, it runs ``network_catchments`` (reached lines, with
``--polygons`` also the polygons) alternately with the searches of
:func:`geolib.bounded_search.reached_costs` on the nodes near each offer (the default on
networks of 50k nodes or more) and with dense cost rows over the whole network (scipy's
Dijkstra as before; forced by raising ``bounded_search._SPARSE_FROM_NODES``), and prints the
medians of CPU time (all threads) and wall time side by side, with their ratio, and
checks that both give the same lines (and areas). ``--od``: the same for ``od_costs``
(the offers as origins, three times as many random destinations, 15 minutes).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_catchments import grid_lines  # noqa: E402

from geolib import bounded_search  # noqa: E402
from geolib.catchments import network_catchments  # noqa: E402
from geolib.network import build_network, od_costs  # noqa: E402

SPARSE_FROM = bounded_search._SPARSE_FROM_NODES


def points(rng, n: int, k: int) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"offer_id": [f"o{i}" for i in range(k)]},
        geometry=shapely.points(rng.uniform(0, (n - 1) * 100.0, size=(k, 2))),
        crs=25832,
    )


def alternate(run, repeat: int):
    """Medians of (CPU, wall) of ``run()`` with sparse searches and with dense rows,
    alternating after one run to warm up; and the last result of each."""
    times: dict[str, list] = {"sparse": [], "dense": []}
    out = {}
    run()  # warm up: the network's lookups are built on first use
    for _ in range(repeat):
        for mode in ("dense", "sparse"):
            bounded_search._SPARSE_FROM_NODES = SPARSE_FROM if mode == "sparse" else 10**12
            cpu, wall = time.process_time(), time.perf_counter()
            out[mode] = run()
            times[mode].append((time.process_time() - cpu, time.perf_counter() - wall))
    bounded_search._SPARSE_FROM_NODES = SPARSE_FROM
    return {m: np.median(np.array(t), axis=0) for m, t in times.items()}, out


def show(what: str, medians) -> None:
    (sc, sw), (dc, dw) = medians["sparse"], medians["dense"]
    print(
        f"  {what:<28} sparse CPU {sc:6.2f} s, wall {sw:6.2f} s | dense rows CPU {dc:6.2f} s, "
        f"wall {dw:6.2f} s | dense / sparse CPU {dc / sc:4.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--grid", type=int, default=708, help="grid side in nodes")
    parser.add_argument("--offers", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--polygons", action="store_true", help="also with polygons")
    parser.add_argument("--od", action="store_true", help="also od_costs")
    args = parser.parse_args()
    n, k = args.grid, args.offers
    net = build_network(grid_lines(n), cost="time", profile="walk")
    rng = np.random.default_rng(0)
    offers = points(rng, n, k)
    print(f"Grid of {net.n_edges:,} edges, {k:,} offers, breaks 5/10/15 min walking:")
    kinds = [False, True] if args.polygons else [False]
    for polygons in kinds:
        medians, out = alternate(
            lambda p=polygons: network_catchments(
                net, offers, breaks="5,10,15", walkoff=50, polygons=p
            ),
            args.repeat,
        )
        show("catchments, " + ("with polygons" if polygons else "lines only"), medians)
        pd.testing.assert_frame_equal(out["sparse"].lines, out["dense"].lines)
        pd.testing.assert_frame_equal(out["sparse"].areas, out["dense"].areas)
    if args.od:
        dest = points(rng, n, 3 * k)
        medians, out = alternate(lambda: od_costs(net, offers, dest, max_cost=15), args.repeat)
        show("od_costs within 15 min", medians)
        pd.testing.assert_frame_equal(out["sparse"].table, out["dense"].table)
    print("  the same lines, areas and costs either way")


if __name__ == "__main__":
    main()
